/**
 * Import accounts from other authenticators' export files: sniffs the format from the file
 * name and content, then runs that format's importer.
 * @see docs/design.md "Module contracts"
 * @see docs/research/import-formats.md
 */
import type { AccountDraft } from '../otp';
import { ImportError, isImportError } from './errors';
import { IMPORT_FORMATS } from './registry';
import type { ImportFormat, ImportSource } from './types';

export { ImportError, type ImportErrorCode } from './errors';
export { IMPORT_FORMATS } from './registry';
export type { ImportFormat, ImportOptions, ImportResult, ImportSource } from './types';

/** Larger than any real authenticator backup; bounds memory and parse time. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

function toSource(name: string, bytes: Uint8Array): ImportSource {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  let json: unknown;
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { name, bytes, text, json };
}

function bestFormat(src: ImportSource): ImportFormat | undefined {
  let best: ImportFormat | undefined;
  let bestScore = 0;
  for (const f of IMPORT_FORMATS) {
    let score = 0;
    try {
      score = f.sniff(src);
    } catch {
      score = 0;
    }
    if (score > bestScore) {
      best = f;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Reads an export file from another authenticator (Aegis, 2FAS, andOTP, Bitwarden, Google
 * Authenticator links, Authenticator extension, FreeOTP+, Proton, Steam, otpauth lists).
 * Entries that cannot be used are skipped and described in `warnings`.
 * @throws ImportError — and nothing else — with code 'unsupported', 'malformed',
 *   'password-required', 'wrong-password' or 'too-costly' (a key derivation above KDF_LIMITS)
 * @see docs/research/import-formats.md
 */
export async function parseImport(
  file: { name: string; bytes: Uint8Array },
  opts?: { password?: string },
): Promise<{ accounts: AccountDraft[]; warnings: string[] }> {
  let format: ImportFormat | undefined;
  try {
    const bytes = file?.bytes;
    if (!(bytes instanceof Uint8Array)) throw new ImportError('malformed', 'No file was given');
    if (bytes.length === 0) throw new ImportError('malformed', 'The file is empty');
    if (bytes.length > MAX_IMPORT_BYTES) {
      throw new ImportError(
        'malformed',
        'The file is larger than 20 MB, too large for an authenticator backup',
      );
    }
    const src = toSource(typeof file.name === 'string' ? file.name : '', bytes);
    format = bestFormat(src);
    if (!format) {
      throw new ImportError(
        'unsupported',
        `Keyfob does not recognise this file. Supported: ${IMPORT_FORMATS.map((f) => f.label).join(', ')}`,
      );
    }
    const password = typeof opts?.password === 'string' && opts.password !== '' ? opts.password : undefined;
    const { accounts, warnings } = await format.parse(src, { password });
    return { accounts, warnings };
  } catch (e) {
    if (isImportError(e)) throw e;
    // Anything unexpected (a bug, a library error) still surfaces as a typed error without internals.
    throw new ImportError(
      'malformed',
      `${format ? `${format.label}: ` : ''}the file is damaged or in an unexpected form`,
    );
  }
}
