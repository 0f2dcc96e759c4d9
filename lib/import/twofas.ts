/**
 * 2FAS Authenticator backups (`.2fas`, schema 1–4), plain and encrypted. Encrypted fields are
 * `base64(ct‖tag):base64(salt):base64(iv)`, key = PBKDF2-HMAC-SHA256(password, salt, 10 000), and
 * `reference` decrypts to a fixed text, which tells a wrong password from a damaged file.
 * @see docs/research/import-formats.md §4
 */
import { base64ToBytes, utf8Strict } from './bytes';
import { Collector } from './collect';
import { aesGcmOpen, pbkdf2 } from './crypto';
import { makeDraft, text } from './draft';
import { ImportError, malformed } from './errors';
import { asArr, asObj, asStr } from './shape';
import type { ImportFormat, ImportOptions, ImportSource } from './types';

const LABEL = '2FAS backup';
/** Fixed by the 2FAS apps; not stored in the file. */
const PBKDF2_ITERATIONS = 10_000;

interface Sealed {
  ct: Uint8Array;
  salt: Uint8Array;
  iv: Uint8Array;
}

function unpack(v: string): Sealed {
  const parts = v.split(':');
  if (parts.length !== 3) throw malformed(`${LABEL}: the encrypted data is damaged`);
  try {
    const [ct, salt, iv] = parts.map((p) => base64ToBytes(p));
    if (!ct || !salt || !iv || salt.length === 0 || iv.length === 0) throw new Error('empty');
    return { ct, salt, iv };
  } catch {
    throw malformed(`${LABEL}: the encrypted data is damaged`);
  }
}

async function decryptServices(root: Record<string, unknown>, sealedText: string, password?: string) {
  if (!password)
    throw new ImportError('password-required', 'This 2FAS backup is encrypted: enter its password');
  const sealed = unpack(sealedText);
  const key = await pbkdf2('SHA-256', password, sealed.salt, PBKDF2_ITERATIONS, 32);
  const refText = asStr(root.reference);
  if (refText !== undefined) {
    const ref = unpack(refText);
    // The reference shares the salt; a different salt would need a second derivation.
    const refKey =
      ref.salt.join() === sealed.salt.join()
        ? key
        : await pbkdf2('SHA-256', password, ref.salt, PBKDF2_ITERATIONS, 32);
    if (!(await aesGcmOpen(refKey, ref.iv, ref.ct)))
      throw new ImportError('wrong-password', `${LABEL}: wrong password`);
  }
  const plain = await aesGcmOpen(key, sealed.iv, sealed.ct);
  if (!plain) {
    if (refText === undefined) throw new ImportError('wrong-password', `${LABEL}: wrong password`);
    throw malformed(`${LABEL}: the encrypted accounts are damaged`);
  }
  try {
    return JSON.parse(utf8Strict(plain)) as unknown;
  } catch {
    throw malformed(`${LABEL}: the decrypted accounts are not valid JSON`);
  }
}

/** Account name from `otp.account`, else the part of `otp.label` after "issuer:". */
function accountName(otp: Record<string, unknown>, issuer: string): string {
  const account = text(otp.account);
  if (account !== '') return account;
  const label = text(otp.label);
  return issuer !== '' && label.startsWith(`${issuer}:`) ? label.slice(issuer.length + 1) : label;
}

async function parse(src: ImportSource, opts: ImportOptions) {
  const root = asObj(src.json) ?? {};
  const schema = root.schemaVersion;
  if (typeof schema !== 'number' || schema < 1 || schema > 4) {
    throw new ImportError('unsupported', `${LABEL}: schema version ${String(schema)} is not supported`);
  }
  const sealedText = asStr(root.servicesEncrypted);
  const services = asArr(sealedText ? await decryptServices(root, sealedText, opts.password) : root.services);
  if (!services) throw malformed(`${LABEL}: the account list is missing`);
  const c = new Collector(LABEL);
  services.forEach((raw, i) => {
    c.add(`Entry ${i + 1}`, () => {
      const s = asObj(raw) ?? {};
      const otp = asObj(s.otp) ?? {};
      const issuer = text(otp.issuer) || text(s.name);
      // Schemas 1–2 have no tokenType: 2FAS then only knew TOTP.
      return makeDraft({
        type: otp.tokenType ?? 'totp',
        secret: s.secret,
        issuer,
        label: accountName(otp, issuer),
        algorithm: otp.algorithm,
        digits: otp.digits,
        period: otp.period,
        counter: otp.counter,
      });
    });
  });
  return c.result();
}

export const twofas: ImportFormat = {
  id: '2fas',
  label: LABEL,
  sniff(src) {
    const root = asObj(src.json);
    return root && 'schemaVersion' in root && ('services' in root || 'servicesEncrypted' in root) ? 1 : 0;
  },
  parse,
};
