import type { QrRequest, QrResponse } from './qr-protocol';
import QrWorker from './qr-worker.ts?worker';
import { workerClient } from './worker-client';

const qrError = (message: string) => Object.assign(new Error(message), { code: 'bad-image' });

/**
 * The page side of the QR worker. Rejects with `code: 'bad-image'` when the browser cannot read
 * the image.
 * @see ./worker-client.ts
 */
export function createQrClient(): { decode(image: Blob | string): Promise<string[]> } {
  const send = workerClient<QrRequest, QrResponse, string[]>({
    make: () => new QrWorker(),
    settle: (r) => (r.ok ? { value: r.texts } : { error: qrError('The image could not be read') }),
    crashed: () => qrError('QR decoder failed'),
  });
  return { decode: (image) => send({ image }) };
}
