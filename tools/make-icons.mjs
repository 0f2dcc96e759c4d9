// Draws Keyfob's toolbar icon (a rounded blue tile with a white key fob ring and keyhole) at
// every size the manifest needs and writes PNGs into public/icon/. Pure Node (zlib), so it runs
// anywhere; the PNGs are committed and this script only needs re-running when the design changes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const SAMPLES = 4; // 4×4 supersampling for smooth edges at 16 px

/** Coverage of the shapes at a point in the unit square: [r, g, b, a] (0–1). */
function shade(x, y) {
  const tile = roundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.2);
  if (!tile) return [0, 0, 0, 0];
  const dx = x - 0.5;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy);
  const ring = r < 0.33 && r > 0.2;
  const keyHead = Math.hypot(dx, dy + 0.05) < 0.07;
  const keyStem = Math.abs(dx) < 0.035 && dy > -0.05 && dy < 0.13;
  if (ring || keyHead || keyStem) return [1, 1, 1, 1];
  return [0.145, 0.388, 0.922, 1]; // #2563eb
}

function roundedRect(x, y, x0, y0, x1, y1, rad) {
  const cx = Math.min(Math.max(x, x0 + rad), x1 - rad);
  const cy = Math.min(Math.max(y, y0 + rad), y1 - rad);
  return Math.hypot(x - cx, y - cy) <= rad;
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [r, g, b, a] = shade((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          acc[0] += r * a;
          acc[1] += g * a;
          acc[2] += b * a;
          acc[3] += a;
        }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const a = acc[3];
      raw[o] = a ? Math.round((acc[0] / a) * 255) : 0;
      raw[o + 1] = a ? Math.round((acc[1] / a) * 255) : 0;
      raw[o + 2] = a ? Math.round((acc[2] / a) * 255) : 0;
      raw[o + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../public/icon/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of SIZES) writeFileSync(new URL(`${size}.png`, dir), png(size));
console.log(`wrote ${SIZES.map((s) => `${s}.png`).join(', ')}`);
