/**
 * Google Authenticator "Transfer accounts" links: `otpauth-migration://offline?data=<base64>`,
 * where data is a MigrationPayload protobuf. Big exports span several links (batches); each is
 * decoded on its own, so a file or paste with every batch yields every account.
 * @see docs/research/import-formats.md §2
 * @see https://github.com/beemdevelopment/Aegis/blob/master/app/src/main/proto/google_auth.proto
 */
import type { AccountDraft } from '../otp';
import { bytesToBase32 } from './base32';
import { base64ToBytes } from './bytes';
import { EntryError, makeDraft, splitName } from './draft';
import { readMessage } from './protobuf';

const ALGORITHMS: Record<number, string> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512', 4: 'MD5' };
const DIGITS: Record<number, number> = { 0: 6, 1: 6, 2: 8 };
const TYPES: Record<number, string> = { 0: 'totp', 1: 'hotp', 2: 'totp' };

const utf8 = new TextDecoder('utf-8');

/** The raw `data` value of the link, %-decoded, with '+' restored where a form decoder made spaces. */
function dataParam(link: string): string {
  const m = /[?&]data=([^&#]*)/i.exec(link);
  if (!m?.[1]) throw new EntryError('the export link has no data');
  let value = m[1];
  if (value.includes('%')) {
    try {
      value = decodeURIComponent(value);
    } catch {
      throw new EntryError('the export link is damaged (broken %-encoding)');
    }
  }
  // Base64 has no spaces; a space here is a '+' that went through form decoding.
  return value.replace(/ /g, '+');
}

/** One OtpParameters message → draft (throws EntryError/OtpUriError for unusable entries). */
function toDraft(msg: Uint8Array): AccountDraft {
  let secret: Uint8Array | undefined;
  let name = '';
  let issuer = '';
  let algorithm = 0;
  let digits = 0;
  let type = 0;
  let counter = 0n;
  for (const f of readMessage(msg)) {
    if (f.field === 1 && f.bytes) secret = f.bytes;
    else if (f.field === 2 && f.bytes) name = utf8.decode(f.bytes);
    else if (f.field === 3 && f.bytes) issuer = utf8.decode(f.bytes);
    else if (f.field === 4 && f.int !== undefined) algorithm = Number(f.int);
    else if (f.field === 5 && f.int !== undefined) digits = Number(f.int);
    else if (f.field === 6 && f.int !== undefined) type = Number(f.int);
    else if (f.field === 7 && f.int !== undefined) counter = BigInt.asIntN(64, f.int);
  }
  if (!secret || secret.length === 0) throw new EntryError('the account has no secret');
  if (ALGORITHMS[algorithm] === 'MD5') throw new EntryError('MD5 accounts are not supported');
  const names = splitName(issuer, name);
  if (counter < 0n || counter > BigInt(Number.MAX_SAFE_INTEGER)) throw new EntryError('counter out of range');
  return makeDraft({
    type: TYPES[type] ?? `type ${type}`,
    secret: bytesToBase32(secret),
    issuer: names.issuer,
    label: names.label,
    algorithm: ALGORITHMS[algorithm] ?? `algorithm ${algorithm}`,
    digits: DIGITS[digits] ?? Number.NaN,
    period: 30,
    counter: Number(counter),
  });
}

/**
 * Decodes one `otpauth-migration://` link into drafts; entries that cannot be used are returned
 * as problems. Throws EntryError when the link itself is damaged or holds no account.
 * @see https://github.com/dim13/otpauth/blob/master/migration/migration.proto
 */
export function decodeMigrationLink(link: string): { accounts: AccountDraft[]; problems: string[] } {
  let payload: Uint8Array;
  let fields: ReturnType<typeof readMessage>;
  try {
    payload = base64ToBytes(dataParam(link));
    fields = readMessage(payload);
  } catch (e) {
    if (e instanceof EntryError) throw e;
    throw new EntryError('the Google Authenticator export link is damaged');
  }
  const accounts: AccountDraft[] = [];
  const problems: string[] = [];
  let n = 0;
  for (const f of fields) {
    if (f.field !== 1 || !f.bytes) continue;
    n++;
    try {
      accounts.push(toDraft(f.bytes));
    } catch (e) {
      problems.push(`account ${n}: ${e instanceof Error ? e.message.replace(/\.$/, '') : 'damaged'}`);
    }
  }
  if (n === 0) throw new EntryError('the Google Authenticator export link is damaged or empty');
  return { accounts, problems };
}
