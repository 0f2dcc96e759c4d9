import type { UnlockState } from '../state/auth';
import { useT } from './i18n';
import { UnlockForm } from './unlock-form';

export interface SyncedUnlockProps {
  state: UnlockState;
  now: number;
  onOpen(password: string): void;
  onCreateInstead(): void;
}

/**
 * A new device whose browser sync holds a Keyfob vault: the same master password opens it here
 * (its accounts follow with the first sync round), or the user creates a separate vault instead.
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export function SyncedUnlock(p: SyncedUnlockProps) {
  const t = useT();
  return (
    <UnlockForm
      error={p.state.error}
      busy={p.state.busy}
      failures={p.state.failures}
      retryAt={p.state.retryAt}
      now={p.now}
      onUnlock={p.onOpen}
      title={t('synced_title')}
      intro={t('synced_intro')}
      secondary={{ label: t('synced_create_instead'), onClick: p.onCreateInstead }}
    />
  );
}
