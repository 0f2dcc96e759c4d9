import type { FillResult } from '../messages';

export interface ShortcutDeps {
  /** ids of the unlocked accounts bound to a frame of the tab that has a code field ([] if locked) */
  matching(): Promise<string[]>;
  fill(accountId: string): Promise<FillResult>;
  openPopup(): Promise<void>;
}

/**
 * The fill shortcut (commands API): the key press is the user's action. Exactly one matching
 * account → fill its code at once; none, several, a locked vault or a failed fill → open the popup
 * so the user chooses (or unlocks). Returns what it did, for the caller's badge refresh.
 * @see https://developer.chrome.com/docs/extensions/reference/api/commands
 */
export async function runFillShortcut(deps: ShortcutDeps): Promise<'filled' | 'popup'> {
  const ids = await deps.matching().catch(() => []);
  const only = ids.length === 1 ? ids[0] : undefined;
  if (only !== undefined && (await deps.fill(only).catch(() => null))?.ok) return 'filled';
  await deps.openPopup().catch(() => {});
  return 'popup';
}
