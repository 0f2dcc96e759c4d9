import type { Ref } from 'preact';
import { useT } from './i18n';

/** Props of the popup header: search box, scan, lock and options buttons. */
export interface PopupHeaderProps {
  query: string;
  inputRef?: Ref<HTMLInputElement>;
  onQuery(q: string): void;
  /** Keys the search box forwards to the list: ArrowDown/ArrowUp focus it, Enter copies the active row. */
  onListKey(key: 'ArrowDown' | 'ArrowUp' | 'Enter'): void;
  /** Scan a QR code shown on the active page (closes the popup; the options page takes over). */
  onScan(): void;
  onLock(): void;
  onOptions(): void;
}

/**
 * Header with the search box (instant, Escape clears), Scan QR code on this page, Lock, and the
 * options link.
 * @see https://www.w3.org/WAI/ARIA/apg/patterns/combobox/ (search then arrow into results)
 */
export function PopupHeader(p: PopupHeaderProps) {
  const t = useT();
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && p.query) {
      e.preventDefault(); // clear first; a second Escape may close the popup
      e.stopPropagation();
      p.onQuery('');
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Enter') {
      e.preventDefault();
      p.onListKey(e.key);
    }
  };
  return (
    <header class="header">
      <input
        ref={p.inputRef}
        class="search"
        type="search"
        value={p.query}
        aria-label={t('popup_search_label')}
        placeholder={t('popup_search_placeholder')}
        autocomplete="off"
        spellcheck={false}
        onInput={(e) => p.onQuery((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        class="icon"
        aria-label={t('popup_scan_page')}
        title={t('popup_scan_page')}
        onClick={p.onScan}
      >
        <span aria-hidden="true">⌗</span>
      </button>
      <button
        type="button"
        class="icon"
        aria-label={t('popup_lock')}
        title={t('popup_lock')}
        onClick={p.onLock}
      >
        <span aria-hidden="true">🔒</span>
      </button>
      <button
        type="button"
        class="icon"
        aria-label={t('popup_options')}
        title={t('popup_options')}
        onClick={p.onOptions}
      >
        <span aria-hidden="true">⚙</span>
      </button>
    </header>
  );
}
