/// <reference types="chrome" />
// The content script in real Chromium with the built extension: marking,
// hover cards, the shortcut, the context-menu handler, the popup's requests,
// the per-site switch and a hydrated framework page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Page } from 'playwright-core';
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumPath, launchWithExtension, type Launched } from './harness.ts';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';
import { hover, marked, mentionPoint, textPoint, waitForMarked } from './page-helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const RESULTS = resolve(ROOT, 'test-results');
const CARD = 'porthole-ui [role="dialog"]';

let browser: Launched;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
  mkdirSync(RESULTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openFixture(name: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 760 });
  await page.goto(server.url(name));
  return page;
}

async function setSettings(settings: Record<string, unknown>): Promise<void> {
  await browser.worker.evaluate((s) => chrome.storage.local.set({ settings: s }), settings);
}

/** The tab showing `page`: Porthole has no "tabs" permission, so ask each tab's content script for its URL. */
async function tabIdOf(page: Page): Promise<number> {
  const url = page.url();
  const id = await browser.worker.evaluate(async (u) => {
    for (const t of await chrome.tabs.query({})) {
      if (t.id === undefined) continue;
      const reply = (await chrome.tabs.sendMessage(t.id, { type: 'pageMentions' }).catch(() => null)) as { value?: { url?: string } } | null;
      if (reply?.value?.url === u) return t.id;
    }
    return undefined;
  }, url);
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

describe('marking mentions without touching the DOM', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture('prose.html');
    await waitForMarked(page, '5432');
  });
  afterAll(async () => page.close());

  it('underlines ports in prose, pre/code, tables, split inline elements and open shadow roots', async () => {
    await waitForMarked(page, '9200');
    const found = (await marked(page))!;
    const at = (id: string) => found.filter((m) => m.id === id).map((m) => m.text);
    expect(at('prose')).toEqual(['5432', '6379']);
    expect(at('split')).toEqual(['3000']);
    expect(at('code')).toEqual(expect.arrayContaining(['8080', '80', '2222']));
    expect(at('table')).toEqual(['22', '445']);
    expect(at('range')).toEqual(['135-139', '445']);
    expect(at('in-shadow')).toEqual(['9200']);
  });

  it('leaves look-alikes, the textarea and the contenteditable alone', async () => {
    const found = (await marked(page))!;
    expect(found.filter((m) => ['lookalikes', 'ta', 'editable'].includes(m.id))).toEqual([]);
  });

  it('keeps up with text added after load and by an infinite-scroll loop', async () => {
    await waitForMarked(page, '5672');
    for (let n = 0; n < 5; n++) await waitForMarked(page, String(9100 + n));
    const found = (await marked(page))!;
    expect(found.filter((m) => m.text === '5432')).toHaveLength(1);
  });

  it('survives a mutation storm (a full re-render) with a deferred rescan', async () => {
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'storm';
      document.body.prepend(box);
      // 1,500 separate insertions: well over the storm threshold.
      for (let i = 0; i < 1500; i++) {
        const p = document.createElement('p');
        p.textContent = `row ${i} on port ${7000 + i}`;
        box.append(p);
      }
      scrollTo(0, 0);
    });
    await waitForMarked(page, '7000');
    await waitForMarked(page, '7003');
    const found = (await marked(page))!;
    // Nothing doubled by the rescan.
    expect(found.filter((m) => m.text === '7000')).toHaveLength(1);
    await page.evaluate(() => document.getElementById('storm')!.remove());
    await expect.poll(async () => (await marked(page))!.some((m) => m.text === '7000')).toBe(false);
  });
});

