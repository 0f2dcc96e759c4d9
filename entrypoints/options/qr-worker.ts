/// <reference lib="webworker" />
/**
 * Decodes QR codes off the UI thread, so a large screenshot never freezes the options page and
 * jsqr is loaded only here. Receives an image Blob (or a data URL), rasterises it with
 * createImageBitmap + OffscreenCanvas, and replies with every QR text lib/qr finds.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/OffscreenCanvas
 * @see docs/design.md "Module contracts" (lib/qr decodeQrCodes)
 */
import { decodeQrCodes } from '../../lib/qr';
import type { QrRequest, QrResponse } from './qr-protocol';

/** Larger images are scaled down first: memory stays bounded and lib/qr works on ≤ 1000 px anyway. */
const MAX_SIDE = 4096;

async function rgba(image: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(image);
  try {
    const k = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * k));
    const h = Math.max(1, Math.round(bitmap.height * k));
    const canvas = new OffscreenCanvas(w, h);
    const g = canvas.getContext('2d', { willReadFrequently: true });
    if (!g) throw new Error('no 2d context');
    g.drawImage(bitmap, 0, 0, w, h);
    return g.getImageData(0, 0, w, h);
  } finally {
    bitmap.close();
  }
}

self.onmessage = async (e: MessageEvent<QrRequest>) => {
  const { id, image } = e.data;
  let reply: QrResponse;
  try {
    const blob = typeof image === 'string' ? await (await fetch(image)).blob() : image;
    const data = await rgba(blob);
    reply = { id, ok: true, texts: decodeQrCodes(data) };
  } catch {
    // Not an image the browser can decode (or a broken one): a typed answer, no details.
    reply = { id, ok: false, code: 'bad-image' };
  }
  (self as unknown as Worker).postMessage(reply);
};
