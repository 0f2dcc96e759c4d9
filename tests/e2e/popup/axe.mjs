// Accessibility checks with axe-core for the popup and options browser tests: the built extension
// in a given UI language, axe run inside an extension page (evaluated over CDP, which the page's
// CSP does not apply to), and the contrast of a hovered button computed from its painted colours.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchExtension } from '../extension.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The built extension with the browser's UI in `lang` ('en' or 'ja'), which extension i18n follows. */
export function launchIn(lang) {
  return launchExtension({
    locale: lang === 'ja' ? 'ja-JP' : 'en-US',
    args: [`--lang=${lang === 'ja' ? 'ja' : 'en-US'}`],
  });
}

/**
 * axe-core's serious and critical violations on the page as it is now (WCAG 2.x A/AA and best
 * practices), as readable lines: rule, impact, and the first offending elements.
 * @see https://github.com/dequelabs/axe-core/blob/develop/doc/API.md#api-name-axerun
 */
export async function seriousViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1] ?? ''}`),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.join(' | ')}`);
}

/** WCAG contrast ratio of an element's text on its own background, as painted now (hover included). */
export async function textContrast(locator) {
  return locator.evaluate((el) => {
    const rgb = (c) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const style = getComputedStyle(el);
    const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}
