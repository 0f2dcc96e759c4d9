import { useState } from 'preact/hooks';
import type { Msg } from '../../lib/i18n';
import { countKey } from '../../lib/i18n';
import type { SafetyReport, SyncRoundState } from '../../state/options/types';
import { useT } from '../i18n';
import { PasswordField } from '../password-field';
import { Alert } from './alert';

export interface SyncCardProps {
  on: boolean;
  report: SafetyReport | null;
  /** The outcome of a round this page ran, until the report catches up. */
  round: SyncRoundState | null;
  busy: boolean;
  /** Reading the sync state or running a round failed. */
  error: Msg | null;
  joinError: Msg | null;
  onToggle(on: boolean): void;
  onJoin(password: string): void;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const when = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Joining the vault another device put in sync: its master password, then one merge. */
function JoinForm(p: { busy: boolean; error: Msg | null; onJoin(password: string): void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (password) p.onJoin(password);
      }}
    >
      <p>{t('options_sync_other')}</p>
      <PasswordField
        id="sync-join-password"
        label={t('options_sync_join_password')}
        autocomplete="off"
        value={password}
        onValue={setPassword}
        invalid={p.error !== null}
      />
      <Alert msgs={[p.error]} />
      <button type="submit" class="primary" disabled={p.busy || !password}>
        {t('options_sync_join')}
      </button>
    </form>
  );
}

/**
 * Opt-in sync through the browser's own account, said plainly (only ciphertext leaves), with the
 * bytes in use, a pause over the quota, joining another device's vault, and the safety net: the
 * last backup, the last sync and how many accounts are in neither.
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export function SyncCard(p: SyncCardProps) {
  const t = useT();
  const r = p.report;
  const state = p.on ? (p.round ?? r?.syncState ?? null) : null;
  return (
    <section class="card" aria-labelledby="sync-title" data-testid="sync">
      <h3 id="sync-title">{t('options_sync_title')}</h3>
      <Alert msgs={[p.error]} />
      <label class="check">
        <input
          id="set-sync"
          type="checkbox"
          checked={p.on}
          disabled={p.busy}
          onChange={(e) => p.onToggle(e.currentTarget.checked)}
        />{' '}
        {t('options_sync_toggle')}
      </label>
      <p class="hint">{t('options_sync_explain')}</p>
      {state === 'paused' && r?.syncBytes != null && (
        <p role="alert" class="warning">
          {t('options_sync_paused', [kb(r.syncBytes), kb(r.quotaBytes)])}
        </p>
      )}
      {state === 'locked' && <p role="status">{t('options_sync_locked')}</p>}
      {state === 'other-vault' && <JoinForm busy={p.busy} error={p.joinError} onJoin={p.onJoin} />}
      {state === 'synced' && r?.syncBytes != null && (
        <p data-testid="sync-bytes">{t('options_sync_bytes', [kb(r.syncBytes), kb(r.quotaBytes)])}</p>
      )}
      {r && (
        <>
          <h4>{t('options_safety_title')}</h4>
          <ul data-testid="safety">
            <li>
              {r.lastBackupAt ? t('options_backup_last', when(r.lastBackupAt)) : t('options_backup_never')}
            </li>
            {p.on && (
              <li>{r.lastSyncAt ? t('options_sync_last', when(r.lastSyncAt)) : t('options_sync_never')}</li>
            )}
            <li>
              {r.unprotected > 0
                ? t(countKey('options_unprotected', r.unprotected), r.unprotected)
                : t('options_all_protected')}
            </li>
          </ul>
        </>
      )}
    </section>
  );
}
