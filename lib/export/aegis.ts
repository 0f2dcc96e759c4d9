import { scrypt } from 'hash-wasm';
import type { AccountDraft } from '../otp/types';
import { cryptoRandom, randomBytes, toBase64 } from '../vault/crypto';
import type { RandomSource } from '../vault/types';

/** Aegis' own password-slot parameters (what Aegis writes and reads back without complaint). */
export const AEGIS_SCRYPT = { n: 32768, r: 8, p: 1 } as const;

type AegisAccount = AccountDraft & { notes?: string; pinned?: boolean };

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function uuid(random: RandomSource): string {
  const b = randomBytes(16, random);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40; // version 4
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The `db` object of an Aegis vault (version 3 entries). */
export function aegisDb(accounts: AegisAccount[], random: RandomSource = cryptoRandom) {
  return {
    version: 3,
    entries: accounts.map((a) => ({
      type: a.type,
      uuid: uuid(random),
      name: a.label,
      issuer: a.issuer,
      note: a.notes ?? '',
      favorite: a.pinned ?? false,
      icon: null,
      info: {
        secret: a.secret,
        algo: a.algorithm,
        digits: a.digits,
        ...(a.type === 'hotp' ? { counter: a.counter } : { period: a.period }),
      },
      groups: [],
    })),
    groups: [],
  };
}

async function gcm(key: Uint8Array<ArrayBuffer>, plain: Uint8Array<ArrayBuffer>, random: RandomSource) {
  const nonce = randomBytes(12, random);
  const k = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']);
  const out = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce }, k, plain));
  // Aegis stores the 16-byte tag apart from the ciphertext.
  return { nonce, ct: out.subarray(0, out.length - 16), tag: out.subarray(out.length - 16) };
}

/**
 * An Aegis-compatible vault file, so users can move to Aegis (Android) or anything that reads it.
 * Without a password it is plain JSON (every secret readable); with one it is encrypted the way
 * Aegis does it: scrypt password slot wrapping a random master key, AES-256-GCM database.
 * @see https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md
 */
export async function exportAegis(
  accounts: AegisAccount[],
  password: string | null,
  random: RandomSource = cryptoRandom,
): Promise<string> {
  const db = aegisDb(accounts, random);
  if (password === null) {
    return JSON.stringify({ version: 1, header: { slots: null, params: null }, db }, null, 2);
  }
  const masterKey = randomBytes(32, random);
  const salt = randomBytes(32, random);
  const derived = await scrypt({
    password: password.normalize('NFC'),
    salt,
    costFactor: AEGIS_SCRYPT.n,
    blockSize: AEGIS_SCRYPT.r,
    parallelism: AEGIS_SCRYPT.p,
    hashLength: 32,
    outputType: 'binary',
  });
  const slotWrap = await gcm(new Uint8Array(derived), masterKey, random);
  const body = await gcm(masterKey, new TextEncoder().encode(JSON.stringify(db)), random);
  masterKey.fill(0);
  const header = {
    slots: [
      {
        type: 1,
        uuid: uuid(random),
        key: hex(slotWrap.ct),
        key_params: { nonce: hex(slotWrap.nonce), tag: hex(slotWrap.tag) },
        ...AEGIS_SCRYPT,
        salt: hex(salt),
      },
    ],
    params: { nonce: hex(body.nonce), tag: hex(body.tag) },
  };
  return JSON.stringify({ version: 1, header, db: toBase64(body.ct) }, null, 2);
}
