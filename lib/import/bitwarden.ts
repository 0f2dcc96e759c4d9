/**
 * Bitwarden exports (unencrypted JSON and CSV). Each login's TOTP field holds an otpauth URI,
 * `steam://SECRET`, or a bare Base32 secret; the item name and username fill in a missing
 * issuer and account name.
 * @see https://bitwarden.com/help/export-your-data/
 * @see docs/research/import-formats.md §6
 */
import { type AccountDraft, parseOtpauthUri } from '../otp';
import { Collector } from './collect';
import { parseCsv } from './csv';
import { makeDraft, text } from './draft';
import { ImportError, malformed } from './errors';
import { asArr, asObj } from './shape';
import type { ImportFormat, ImportResult, ImportSource } from './types';

const LABEL = 'Bitwarden export';

/**
 * One `login.totp` value → draft, the way Bitwarden's own TOTP code reads it.
 * @see https://github.com/bitwarden/sdk-internal (crates/bitwarden-vault/src/totp.rs)
 */
export function draftFromTotpField(value: string, itemName: string, username: string): AccountDraft {
  const v = value.trim();
  if (/^otpauth:\/\//i.test(v)) {
    const d = parseOtpauthUri(v);
    return { ...d, issuer: d.issuer || itemName.trim(), label: d.label || username.trim() };
  }
  const steam = /^steam:\/\//i.test(v);
  return makeDraft({
    type: steam ? 'steam' : 'totp',
    secret: steam ? v.slice('steam://'.length) : v,
    issuer: itemName,
    label: username,
  });
}

function fromJson(root: Record<string, unknown>): ImportResult {
  if (root.encrypted === true) {
    throw new ImportError(
      'unsupported',
      root.passwordProtected === true
        ? 'Password-protected Bitwarden exports are not supported yet: export as unencrypted JSON or CSV'
        : 'This Bitwarden export is encrypted with your Bitwarden account key and can only be opened by Bitwarden',
    );
  }
  const items = asArr(root.items);
  if (!items) throw malformed(`${LABEL}: the item list is missing`);
  const c = new Collector(LABEL);
  items.forEach((raw, i) => {
    const item = asObj(raw) ?? {};
    const login = asObj(item.login);
    const totp = text(login?.totp);
    if (totp.trim() === '') return; // an ordinary password entry
    c.add(`Item ${i + 1}`, () => draftFromTotpField(totp, text(item.name), text(login?.username)));
  });
  return c.result();
}

function fromCsv(csv: string): ImportResult {
  const [header, ...rows] = parseCsv(csv);
  const col = (name: string) => header?.findIndex((h) => h.trim().toLowerCase() === name) ?? -1;
  const totpCol = col('login_totp');
  if (totpCol < 0) throw malformed(`${LABEL}: the CSV has no login_totp column`);
  const nameCol = col('name');
  const userCol = col('login_username');
  const c = new Collector(LABEL);
  rows.forEach((row, i) => {
    const totp = row[totpCol] ?? '';
    if (totp.trim() === '') return;
    c.add(`Row ${i + 2}`, () => draftFromTotpField(totp, row[nameCol] ?? '', row[userCol] ?? ''));
  });
  return c.result();
}

export const bitwarden: ImportFormat = {
  id: 'bitwarden',
  label: LABEL,
  sniff(src: ImportSource) {
    const root = asObj(src.json);
    if (root) return 'items' in root && typeof root.encrypted === 'boolean' ? 1 : 0;
    if (src.json !== undefined) return 0;
    const firstLine = src.text.slice(0, 4096).split(/\r?\n/, 1)[0] ?? '';
    return /(^|,)"?login_totp"?(,|$)/i.test(firstLine) ? 1 : 0;
  },
  async parse(src) {
    const root = asObj(src.json);
    return root ? fromJson(root) : fromCsv(src.text);
  },
};
