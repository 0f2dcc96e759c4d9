import { formatOtpauthUri } from '../otp';
import type { AccountDraft } from '../otp/types';

/**
 * A plain-text list of otpauth:// links, one per line — what most authenticators import. It holds
 * every secret in the clear, so the UI shows it only behind an explicit warning.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function exportOtpauthList(accounts: AccountDraft[]): string {
  return accounts.map((a) => `${formatOtpauthUri(a)}\n`).join('');
}
