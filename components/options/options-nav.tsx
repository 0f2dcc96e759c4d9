import type { Section } from '../../state/options/route';
import { useT } from '../i18n';

/**
 * Section navigation: plain links to `#section`, so the URL selects the section and the
 * browser's back button works; the current one carries aria-current.
 * @see https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/examples/disclosure-navigation/
 */
export function OptionsNav({ sections, current }: { sections: readonly Section[]; current: Section }) {
  const t = useT();
  return (
    <nav class="options-nav" aria-label={t('options_nav_label')}>
      <ul>
        {sections.map((s) => (
          <li key={s}>
            <a href={`#${s}`} aria-current={s === current ? 'page' : undefined}>
              {t(`options_nav_${s.replace('-', '_')}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
