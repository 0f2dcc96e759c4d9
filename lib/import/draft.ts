/**
 * Builds AccountDrafts from the loose fields of foreign formats: fills the Key URI defaults
 * (SHA1, 6 digits, 30 s), then leaves all checking to lib/otp's validateDraft so that imported
 * accounts have exactly the shape of scanned ones.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
import { type AccountDraft, type OtpType, parseAlgorithm, validateDraft } from '../otp';

/** Loose input: each importer maps its own field names onto these. */
export interface DraftFields {
  type?: unknown;
  secret: unknown;
  issuer?: unknown;
  label?: unknown;
  algorithm?: unknown;
  digits?: unknown;
  period?: unknown;
  counter?: unknown;
}

/** One unusable entry; importers turn it into a warning and carry on. */
export class EntryError extends Error {}

const TYPES: Record<string, OtpType> = { totp: 'totp', hotp: 'hotp', steam: 'steam' };

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/** A number that may arrive as a JSON number or a numeric string; NaN when it is neither. */
function num(v: unknown, fallback: number): number {
  if (isBlank(v)) return fallback;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*\d{1,16}\s*$/.test(v)) return Number(v);
  return Number.NaN;
}

/**
 * A display string; numbers are accepted because some exporters write numeric account names.
 * @see docs/research/import-formats.md
 */
export function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

/**
 * Validates and normalises one account.
 * @throws EntryError or OtpUriError (messages without secrets) when the entry cannot be used
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format#parameters
 */
export function makeDraft(f: DraftFields): AccountDraft {
  const rawType = isBlank(f.type) ? 'totp' : text(f.type).trim().toLowerCase();
  const type = TYPES[rawType];
  if (!type) throw new EntryError(`type “${rawType.slice(0, 20)}” is not supported`);
  if (typeof f.secret !== 'string') throw new EntryError('the secret is missing');
  return validateDraft({
    type,
    secret: f.secret,
    issuer: text(f.issuer),
    label: text(f.label),
    algorithm: isBlank(f.algorithm) || type === 'steam' ? 'SHA1' : parseAlgorithm(text(f.algorithm)),
    digits: type === 'steam' ? 5 : num(f.digits, 6),
    period: type === 'totp' ? num(f.period, 30) : 30,
    counter: type === 'hotp' ? num(f.counter, 0) : 0,
  });
}

/**
 * Splits `Issuer:account` names (Google migration, old andOTP) when the issuer is unknown or
 * repeated as a prefix.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format#label
 */
export function splitName(issuer: string, name: string): { issuer: string; label: string } {
  const i = issuer.trim();
  const n = name.trim();
  if (i !== '' && n.startsWith(`${i}:`)) return { issuer: i, label: n.slice(i.length + 1).trim() };
  const colon = n.indexOf(':');
  if (i === '' && colon > 0) return { issuer: n.slice(0, colon).trim(), label: n.slice(colon + 1).trim() };
  return { issuer: i, label: n };
}