describe('hover card', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture('prose.html');
    await waitForMarked(page, '47999');
  });
  afterAll(async () => page.close());

  it('opens on hover with the port, its uses, IANA name and sources; Esc closes', async () => {
    await hover(page, await mentionPoint(page, '5432'));
    const card = page.locator(CARD);
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toContain('PostgreSQL');
    const text = await card.innerText();
    expect(text).toContain('Port 5432');
    expect(text).toContain('Registered port (1024–49151)');
    expect(text).toMatch(/postgresql/);
    expect(text).toContain('IANA registry, as of');
    expect(text).toContain('Porthole notes');
    expect(await card.getAttribute('aria-labelledby')).toBeTruthy();
    const name = await page.evaluate(() => {
      const root = document.querySelector('porthole-ui')!.shadowRoot!;
      const dialog = root.querySelector('[role="dialog"]')!;
      return root.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent;
    });
    expect(name).toContain('Port 5432');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(CARD).count()).toBe(0);
  });

  it('closes when the pointer leaves, after a grace period', async () => {
    await hover(page, await mentionPoint(page, '6379'));
    await expect.poll(() => page.locator(CARD).count(), { timeout: 10_000 }).toBe(1);
    await page.mouse.move(5, 700, { steps: 3 });
    await expect.poll(() => page.locator(CARD).count(), { timeout: 3000 }).toBe(0);
  });

  it('opens no card for look-alikes or blank space beside a line', async () => {
    for (const t of ['12:30', 'main.ts:42', 'node:20']) {
      await hover(page, await textPoint(page, 'lookalikes', t));
      await page.waitForTimeout(600);
      expect(await page.locator(CARD).count()).toBe(0);
    }
    const p = await mentionPoint(page, '47999');
    const lineEnd = await page.evaluate(() => document.getElementById('unknown')!.getClientRects()[0]!.right);
    const textEnd = await page.evaluate(() => {
      const r = document.createRange();
      r.selectNodeContents(document.getElementById('unknown')!);
      return r.getBoundingClientRect().right;
    });
    expect(textEnd + 100).toBeLessThan(lineEnd);
    await hover(page, { x: textEnd + 80, y: p.y });
    await page.waitForTimeout(600);
    expect(await page.locator(CARD).count()).toBe(0);
  });

  it('helps with an unknown port and saves a note for it', async () => {
    await hover(page, await mentionPoint(page, '47999'));
    const card = page.locator(CARD);
    await expect.poll(() => card.innerText().catch(() => ''), { timeout: 15_000 }).toContain('No registered service');
    expect(await card.innerText()).toContain('Registered port (1024–49151)');
    await card.getByRole('button', { name: /Add a note/ }).click();
    await card.locator('textarea').fill('Our monitoring agent');
    await card.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('Our monitoring agent');
    expect(await card.innerText()).toMatch(/my note/i);
    await page.keyboard.press('Escape');
  });

  it('explains a range, and a related port opens in the card', async () => {
    await hover(page, await mentionPoint(page, '135-139'));
    const card = page.locator(CARD);
    await expect.poll(() => card.innerText().catch(() => ''), { timeout: 15_000 }).toContain('Ports 135–139');
    await expect.poll(() => card.innerText()).toContain('139');
    await card.getByRole('button', { name: '139', exact: true }).click();
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('Port 139');
    expect(await card.innerText()).toContain('netbios-ssn');
    await card.getByRole('button', { name: '← Back' }).click();
    await expect.poll(() => card.innerText()).toContain('Ports 135–139');
    await page.keyboard.press('Escape');
  });

  it('opens with the keyboard shortcut for the selection or the caret', async () => {
    await page.mouse.move(5, 5);
    await page.evaluate(() => {
      const cell = document.querySelectorAll('#table td')[1]!;
      getSelection()!.selectAllChildren(cell);
    });
    await page.keyboard.press('Alt+Shift+KeyP');
    const card = page.locator(CARD);
    // The card says "Port 22" while it looks the port up: wait for the answer.
    await expect.poll(() => card.innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/Port 22[\s\S]*SSH/);
    // The card takes focus (dialog opened by keyboard); Esc closes it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(CARD).count()).toBe(0);
    // A caret inside a mention.
    await page.evaluate(() => {
      const t = document.querySelector('#split b')!.firstChild!;
      getSelection()!.collapse(t, 2);
    });
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(() => card.innerText().catch(() => ''), { timeout: 15_000 }).toContain('Port 3000');
    await page.keyboard.press('Escape');
  });
});

