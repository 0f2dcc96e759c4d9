import { errorMsg } from '../errors';
import type { Msg } from '../i18n';
import { linkLines, MIGRATION, OTPAUTH } from './link-lines';
import { parseOtpauthUri } from './uri-parse';

/**
 * Checks pasted links before they go anywhere: for the first line that is not a usable
 * `otpauth://` link, the line number (when there are several) and why, as messages to show beside
 * the text; an empty list when every line parses. Blank lines and comments are skipped
 * (lib/otp/link-lines); `otpauth-migration://` lines are left to the import, which decodes them.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function pastedLinkProblems(text: string): Msg[] {
  const used = linkLines(text);
  for (const { line, n } of used) {
    if (MIGRATION.test(line)) continue;
    let problem: Msg | null = null;
    if (!OTPAUTH.test(line)) problem = { key: 'error_not_otpauth' };
    else {
      try {
        parseOtpauthUri(line);
      } catch (e) {
        problem = errorMsg(e, 'error_link_malformed');
      }
    }
    if (problem) return used.length > 1 ? [{ key: 'options_paste_line', subs: [n] }, problem] : [problem];
  }
  return [];
}
