/**
 * Test-only helpers: read the shared import fixtures (tests/fixtures/import) and expected.json.
 * Not imported by production code.
 */
import { readFileSync } from 'node:fs';
import type { AccountDraft } from '../otp';

export const FIXTURE_DIR = new URL('../../tests/fixtures/import/', import.meta.url);

/** One row of expected.json. */
export interface ExpectedImport {
  file: string;
  password: string | null;
  note: string;
  accounts?: Partial<AccountDraft>[];
  count?: number;
  count_min?: number;
  error?: string;
}

export function loadExpected(): ExpectedImport[] {
  return JSON.parse(readFileSync(new URL('expected.json', FIXTURE_DIR), 'utf8')) as ExpectedImport[];
}

/** A fixture file in the shape parseImport takes. */
export function loadFixture(file: string): { name: string; bytes: Uint8Array } {
  return {
    name: file.split('/').pop() ?? file,
    bytes: new Uint8Array(readFileSync(new URL(file, FIXTURE_DIR))),
  };
}

/** A text file in the shape parseImport takes. */
export function textFile(name: string, text: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new TextEncoder().encode(text) };
}
