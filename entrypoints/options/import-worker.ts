/// <reference lib="webworker" />
/**
 * Reads other apps' exports off the UI thread: lib/import runs here, so the key derivations of
 * encrypted exports (scrypt, PBKDF2, Argon2: up to seconds by design) never freeze the options
 * page. Replies with the result, or with the ImportError's code and message (nothing else leaves).
 * @see https://developer.mozilla.org/en-US/docs/Web/API/Web_Workers_API/Using_web_workers
 * @see docs/design.md "Module contracts" (lib/import parseImport)
 */
import { parseImport } from '../../lib/import';
import { isImportError } from '../../lib/import/errors';
import type { ImportRequest, ImportResponse } from './import-protocol';

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const { id, name, bytes, password } = e.data;
  let reply: ImportResponse;
  try {
    reply = {
      id,
      ok: true,
      result: await parseImport({ name, bytes }, password === undefined ? {} : { password }),
    };
  } catch (err) {
    // parseImport throws only ImportError; anything else is reported as a damaged file.
    reply = isImportError(err)
      ? { id, ok: false, code: err.code, message: err.message }
      : { id, ok: false, code: 'malformed', message: 'The file could not be read' };
  }
  (self as unknown as Worker).postMessage(reply);
};
