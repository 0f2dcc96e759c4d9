import { useEffect } from 'preact/hooks';
import type { Toast as ToastData } from '../../state/options/context';
import { useT } from '../i18n';

/** How long a toast stays; long enough to reach Undo by keyboard. */
export const TOAST_MS = 10_000;

/**
 * A status message at the bottom of the page with an optional Undo; dismisses itself.
 * @see https://www.w3.org/WAI/WCAG22/Understanding/status-messages.html
 */
export function Toast(p: { toast: ToastData | null; onUndo(): void; onDismiss(): void }) {
  const t = useT();
  const id = p.toast?.id;
  const dismiss = p.onDismiss;
  useEffect(() => {
    if (id === undefined) return;
    const timer = setTimeout(dismiss, TOAST_MS);
    return () => clearTimeout(timer);
  }, [id, dismiss]);
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {p.toast && (
        <div class="toast">
          <span>{t(p.toast.msg.key, p.toast.msg.subs)}</span>
          {p.toast.undo && (
            <button type="button" class="link" onClick={p.onUndo}>
              {t('options_undo')}
            </button>
          )}
          <button type="button" class="icon" aria-label={t('options_dismiss')} onClick={p.onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
