/**
 * Keyfob's own encrypted backup (lib/export createBackup): one Argon2id password slot wrapping
 * a backup key that opens the payload. Unlike other formats it carries Keyfob's own fields —
 * sites, notes, colour, pinned — and each account's backup-code sheet, so a restore loses nothing.
 * @see docs/design.md "Vault format"
 */
import { type BackupFile, isBackupFile, openBackup } from '../export/keyfob-backup';
import { type AccountDraft, validateDraft } from '../otp';
import { isVaultError } from '../vault/errors';
import type { RecoverySheet, StoredAccount } from '../vault/types';
import { Collector } from './collect';
import { type Argon2Params, checkArgon2 } from './crypto';
import { ImportError, malformed } from './errors';
import type { ImportFormat, ImportResult, ImportSource } from './types';

const LABEL = 'Keyfob backup';

/**
 * An imported account with the optional extras only a Keyfob backup has. Other formats yield
 * plain drafts; parseImport hands these objects through unchanged.
 */
export interface RestoredAccount extends AccountDraft {
  sites?: string[];
  notes?: string;
  color?: string;
  pinned?: boolean;
  /** the account's backup-code sheet, used/unused marks included */
  recovery?: RecoverySheet;
}

const isStr = (v: unknown): v is string => typeof v === 'string';

/** A sheet as stored, or undefined when its shape is wrong (the account is still restored). */
function cleanSheet(s: unknown): RecoverySheet | undefined {
  const x = s as Partial<RecoverySheet> | null;
  const ok =
    !!x &&
    Array.isArray(x.codes) &&
    x.codes.every((c) => !!c && isStr(c.code) && (c.usedAt === null || typeof c.usedAt === 'number')) &&
    typeof x.createdAt === 'number' &&
    typeof x.updatedAt === 'number';
  if (!ok || !x.codes) return undefined;
  return {
    codes: x.codes.map((c) => ({ code: c.code, usedAt: c.usedAt })),
    createdAt: x.createdAt as number,
    updatedAt: x.updatedAt as number,
  };
}

/** One stored account → a validated draft plus its extras; ids and timestamps are not kept. */
function restore(a: StoredAccount, sheet: unknown, out: Collector, where: string): RestoredAccount {
  const r: RestoredAccount = { ...validateDraft(a) };
  if (Array.isArray(a.sites)) r.sites = a.sites.filter(isStr);
  if (isStr(a.notes)) r.notes = a.notes;
  if (isStr(a.color)) r.color = a.color;
  if (typeof a.pinned === 'boolean') r.pinned = a.pinned;
  if (sheet !== undefined) {
    const clean = cleanSheet(sheet);
    if (clean) r.recovery = clean;
    else out.warn(`${where}: its backup codes are damaged and were left out`);
  }
  return r;
}

async function open(file: BackupFile, password: string) {
  try {
    return await openBackup(file, password);
  } catch (e) {
    if (isVaultError(e, 'wrong-password'))
      throw new ImportError('wrong-password', `${LABEL}: wrong password`);
    if (isVaultError(e, 'kdf-params'))
      throw malformed(`${LABEL}: its key-derivation settings are out of range`);
    throw malformed(`${LABEL}: the file is damaged or was altered`);
  }
}

/** Reads a Keyfob backup; the password is the backup's own, not the master password. */
async function parse(src: ImportSource, opts: { password?: string }): Promise<ImportResult> {
  if (!isBackupFile(src.json)) throw malformed(`${LABEL}: the file is damaged`);
  // The vault's own ceiling allows more than an import should run on a page: check first.
  const kdf = (src.json.slot as { kdf?: Partial<Argon2Params> } | undefined)?.kdf;
  if (kdf)
    checkArgon2({
      memoryKiB: kdf.memoryKiB ?? 0,
      iterations: kdf.iterations ?? 0,
      parallelism: kdf.parallelism ?? 0,
    });
  if (!opts.password) {
    throw new ImportError(
      'password-required',
      `This is an encrypted ${LABEL}: enter the password chosen when exporting it`,
    );
  }
  const payload = await open(src.json, opts.password);
  const sheets = new Map<unknown, unknown>(payload.recovery.map((r) => [r?.accountId, r?.sheet]));
  const out = new Collector(LABEL);
  payload.accounts.forEach((a, i) => {
    const where = `Account ${i + 1}`;
    out.add(where, () => restore(a, sheets.get(a?.id), out, where));
  });
  return out.result();
}

/**
 * The registry entry: certain when the JSON carries the backup marker, absent otherwise.
 * @see ../export/keyfob-backup.ts (the writer)
 */
export const keyfobBackup: ImportFormat = {
  id: 'keyfob-backup',
  label: LABEL,
  sniff: (src) => (isBackupFile(src.json) ? 1 : 0),
  parse,
};
