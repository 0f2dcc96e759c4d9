import type { ImportErrorCode } from '@/lib/import/errors';
import type { ImportResult } from '@/lib/import/types';

/** Request to the import worker: a file's bytes and the password the user typed, if any. */
export interface ImportRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
  password?: string;
}

/** The worker's answer: what lib/import found, or its typed error (code and the user's message). */
export type ImportResponse =
  | { id: number; ok: true; result: ImportResult }
  | { id: number; ok: false; code: ImportErrorCode; message: string };
