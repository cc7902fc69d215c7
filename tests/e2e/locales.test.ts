// Porthole in Chromium whose UI language is German, Japanese and Arabic:
// popup, a hover card, details and options show that locale's words (read
// from its messages file), nothing overflows its box at the popup's width,
// and Arabic lays the pages out right to left with ports kept left to right;
// the exposure line, the copy-ready commands and the exports lib/ gives as
// codes are worded in the locale, and the browser's shortcut page shows the
// commands' translated descriptions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { messageLookup } from '../../scripts/locales.ts';
import { launchWithExtension, type Launched } from './harness.ts';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';
import { hover, mentionPoint, waitForMarked } from './page-helpers.ts';
import { SS } from '../paste-samples.ts';

const CARD = 'porthole-ui [role="dialog"]';
const POPUP_WIDTH = 400;

/** A message as the page shows it: named placeholders filled, bidi isolates dropped. */
type Words = (key: string, values?: Record<string, string | number>) => string;
const strip = (s: string) => s.replace(/[\u2066-\u2069]/g, '').trim();

/** Text elements whose text is wider than their box (ellipsis is deliberate and allowed). */
function overflowing(page: Page, rootSelector?: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const root: ParentNode = sel ? (document.querySelector(sel)!.shadowRoot as ParentNode) : document;
    const bad: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      // Inline boxes report no width; visually hidden labels are 1px on purpose.
      if (!hasText || el.clientWidth <= 1 || el.closest('[hidden]')) continue;
      const style = getComputedStyle(el);
      if (style.textOverflow === 'ellipsis' || style.visibility === 'hidden') continue;
      if (el.scrollWidth > el.clientWidth + 1) bad.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ${el.scrollWidth} > ${el.clientWidth}: ${el.textContent!.trim().slice(0, 60)}`);
    }
    return bad;
  }, rootSelector);
}

const pageDir = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

for (const locale of ['de', 'ja', 'ar'] as const) {
  describe(`UI language ${locale}`, () => {
    let browser: Launched;
    let server: FixtureServer;
    let words: Words;
    const dir = locale === 'ar' ? 'rtl' : 'ltr';

    beforeAll(async () => {
      const get = await messageLookup(locale);
      words = (key, values = {}) => get(key.replaceAll('.', '_')).replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
      server = await serveFixtures();
      browser = await launchWithExtension({ lang: locale });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('popup: search, results and a port’s details in the locale, nothing overflowing at the popup’s width', async () => {
      const popup = await browser.openExtensionPage('popup.html');
      await popup.setViewportSize({ width: POPUP_WIDTH, height: 600 });
      const input = popup.getByRole('combobox');
      await expect.poll(() => input.getAttribute('placeholder'), { timeout: 10_000 }).toBe(words('search.placeholder'));
      expect(await pageDir(popup)).toEqual({ lang: locale, dir });
      await expect.poll(async () => strip((await popup.locator('.page-ports .section-title').textContent()) ?? ''), { timeout: 10_000 }).toBe(words('page.title'));
      expect(await overflowing(popup)).toEqual([]);

      await input.fill('445');
      await popup.locator('[role="option"]').first().waitFor();
      expect(await overflowing(popup)).toEqual([]);
      await input.press('Enter');
      await popup.getByRole('heading', { name: words('details.commands') }).waitFor();
      for (const key of ['details.popularUses', 'details.security', 'details.sources', 'details.yourNote']) {
        await expect(popup.getByRole('heading', { name: words(key) }).count()).resolves.toBe(1);
      }
      // The port number stays left to right inside the page's direction.
      expect(await popup.locator('.port-big').getAttribute('dir')).toBe('ltr');
      expect(await overflowing(popup)).toEqual([]);

      if (locale === 'ar') {
        await popup.getByRole('button', { name: words('popup.back') }).click();
        // Mirrored: the search icon sits at the input's right edge.
        const [icon, field] = await Promise.all([popup.locator('.search-icon').boundingBox(), popup.getByRole('combobox').boundingBox()]);
        expect(icon!.x).toBeGreaterThan(field!.x + field!.width / 2);
      }
      await popup.close();
    });

    it('popup: the port’s commands and the exports in the locale, nothing overflowing at the popup’s width', async () => {
      const popup = await browser.openExtensionPage('popup.html');
      await popup.setViewportSize({ width: POPUP_WIDTH, height: 600 });
      const input = popup.getByRole('combobox');
      await input.fill('445');
      await popup.locator('[role="option"]').first().waitFor();
      await input.press('Enter');
      const groups = popup.locator('details.cmd-group');
      await groups.first().waitFor();
      expect((await groups.locator('summary').allInnerTexts()).map(strip)).toEqual(['check', 'listen', 'allow', 'block'].map((id) => words(`portCommands.${id}`)));
      for (const summary of await groups.locator('summary').all()) {
        if (!(await summary.evaluate((el) => (el.parentElement as HTMLDetailsElement).open))) await summary.click();
      }
      const labels = (await popup.locator('.cmd-label > span:first-child').allInnerTexts()).map(strip);
      expect(labels).toContain(words('portCommands.isOpen', { protocol: 'TCP', ports: '445', host: 'HOST' }));
      expect(labels).toContain(words('portCommands.listensPowerShell', { protocol: 'TCP', ports: '445' }));
      expect(labels).toContain(words('portCommands.blockRule', { firewall: words('portCommands.windowsFirewallAdmin'), protocol: 'TCP' }));
      // The commands themselves stay as typed, left to right.
      expect(await popup.locator('.cmd code').first().getAttribute('dir')).toBe('ltr');
      expect(await popup.locator('.cmd code').first().innerText()).toBe('nc -zv HOST 445');
      expect(await pageDir(popup)).toEqual({ lang: locale, dir });
      expect(await overflowing(popup)).toEqual([]);

      // The exports of pasted ss output: what people read is in the locale, the rules as typed.
      await popup.getByRole('button', { name: words('popup.back') }).click();
      await popup.getByRole('combobox').fill('');
      await popup.locator('.paste > summary').click();
      await popup.locator('.paste textarea').evaluate((el, text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, SS);
      await popup.locator('.paste[data-answers="1"]').waitFor();
      await popup.evaluate(() => {
        const copied: string[] = [];
        (window as unknown as { copied: string[] }).copied = copied;
        navigator.clipboard.writeText = async (text: string) => void copied.push(text);
      });
      const exports = popup.locator('.paste').getByRole('group', { name: words('page.exportGroup') });
      await exports.getByRole('button', { name: 'Markdown' }).click();
      const tools = exports.locator('select').first();
      expect(strip(await tools.locator('option[value="windows"]').innerText())).toBe(words('portCommands.windowsFirewall'));
      await tools.selectOption('windows');
      await exports.getByRole('button', { name: words('page.copyRules') }).click();
      await expect.poll(() => popup.evaluate(() => (window as unknown as { copied: string[] }).copied.length)).toBe(2);
      const [markdown, rules] = (await popup.evaluate(() => (window as unknown as { copied: string[] }).copied)).map((text) => text.split('\n'));
      const column = (name: string) => words(`export.column.${name}`);
      expect(markdown!.slice(0, 3)).toEqual([
        words('export.titlePasted'),
        '',
        `| ${column('port')} | ${column('protocol')} | ${column('service')} | ${column('reach')} | ${column('mentions')} |`,
      ]);
      expect(rules![0]).toBe(`# ${words('export.rules.allowPasted')}`);
      expect(rules).toContain('New-NetFirewallRule -DisplayName "Porthole: allow TCP 6379" -Direction Inbound -Protocol TCP -LocalPort 6379 -Action Allow');
      expect(await overflowing(popup)).toEqual([]);
      await popup.close();
    });

    it('hover card in the locale, inside its own direction', async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1000, height: 760 });
      await page.goto(server.url('prose.html'));
      await waitForMarked(page, '5432');
      await hover(page, await mentionPoint(page, '5432'));
      const card = page.locator(CARD);
      await card.waitFor();
      await expect.poll(async () => strip(await card.locator('h2').innerText()), { timeout: 10_000 }).toContain(words('label.port', { port: 5432 }));
      await card.getByRole('heading', { name: words('card.commonUses') }).waitFor();
      expect(await card.getByRole('button', { name: words('card.details'), exact: true }).count()).toBe(1);
      const frame = await page.evaluate(() => {
        const f = document.querySelector('porthole-ui')!.shadowRoot!.querySelector('.frame') as HTMLElement;
        return { lang: f.lang, dir: f.dir, direction: getComputedStyle(f).direction };
      });
      expect(frame).toEqual({ lang: locale, dir, direction: dir });
      // Porthole's own English knowledge is marked as English.
      expect(await card.locator('.summary[lang="en"]').count()).toBeGreaterThan(0);
      expect(await overflowing(page, 'porthole-ui')).toEqual([]);
      await page.close();
    });

    it('exposure line on a card in the locale, the Docker fix kept left to right', async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.goto(server.url('exposure.html'));
      await waitForMarked(page, '5432');
      await hover(page, await mentionPoint(page, '5432', 'docker'));
      const line = page.getByRole('region', { name: strip(words('exposure.label', { scope: words('exposure.scope.everyInterface') })) });
      await line.waitFor();
      const text = strip((await line.innerText()).replace(/\s+/g, ' '));
      expect(text).toContain(strip(words('exposure.publish.everyInterface', { where: words('exposure.publish.fromContainer'), firewall: words('exposure.firewall.docker') })));
      expect(text).toContain(strip(words('exposure.fix.publish')));
      expect(await line.locator('code').getAttribute('dir')).toBe('ltr');
      expect(await line.locator('code').innerText()).toBe('-p 127.0.0.1:5432:5432');
      expect(await overflowing(page, 'porthole-ui')).toEqual([]);
      await page.close();
    });

    it('the browser’s shortcut page names Porthole’s commands in the locale', async () => {
      const page = await browser.context.newPage();
      await page.goto('chrome://extensions/shortcuts');
      // _execute_action is listed with Chrome's own words ("Activate the extension"); the others with ours.
      for (const key of ['commands.explainPort', 'commands.nextPort', 'commands.previousPort']) {
        await expect.poll(() => page.getByText(words(key), { exact: true }).count(), { timeout: 10_000 }).toBe(1);
      }
      await page.close();
    });

    it('details page in the locale', async () => {
      const details = await browser.openExtensionPage('details.html?port=445');
      await details.getByRole('heading', { name: words('details.commands') }).waitFor();
      expect(await pageDir(details)).toEqual({ lang: locale, dir });
      expect(strip(await details.title())).toBe(strip(words('details.pageTitle', { port: 445 })));
      expect(await details.getByRole('heading', { name: words('details.sources') }).count()).toBe(1);
      expect(await overflowing(details)).toEqual([]);
      await details.close();
    });

    it('options page in the locale', async () => {
      const options = await browser.openExtensionPage('options.html#settings');
      await options.getByRole('tab', { name: words('options.tab.settings') }).waitFor();
      expect(await pageDir(options)).toEqual({ lang: locale, dir });
      for (const key of ['options.tab.notes', 'options.tab.ports', 'options.tab.import', 'options.tab.about']) {
        expect(await options.getByRole('tab', { name: words(key) }).count()).toBe(1);
      }
      await options.getByRole('heading', { name: words('options.settings.onPages') }).waitFor();
      expect(await overflowing(options)).toEqual([]);
      if (locale === 'ar') {
        // Tabs run right to left: the first tab is the rightmost.
        const [first, second] = await Promise.all([options.getByRole('tab').nth(0).boundingBox(), options.getByRole('tab').nth(1).boundingBox()]);
        expect(first!.x).toBeGreaterThan(second!.x);
      }
      await options.close();
    });
  });
}
