/**
 * How a pasted or exported list of links reads, line by line: the one rule both the paste check
 * (lib/otp/link-check) and the importer (lib/import/lines) follow. Blank lines and `#`/`//`
 * comments are skipped; `otpauth://` and `otpauth-migration://` lines are links.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */

export const OTPAUTH = /^otpauth:\/\//i;
export const MIGRATION = /^otpauth-migration:\/\//i;

/** The lines of `text`, trimmed, with their 1-based numbers; blank lines and comments left out. */
export function linkLines(text: string): { line: string; n: number }[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ line: raw.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#') && !line.startsWith('//'));
}
