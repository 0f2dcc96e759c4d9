/**
 * Aegis vault exports, plain and encrypted. Encrypted: each password slot wraps the master key
 * with AES-256-GCM under scrypt(password, salt, N, r, p); the master key opens `db`.
 * @see https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md
 * @see docs/research/import-formats.md §3
 */
import { base64ToBytes, concat, hexToBytes, utf8Strict } from './bytes';
import { Collector } from './collect';
import { aesGcmOpen, scryptKey } from './crypto';
import { makeDraft } from './draft';
import { ImportError, malformed } from './errors';
import { asArr, asObj, asStr, type Obj } from './shape';
import type { ImportFormat, ImportOptions, ImportSource } from './types';

const LABEL = 'Aegis vault';
/** More slots than any real vault has; bounds the scrypt work a crafted file can ask for. */
const MAX_PASSWORD_SLOTS = 4;

function hex(v: unknown, bytes: number, what: string): Uint8Array {
  const s = asStr(v);
  if (s === undefined || s.length !== bytes * 2) throw malformed(`${LABEL}: the ${what} is damaged`);
  try {
    return hexToBytes(s);
  } catch {
    throw malformed(`${LABEL}: the ${what} is damaged`);
  }
}

async function unlockMasterKey(slots: unknown[], password: string): Promise<Uint8Array> {
  const passwordSlots = slots.map(asObj).filter((s): s is Obj => s?.type === 1);
  if (passwordSlots.length === 0) {
    throw new ImportError(
      'unsupported',
      `${LABEL}: this vault has no password slot (biometric only); export it again with a password`,
    );
  }
  for (const slot of passwordSlots.slice(0, MAX_PASSWORD_SLOTS)) {
    const params = asObj(slot.key_params);
    const salt = hex(slot.salt, 32, 'key salt');
    const wrapped = hex(slot.key, 32, 'wrapped key');
    const nonce = hex(params?.nonce, 12, 'key nonce');
    const tag = hex(params?.tag, 16, 'key tag');
    const kek = await scryptKey(password, salt, slot.n, slot.r, slot.p);
    const master = await aesGcmOpen(kek, nonce, concat(wrapped, tag));
    if (master) return master;
  }
  throw new ImportError('wrong-password', `${LABEL}: wrong password`);
}

async function decryptDb(root: Obj, header: Obj, password: string | undefined): Promise<unknown> {
  if (!password) {
    throw new ImportError(
      'password-required',
      'This looks like an encrypted Aegis vault: enter its password',
    );
  }
  const slots = asArr(header.slots);
  const params = asObj(header.params);
  const dbText = asStr(root.db);
  if (!slots || !params || dbText === undefined)
    throw malformed(`${LABEL}: the encryption header is damaged`);
  const master = await unlockMasterKey(slots, password);
  let ct: Uint8Array;
  try {
    ct = base64ToBytes(dbText);
  } catch {
    throw malformed(`${LABEL}: the encrypted contents are damaged`);
  }
  const plain = await aesGcmOpen(
    master,
    hex(params.nonce, 12, 'nonce'),
    concat(ct, hex(params.tag, 16, 'tag')),
  );
  if (!plain) throw malformed(`${LABEL}: the encrypted contents are damaged`);
  try {
    return JSON.parse(utf8Strict(plain));
  } catch {
    throw malformed(`${LABEL}: the decrypted contents are not valid JSON`);
  }
}

async function parse(src: ImportSource, opts: ImportOptions) {
  const root = asObj(src.json) ?? {};
  const header = asObj(root.header) ?? {};
  if (root.version !== 1)
    throw new ImportError('unsupported', `${LABEL}: version ${String(root.version)} is not supported`);
  const db = typeof root.db === 'string' ? await decryptDb(root, header, opts.password) : root.db;
  const entries = asArr(asObj(db)?.entries);
  if (!entries) throw malformed(`${LABEL}: the entry list is missing`);
  const c = new Collector(LABEL);
  entries.forEach((raw, i) => {
    c.add(`Entry ${i + 1}`, () => {
      const e = asObj(raw) ?? {};
      const info = asObj(e.info) ?? {};
      return makeDraft({
        type: e.type,
        secret: info.secret,
        issuer: e.issuer,
        label: e.name,
        algorithm: info.algo,
        digits: info.digits,
        period: info.period,
        counter: info.counter,
      });
    });
  });
  return c.result();
}

export const aegis: ImportFormat = {
  id: 'aegis',
  label: LABEL,
  sniff(src) {
    const root = asObj(src.json);
    return root && asObj(root.header) && 'db' in root && 'version' in root ? 1 : 0;
  },
  parse,
};
