/**
 * Authenticator browser extension (authenticator.cc) JSON backups, plain and encrypted.
 * Encrypted (v3 key): each entry is `CryptoJS.AES.encrypt(JSON, passphrase)` (OpenSSL
 * `Salted__` framing, EVP_BytesToKey-MD5, AES-256-CBC) and the passphrase is the hash field of
 * Argon2id(password, key.salt, t=2, m=19456 KiB, p=1) in PHC form; `key.hash` verifies it.
 * @see docs/research/import-formats.md §7
 * @see https://github.com/Authenticator-Extension/Authenticator
 */
import { type AccountDraft, parseAlgorithm } from '../otp';
import { bytesToBase32 } from './base32';
import { base64ToBytes, hexToBytes, utf8Strict } from './bytes';
import { Collector } from './collect';
import { aesCbcOpen, argon2idEncoded, argon2VerifyBounded, checkPhc, evpBytesToKeyMd5 } from './crypto';
import { EntryError, makeDraft, text } from './draft';
import { ImportError, malformed } from './errors';
import { asObj, asStr, type Obj } from './shape';
import type { ImportFormat, ImportOptions, ImportSource } from './types';

const LABEL = 'Authenticator backup';
/** The extension's fixed passphrase-derivation parameters. */
const ARGON2 = { memoryKiB: 19_456, iterations: 2, parallelism: 1 };
const SALTED = 'Salted__';
const MAX_KEYS = 4;

/** Maps the extension's entry types onto ours; `battle` is 8-digit TOTP, `hex`/`hhex` carry hex secrets. */
function toDraft(e: Obj): AccountDraft {
  const rawType = text(e.type).toLowerCase() || 'totp';
  let secret = text(e.secret).replace(/^(stm|blz)-/, '');
  let type = rawType;
  if (rawType === 'hex' || rawType === 'hhex') {
    try {
      secret = bytesToBase32(hexToBytes(secret.replace(/\s+/g, '')));
    } catch {
      throw new EntryError('the hex secret is damaged');
    }
    type = rawType === 'hex' ? 'totp' : 'hotp';
  } else if (rawType === 'battle') {
    type = 'totp';
  }
  const algorithm = text(e.algorithm);
  if (algorithm.startsWith('GOST')) throw new EntryError('GOST algorithms are not supported');
  return makeDraft({
    type,
    secret,
    issuer: e.issuer,
    label: e.account,
    algorithm: algorithm ? parseAlgorithm(algorithm) : undefined,
    digits: rawType === 'battle' ? 8 : e.digits,
    period: e.period,
    counter: e.counter,
  });
}

/** CryptoJS passphrase-mode decryption; null when the passphrase does not fit. */
async function cryptoJsDecrypt(data: string, passphrase: string): Promise<string | null> {
  let raw: Uint8Array;
  try {
    raw = base64ToBytes(data);
  } catch {
    return null;
  }
  if (raw.length < 32 || new TextDecoder().decode(raw.subarray(0, 8)) !== SALTED) return null;
  const { key, iv } = await evpBytesToKeyMd5(passphrase, raw.subarray(8, 16));
  const plain = await aesCbcOpen(key, iv, raw.subarray(16));
  if (!plain) return null;
  try {
    return utf8Strict(plain);
  } catch {
    return null;
  }
}

async function passphraseFor(keyRecord: Obj | undefined, password: string): Promise<string> {
  const salt = asStr(keyRecord?.salt);
  const hash = asStr(keyRecord?.hash);
  if (!keyRecord || !salt || !hash || salt.length > 1024)
    throw malformed(`${LABEL}: the key record is missing or damaged`);
  if (keyRecord.version !== 3)
    throw new ImportError('unsupported', `${LABEL}: this key version is not supported`);
  checkPhc(hash); // a verifier asking for a huge cost is refused before our own Argon2 run
  const encoded = await argon2idEncoded(password, salt, ARGON2);
  const passphrase = encoded.slice(encoded.lastIndexOf('$') + 1);
  if (!(await argon2VerifyBounded(passphrase, hash)))
    throw new ImportError('wrong-password', `${LABEL}: wrong password`);
  return passphrase;
}

async function parse(src: ImportSource, opts: ImportOptions) {
  const root = asObj(src.json) ?? {};
  const values = Object.values(root)
    .map(asObj)
    .filter((v): v is Obj => v !== undefined);
  const keys = new Map(values.filter((v) => v.dataType === 'Key').map((v) => [text(v.id), v] as const));
  const passphrases = new Map<string, string>();
  const c = new Collector(LABEL);
  let n = 0;
  for (const v of values) {
    if (v.dataType === 'Key') continue;
    n++;
    const where = `Entry ${n}`;
    if (v.dataType === 'EncOTPStorage') {
      if (!opts.password) {
        throw new ImportError(
          'password-required',
          'This Authenticator backup is encrypted: enter its password',
        );
      }
      const keyId = text(v.keyId);
      let passphrase = passphrases.get(keyId);
      if (passphrase === undefined) {
        // Each key costs an Argon2 run; real backups have one.
        if (passphrases.size >= MAX_KEYS) throw malformed(`${LABEL}: too many encryption keys`);
        passphrase = await passphraseFor(keys.get(keyId), opts.password);
        passphrases.set(keyId, passphrase);
      }
      const json = await cryptoJsDecrypt(text(v.data), passphrase);
      c.add(where, () => {
        const entry = json === null ? undefined : asObj(JSON.parse(json));
        if (!entry) throw new EntryError('the encrypted entry is damaged');
        return toDraft(entry);
      });
    } else if (v.encrypted === true) {
      c.warn(`${where}: entries encrypted by old versions of the extension are not supported`);
    } else {
      c.add(where, () => toDraft(v));
    }
  }
  return c.result();
}

function looksLikeEntry(v: Obj): boolean {
  return (
    v.dataType === 'OTPStorage' ||
    v.dataType === 'EncOTPStorage' ||
    v.dataType === 'Key' ||
    ('secret' in v && 'encrypted' in v && 'type' in v)
  );
}

export const authenticatorExt: ImportFormat = {
  id: 'authenticator-extension',
  label: LABEL,
  sniff(src) {
    const root = asObj(src.json);
    if (!root) return 0;
    const values = Object.values(root).map(asObj);
    const entries = values.filter((v) => v && looksLikeEntry(v)).length;
    return entries > 0 && values.every((v) => v !== undefined) ? 0.9 : 0;
  },
  parse,
};
