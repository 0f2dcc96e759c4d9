import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { AccountList } from '../../components/account-list';
import { CodesOfferView } from '../../components/codes-offer';
import { EmptyState } from '../../components/empty-state';
import { FillConfirm } from '../../components/fill-confirm';
import { I18nContext, useT } from '../../components/i18n';
import { PopupHeader } from '../../components/search-bar';
import { SetupForm } from '../../components/setup-form';
import { StatusLine } from '../../components/status-line';
import { SyncedUnlock } from '../../components/synced-unlock';
import { UnlockForm } from '../../components/unlock-form';
import type { Clock } from '../../lib/clock';
import type { Translate } from '../../lib/i18n';
import { displayName } from '../../lib/otp/display';
import { createPopupStore, type PopupStore } from '../../state/popup/store';
import type { PopupBackend, SiteMatcher } from '../../state/popup/types';
import { fitListToWindow } from './fit';

const LOADING_DELAY_MS = 300;

/** Props of the popup root: the backend (real or fake), and optionally a clock and translator. */
export interface AppProps {
  backend: PopupBackend;
  clock?: Clock;
  t?: Translate;
  /** Passed through to the list for layout-less environments (tests). */
  listHeight?: number;
  /** Replaces the lazily loaded site matcher (tests). */
  loadSites?: () => Promise<SiteMatcher>;
}

/** The list screen; the only part that re-renders on the one-second tick. */
function ListPane({ store, focusToken, height }: { store: PopupStore; focusToken: number; height?: number }) {
  const [drop] = useState(() => (id: string, targetId: string) => {
    const manual = [...store.accounts.value].sort((a, b) => a.order - b.order);
    void store.moveTo(
      id,
      manual.findIndex((a) => a.id === targetId),
    );
  });
  const items = store.shown.value;
  const t = useT();
  if (items.length === 0) {
    return <p class="no-results">{t('popup_no_results', store.query.value)}</p>;
  }
  return (
    <AccountList
      items={items}
      now={store.now.value}
      codeFor={store.codeFor}
      activeIndex={store.activeIndex.value}
      copiedId={store.copiedId.value}
      siteBound={store.siteBound.value}
      fillMode={store.fillMode.value}
      backup={store.backup.value}
      backupFillable={store.backupFillable.value}
      focusToken={focusToken}
      height={height}
      onActiveChange={(i) => {
        store.activeIndex.value = i;
      }}
      onCopy={store.copy}
      onNext={store.nextHotp}
      onFill={store.fill}
      onFillBackup={store.fillBackup}
      onTogglePin={store.togglePin}
      onMoveBy={store.moveBy}
      onDrop={drop}
    />
  );
}

/** The confirmation before filling a site the account is not bound to, when one is pending. */
function PendingFill({ store }: { store: PopupStore }) {
  const p = store.pending.value;
  if (!p) return null;
  return (
    <FillConfirm
      name={displayName(p.account.issuer, p.account.label)}
      site={p.site}
      kind={p.kind}
      several={p.several ?? false}
      onRemember={() => void store.confirmFill(true)}
      onOnce={() => void store.confirmFill(false)}
      onCancel={store.cancelFill}
    />
  );
}

/** A printable character typed without a modifier (Space is left to the focused button). */
function isTypedCharacter(e: KeyboardEvent): boolean {
  return e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing;
}

/**
 * Keys typed before the list is there (the popup is still reading the vault) start the search
 * instead of being lost; the list screen takes over once it mounts.
 */
