import { useEffect, useState } from 'preact/hooks';
import { generateCode } from '../../lib/otp';
import type { AccountDraft } from '../../lib/otp/types';
import { groupCode, secondsLeft } from '../format';
import { useT } from '../i18n';

/**
 * The code a hand-typed secret gives right now, so it can be checked against the site before the
 * account is saved (a mistyped character shows as a code the site refuses). Ticks each second
 * while shown; nothing when the form does not make a valid account yet.
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-4
 */
export function CodePreview({ draft, now = Date.now }: { draft: AccountDraft | null; now?: () => number }) {
  const t = useT();
  const [at, setAt] = useState(now);
  useEffect(() => {
    if (!draft) return;
    const h = setInterval(() => setAt(now()), 1000);
    return () => clearInterval(h);
  }, [draft === null]);
  if (!draft) return null;
  let code = '';
  try {
    code = generateCode(draft, at);
  } catch {
    return null;
  }
  return (
    <p class="code-preview" data-testid="code-preview">
      {t('options_add_preview')} <strong class="mono">{groupCode(code)}</strong>
      {draft.type !== 'hotp' && (
        <span class="aside"> {t('popup_seconds_left', secondsLeft(at, draft.period))}</span>
      )}
    </p>
  );
}
