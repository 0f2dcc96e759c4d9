import { validateDraft } from './draft';
import type { AccountDraft } from './types';

/**
 * Canonical otpauth URI for a draft, e.g.
 * `otpauth://totp/Issuer:label?secret=…&issuer=Issuer&algorithm=SHA1&digits=6&period=30`.
 * HOTP carries `counter` instead of `period`; Steam is written as TOTP with `encoder=steam`
 * (KeePassXC style) so apps without Steam support still see a time-based account.
 * Issuer and label are percent-encoded, so ':' inside them is `%3A` and only the one separator
 * is literal; an empty issuer with ':' in the label is written `/:label` to stay unambiguous.
 * `parseOtpauthUri(formatOtpauthUri(a))` deep-equals `validateDraft(a)`.
 * @throws OtpUriError when the draft is invalid (see `validateDraft`)
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function formatOtpauthUri(a: AccountDraft): string {
  const d = validateDraft(a);
  const issuer = encodeURIComponent(d.issuer);
  const label = encodeURIComponent(d.label);
  const path = d.issuer !== '' || d.label.includes(':') ? `${issuer}:${label}` : label;
  const params = [`secret=${d.secret}`];
  if (d.issuer !== '') params.push(`issuer=${issuer}`);
  params.push(`algorithm=${d.algorithm}`, `digits=${d.digits}`);
  if (d.type === 'hotp') {
    params.push(`counter=${d.counter}`);
  } else {
    params.push(`period=${d.period}`);
  }
  if (d.type === 'steam') params.push('encoder=steam');
  return `otpauth://${d.type === 'hotp' ? 'hotp' : 'totp'}/${path}?${params.join('&')}`;
}
