/**
 * Test-only image loader: turns the PNG/JPEG fixtures into raw RGBA for decodeQrCodes.
 *
 * PNG goes through `pngjs` (pure JS; present as a dependency of `qrcode`). There is no pure-JS
 * JPEG decoder installed, so JPEGs are decoded once by headless Chromium (playwright-core)
 * and cached as raw RGBA under os.tmpdir(). Never imported by extension code.
 *
 * @see https://www.w3.org/TR/png-3/
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

interface PngSync {
  sync: { read(buf: Buffer): { width: number; height: number; data: Buffer } };
}

const require = createRequire(import.meta.url);
const CACHE_DIR = join(tmpdir(), 'keyfob-qr-cache');

/** Decodes a PNG file to RGBA with pngjs (16-bit channels are rescaled to 8-bit). */
function loadPng(bytes: Buffer): RgbaImage {
  const { PNG } = require('pngjs') as { PNG: PngSync };
  const png = PNG.sync.read(bytes);
  const data = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
  return { data, width: png.width, height: png.height };
}

function cachePath(bytes: Buffer): string {
  return join(CACHE_DIR, `${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}.rgba`);
}

/** Cache format: 8-byte header (uint32 LE width, height) followed by RGBA bytes. */
function readCache(file: string): RgbaImage | null {
  if (!existsSync(file)) return null;
  const buf = readFileSync(file);
  const width = buf.readUInt32LE(0);
  const height = buf.readUInt32LE(4);
  if (buf.length !== 8 + width * height * 4) return null;
  return { data: new Uint8ClampedArray(buf.buffer, buf.byteOffset + 8, width * height * 4), width, height };
}

/** Decodes JPEGs with headless Chromium (canvas getImageData), caching results on disk. */
async function loadWithChromium(files: { path: string; bytes: Buffer }[]): Promise<Map<string, RgbaImage>> {
  const out = new Map<string, RgbaImage>();
  const todo = files.filter((f) => {
    const hit = readCache(cachePath(f.bytes));
    if (hit) out.set(f.path, hit);
    return !hit;
  });
  if (todo.length === 0) return out;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  try {
    const page = await browser.newPage();
    mkdirSync(CACHE_DIR, { recursive: true });
    for (const f of todo) {
      const res = await page.evaluate(async (b64: string) => {
        const bin = atob(b64);
        const u8 = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
        const bmp = await createImageBitmap(new Blob([u8]), {
          colorSpaceConversion: 'none',
          premultiplyAlpha: 'none',
        });
        const canvas = new OffscreenCanvas(bmp.width, bmp.height);
        const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        ctx.drawImage(bmp, 0, 0);
        const px = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
        let s = '';
        for (let i = 0; i < px.length; i += 0x8000) {
          s += String.fromCharCode(...px.subarray(i, i + 0x8000));
        }
        return { w: bmp.width, h: bmp.height, b64: btoa(s) };
      }, f.bytes.toString('base64'));
      const px = Buffer.from(res.b64, 'base64');
      const header = Buffer.alloc(8);
      header.writeUInt32LE(res.w, 0);
      header.writeUInt32LE(res.h, 4);
      writeFileSync(cachePath(f.bytes), Buffer.concat([header, px]));
      out.set(f.path, {
        data: new Uint8ClampedArray(px.buffer, px.byteOffset, px.length),
        width: res.w,
        height: res.h,
      });
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** Loads every file (PNG or JPEG) to RGBA, keyed by the path given. */
export async function loadImages(paths: string[]): Promise<Map<string, RgbaImage>> {
  const out = new Map<string, RgbaImage>();
  const jpegs: { path: string; bytes: Buffer }[] = [];
  for (const p of paths) {
    const bytes = readFileSync(p);
    if (bytes[0] === 0x89 && bytes[1] === 0x50) out.set(p, loadPng(bytes));
    else jpegs.push({ path: p, bytes });
  }
  for (const [k, v] of await loadWithChromium(jpegs)) out.set(k, v);
  return out;
}
