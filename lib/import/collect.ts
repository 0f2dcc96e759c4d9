/**
 * Gathers accounts and per-entry problems while an importer walks a file, so one bad entry
 * becomes a warning instead of failing the whole import.
 * @see docs/research/import-formats.md
 */
import { type AccountDraft, isOtpUriError } from '../otp';
import { EntryError } from './draft';
import { isImportError, malformed } from './errors';
import type { ImportResult } from './types';

/** Keep the warning list readable when a huge file is mostly junk. */
const MAX_WARNINGS = 50;

/**
 * A user-facing reason for a failed entry; unknown exceptions get a generic text (no internals).
 * @see docs/research/import-formats.md
 */
export function reasonOf(e: unknown): string {
  if (e instanceof EntryError || isOtpUriError(e) || isImportError(e)) return e.message.replace(/\.$/, '');
  return 'the entry is damaged';
}

export class Collector {
  readonly accounts: AccountDraft[] = [];
  private readonly warnings: string[] = [];
  private problems = 0;

  /** @param what format name used in the message when nothing could be imported */
  constructor(private readonly what: string) {}

  /** Runs `build`; a thrown error becomes the warning "`where`: reason". */
  add(where: string, build: () => AccountDraft | AccountDraft[]): void {
    try {
      const out = build();
      if (Array.isArray(out)) this.accounts.push(...out);
      else this.accounts.push(out);
    } catch (e) {
      this.warn(`${where}: ${reasonOf(e)}`);
    }
  }

  warn(message: string): void {
    this.problems++;
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(message);
  }

  /**
   * The import result. Nothing usable plus at least one problem means the file is damaged
   * (malformed); an empty but sound file yields no accounts and a warning.
   */
  result(): ImportResult {
    if (this.accounts.length === 0 && this.problems > 0) {
      throw malformed(`${this.what}: no account could be imported. ${this.warnings[0] ?? ''}`.trim());
    }
    const warnings = [...this.warnings];
    if (this.problems > warnings.length)
      warnings.push(`…and ${this.problems - warnings.length} more problems`);
    if (this.accounts.length === 0) warnings.push(`${this.what}: the file contains no accounts.`);
    return { accounts: this.accounts, warnings };
  }
}
