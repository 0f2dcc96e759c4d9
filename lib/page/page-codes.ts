import { parseBackupCodes } from '../recovery';
import type { FrameText } from './frame-text';

/** Fewer codes than this is not a backup-code sheet (a lone code on a page is a one-time code). */
export const MIN_SHEET_CODES = 4;

/** Backup codes a page shows, and the frame they were read from. */
export interface PageCodes {
  codes: string[];
  frameUrl: string;
}

/**
 * The backup-code sheet a tab shows, read from its frames' visible text by lib/recovery: the frame
 * with the most codes, among frames of the page's own site only (`sameSite`), so an embedded
 * third-party frame cannot slip its own "codes" in to replace the real ones. Null when no frame
 * shows at least {@link MIN_SHEET_CODES} codes.
 * @see docs/design.md "Module contracts" (lib/recovery)
 */
export function backupCodesOnPage(
  frames: readonly FrameText[],
  sameSite: (frameUrl: string) => boolean,
): PageCodes | null {
  let best: PageCodes | null = null;
  for (const f of frames) {
    if (!f.text || !sameSite(f.url)) continue;
    const codes = parseBackupCodes(f.text);
    if (codes.length >= MIN_SHEET_CODES && codes.length > (best?.codes.length ?? 0)) {
      best = { codes, frameUrl: f.url };
    }
  }
  return best;
}

/** True when `codes` are exactly the saved set (order aside): nothing new to save. */
export function sameCodes(codes: readonly string[], saved: readonly string[]): boolean {
  const norm = (c: string) => c.replace(/[\s-]/g, '').toUpperCase();
  const a = new Set(codes.map(norm));
  return a.size === new Set(saved.map(norm)).size && saved.every((c) => a.has(norm(c)));
}
