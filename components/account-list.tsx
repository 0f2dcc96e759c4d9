import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { BackupSummary, FillMode, PopupAccount } from '../state/popup/types';
import { AccountRow, rowSecondsLeft } from './account-row';
import { useT } from './i18n';

/** Props of the windowed account list. Items arrive filtered and ordered. */
export interface AccountListProps {
  items: readonly PopupAccount[];
  now: number;
  codeFor(a: PopupAccount, nowMs: number): string;
  activeIndex: number;
  copiedId: string | null;
  siteBound: ReadonlySet<string>;
  /** How each account can be filled into the page right now (see AccountRowProps.fill). */
  fillMode(a: PopupAccount): FillMode;
  /** Backup-code summaries by account id (accounts with a sheet). */
  backup: Readonly<Record<string, BackupSummary>>;
  /** Accounts whose next backup code can be filled into the page. */
  backupFillable: ReadonlySet<string>;
  /** Bump to move keyboard focus onto the active row (e.g. ArrowDown from the search box). */
  focusToken?: number;
  onActiveChange(index: number): void;
  onCopy(a: PopupAccount): void;
  onNext(a: PopupAccount): void;
  onFill(a: PopupAccount): void;
  onFillBackup(a: PopupAccount): void;
  onTogglePin(a: PopupAccount): void;
  /** Keyboard reorder (Alt+ArrowUp/Down, Ctrl+Shift+ArrowUp/Down). */
  onMoveBy(a: PopupAccount, delta: -1 | 1): void;
  /** Drag and drop: put `id` where `targetId` is. */
  onDrop(id: string, targetId: string): void;
  /** Row height in px; defaults to 3.5rem at the document's root font size. */
  rowHeight?: number;
  /** Viewport height in px when layout cannot be measured (tests); defaults to 28rem. */
  height?: number;
  overscan?: number;
}

function rootFontPx(): number {
  const px =
    typeof getComputedStyle === 'function' ? getComputedStyle(document.documentElement).fontSize : '';
  return Number.parseFloat(px) || 16;
}

const PAGE = 8;

/**
 * Renders only the rows in view (plus `overscan` and the active row), so 1,000 accounts cost as
 * much as a dozen: fixed row height, range from scrollTop, absolutely positioned rows.
 * Keyboard: roving tabindex over rows; arrows/Home/End/PageUp/PageDown move, Left/Right walk a
 * row's buttons, Enter activates the focused button (the code button copies).
 * @see https://www.w3.org/WAI/ARIA/apg/patterns/grid/
 */
