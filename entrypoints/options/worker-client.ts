/**
 * The page side of a request/reply module Worker (QR decoding, reading import files): one worker
 * started on the first request, replies matched to requests by id. A crashed worker fails every
 * pending request and the next request starts a fresh one.
 * Vite's `?worker` import (the callers' `make`) is used rather than
 * `new Worker(new URL(…, import.meta.url))`: WXT defines `import.meta.url` as `self.location.href`
 * for every entrypoint, which hides that form from Vite.
 * @see https://vite.dev/guide/features#import-with-query-suffixes
 */
export function workerClient<Req extends { id: number }, Res extends { id: number }, T>(opts: {
  make(): Worker;
  /** The reply's value, or the error to reject with. */
  settle(reply: Res): { value: T } | { error: Error };
  /** What pending requests reject with when the worker crashed. */
  crashed(): Error;
}): (request: Omit<Req, 'id'>) => Promise<T> {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve(v: T): void; reject(e: Error): void }>();

  const start = (): Worker => {
    if (worker) return worker;
    const w = opts.make();
    w.onmessage = (e: MessageEvent<Res>) => {
      const p = waiting.get(e.data.id);
      if (!p) return;
      waiting.delete(e.data.id);
      const r = opts.settle(e.data);
      if ('error' in r) p.reject(r.error);
      else p.resolve(r.value);
    };
    w.onerror = () => {
      for (const p of waiting.values()) p.reject(opts.crashed());
      waiting.clear();
      w.terminate();
      worker = null;
    };
    worker = w;
    return w;
  };

  return (request) => {
    const id = ++next;
    const w = start();
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      w.postMessage({ ...request, id });
    });
  };
}
