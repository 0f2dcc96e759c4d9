/** Why an import failed; the UI maps each code to a different prompt. */
export type ImportErrorCode =
  | 'unsupported'
  | 'malformed'
  | 'password-required'
  | 'wrong-password'
  /** the file asks for a key-derivation cost far above any real app's (refused before any work) */
  | 'too-costly';

/**
 * The only error `parseImport` throws. Messages name the problem for the user and never
 * contain secrets or file contents.
 * @see docs/research/import-formats.md
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * Shorthand for the most common failure: the file is recognised but damaged.
 * @see docs/research/import-formats.md
 */
export function malformed(message: string): ImportError {
  return new ImportError('malformed', message);
}

/**
 * True for our own typed errors, so wrappers can rethrow them unchanged.
 * @see docs/research/import-formats.md
 */
export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}
