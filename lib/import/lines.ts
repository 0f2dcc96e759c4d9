/**
 * Walks a text file of links, one per line: `otpauth://` URIs (Aegis/Ente/Authenticator text
 * exports, hand-made lists) and `otpauth-migration://` Google export links, possibly mixed.
 * Blank lines and comments are skipped (lib/otp/link-lines); any other bad line becomes a warning.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
import { parseOtpauthUri } from '../otp';
import { linkLines, MIGRATION, OTPAUTH } from '../otp/link-lines';
import { Collector } from './collect';
import { EntryError } from './draft';
import { decodeMigrationLink } from './migration-payload';
import type { ImportResult } from './types';

/**
 * True when some line (after leading spaces) starts with the scheme.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function hasLineWith(text: string, scheme: 'otpauth' | 'otpauth-migration'): boolean {
  return new RegExp(`^[ \\t]*${scheme}://`, 'im').test(text);
}

/**
 * Parses every line; throws ImportError 'malformed' when no line yields an account.
 * @param what format name for messages
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function parseLinkLines(text: string, what: string): ImportResult {
  const c = new Collector(what);
  for (const { line, n } of linkLines(text)) {
    const where = `Line ${n}`;
    if (MIGRATION.test(line)) {
      c.add(where, () => {
        const { accounts, problems } = decodeMigrationLink(line);
        for (const p of problems) c.warn(`${where}, ${p}`);
        return accounts;
      });
    } else if (OTPAUTH.test(line)) {
      c.add(where, () => parseOtpauthUri(line));
    } else {
      c.add(where, () => {
        throw new EntryError('not an otpauth:// link');
      });
    }
  }
  return c.result();
}
