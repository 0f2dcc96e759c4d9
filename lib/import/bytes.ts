/**
 * Byte helpers shared by the importers: tolerant Base64, hex and UTF-8 decoding.
 * Every decoder throws a plain Error on bad input; callers turn it into an ImportError.
 * @see https://www.rfc-editor.org/rfc/rfc4648
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_LOOKUP[B64.charCodeAt(i)] = i;
// URL-safe alphabet too: some tools re-encode migration links that way.
B64_LOOKUP['-'.charCodeAt(0)] = 62;
B64_LOOKUP['_'.charCodeAt(0)] = 63;

/**
 * Decodes standard or URL-safe Base64; padding is optional, whitespace is ignored
 * (JSON exporters sometimes wrap lines, and `\/` escapes are already gone after JSON.parse).
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-4
 */
export function base64ToBytes(input: string): Uint8Array<ArrayBuffer> {
  const s = input.replace(/[\s=]+$/g, '').replace(/\s+/g, '');
  if (s.length % 4 === 1) throw new Error('bad base64 length');
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? (B64_LOOKUP[c] ?? -1) : -1;
    if (v < 0) throw new Error('bad base64 character');
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Decodes an even-length hex string (either case).
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-8
 */
export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error('bad hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Strict UTF-8 decoding: encrypted plaintexts that are not valid UTF-8 mean a wrong key or damage.
 * @see https://encoding.spec.whatwg.org/#utf-8-decode
 */
export function utf8Strict(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * UTF-8 encoding as an ArrayBuffer-backed array (what WebCrypto's BufferSource wants).
 * @see https://encoding.spec.whatwg.org/#utf-8-encode
 */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return copy(new TextEncoder().encode(text));
}

/**
 * Concatenates byte arrays into a fresh ArrayBuffer-backed array.
 * @see https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/TypedArray/set
 */
export function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * A copy backed by a plain ArrayBuffer, so it is a valid WebCrypto BufferSource.
 * @see https://w3c.github.io/webcrypto/#dfn-BufferSource
 */
export function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}