function useEarlyTyping(store: PopupStore): void {
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (store.status.value !== 'loading' || !isTypedCharacter(e)) return;
      e.preventDefault();
      store.setQuery(store.query.value + e.key);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** The offer to save the backup codes the page shows, when it shows a new set. */
function PageCodes({ store }: { store: PopupStore }) {
  const o = store.offer.value;
  if (!o) return null;
  return (
    <CodesOfferView
      offer={o}
      accounts={store.bound.value}
      onChoose={(id) => void store.chooseAccount(id)}
      onPreview={store.preview}
      onSave={async () => {
        if (await store.saveCodes()) await store.loadBackupCodes();
      }}
      onDismiss={store.dismissOffer}
    />
  );
}

function MainScreen({ store, listHeight }: { store: PopupStore; listHeight?: number }) {
  const search = useRef<HTMLInputElement>(null);
  const [focusToken, setFocusToken] = useState(0);

  // Attached on commit, before the first paint, so a key pressed as soon as the list shows counts.
  useLayoutEffect(() => {
    // Letters typed while the popup was still loading are already in the query: keep typing there.
    if (store.query.value) search.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if (e.key === '/' && !typing) {
        e.preventDefault();
        search.current?.focus();
      } else if (!typing && isTypedCharacter(e)) {
        // Typing anywhere searches: the letter goes into the search box, which takes focus.
        e.preventDefault();
        store.setQuery(store.query.value + e.key);
        search.current?.focus();
      } else if (e.key === 'Escape' && store.query.value) {
        e.preventDefault();
        store.setQuery('');
        search.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const empty = store.accounts.value.length === 0;
  useEffect(() => (empty ? undefined : fitListToWindow()), [empty]);
  return (
    <>
      <PopupHeader
        query={store.query.value}
        inputRef={search}
        onQuery={store.setQuery}
        onListKey={(key) => {
          const active = store.shown.value[store.activeIndex.value];
          if (key === 'Enter') {
            if (active) void store.copy(active);
          } else setFocusToken((n) => n + 1);
        }}
        onScan={() => void store.scanPage()}
        onLock={() => void store.lock()}
        onOptions={() => store.openOptions()}
      />
      <main>
        <PendingFill store={store} />
        <PageCodes store={store} />
        {empty ? (
          <EmptyState onAdd={() => store.openOptions('add')} onImport={() => store.openOptions('import')} />
        ) : (
          <ListPane store={store} focusToken={focusToken} height={listHeight} />
        )}
      </main>
    </>
  );
}

/** Shown only when opening is slow: a flash of "Loading…" would cost a frame and a popup resize. */
function Loading() {
  const t = useT();
  const [show, setShow] = useState(false);
  useEffect(() => {
    const h = setTimeout(() => setShow(true), LOADING_DELAY_MS);
    return () => clearTimeout(h);
  }, []);
  return show ? <p class="center">{t('popup_loading')}</p> : null;
}

function Screen({ store, listHeight }: { store: PopupStore; listHeight?: number }) {
  const t = useT();
  const view = store.status.value;
  if (view === 'loading') return <Loading />;
  if (view === 'error') {
    return (
      <div class="center">
        <p>{t('popup_load_error')}</p>
        <button type="button" onClick={() => void store.init()}>
          {t('popup_retry')}
        </button>
      </div>
    );
  }
  if (view === 'none' && store.synced.value) {
    return (
      <SyncedUnlock
        state={store.unlockState.value}
        now={store.countdownNow.value}
        onOpen={(pw) => void store.openSynced(pw)}
        onCreateInstead={store.declineSynced}
      />
    );
  }
  if (view === 'none') {
    const error = store.createError.value;
    return (
      <SetupForm
        busy={store.busy.value}
        error={error ? t(error.key, error.subs) : undefined}
        onCreate={(pw) => void store.create(pw)}
        onImport={() => store.openOptions('import')}
      />
    );
  }
  if (view === 'locked') {
    const u = store.unlockState.value;
    return (
      <UnlockForm
        typedEarly={store.query.peek()}
        onTypedEarlyTaken={() => store.setQuery('')}
        error={u.error}
        busy={u.busy}
        failures={u.failures}
        retryAt={u.retryAt}
        now={store.countdownNow.value}
        onUnlock={(pw) => void store.unlock(pw)}
      />
    );
  }
  return <MainScreen store={store} listHeight={listHeight} />;
}

/**
 * The popup: setup, unlock, or the account list, over one store created from `backend`.
 * @see docs/design.md (Data flow: List, Fill)
 */
export function App({ backend, clock, t, listHeight, loadSites }: AppProps) {
  // init() starts with the store, not in an effect: effects wait for the first frame, and the
  // vault read should already be running by then.
  const [store] = useState(() => {
    const s = createPopupStore(backend, clock ?? { now: () => Date.now() }, loadSites);
    void s.init();
    return s;
  });
  useEffect(() => () => store.dispose(), []);
  useEarlyTyping(store);
  const body = (
    <>
      <Screen store={store} listHeight={listHeight} />
      <StatusLine
        notice={store.notice.value}
        accounts={store.accounts.value}
        onUndoBackup={(id, code) => void store.undoBackup(id, code)}
      />
    </>
  );
  return t ? <I18nContext.Provider value={t}>{body}</I18nContext.Provider> : body;
}
