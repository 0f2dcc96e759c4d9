import type { QrRequest, QrResponse } from './qr-protocol';
import QrWorker from './qr-worker.ts?worker';

/**
 * The page side of the QR worker: one lazily started module Worker, requests matched to replies
 * by id. Rejects with `code: 'bad-image'` when the browser cannot read the image.
 * Vite's `?worker` import is used rather than `new Worker(new URL(…, import.meta.url))`: WXT defines
 * `import.meta.url` as `self.location.href` for every entrypoint, which hides that form from Vite.
 * @see https://vite.dev/guide/features#import-with-query-suffixes
 */
export function createQrClient(): { decode(image: Blob | string): Promise<string[]> } {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve(t: string[]): void; reject(e: Error): void }>();

  const start = (): Worker => {
    if (worker) return worker;
    const w = new QrWorker();
    w.onmessage = (e: MessageEvent<QrResponse>) => {
      const r = e.data;
      const p = waiting.get(r.id);
      if (!p) return;
      waiting.delete(r.id);
      if (r.ok) p.resolve(r.texts);
      else p.reject(Object.assign(new Error('The image could not be read'), { code: r.code }));
    };
    w.onerror = () => {
      // A crashed worker fails every pending request; the next request starts a fresh one.
      for (const p of waiting.values())
        p.reject(Object.assign(new Error('QR decoder failed'), { code: 'bad-image' }));
      waiting.clear();
      w.terminate();
      worker = null;
    };
    worker = w;
    return w;
  };

  return {
    decode(image) {
      const id = ++next;
      const w = start();
      return new Promise<string[]>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        w.postMessage({ id, image } satisfies QrRequest);
      });
    },
  };
}
