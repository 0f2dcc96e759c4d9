import type { ImportResult } from '@/lib/import/types';
import type { ImportRequest, ImportResponse } from './import-protocol';
import ImportWorker from './import-worker.ts?worker';

/** An error shaped like lib/import's ImportError (the options state reads `code` and `message`). */
const importError = (code: string, message: string) => Object.assign(new Error(message), { code });

/**
 * The page side of the import worker (modelled on the QR client): one lazily started module
 * Worker, requests matched to replies by id. A crashed worker fails what was pending and the next
 * request starts a fresh one.
 * @see ./qr-client.ts
 */
export function createImportClient(): {
  parse(file: { name: string; bytes: Uint8Array }, password?: string): Promise<ImportResult>;
} {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve(r: ImportResult): void; reject(e: Error): void }>();

  const start = (): Worker => {
    if (worker) return worker;
    const w = new ImportWorker();
    w.onmessage = (e: MessageEvent<ImportResponse>) => {
      const r = e.data;
      const p = waiting.get(r.id);
      if (!p) return;
      waiting.delete(r.id);
      if (r.ok) p.resolve(r.result);
      else p.reject(importError(r.code, r.message));
    };
    w.onerror = () => {
      for (const p of waiting.values()) p.reject(importError('malformed', 'The file could not be read'));
      waiting.clear();
      w.terminate();
      worker = null;
    };
    worker = w;
    return w;
  };

  return {
    parse(file, password) {
      const id = ++next;
      const w = start();
      return new Promise<ImportResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        const req: ImportRequest = { id, name: file.name, bytes: file.bytes };
        if (password !== undefined) req.password = password;
        w.postMessage(req);
      });
    },
  };
}
