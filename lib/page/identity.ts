import type { FrameText } from './frame-text';

/** The fields of an account that say who it is. */
export interface Labelled {
  id: string;
  label: string;
}

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Which of several accounts bound to one site the page is about: the one whose label is the
 * username the page shows — a sign-in identifier field or an address on the page (see
 * readFrameText) — or, failing that, the one whose label alone appears in the page's text as a
 * whole word ("Signed in as alice"). Null when none or more than one match: the popup then asks,
 * and never fills another account's code on its own.
 * @see https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#attr-fe-autocomplete-username
 */
export function accountForPage<T extends Labelled>(
  accounts: readonly T[],
  frames: readonly FrameText[],
): T | null {
  const labelled = accounts.filter((a) => fold(a.label) !== '');
  const ids = new Set(frames.flatMap((f) => f.identifiers.map(fold)));
  const byId = labelled.filter((a) => ids.has(fold(a.label)));
  if (byId.length === 1) return byId[0] ?? null;
  if (byId.length > 1) return null;
  const text = fold(frames.map((f) => f.text).join('\n'));
  const inText = labelled.filter((a) =>
    new RegExp(`(^|[^\\p{L}\\p{N}_.@-])${escapeRegExp(fold(a.label))}($|[^\\p{L}\\p{N}_@-])`, 'u').test(text),
  );
  return inText.length === 1 ? (inText[0] ?? null) : null;
}
