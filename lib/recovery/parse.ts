import { contextReader, withoutSetupKeys } from './context';
import { bestSheet, hitsByShape } from './layout';
import { loneCode } from './lone-code';
import { cleanText, readLine } from './tokens';

/**
 * A text this long is a whole page (document.body.innerText), not a pasted sheet; there two
 * look-alike tokens side by side are more often coincidence (two phone lines, two ids) than a
 * two-code sheet, and no site issues fewer than five codes.
 */
const PAGE_LINES = 40;

/**
 * The codes on a pasted or uploaded backup-code sheet — or on a whole page's visible text — each
 * once, in sheet order, printed form kept (grouping spaces/dashes as printed; full-width characters
 * folded to ASCII). Numbering (`1.`, `01：`, `（1）`, `①`), bullets, headers, notes, dates, e-mail
 * addresses, URLs, phone numbers, prices, versions and numbers inside sentences are not codes.
 *
 * General rules, no per-site cases: a code is a run of alphanumeric groups on a line that holds
 * nothing but codes, list markers and a label; the sheet is the longest run of nearby codes sharing
 * one shape and alphabet; without a sheet, a single code is kept only when it is unmistakable
 * (tokens.ts, layout.ts, lone-code.ts); an authenticator's setup key is never a code
 * (context.ts). A text without codes gives [].
 * @see docs/design.md "Module contracts" (lib/recovery)
 */
export function parseBackupCodes(text: string): string[] {
  const lines = cleanText(text).split(/\r\n|\r|\n/);
  const raw = lines.map(readLine);
  const context = contextReader(lines, raw);
  const read = withoutSetupKeys(raw, context);
  const byShape = hitsByShape(read);
  const nonBlank = lines.reduce((n, l) => (/\S/.test(l) ? n + 1 : n), 0);
  const sheet = bestSheet(read, byShape);
  if (sheet.length >= (nonBlank > PAGE_LINES ? 3 : 2)) return sheet.map((c) => c.printed);
  const lone = loneCode(byShape, context, nonBlank === 1);
  return lone ? [lone.printed] : [];
}
