/** Steam Guard's 26-character alphabet: digits and letters that are hard to confuse. */
export const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

/** Steam Guard codes are always 5 characters long. */
export const STEAM_CODE_LENGTH = 5;

/**
 * Render the 31-bit dynamic-truncation value (RFC 4226 §5.3, before the decimal modulo) in
 * Steam's alphabet: least significant "digit" first, base 26, 5 characters.
 * @see https://www.rfc-editor.org/rfc/rfc4226#section-5.3
 * @see https://github.com/DoctorMcKay/node-steam-totp/blob/master/index.js
 */
export function steamCodeFromInt(truncated: number): string {
  let n = truncated;
  let code = '';
  for (let i = 0; i < STEAM_CODE_LENGTH; i++) {
    code += STEAM_ALPHABET[n % STEAM_ALPHABET.length];
    n = Math.floor(n / STEAM_ALPHABET.length);
  }
  return code;
}
