import { errorMsg } from '../../lib/errors';
import { validateDraft } from '../../lib/otp/draft';
import { isOtpUriError, type OtpUriErrorCode } from '../../lib/otp/errors';
import type { AccountDraft, OtpAlgorithm, OtpType } from '../../lib/otp/types';

/** The manual "Add account" form as typed (all text, like the inputs). */
export interface DraftForm {
  issuer: string;
  label: string;
  secret: string;
  type: OtpType;
  algorithm: OtpAlgorithm;
  digits: string;
  period: string;
  counter: string;
}

export const EMPTY_FORM: DraftForm = {
  issuer: '',
  label: '',
  secret: '',
  type: 'totp',
  algorithm: 'SHA1',
  digits: '6',
  period: '30',
  counter: '0',
};

export type DraftField = keyof DraftForm;

const FIELD_OF: Partial<Record<OtpUriErrorCode, DraftField>> = {
  'missing-secret': 'secret',
  'bad-secret': 'secret',
  'bad-digits': 'digits',
  'bad-period': 'period',
  'bad-counter': 'counter',
  'bad-algorithm': 'algorithm',
};

/** Whole number from a text field, or NaN (which validateDraft rejects). */
const int = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);

/**
 * Checks the form with the same rules as every other source (lib/otp validateDraft): a base32
 * secret, digits 1–10, period ≥ 1, counter ≥ 0; plus a name, so the account can be found.
 * Returns the normalized draft or the message key for each bad field.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function formToDraft(
  f: DraftForm,
):
  | { draft: AccountDraft; errors?: undefined }
  | { draft?: undefined; errors: Partial<Record<DraftField, string>> } {
  const errors: Partial<Record<DraftField, string>> = {};
  if (!f.issuer.trim() && !f.label.trim()) errors.issuer = 'error_name_missing';
  const raw: AccountDraft = {
    type: f.type,
    secret: f.secret,
    issuer: f.issuer,
    label: f.label,
    algorithm: f.algorithm,
    digits: int(f.digits),
    period: f.type === 'totp' ? int(f.period) : 30,
    counter: f.type === 'hotp' ? int(f.counter) : 0,
  };
  // validateDraft stops at the first bad field; check each numeric field alone so all show at once.
  const checks: Partial<AccountDraft>[] = [{ secret: f.secret }, { digits: raw.digits }];
  if (f.type === 'totp') checks.push({ period: raw.period });
  if (f.type === 'hotp') checks.push({ counter: raw.counter });
  const ok: AccountDraft = { ...raw, secret: 'AAAA', digits: 6, period: 30, counter: 0 };
  for (const part of checks) {
    try {
      validateDraft({ ...ok, ...part });
    } catch (e) {
      if (!isOtpUriError(e)) throw e;
      const field = FIELD_OF[e.code];
      // The same message the page shows for this error code anywhere else.
      if (field) errors[field] = errorMsg(e).key;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { draft: validateDraft(raw) };
}
