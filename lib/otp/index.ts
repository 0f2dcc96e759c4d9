/**
 * Account model, otpauth URI parse/format and code generation.
 * @see docs/design.md "Module contracts"
 */
export { normalizeSecret } from './base32';
export { cleanText, draftKey, parseAlgorithm, validateDraft } from './draft';
export { isOtpUriError, OtpUriError, type OtpUriErrorCode } from './errors';
export { generateCode, secondsRemaining, timeStep } from './generate';
export { STEAM_ALPHABET, steamCodeFromInt } from './steam';
export {
  type AccountDraft,
  OTP_DEFAULTS,
  OTP_LIMITS,
  type OtpAlgorithm,
  type OtpType,
  STEAM_DEFAULTS,
} from './types';
export { formatOtpauthUri } from './uri-format';
export { parseOtpauthUri } from './uri-parse';
