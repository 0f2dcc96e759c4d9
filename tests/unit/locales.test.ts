/**
 * The shipped string tables (public/_locales/<locale>/messages.json) against English, the default
 * locale, and against the code that reads them. The pages pass keys to `i18n.getMessage` untyped
 * (entrypoints/popup/main.tsx, entrypoints/options/main.tsx), so this file is what catches a key
 * missing from a locale, a placeholder a translation lost or renamed, a `$NAME$` the browser would
 * refuse to load, and a key the code asks for that no table has.
 * @see https://developer.chrome.com/docs/extensions/reference/api/i18n#overview-predefined
 * @see https://developer.chrome.com/docs/extensions/how-to/ui/localization-message-formats
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessageEntry } from '../../lib/i18n';

const ROOT = resolve(import.meta.dirname, '../..');
const LOCALES = join(ROOT, 'public/_locales');
type Table = Record<string, MessageEntry>;

const read = (locale: string): Table =>
  JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Table;
const locales = readdirSync(LOCALES).filter((l) => statSync(join(LOCALES, l)).isDirectory());
const en = read('en');

/** `$NAME$` references in a message, lower-cased (Chrome matches placeholder names case-blind). */
const named = (e: MessageEntry) =>
  [...e.message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) =>
    String(m[1]).toLowerCase(),
  );

/**
 * What a message does with the substitutions the code passes: the set of `$1`…`$9` it shows,
 * whether written directly or through a named placeholder's content.
 */
function substitutions(e: MessageEntry): string[] {
  const text = [e.message, ...named(e).map((n) => e.placeholders?.[n]?.content ?? '')].join(' ');
  return [...new Set([...text.replace(/\$\$/g, '').matchAll(/\$(\d)/g)].map((m) => String(m[1])))].sort();
}

/** A `_one` twin's base: the key the code passes the same count to (lib/i18n countKey). */
const base = (key: string) => key.replace(/_one$/, '');

describe('locale tables', () => {
  it('English is there and at least one other locale', () => {
    expect(locales).toContain('en');
    expect(locales.length).toBeGreaterThan(1);
  });

  describe.each(locales)('%s', (locale) => {
    const table = read(locale);

    it('has exactly the keys English has', () => {
      expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
    });

    it('every message is non-empty and every $NAME$ it uses is defined, every definition used', () => {
      for (const [key, e] of Object.entries(table)) {
        expect(e.message.trim(), key).not.toBe('');
        const used = new Set(named(e));
        const defined = Object.keys(e.placeholders ?? {});
        for (const name of used)
          expect(
            defined.map((d) => d.toLowerCase()),
            `${key}: $${name}$`,
          ).toContain(name);
        for (const name of defined)
          expect(used, `${key}: placeholder ${name} unused`).toContain(name.toLowerCase());
      }
    });

    it('keeps English’s placeholders: same names, same substitutions', () => {
      for (const [key, e] of Object.entries(en)) {
        const t = table[key];
        if (!t) continue; // reported by the key test
        if (key.endsWith('_one')) {
          // English may spell the count out ("One code"), a translation may show it ($1): either
          // way only what the code passes to the base key can appear.
          const allowed = substitutions(en[base(key)] ?? e);
          for (const s of substitutions(t)) expect(allowed, `${locale} ${key}: $${s}`).toContain(s);
          continue;
        }
        expect(new Set(named(t)), `${locale} ${key}`).toEqual(new Set(named(e)));
        expect(substitutions(t), `${locale} ${key}`).toEqual(substitutions(e));
      }
    });
  });
});

/** Non-test sources of the layers that render strings. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.|test-/.test(name) ? [path] : [];
  });
}

describe('keys the code asks for', () => {
  const prefixes = [...new Set(Object.keys(en).map((k) => k.split('_')[0] ?? ''))].filter((p) =>
    /^[a-z]+$/.test(p),
  );
  const KEY = new RegExp(`['"]((?:${prefixes.join('|')})_[a-z0-9_]+)['"]`, 'g');
  const DYNAMIC = new RegExp(`\`((?:${prefixes.join('|')})_[a-z0-9_]*)\\$\\{`, 'g');
  const files = ['lib', 'state', 'components', 'entrypoints'].flatMap(sources);
  const text = files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')] as const);

  it('finds the code’s keys (the scan itself works)', () => {
    const found = text.flatMap(([, s]) => [...s.matchAll(KEY)]);
    expect(found.length).toBeGreaterThan(100);
  });

  it('every literal key exists in English (and so, by the tests above, in every locale)', () => {
    const missing = text.flatMap(([f, s]) =>
      [...s.matchAll(KEY)]
        .map((m) => m[1] ?? '')
        .filter((k) => !(k in en))
        .map((k) => `${f}: ${k}`),
    );
    expect(missing).toEqual([]);
  });

  it('every counted key has its `_one` twin', () => {
    const COUNTED = /countKey\(\s*['"]([a-z0-9_]+)['"]/g;
    const counted = text.flatMap(([, s]) => [...s.matchAll(COUNTED)].map((m) => m[1] ?? ''));
    expect(counted.length).toBeGreaterThan(0);
    for (const k of counted) expect(Object.keys(en), k).toContain(`${k}_one`);
  });

  it('every key built at run time (a template literal after a prefix) has at least one entry under its prefix', () => {
    const prefixesBuilt = text.flatMap(([, s]) => [...s.matchAll(DYNAMIC)].map((m) => m[1] ?? ''));
    for (const p of prefixesBuilt)
      expect(
        Object.keys(en).some((k) => k.startsWith(p)),
        p,
      ).toBe(true);
  });
});