export function AccountList(p: AccountListProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [rowH] = useState(() => p.rowHeight ?? rootFontPx() * 3.5);
  const [viewH, setViewH] = useState(() => p.height ?? rootFontPx() * 28);
  const [scrollTop, setScrollTop] = useState(0);
  const focusPending = useRef(false);
  const dragId = useRef<string | null>(null);
  const overscan = p.overscan ?? 4;
  const n = p.items.length;

  // Track the real viewport height (zoom, popup resizing); layout-less tests keep the fallback.
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (el.clientHeight > 0) setViewH(el.clientHeight);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keep the active row in view, then focus it if the keyboard asked for it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const top = p.activeIndex * rowH;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowH > el.scrollTop + viewH) el.scrollTop = top + rowH - viewH;
    if (el.scrollTop !== scrollTop) setScrollTop(el.scrollTop);
    if (focusPending.current) {
      focusPending.current = false;
      el.querySelector<HTMLElement>(`[data-index="${p.activeIndex}"] [data-role="copy"]`)?.focus();
    }
  }, [p.activeIndex, p.items]);

  // A layout effect, not a passive one: focus must land before the next key press is handled.
  useLayoutEffect(() => {
    if (p.focusToken) {
      focusPending.current = true;
      ref.current?.querySelector<HTMLElement>(`[data-index="${p.activeIndex}"] [data-role="copy"]`)?.focus();
      focusPending.current = false;
    }
  }, [p.focusToken]);

  const go = (i: number) => {
    const next = Math.max(0, Math.min(n - 1, i));
    focusPending.current = true;
    if (next === p.activeIndex) {
      ref.current?.querySelector<HTMLElement>(`[data-index="${next}"] [data-role="copy"]`)?.focus();
      focusPending.current = false;
    } else p.onActiveChange(next);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const active = p.items[p.activeIndex];
    const up = e.key === 'ArrowUp';
    if ((up || e.key === 'ArrowDown') && active && (e.altKey || (e.ctrlKey && e.shiftKey))) {
      e.preventDefault();
      focusPending.current = true;
      p.onMoveBy(active, up ? -1 : 1);
      return;
    }
    const target: Record<string, number> = {
      ArrowDown: p.activeIndex + 1,
      ArrowUp: p.activeIndex - 1,
      Home: 0,
      End: n - 1,
      PageDown: p.activeIndex + PAGE,
      PageUp: p.activeIndex - PAGE,
    };
    const to = target[e.key];
    if (to !== undefined) {
      e.preventDefault();
      go(to);
      return;
    }
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const row = (e.target as HTMLElement).closest('[role="row"]');
      const buttons = row ? [...row.querySelectorAll<HTMLElement>('button')] : [];
      const i = buttons.indexOf(e.target as HTMLElement);
      const b = buttons[i + (e.key === 'ArrowLeft' ? -1 : 1)];
      if (i >= 0 && b) {
        e.preventDefault();
        b.focus();
      }
    }
  };

  const onFocusIn = (e: FocusEvent) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const i = row ? Number(row.dataset.index) : -1;
    if (i >= 0 && i !== p.activeIndex) p.onActiveChange(i);
  };

  const onDragStart = useCallback((e: DragEvent) => {
    const id = (e.target as HTMLElement).closest<HTMLElement>('[data-id]')?.dataset.id ?? null;
    dragId.current = id;
    if (id && e.dataTransfer) {
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', id);
    }
  }, []);
  const onDragOver = (e: DragEvent) => {
    if (dragId.current) e.preventDefault();
  };
  const onDropEvent = (e: DragEvent) => {
    const targetId = (e.target as HTMLElement).closest<HTMLElement>('[data-id]')?.dataset.id;
    const id = dragId.current;
    dragId.current = null;
    if (id && targetId && id !== targetId) {
      e.preventDefault();
      p.onDrop(id, targetId);
    }
  };

  const first = Math.max(0, Math.floor(scrollTop / rowH) - overscan);
  const last = Math.min(n - 1, Math.ceil((scrollTop + viewH) / rowH) + overscan);
  const indices: number[] = [];
  // The active row always stays rendered so roving focus has a target even after mouse scrolling.
  if (p.activeIndex < first && p.activeIndex < n) indices.push(p.activeIndex);
  for (let i = first; i <= last; i++) indices.push(i);
  if (p.activeIndex > last && p.activeIndex < n) indices.push(p.activeIndex);

  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: a virtualized grid positions rows absolutely, which <table> layout cannot do */}
      <div
        ref={ref}
        class="list"
        role="grid"
        aria-label={t('popup_accounts_label')}
        aria-rowcount={n}
        aria-describedby="keyboard-hint"
        onScroll={(e) => setScrollTop((e.currentTarget as HTMLElement).scrollTop)}
        onKeyDown={onKeyDown}
        onFocusCapture={onFocusIn}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDrop={onDropEvent}
      >
        <div class="list-inner" style={{ height: `${n * rowH}px` }}>
          {indices.map((i) => {
            const a = p.items[i];
            if (!a) return null;
            return (
              <AccountRow
                key={a.id}
                account={a}
                index={i}
                top={i * rowH}
                code={p.codeFor(a, p.now)}
                left={rowSecondsLeft(a, p.now)}
                active={i === p.activeIndex}
                copied={p.copiedId === a.id}
                siteBound={p.siteBound.has(a.id)}
                fill={p.fillMode(a)}
                backup={p.backup[a.id]}
                backupFill={p.backupFillable.has(a.id)}
                onCopy={p.onCopy}
                onNext={p.onNext}
                onFill={p.onFill}
                onFillBackup={p.onFillBackup}
                onTogglePin={p.onTogglePin}
              />
            );
          })}
        </div>
      </div>
      <p id="keyboard-hint" class="visually-hidden">
        {t('popup_keyboard_hint')}
      </p>
    </>
  );
}
