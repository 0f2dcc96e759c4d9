import type { Msg } from '../../lib/i18n';
import { useT } from '../i18n';

/**
 * An error message in a live region; renders nothing without messages.
 * @see https://www.w3.org/WAI/WCAG22/Techniques/aria/ARIA19
 */
export function Alert({ msgs, id }: { msgs: Array<Msg | null | undefined>; id?: string }) {
  const t = useT();
  const shown = msgs.filter((m): m is Msg => !!m);
  if (shown.length === 0) return null;
  return (
    <div id={id} class="alert" role="alert">
      {shown.map((m, i) => (
        <p key={i}>{t(m.key, m.subs)}</p>
      ))}
    </div>
  );
}