describe('requests to the content script', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture('prose.html');
    await waitForMarked(page, '9104');
    await waitForMarked(page, '5672');
  });
  afterAll(async () => page.close());

  it('answers pageMentions grouped by port, and revealMention opens the card', async () => {
    const tabId = await tabIdOf(page);
    const reply = await browser.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'pageMentions' }), tabId);
    expect(reply).toMatchObject({ ok: true });
    const { groups, total } = (reply as { value: unknown }).value as { groups: { port: number; endPort?: number; count: number; protocols: string[]; sample: string }[]; total: number };
    expect(total).toBeGreaterThanOrEqual(15);
    expect(groups.find((g) => g.port === 445 && g.endPort === undefined)).toMatchObject({ count: 2, protocols: ['tcp'] });
    expect(groups.find((g) => g.port === 135)).toMatchObject({ endPort: 139, count: 1 });
    expect(groups.find((g) => g.port === 5432)?.sample).toContain('listens on port 5432');
    const revealed = await browser.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'revealMention', port: 5672 }), tabId);
    expect(revealed).toEqual({ ok: true, value: true });
    await expect.poll(() => page.locator(CARD).innerText().catch(() => ''), { timeout: 15_000 }).toContain('Port 5672');
    expect(await browser.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'revealMention', port: 1 }), tabId)).toEqual({ ok: true, value: false });
    // Anything not in the protocol gets no answer.
    expect([undefined, 'rejected']).toContain(await browser.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'nope' }).catch(() => 'rejected'), tabId));
  });
});

describe('right-click "Explain this port" (handler through the service worker)', () => {
  it('is registered as a context menu item', async () => {
    const exists = await browser.worker.evaluate(() =>
      chrome.contextMenus.update('porthole-explain', {}).then(
        () => true,
        () => false,
      ),
    );
    expect(exists).toBe(true);
  });

  it('explains every port of a selection in a card at the selection, or says there is none', async () => {
    const page = await openFixture('prose.html');
    await waitForMarked(page, '5432');
    await page.evaluate(() => getSelection()!.selectAllChildren(document.getElementById('range')!));
    const tabId = await tabIdOf(page);
    const where = await browser.worker.evaluate(
      async ([id, text]) => {
        const tab = await chrome.tabs.get(id);
        const menu = (globalThis as unknown as { portholeContextMenu: { explainClick: (i: object, t: object) => Promise<string> } }).portholeContextMenu;
        return menu.explainClick({ selectionText: text, frameId: 0 }, tab);
      },
      [tabId, 'Windows file sharing uses ports 135-139 and 445.'] as const,
    );
    expect(where).toBe('card');
    const card = page.locator(CARD);
    await expect.poll(() => card.innerText().catch(() => ''), { timeout: 15_000 }).toContain('Ports 135–139');
    const chips = await card.getByRole('group', { name: 'Ports in the selection' }).innerText();
    expect(chips).toContain('135–139');
    expect(chips).toContain('445');
    await card.getByRole('button', { name: '445' }).first().click();
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('Port 445');

    const none = await browser.worker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      const menu = (globalThis as unknown as { portholeContextMenu: { explainClick: (i: object, t: object) => Promise<string> } }).portholeContextMenu;
      return menu.explainClick({ selectionText: 'nothing to see here', frameId: 0 }, tab);
    }, tabId);
    expect(none).toBe('card');
    await expect.poll(() => card.innerText()).toContain('No port found');
    await page.close();
  });

  it('opens the details page where no content script runs', async () => {
    const blank = await browser.context.newPage();
    await blank.goto('about:blank');
    const opened = browser.context.waitForEvent('page');
    const where = await browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'about:blank' });
      const menu = (globalThis as unknown as { portholeContextMenu: { explainClick: (i: object, t: object) => Promise<string> } }).portholeContextMenu;
      return menu.explainClick({ selectionText: '0.0.0.0:139 and 445', frameId: 0 }, tab!);
    });
    expect(where).toBe('details');
    const details = await opened;
    expect(details.url()).toMatch(/details\.html\?port=139/);
    await details.close();
    await blank.close();
  });
});

