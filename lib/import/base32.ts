/**
 * RFC 4648 Base32 for secrets that arrive as raw bytes (Google migration protobuf, FreeOTP+
 * byte arrays, Steam `shared_secret`). Text secrets are normalised by lib/otp's normalizeSecret.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-6
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Encodes bytes as upper-case Base32 without padding (the AccountDraft secret form).
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-6
 */
export function bytesToBase32(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(acc << (5 - bits)) & 31];
  return out;
}
