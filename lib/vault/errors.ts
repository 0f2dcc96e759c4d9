/**
 * Why a vault operation failed. Messages are fixed strings: they never carry passwords, secrets,
 * labels or key material, so they are safe to show and to log.
 */
export type VaultErrorCode =
  | 'no-vault'
  | 'exists'
  | 'locked'
  | 'wrong-password'
  | 'tampered'
  | 'tampered-header'
  | 'kdf-params'
  | 'not-found'
  | 'invalid-account';

const MESSAGES: Record<VaultErrorCode, string> = {
  'no-vault': 'No vault has been created yet.',
  exists: 'A vault already exists.',
  locked: 'The vault is locked.',
  'wrong-password': 'Wrong password (or the vault header was altered).',
  tampered: 'A vault record failed its integrity check.',
  'tampered-header': 'The vault header is malformed or was altered.',
  'kdf-params': 'The vault key-derivation parameters are outside the allowed range.',
  'not-found': 'No such record in the vault.',
  'invalid-account': 'The account data is invalid.',
};

/**
 * Typed vault failure; switch on `.code`. `detail` is a non-secret hint (a record id, a field name).
 * @see docs/design.md "Security rules"
 */
export class VaultError extends Error {
  readonly code: VaultErrorCode;
  readonly detail?: string;

  constructor(code: VaultErrorCode, detail?: string) {
    super(detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code]);
    this.name = 'VaultError';
    this.code = code;
    this.detail = detail;
  }
}

/** True when `e` is a VaultError, optionally with the given code. */
export function isVaultError(e: unknown, code?: VaultErrorCode): e is VaultError {
  return e instanceof VaultError && (code === undefined || e.code === code);
}
