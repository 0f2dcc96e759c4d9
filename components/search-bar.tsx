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

/** Line icons drawn inline: no icon font or emoji font needed, and they follow the text colour. */
const ICONS = {
  scan: (
    <>
      <path d="M4 4h5v5H4zM15 4h5v5h-5zM4 15h5v5H4zM15 15h2v2h-2zM18 18h2v2h-2z" />
    </>
  ),
  lock: (
    <>
      <rect x="5" y="11" width="14" height="9" rx="2" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </>
  ),
  settings: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M5.6 18.4l2.1-2.1M16.3 7.7l2.1-2.1" />
    </>
  ),
};

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {ICONS[name]}
    </svg>
  );
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
      {(
        [
          ['scan', 'popup_scan_page', p.onScan],
          ['lock', 'popup_lock', p.onLock],
          ['settings', 'popup_options', p.onOptions],
        ] as const
      ).map(([icon, label, onClick]) => (
        <button
          key={icon}
          type="button"
          class="icon"
          aria-label={t(label)}
          title={t(label)}
          onClick={onClick}
        >
          <Icon name={icon} />
        </button>
      ))}
    </header>
  );
}
