// Every locale says everything English says, with the same placeholders, and
// nothing else; its own `locale` and `dir` messages name it correctly.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '@wxt-dev/i18n/build';
import { LOCALES, localeFile, messageLookup, readLocale } from '../../scripts/locales.ts';

const keyOf = (m: ParsedMessage) => m.key.join('.');
const textsOf = (m: ParsedMessage): string[] => (m.type === 'plural' ? Object.values(m.plurals) : [m.type === 'chrome' ? m.message : m.message]);
const shapeOf = (m: ParsedMessage) => ({
  plural: m.type === 'plural',
  substitutions: m.substitutions,
  named: [...m.namedSubstitutions].sort(),
});

const english = new Map((await readLocale('en')).map((m) => [keyOf(m), m]));

describe('locales', () => {
  it.each(LOCALES)('%s exists', (locale) => {
    expect(existsSync(localeFile(locale))).toBe(true);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every English key and no other', async (locale) => {
    const keys = new Set((await readLocale(locale)).map(keyOf));
    expect([...english.keys()].filter((k) => !keys.has(k)), 'missing').toEqual([]);
    expect([...keys].filter((k) => !english.has(k)), 'extra').toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s uses the same placeholders and plural forms as English', async (locale) => {
    const mismatches: string[] = [];
    for (const m of await readLocale(locale)) {
      const en = english.get(keyOf(m));
      if (!en) continue;
      const [ours, theirs] = [shapeOf(m), shapeOf(en)];
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) mismatches.push(`${keyOf(m)}: ${JSON.stringify(ours)} vs en ${JSON.stringify(theirs)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty message and no "$" the browser would swallow', async (locale) => {
    const bad: string[] = [];
    for (const m of await readLocale(locale)) {
      for (const text of textsOf(m)) {
        if (!text.trim()) bad.push(`${keyOf(m)}: empty`);
        // Chrome reads `$name$` as a placeholder and `$` before anything else is lost: only $1…$9 and $$.
        if (/\$(?![1-9$])/.test(text.replace(/\$\$/g, ''))) bad.push(`${keyOf(m)}: stray $ in ${JSON.stringify(text)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it.each(LOCALES)('%s names its own language and direction', async (locale) => {
    const get = await messageLookup(locale);
    expect(get('locale')).toBe(locale.replace('_', '-'));
    expect(() => new Intl.Locale(get('locale'))).not.toThrow();
    expect(get('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
  });
});

describe('message lookup (the unit tests’ getMessage)', () => {
  it('substitutes like the browser', async () => {
    const get = await messageLookup('en');
    expect(get('page_portCount', ['3'])).toBe('{count} port | {count} ports');
    expect(get('no.such.key')).toBe('');
  });
});
