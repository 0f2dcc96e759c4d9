import { useEffect, useMemo } from 'preact/hooks';
import { I18nContext } from '../../components/i18n';
import { englishTranslate } from '../../components/i18n-en';
import { BackupReminder } from '../../components/options/backup-reminder';
import { OptionsNav } from '../../components/options/options-nav';
import { Toast } from '../../components/options/toast';
import { SetupForm } from '../../components/setup-form';
import { SyncedUnlock } from '../../components/synced-unlock';
import { UnlockForm } from '../../components/unlock-form';
import type { Clock } from '../../lib/clock';
import type { Translate } from '../../lib/i18n';
import { SECTIONS } from '../../state/options/route';
import { CAPTURE_ID, createOptionsStore, type OptionsStore } from '../../state/options/store';
import type { OptionsBackend } from '../../state/options/types';
import { SectionView } from './section-view';

export interface AppProps {
  backend: OptionsBackend;
  clock?: Clock;
  translate?: Translate;
  /** for tests: a store built outside */
  store?: OptionsStore;
}

const systemClock: Clock = { now: () => Date.now() };

/** Sets the location hash; `hashchange` then drives the store (one path for links and code). */
function go(hash: string): void {
  if (location.hash === hash) return;
  location.hash = hash;
}

/**
 * The options page shell: unlock (or create) first, then the section nav, the section the URL
 * hash selects, and the toast region. Applies the theme setting to the page.
 * @see https://developer.chrome.com/docs/extensions/develop/ui/options-page
 */
export function App({ backend, clock = systemClock, translate = englishTranslate, store: given }: AppProps) {
  const store = useMemo(() => given ?? createOptionsStore(backend, clock), [given, backend, clock]);

  useEffect(() => {
    // `#import/capture` is consumed once: a reload must not ask for the (taken) capture again.
    const follow = () => {
      const run = store.navigate(location.hash);
      if (location.hash === `#import/${CAPTURE_ID}`) history.replaceState(null, '', '#import');
      return run;
    };
    const onHash = () => void follow();
    void follow().then(() => store.init());
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      store.dispose();
    };
  }, [store]);

  const theme = store.settings.settings.value?.theme ?? 'system';
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  const status = store.status.value;
  const createError = store.createError.value;
  const printing = store.recovery.printing.value;
  return (
    <I18nContext.Provider value={translate}>
      {status === 'unlocked' ? (
        <div class={`layout${printing ? ' printing' : ''}`}>
          <header class="page-header">
            <h1>{translate('options_title')}</h1>
            <button type="button" onClick={() => void store.lock()}>
              {translate('options_lock')}
            </button>
          </header>
          <OptionsNav sections={SECTIONS} current={store.route.value.section} />
          <main id="main" tabIndex={-1}>
            <BackupReminder
              count={store.sync.reminder.value}
              onExport={() => {
                store.sync.dismissReminder();
                go('#export');
              }}
              onSettings={() => {
                store.sync.dismissReminder();
                go('#settings');
              }}
              onDismiss={store.sync.dismissReminder}
            />
            <SectionView store={store} go={go} />
          </main>
        </div>
      ) : (
        <main class="auth">
          {status === 'loading' && <p role="status">{translate('options_loading')}</p>}
          {status === 'error' && <p role="alert">{translate('error_generic')}</p>}
          {status === 'locked' && (
            <UnlockForm
              error={store.unlockState.value.error}
              busy={store.unlockState.value.busy}
              failures={store.unlockState.value.failures}
              retryAt={store.unlockState.value.retryAt}
              now={store.countdownNow.value}
              onUnlock={(pw) => void store.unlock(pw)}
            />
          )}
          {status === 'none' && store.synced.value && (
            <SyncedUnlock
              state={store.unlockState.value}
              now={store.countdownNow.value}
              onOpen={(pw) => void store.openSynced(pw)}
              onCreateInstead={store.declineSynced}
            />
          )}
          {status === 'none' && !store.synced.value && (
            <SetupForm
              busy={store.busy.value}
              error={createError ? translate(createError.key, createError.subs) : undefined}
              onCreate={(pw) => void store.create(pw)}
              onImport={() => go('#import')}
            />
          )}
        </main>
      )}
      <Toast toast={store.toast.value} onUndo={() => void store.undo()} onDismiss={store.dismissToast} />
    </I18nContext.Provider>
  );
}
