/**
 * Proton Authenticator JSON exports: `{ version, entries: [{ content: { uri, entry_type, name } }] }`;
 * each uri is an otpauth link (or `steam://SECRET` for Steam entries).
 * @see docs/research/import-formats.md "Extra fixtures"
 */

import { draftFromTotpField } from './bitwarden';
import { Collector } from './collect';
import { text } from './draft';
import { malformed } from './errors';
import { asArr, asObj } from './shape';
import type { ImportFormat } from './types';

const LABEL = 'Proton Authenticator export';

export const proton: ImportFormat = {
  id: 'proton',
  label: LABEL,
  sniff(src) {
    const root = asObj(src.json);
    const first = asObj(asArr(root?.entries)?.[0]);
    return root && 'version' in root && first && asObj(first.content) ? 1 : 0;
  },
  async parse(src) {
    const entries = asArr(asObj(src.json)?.entries);
    if (!entries) throw malformed(`${LABEL}: the entry list is missing`);
    const c = new Collector(LABEL);
    entries.forEach((raw, i) => {
      c.add(`Entry ${i + 1}`, () => {
        const content = asObj(asObj(raw)?.content) ?? {};
        const name = text(content.name);
        return draftFromTotpField(text(content.uri), content.entry_type === 'Steam' ? 'Steam' : '', name);
      });
    });
    return c.result();
  },
};
