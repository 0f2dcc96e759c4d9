/**
 * What introduces a token: its own line and the few substantive lines before it (heading, label,
 * sentence). Used where shape alone cannot tell — a lone code, and an authenticator's setup key,
 * which is grouped like a recovery code but is a secret.
 */
import type { Line } from './tokens';

/** Words that introduce a backup or recovery code, English and Japanese. */
export const RECOVERY_WORDS =
  /backup|recovery|emergency|rescue|one-time|バックアップ|リカバリ|復旧|予備|緊急/i;
/** Words that introduce an authenticator secret ("setup key", "secret", "セットアップキー"). */
const SECRET_WORDS = /secret|\bkey\b|シークレット|キー|秘密/i;
/** A TOTP secret is Base32: letters and 2–7, one case, 16 characters or more. */
const BASE32 = /^(?:[a-z2-7]{16,}|[A-Z2-7]{16,})$/;
/** Preceding substantive lines read as a token's context. */
const CONTEXT_LINES = 3;

const substantive = (l: Line) => l.prose || l.cells.length > 0;

/**
 * A reader of each line's context: the line and the CONTEXT_LINES substantive lines before it.
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#lookupsecrets (look-up secrets)
 */
export function contextReader(lines: readonly string[], read: readonly Line[]): (line: number) => string {
  // built on first use: most texts never ask
  let kept: number[] | null = null;
  const rank: number[] = [];
  return (line) => {
    if (!kept) {
      const k: number[] = [];
      read.forEach((l, i) => {
        rank[i] = k.length;
        if (substantive(l)) k.push(i);
      });
      kept = k;
    }
    const at = rank[line] ?? 0;
    return kept
      .slice(Math.max(0, at - CONTEXT_LINES), at + 1)
      .map((i) => lines[i])
      .join('\n');
  };
}

const PROSE: Line = Object.freeze({ cells: [], prose: true });

/**
 * The lines with an authenticator's setup key read as prose: a secret is never a backup code,
 * alone or beside a code of the same shape. A 2FA setup page shows the key, often in groups like a
 * recovery code ("jbsw y3dp ehpk 3pxp …"): Base32, introduced as a key and not as a recovery code.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-6 (Base32), https://www.rfc-editor.org/rfc/rfc6238
 */
export function withoutSetupKeys(read: readonly Line[], context: (line: number) => string): Line[] {
  return read.map((l, i) => {
    if (l.cells.length === 0) return l;
    const whole = l.cells.flatMap((cell) =>
      [...cell.byK.values()].filter((codes) => codes.length === 1).flat(),
    );
    if (!whole.some((c) => BASE32.test(c.alnum))) return l;
    const intro = context(i);
    return SECRET_WORDS.test(intro) && !RECOVERY_WORDS.test(intro) ? PROSE : l;
  });
}
