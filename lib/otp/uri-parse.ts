import { normalizeSecret } from './base32';
import { cleanText, parseAlgorithm, validateDraft } from './draft';
import { OtpUriError, quoteValue } from './errors';
import { type AccountDraft, OTP_DEFAULTS, OTP_LIMITS, type OtpType } from './types';

const SCHEME = /^otpauth:\/\//i;
const OTHER_SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const KNOWN_PARAMS = new Set(['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'encoder']);

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // URIError from a stray `%` or invalid UTF-8: report it as ours, never rethrow.
    throw new OtpUriError('malformed', `The link is damaged: the ${what} has broken %-encoding.`);
  }
}

/** Query string → lower-cased known keys → decoded values; `+` is a space (form encoding). */
function parseQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const key = decode(rawKey.replace(/\+/g, ' '), 'parameter name').trim().toLowerCase();
    if (!KNOWN_PARAMS.has(key)) continue; // unknown extras (image=, color=, …) are ignored
    const value = decode(eq === -1 ? '' : pair.slice(eq + 1).replace(/\+/g, ' '), `“${key}” value`);
    if (params.has(key)) {
      // Two different issuers or secrets would make apps disagree about the account: refuse.
      throw new OtpUriError('malformed', `The link is damaged: “${key}” appears more than once.`);
    }
    params.set(key, value);
  }
  return params;
}

function parseType(host: string, encoder: string | undefined): OtpType {
  const type = host.toLowerCase();
  if (type !== 'totp' && type !== 'hotp' && type !== 'steam') {
    throw new OtpUriError(
      'bad-type',
      `Unknown code type ${quoteValue(host)}; Keyfob supports TOTP, HOTP and Steam Guard.`,
    );
  }
  if (encoder === undefined || encoder.trim() === '') return type;
  if (encoder.trim().toLowerCase() !== 'steam') {
    throw new OtpUriError('bad-type', `Unsupported code encoder ${quoteValue(encoder)}.`);
  }
  if (type === 'hotp') {
    throw new OtpUriError('bad-type', 'Steam Guard codes are time-based; this link says HOTP.');
  }
  return 'steam';
}

/** Strict unsigned integer; `6`, ` 06 ` yes; `6.0`, `-1`, `0x6`, `6e0`, `` no. */
function parseUint(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const v = value.trim();
  return /^\d{1,16}$/.test(v) ? Number(v) : Number.NaN;
}

/** Issuer and label from the path and the issuer parameter (which wins when both exist). */
function splitLabel(label: string, issuerParam: string | undefined): { issuer: string; label: string } {
  const param = issuerParam === undefined ? '' : cleanText(issuerParam);
  if (param !== '' && label.startsWith(`${param}:`)) {
    // Exact prefix first, so an issuer that itself contains ':' survives a round trip.
    return { issuer: param, label: label.slice(param.length + 1) };
  }
  const colon = label.indexOf(':');
  if (colon === -1) return { issuer: param, label };
  // Label prefix and parameter disagree: trust the parameter, keep only the account name.
  return { issuer: param !== '' ? param : label.slice(0, colon), label: label.slice(colon + 1) };
}

/**
 * Parse an `otpauth://` URI as real exporters write it (Google, Aegis, Bitwarden, GitHub,
 * Microsoft, KeePassXC `encoder=steam`, Aegis `otpauth://steam/`) into a valid draft.
 * @throws OtpUriError — and nothing else — when the URI is not one Keyfob can use
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function parseOtpauthUri(uri: string): AccountDraft {
  if (typeof uri !== 'string') {
    throw new OtpUriError('malformed', 'Expected the text of an otpauth link.');
  }
  // Checked before any other work so a pasted megabyte costs nothing.
  if (uri.length > OTP_LIMITS.maxUriLength) {
    throw new OtpUriError('too-long', 'This text is too long to be an otpauth link.');
  }
  const text = uri.trim();
  if (!SCHEME.test(text)) {
    const scheme = OTHER_SCHEME.exec(text)?.[1]?.toLowerCase();
    if (scheme === 'otpauth-migration') {
      throw new OtpUriError(
        'not-otpauth',
        'This is a Google Authenticator export (otpauth-migration://). Use “Import → Google Authenticator” instead.',
      );
    }
    if (scheme === 'otpauth') {
      throw new OtpUriError('malformed', 'The link is damaged: it should start with “otpauth://”.');
    }
    throw new OtpUriError('not-otpauth', 'This is not an otpauth:// link.');
  }
  const rest = text.slice('otpauth://'.length);
  const q = rest.indexOf('?');
  const beforeQuery = q === -1 ? rest : rest.slice(0, q);
  const slash = beforeQuery.indexOf('/');
  const host = slash === -1 ? beforeQuery : beforeQuery.slice(0, slash);
  // `+` stays literal in the path: it is part of e-mail labels such as alice+2fa@example.com.
  const rawLabel = slash === -1 ? '' : beforeQuery.slice(slash + 1);
  const params = parseQuery(q === -1 ? '' : rest.slice(q + 1));

  const type = parseType(host, params.get('encoder'));
  const rawSecret = params.get('secret');
  if (rawSecret === undefined) {
    throw new OtpUriError('missing-secret', 'The link has no secret key.');
  }
  const secret = normalizeSecret(rawSecret);
  const algorithmParam = params.get('algorithm');
  const algorithm = algorithmParam === undefined ? OTP_DEFAULTS.algorithm : parseAlgorithm(algorithmParam);
  const names = splitLabel(decode(rawLabel, 'account name'), params.get('issuer'));

  return validateDraft({
    type,
    secret,
    issuer: names.issuer,
    label: names.label,
    algorithm,
    digits: parseUint(params.get('digits'), type === 'steam' ? 5 : OTP_DEFAULTS.digits),
    period: parseUint(params.get('period'), OTP_DEFAULTS.period),
    counter: parseUint(params.get('counter'), OTP_DEFAULTS.counter),
  });
}
