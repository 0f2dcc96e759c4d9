/**
 * FreeOTP+ JSON exports: `{ tokenOrder, tokens: [{ secret: [signed bytes], type, algo, digits,
 * period, counter, issuerExt, label }] }`. FreeOTP+ stores the HOTP counter of the *last*
 * code, so the next code uses counter + 1 (as Aegis's importer does).
 * @see docs/research/import-formats.md §9
 */
import { bytesToBase32 } from './base32';
import { Collector } from './collect';
import { EntryError, makeDraft, text } from './draft';
import { malformed } from './errors';
import { asArr, asObj } from './shape';
import type { ImportFormat } from './types';

const LABEL = 'FreeOTP+ backup';

/** Java signed bytes (-128…127) → bytes; anything else is damage. */
function javaBytes(v: unknown): Uint8Array {
  const arr = asArr(v);
  if (!arr || arr.length === 0) throw new EntryError('the secret is missing');
  return Uint8Array.from(arr, (b) => {
    if (typeof b !== 'number' || !Number.isInteger(b) || b < -128 || b > 255) {
      throw new EntryError('the secret is damaged');
    }
    return b & 0xff;
  });
}

export const freeotpPlus: ImportFormat = {
  id: 'freeotp-plus',
  label: LABEL,
  sniff(src) {
    const root = asObj(src.json);
    return root && Array.isArray(root.tokens) ? 1 : 0;
  },
  async parse(src) {
    const tokens = asArr(asObj(src.json)?.tokens);
    if (!tokens) throw malformed(`${LABEL}: the token list is missing`);
    const c = new Collector(LABEL);
    tokens.forEach((raw, i) => {
      c.add(`Token ${i + 1}`, () => {
        const t = asObj(raw) ?? {};
        const type = text(t.type).toLowerCase();
        const counter = typeof t.counter === 'number' ? t.counter + 1 : undefined;
        return makeDraft({
          type,
          secret: bytesToBase32(javaBytes(t.secret)),
          issuer: text(t.issuerExt) || text(t.issuerInt),
          label: t.label,
          algorithm: t.algo,
          digits: t.digits,
          period: t.period,
          counter: type === 'hotp' ? counter : undefined,
        });
      });
    });
    return c.result();
  },
};