describe('per-site off switch and settings', () => {
  afterAll(async () => setSettings({}));

  it('stops at once when the site is switched off, scans nothing there, and starts again when on', async () => {
    const page = await openFixture('prose.html');
    await waitForMarked(page, '5432');
    await setSettings({ disabledSites: ['127.0.0.1'] });
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('porthole-port'))).toBe(false);
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await hover(page, await textPoint(page, 'prose', '5432'));
    await page.waitForTimeout(700);
    expect(await page.locator(CARD).count()).toBe(0);
    await setSettings({ disabledSites: [] });
    await waitForMarked(page, '5432');
    await page.close();
  });

  it('"Not on this site" in the card switches the site off', async () => {
    const page = await openFixture('prose.html');
    await waitForMarked(page, '6379');
    await hover(page, await mentionPoint(page, '6379'));
    await page.locator(CARD).getByRole('button', { name: 'Not on this site' }).click();
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('porthole-port'))).toBe(false);
    const stored = await browser.worker.evaluate(() => chrome.storage.local.get('settings'));
    expect((stored.settings as { disabledSites: string[] }).disabledSites).toEqual(['127.0.0.1']);
    await setSettings({});
    await page.close();
  });

  it('keeps hover working with the underline switched off', async () => {
    await setSettings({ underline: false, hoverDelayMs: 100 });
    const page = await openFixture('prose.html');
    await expect.poll(async () => (await marked(page, 'porthole-port-quiet'))?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(5);
    expect(await page.evaluate(() => CSS.highlights.has('porthole-port'))).toBe(false);
    await hover(page, await mentionPoint(page, '6379'));
    await expect.poll(() => page.locator(CARD).innerText().catch(() => ''), { timeout: 10_000 }).toContain('Redis');
    await setSettings({});
    await page.close();
  });
});

describe('a hydrated Preact page', () => {
  it('keeps its DOM byte-identical (apart from the shadow host) and keeps working', async () => {
    // The same page in a browser without Porthole is the reference.
    const plain = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    const ref = await plain.newPage();
    await ref.goto(server.url('hydrated.html'));
    await ref.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true);
    const reference = await ref.evaluate(() => document.documentElement.outerHTML);
    await plain.close();

    const page = await openFixture('hydrated.html');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true);
    await waitForMarked(page, '8080');
    await hover(page, await mentionPoint(page, '8080'));
    await expect.poll(() => page.locator(CARD).count(), { timeout: 10_000 }).toBe(1);
    const withoutHost = () =>
      page.evaluate(() => {
        const clone = document.documentElement.cloneNode(true) as Element;
        clone.querySelectorAll('porthole-ui').forEach((n) => n.remove());
        return clone.outerHTML;
      });
    expect(await withoutHost()).toBe(reference);
    await page.keyboard.press('Escape');
    await page.click('#count');
    await expect.poll(() => page.textContent('#count')).toBe('clicked 1 times');
    await waitForMarked(page, '5432');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('screenshots', () => {
  it('saves the card on a light and a dark page', async () => {
    await setSettings({ hoverDelayMs: 100 });
    for (const [fixture, text, file] of [
      ['prose.html', '5432', 'card-light.png'],
      ['dark.html', '445', 'card-dark.png'],
    ] as const) {
      const page = await openFixture(fixture);
      await waitForMarked(page, text);
      await hover(page, await mentionPoint(page, text));
      const card = page.locator(CARD);
      await expect.poll(() => card.innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/IANA registry/i);
      await page.waitForTimeout(200);
      await page.screenshot({ path: resolve(RESULTS, file) });
      await page.close();
    }
    // A range card, and a selection explained from the context menu.
    const page = await openFixture('prose.html');
    await waitForMarked(page, '135-139');
    await hover(page, await mentionPoint(page, '135-139'));
    await expect.poll(() => page.locator(CARD).innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/ports with a known use/i);
    await page.screenshot({ path: resolve(RESULTS, 'card-range.png') });
    await page.keyboard.press('Escape');
    await page.evaluate(() => getSelection()!.selectAllChildren(document.getElementById('code')!));
    const tabId = await tabIdOf(page);
    await browser.worker.evaluate(async (id) => {
      const menu = (globalThis as unknown as { portholeContextMenu: { explainClick: (i: object, t: object) => Promise<string> } }).portholeContextMenu;
      return menu.explainClick({ selectionText: 'docker run -p 8080:80 nginx ssh -p 2222 admin@example.org', frameId: 0 }, await chrome.tabs.get(id));
    }, tabId);
    await expect.poll(() => page.locator(CARD).innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/IANA registry/i);
    await page.screenshot({ path: resolve(RESULTS, 'card-selection.png') });
    await page.close();
    // README images change only on purpose: UPDATE_DOCS=1 npm run test:e2e.
    if (process.env.UPDATE_DOCS === '1') copyFileSync(resolve(RESULTS, 'card-light.png'), resolve(ROOT, 'docs/card.png'));
    await setSettings({});
  });
});
