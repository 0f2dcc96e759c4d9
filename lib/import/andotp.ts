/**
 * andOTP backups: a JSON array (plain) or an AES-GCM blob with no magic header (encrypted).
 * New encrypted format: int32 BE iterations ‖ salt[12] ‖ nonce[12] ‖ ct ‖ tag, key =
 * PBKDF2-HMAC-SHA1(password, salt, iterations). Old format: nonce[12] ‖ ct ‖ tag, key = SHA-256(password).
 * @see https://github.com/andOTP/andOTP/wiki/Backups
 * @see docs/research/import-formats.md §5
 */
import { utf8, utf8Strict } from './bytes';
import { Collector } from './collect';
import { aesGcmOpen, KDF_LIMITS, pbkdf2, sha256 } from './crypto';
import { makeDraft, splitName, text } from './draft';
import { ImportError, malformed } from './errors';
import { asArr, asObj, hasExt } from './shape';
import type { ImportFormat, ImportOptions, ImportSource } from './types';

const LABEL = 'andOTP backup';

function isEntryArray(v: unknown): boolean {
  const first = asObj(asArr(v)?.[0]);
  return !!first && 'secret' in first && 'type' in first;
}

async function decrypt(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  if (bytes.length < 12 + 16) throw malformed(`${LABEL}: the file is too short`);
  // Old format first: it costs one hash, the new one a long PBKDF2.
  const old = await aesGcmOpen(await sha256(utf8(password)), bytes.subarray(0, 12), bytes.subarray(12));
  if (old) return old;
  if (bytes.length < 4 + 12 + 12 + 16) throw new ImportError('wrong-password', `${LABEL}: wrong password`);
  const iterations = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  if (iterations < 1 || iterations > KDF_LIMITS.pbkdf2MaxIterations) {
    // Either an old-format file with a wrong password (its first bytes are a random nonce, so they
    // cannot be told apart) or a count above any real export's: refused before any PBKDF2 work.
    throw new ImportError('wrong-password', `${LABEL}: wrong password (or the file is damaged)`);
  }
  const key = await pbkdf2('SHA-1', password, bytes.subarray(4, 16), iterations, 32);
  const plain = await aesGcmOpen(key, bytes.subarray(16, 28), bytes.subarray(28));
  if (!plain) throw new ImportError('wrong-password', `${LABEL}: wrong password`);
  return plain;
}

async function parse(src: ImportSource, opts: ImportOptions) {
  let entries = asArr(src.json);
  if (!entries) {
    if (!opts.password) {
      throw new ImportError(
        'password-required',
        'This looks like an encrypted andOTP backup: enter its password',
      );
    }
    const plain = await decrypt(src.bytes, opts.password);
    try {
      entries = asArr(JSON.parse(utf8Strict(plain)));
    } catch {
      entries = undefined;
    }
    if (!entries) throw malformed(`${LABEL}: the decrypted contents are not an account list`);
  }
  const c = new Collector(LABEL);
  entries.forEach((raw, i) => {
    c.add(`Entry ${i + 1}`, () => {
      const e = asObj(raw) ?? {};
      let issuer = text(e.issuer).trim();
      let label = text(e.label).trim();
      // Old exports have no issuer field and write the label as "Issuer - account".
      const dash = label.indexOf(' - ');
      if (issuer === '' && dash > 0) {
        issuer = label.slice(0, dash);
        label = label.slice(dash + 3);
      }
      ({ issuer, label } = splitName(issuer, label));
      return makeDraft({
        type: e.type,
        secret: e.secret,
        issuer,
        label,
        algorithm: e.algorithm,
        digits: e.digits,
        period: e.period,
        counter: e.counter,
      });
    });
  });
  return c.result();
}

export const andotp: ImportFormat = {
  id: 'andotp',
  label: LABEL,
  sniff(src) {
    if (src.json !== undefined) return isEntryArray(src.json) ? 0.9 : 0;
    // Encrypted backups are opaque bytes: only the file name can tell us.
    return hasExt(src.name, 'aes', 'bin') || /andotp|otp_accounts/i.test(src.name) ? 0.5 : 0;
  },
  parse,
};
