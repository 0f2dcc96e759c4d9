import type { FieldKind } from '../messages';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

/**
 * The toolbar badge for a tab: a count of matching accounts when the page has a code field and
 * the vault is unlocked; a quiet dot when it has a field but the vault is locked (the match is
 * unknown until unlock, since sites live inside the encrypted records); nothing otherwise.
 * @see https://developer.chrome.com/docs/extensions/reference/api/action#badge
 */
export function badgeFor(o: { kinds: FieldKind[]; unlocked: boolean; matching: number }): Badge | null {
  if (!o.kinds.length) return null;
  if (!o.unlocked) return { text: '•', color: '#6b7280', title: 'Keyfob: code field found — unlock to fill' };
  if (!o.matching) return null;
  const what = o.kinds.includes('otp') ? 'code field' : 'backup-code field';
  return {
    text: o.matching > 9 ? '9+' : String(o.matching),
    color: '#2563eb',
    title: `Keyfob: ${what} found — ${o.matching} matching account${o.matching === 1 ? '' : 's'}`,
  };
}
