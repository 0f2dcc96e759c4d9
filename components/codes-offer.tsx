import { countKey } from '../lib/i18n';
import { displayName } from '../lib/otp/display';
import type { CodesOffer } from '../state/popup/page';
import type { PopupAccount } from '../state/popup/types';
import { useT } from './i18n';

/** Props of the offer to save the backup codes the page shows. */
export interface CodesOfferProps {
  offer: CodesOffer;
  /** the accounts bound to the page's site (the choice when the page does not say which) */
  accounts: readonly PopupAccount[];
  onChoose(accountId: string): void;
  onPreview(): void;
  onSave(): void;
  onDismiss(): void;
}

/**
 * "Save these N backup codes for <account>": offered when the page shows a backup-code sheet,
 * then the codes themselves to check against the page, and the final button. Replacing a saved
 * set says first that the old codes stop working (a site that makes new codes voids the old ones).
 * @see https://www.w3.org/WAI/ARIA/apg/patterns/alert/
 */
export function CodesOfferView(p: CodesOfferProps) {
  const t = useT();
  const o = p.offer;
  const n = o.codes.length;
  const account = p.accounts.find((a) => a.id === o.accountId);
  const name = account ? displayName(account.issuer, account.label) : '';
  return (
    <section class="confirm codes-offer" aria-labelledby="codes-offer-title">
      <h2 id="codes-offer-title">{t('popup_codes_found', n)}</h2>
      {!account && (
        <label class="pick">
          {t('popup_codes_which_account')}
          <select value="" onChange={(e) => p.onChoose(e.currentTarget.value)}>
            <option value="" disabled>
              {t('popup_codes_pick')}
            </option>
            {p.accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {displayName(a.issuer, a.label)}
              </option>
            ))}
          </select>
        </label>
      )}
      {account && o.stage === 'offer' && (
        <div class="actions">
          <button type="button" class="primary" onClick={p.onPreview}>
            {t('popup_codes_save_for', [n, name])}
          </button>
          <button type="button" onClick={p.onDismiss}>
            {t('popup_codes_not_now')}
          </button>
        </div>
      )}
      {account && o.stage === 'preview' && (
        <>
          <ol class="codes-preview" aria-label={t('popup_codes_preview_label')}>
            {o.codes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ol>
          {o.replaces > 0 && (
            <p class="warning" id="codes-offer-replace">
              {t(countKey('popup_codes_replace_warning', o.replaces), [o.replaces, name])}
            </p>
          )}
          <div class="actions">
            <button
              type="button"
              class="primary"
              aria-describedby={o.replaces > 0 ? 'codes-offer-replace' : undefined}
              onClick={p.onSave}
            >
              {o.replaces > 0 ? t('popup_codes_replace', name) : t('popup_codes_save', [n, name])}
            </button>
            <button type="button" onClick={p.onDismiss}>
              {t('common_cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
