import type { ImportResult } from '@/lib/import/types';
import type { ImportRequest, ImportResponse } from './import-protocol';
import ImportWorker from './import-worker.ts?worker';
import { workerClient } from './worker-client';

/** An error shaped like lib/import's ImportError (the options state reads `code` and `message`). */
const importError = (code: string, message: string) => Object.assign(new Error(message), { code });

/**
 * The page side of the import worker: files are parsed, and their key derivations run, off the
 * page's main thread.
 * @see ./worker-client.ts
 */
export function createImportClient(): {
  parse(file: { name: string; bytes: Uint8Array }, password?: string): Promise<ImportResult>;
} {
  const send = workerClient<ImportRequest, ImportResponse, ImportResult>({
    make: () => new ImportWorker(),
    settle: (r) => (r.ok ? { value: r.result } : { error: importError(r.code, r.message) }),
    crashed: () => importError('malformed', 'The file could not be read'),
  });
  return {
    parse: (file, password) =>
      send({ name: file.name, bytes: file.bytes, ...(password === undefined ? {} : { password }) }),
  };
}
