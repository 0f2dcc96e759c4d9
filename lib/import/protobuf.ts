/**
 * A minimal protobuf wire-format reader, enough for Google Authenticator's MigrationPayload.
 * Bounds are checked on every read; damaged input throws a plain Error.
 * @see https://protobuf.dev/programming-guides/encoding/
 */

export interface ProtoField {
  field: number;
  /** varint value (wire type 0), or undefined for other wire types */
  int?: bigint;
  /** payload of a length-delimited field (wire type 2) */
  bytes?: Uint8Array;
}

function readVarint(buf: Uint8Array, pos: { i: number }): bigint {
  let result = 0n;
  for (let shift = 0n; shift < 70n; shift += 7n) {
    if (pos.i >= buf.length) throw new Error('truncated varint');
    const b = buf[pos.i++] ?? 0;
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return BigInt.asUintN(64, result);
  }
  throw new Error('varint too long');
}

/**
 * Splits one message into its fields in order (repeated fields appear several times).
 * Fixed-width fields are skipped; groups (deprecated wire types 3/4) are refused.
 * @see https://protobuf.dev/programming-guides/encoding/#structure
 */
export function readMessage(buf: Uint8Array): ProtoField[] {
  const fields: ProtoField[] = [];
  const pos = { i: 0 };
  while (pos.i < buf.length) {
    const key = readVarint(buf, pos);
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (field === 0 || field > 536_870_911) throw new Error('bad field number');
    if (wire === 0) {
      fields.push({ field, int: readVarint(buf, pos) });
    } else if (wire === 2) {
      const len = readVarint(buf, pos);
      if (len > BigInt(buf.length - pos.i)) throw new Error('truncated field');
      const n = Number(len);
      fields.push({ field, bytes: buf.subarray(pos.i, pos.i + n) });
      pos.i += n;
    } else if (wire === 1 || wire === 5) {
      const n = wire === 1 ? 8 : 4;
      if (pos.i + n > buf.length) throw new Error('truncated field');
      pos.i += n;
    } else {
      throw new Error('unsupported wire type');
    }
  }
  return fields;
}
