import { useEffect, useRef } from 'preact/hooks';
import { useT } from './i18n';

/** Props of the confirmation shown before filling an account into a site it is not bound to. */
export interface FillConfirmProps {
  /** "Issuer (label)" of the account */
  name: string;
  /** the page's registrable domain; null when the page has none to remember (then: fill once only) */
  site: string | null;
  kind: 'otp' | 'backup';
  /** bound, but one of several accounts of this site, and the page does not say which one */
  several?: boolean;
  onRemember(): void;
  onOnce(): void;
  onCancel(): void;
}

/**
 * Asks before a code goes to a site the account is not saved for (a look-alike domain is the
 * classic phishing trap), offering to remember the site so next time Fill is direct. Focus moves
 * to the safe choice (Cancel), which is also the one highlighted as the default; Escape cancels.
 * @see https://www.w3.org/WAI/ARIA/apg/patterns/alertdialog/
 * @see docs/design.md "Data flow" (Fill: filling an unbound site asks first)
 */
export function FillConfirm(p: FillConfirmProps) {
  const t = useT();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      p.onCancel();
    }
  };
  const site = p.site ?? t('popup_fill_confirm_this_site');
  const title = p.several ? t('popup_fill_several_title', p.name) : t('popup_fill_confirm_title', site);
  const body = p.several
    ? t('popup_fill_several_body', p.name)
    : t(p.kind === 'backup' ? 'popup_fill_confirm_body_backup' : 'popup_fill_confirm_body', [p.name, site]);
  return (
    <section
      class="confirm"
      role="alertdialog"
      aria-labelledby="fill-confirm-title"
      aria-describedby="fill-confirm-body"
      onKeyDown={onKeyDown}
    >
      <h2 id="fill-confirm-title">{title}</h2>
      <p id="fill-confirm-body">{body}</p>
      <div class="actions">
        {/* Several accounts of one bound site: nothing to remember, only which account to fill. */}
        {!p.several && p.site && (
          <button type="button" onClick={p.onRemember}>
            {t('popup_fill_confirm_remember', p.site)}
          </button>
        )}
        <button type="button" onClick={p.onOnce}>
          {p.several ? t('popup_fill_several_fill', p.name) : t('popup_fill_confirm_once')}
        </button>
        {/* The default (highlighted, focused) choice is the safe one: a look-alike site gets nothing. */}
        <button type="button" class="primary" ref={cancel} onClick={p.onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </section>
  );
}
