/**
 * Steam Desktop Authenticator `.maFile`s (one account; `shared_secret` is Base64) and files
 * that bundle several under `accounts`. Encrypted maFiles (SDA with a passkey) are not JSON.
 * @see https://github.com/Jessecar96/SteamDesktopAuthenticator
 * @see docs/research/import-formats.md "Extra fixtures"
 */
import { bytesToBase32 } from './base32';
import { base64ToBytes } from './bytes';
import { Collector } from './collect';
import { EntryError, makeDraft, text } from './draft';
import { ImportError } from './errors';
import { asObj, hasExt, type Obj } from './shape';
import type { ImportFormat, ImportSource } from './types';

const LABEL = 'Steam Guard file';

function accountsOf(json: unknown): Obj[] {
  const root = asObj(json);
  if (!root) return [];
  if (typeof root.shared_secret === 'string') return [root];
  const nested = asObj(root.accounts);
  return nested
    ? Object.values(nested)
        .map(asObj)
        .filter((a): a is Obj => typeof a?.shared_secret === 'string')
    : [];
}

export const steam: ImportFormat = {
  id: 'steam',
  label: LABEL,
  sniff(src: ImportSource) {
    if (accountsOf(src.json).length > 0) return 1;
    return src.json === undefined && hasExt(src.name, 'mafile') ? 0.5 : 0;
  },
  async parse(src) {
    const accounts = accountsOf(src.json);
    if (accounts.length === 0) {
      throw new ImportError(
        'unsupported',
        'This Steam Desktop Authenticator file is encrypted: remove the encryption in SDA, then import the .maFile',
      );
    }
    const c = new Collector(LABEL);
    accounts.forEach((a, i) => {
      c.add(`Account ${i + 1}`, () => {
        let secret: Uint8Array;
        try {
          secret = base64ToBytes(text(a.shared_secret));
        } catch {
          throw new EntryError('shared_secret is not valid Base64');
        }
        if (secret.length === 0) throw new EntryError('shared_secret is empty');
        return makeDraft({
          type: 'steam',
          secret: bytesToBase32(secret),
          issuer: 'Steam',
          label: a.account_name,
        });
      });
    });
    return c.result();
  },
};
