// Porthole in Firefox ESR whose UI language is German and Arabic (language
// packs installed, `intl.locale.requested` and LANG/LANGUAGE set): the popup,
// the options page, a hover card and the details page's copy-ready commands
// show that locale's words, and Arabic lays them out right to left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { messageLookup } from '../../scripts/locales.ts';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';
import { FIREFOX_EXTENSION_DIR, FIREFOX_EXTENSION_ORIGIN, firefoxHasLanguage, firefoxPath, type FirefoxSession, hoverText, launchFirefoxWithExtension } from './firefox-bidi.ts';

const binary = firefoxPath();
const CI = process.env.CI === 'true';
const strip = (s: string) => s.replace(/[\u2066-\u2069]/g, '').trim();

for (const lang of ['de', 'ar'] as const) {
  const ready = binary !== null && firefoxHasLanguage(binary, lang);
  // Locally skipped without Firefox or its language pack; in CI (which installs both) it must run.
  describe.skipIf(!ready && !CI)(`Firefox in ${lang}`, () => {
    let firefox: FirefoxSession;
    let server: FixtureServer;
    let words: (key: string, values?: Record<string, string | number>) => string;
    const dir = lang === 'ar' ? 'rtl' : 'ltr';

    beforeAll(async () => {
      if (!ready) throw new Error(`Firefox ESR with its ${lang} language pack is missing: .ci/run installs them (firefox-esr, firefox-esr-l10n-${lang}).`);
      if (!existsSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`)) throw new Error('Run `npm run build:firefox` first.');
      const get = await messageLookup(lang);
      words = (key, values = {}) => get(key.replaceAll('.', '_')).replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
      server = await serveFixtures();
      firefox = await launchFirefoxWithExtension(binary!, { lang });
    });
    afterAll(async () => {
      await firefox?.close();
      await server?.close();
    });

    it('the popup speaks the locale, in its direction', async () => {
      await firefox.navigate(`${FIREFOX_EXTENSION_ORIGIN}/popup.html`);
      const state = () =>
        firefox.evaluate<{ lang: string; dir: string; direction: string; placeholder: string | null }>(`({
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
          direction: getComputedStyle(document.body).direction,
          placeholder: document.querySelector('[role="combobox"]')?.getAttribute('placeholder') ?? null,
        })`);
      await expect.poll(state, { timeout: 15_000 }).toEqual({ lang, dir, direction: dir, placeholder: words('search.placeholder') });
      expect(words('search.placeholder')).not.toBe((await messageLookup('en'))('search_placeholder'));
    });

    it('the options page speaks the locale, in its direction', async () => {
      await firefox.navigate(`${FIREFOX_EXTENSION_ORIGIN}/options.html#settings`);
      const tabs = () =>
        firefox.evaluate<{ dir: string; tabs: string[] }>(`({
          dir: document.documentElement.dir,
          tabs: [...document.querySelectorAll('[role="tab"]')].map((t) => t.textContent.trim()),
        })`);
      await expect.poll(async () => (await tabs()).tabs.length, { timeout: 15_000 }).toBeGreaterThan(4);
      const { dir: pageDir, tabs: names } = await tabs();
      expect(pageDir).toBe(dir);
      for (const key of ['options.tab.notes', 'options.tab.ports', 'options.tab.import', 'options.tab.settings', 'options.tab.about']) expect(names).toContain(words(key));
    });

    it('the details page words the port’s commands in the locale', async () => {
      await firefox.navigate(`${FIREFOX_EXTENSION_ORIGIN}/details.html?port=445`);
      const commands = () =>
        firefox.evaluate<{ dir: string; groups: string[]; first: string }>(`({
          dir: document.documentElement.dir,
          groups: [...document.querySelectorAll('details.cmd-group > summary')].map((s) => s.textContent.trim()),
          first: document.querySelector('.cmd-label > span')?.textContent ?? '',
        })`);
      await expect.poll(async () => (await commands()).groups.length, { timeout: 15_000 }).toBe(4);
      const shown = await commands();
      expect(shown.dir).toBe(dir);
      expect(shown.groups).toEqual(['check', 'listen', 'allow', 'block'].map((id) => words(`portCommands.${id}`)));
      expect(strip(shown.first)).toBe(words('portCommands.isOpen', { protocol: 'TCP', ports: '445', host: 'HOST' }));
    });

    it('a hover card speaks the locale inside its own direction', async () => {
      await firefox.navigate(server.url('prose.html'));
      await expect.poll(() => firefox.evaluate<number>(`CSS.highlights.get('porthole-port')?.size ?? 0`), { timeout: 15_000 }).toBeGreaterThan(3);
      await hoverText(firefox, 'prose', '5432');
      const card = () =>
        firefox.evaluate<{ dir: string; lang: string; title: string; headings: string[] } | null>(`(() => {
          const frame = document.querySelector('porthole-ui')?.shadowRoot?.querySelector('.frame');
          if (!frame || !frame.querySelector('h3')) return null;
          return { dir: frame.dir, lang: frame.lang, title: frame.querySelector('h2')?.textContent ?? '', headings: [...frame.querySelectorAll('h3')].map((h) => h.textContent.trim()) };
        })()`);
      await expect.poll(card, { timeout: 15_000 }).not.toBeNull();
      const shown = (await card())!;
      expect({ dir: shown.dir, lang: shown.lang }).toEqual({ dir, lang });
      expect(strip(shown.title)).toContain(strip(words('label.port', { port: 5432 })));
      expect(shown.headings).toContain(words('card.commonUses'));
    });
  });
}
