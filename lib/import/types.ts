import type { AccountDraft } from '../otp';

/** One file as handed to an importer: raw bytes, their UTF-8 text, and the JSON value if it is JSON. */
export interface ImportSource {
  name: string;
  bytes: Uint8Array;
  /** UTF-8 decoded (lenient), BOM removed */
  text: string;
  /** parsed JSON, or undefined when the text is not JSON */
  json: unknown;
}

export interface ImportOptions {
  password?: string;
}

export interface ImportResult {
  accounts: AccountDraft[];
  warnings: string[];
}

/**
 * One supported format. `sniff` scores how sure it is (0 = not this format, 1 = certain) and
 * must not throw; `parse` throws ImportError for whole-file problems and reports bad entries as
 * warnings.
 */
export interface ImportFormat {
  id: string;
  label: string;
  sniff(src: ImportSource): number;
  parse(src: ImportSource, opts: ImportOptions): Promise<ImportResult>;
}
