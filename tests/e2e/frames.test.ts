/// <reference types="chrome" />
// Frames: the loader runs in every frame (allFrames) and loads the scanner
// part only where there is something to mark; a frame it skips still answers
// the shortcut and the context menu, loading the parts on demand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { launchWithExtension, type Launched } from './harness.ts';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';

const CARD = 'porthole-ui [role="dialog"]';

let browser: Launched;
let server: FixtureServer;
/** Part → frame URL (path and query) → how many times that frame fetched the part. */
const partLoads = { scanner: new Map<string, number>(), card: new Map<string, number>() };
const scannerLoads = partLoads.scanner;
const cardLoadsIn = (frameUrl: string): number => partLoads.card.get(frameUrl) ?? 0;

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
  browser.context.on('request', (r) => {
    const part = /\/(scanner|card)-part\.js$/.exec(r.url())?.[1] as keyof typeof partLoads | undefined;
    // Chrome redirects the per-session URL (use_dynamic_url) to the fixed one: count one fetch once.
    if (!part || r.redirectedFrom()) return;
    let frameUrl = '';
    try {
      const u = new URL(r.frame().url());
      frameUrl = u.pathname + u.search;
    } catch {
      return;
    }
    partLoads[part].set(frameUrl, (partLoads[part].get(frameUrl) ?? 0) + 1);
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function markedIn(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => [...((CSS.highlights.get('porthole-port') ?? new Set()) as unknown as Set<Range>)].map((r) => r.toString()));
}

function frameAt(page: Page, path: string): Frame {
  const frame = page.frames().find((f) => new URL(f.url()).pathname + new URL(f.url()).search === path);
  if (!frame) throw new Error(`no frame ${path}`);
  return frame;
}

async function openPage(name: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 760 });
  await page.goto(server.url(name));
  return page;
}

/** Moves the pointer onto the 9443 of the top frame's #outer paragraph, from below left as a reader would. */
async function hoverOuter9443(page: Page): Promise<void> {
  const at = await page.evaluate(() => {
    const text = document.getElementById('outer')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, text.data.indexOf('9443'));
    range.setEnd(text, text.data.indexOf('9443') + 4);
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(at.x - 30, at.y + 30);
  await page.mouse.move(at.x, at.y, { steps: 4 });
}

describe('iframes', () => {
  it('marks mentions in a same-origin iframe and opens the card there on hover', async () => {
    const page = await openPage('framed.html');
    const frame = frameAt(page, '/frame-inner.html');
    await expect.poll(() => markedIn(frame), { timeout: 10_000 }).toEqual(['6379']);
    await expect.poll(() => markedIn(page.mainFrame()), { timeout: 10_000 }).toEqual(['8443']);

    const box = await page.locator('#inner').boundingBox();
    const inFrame = await frame.evaluate(() => {
      const text = document.getElementById('framed')!.firstChild as Text;
      const range = document.createRange();
      const at = text.data.indexOf('6379');
      range.setStart(text, at);
      range.setEnd(text, at + 4);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(box!.x + inFrame.x - 30, box!.y + inFrame.y + 30);
    await page.mouse.move(box!.x + inFrame.x, box!.y + inFrame.y, { steps: 4 });
    const card = frame.locator(CARD);
    await card.waitFor({ timeout: 10_000 });
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toMatch(/6379[\s\S]*Redis/);
    expect(await page.locator('porthole-ui').count()).toBe(0);
    await page.close();
  });

  it('loads no scanner into a port-free iframe, and marks an iframe with ports added later', async () => {
    const page = await openPage('frames-mixed.html');
    await expect.poll(() => markedIn(frameAt(page, '/frame-inner.html')), { timeout: 10_000 }).toEqual(['6379']);
    await expect.poll(() => markedIn(page.mainFrame()), { timeout: 10_000 }).toEqual(['9443']);
    const ad = frameAt(page, '/ad-widget.html');
    await expect.poll(() => ad.evaluate(() => document.readyState)).toBe('complete');
    // The frames with ports fetched the scanner part; the advertisement did not, and registered no highlight.
    expect(scannerLoads.get('/frames-mixed.html')).toBeGreaterThan(0);
    expect(scannerLoads.get('/ad-widget.html')).toBeUndefined();
    expect(await ad.evaluate(() => CSS.highlights.has('porthole-port'))).toBe(false);

    await page.evaluate(() => {
      const late = document.createElement('iframe');
      late.src = '/frame-inner.html?late';
      late.width = '600';
      late.height = '120';
      document.body.append(late);
    });
    await expect.poll(() => markedIn(frameAt(page, '/frame-inner.html?late')).catch(() => []), { timeout: 15_000 }).toEqual(['6379']);
    expect(scannerLoads.get('/ad-widget.html')).toBeUndefined();
    await page.close();
  });

  it('loads the card part at idle in frames with a mention, before any hover, and the first hover loads nothing more', async () => {
    // Earlier tests opened these frames too: count this page's loads.
    const before = { top: cardLoadsIn('/frames-mixed.html'), inner: cardLoadsIn('/frame-inner.html'), ad: cardLoadsIn('/ad-widget.html') };
    const page = await openPage('frames-mixed.html');
    const inner = frameAt(page, '/frame-inner.html');
    await expect.poll(() => markedIn(inner), { timeout: 10_000 }).toEqual(['6379']);
    await expect.poll(() => markedIn(page.mainFrame()), { timeout: 10_000 }).toEqual(['9443']);
    // The pointer has not moved: each frame with a mention fetches the card part once, at idle.
    await expect.poll(() => cardLoadsIn('/frames-mixed.html'), { timeout: 15_000 }).toBe(before.top + 1);
    await expect.poll(() => cardLoadsIn('/frame-inner.html'), { timeout: 15_000 }).toBe(before.inner + 1);

    await hoverOuter9443(page);
    const card = page.locator(CARD);
    await expect.poll(() => card.textContent().catch(() => ''), { timeout: 10_000 }).toMatch(/9443/);
    // The hover used the part loaded at idle; the port-free advertisement loaded none.
    expect(cardLoadsIn('/frames-mixed.html')).toBe(before.top + 1);
    expect(cardLoadsIn('/frame-inner.html')).toBe(before.inner + 1);
    expect(cardLoadsIn('/ad-widget.html')).toBe(before.ad);
    expect(scannerLoads.get('/ad-widget.html')).toBeUndefined();
    await page.close();
  });

  it('readies the first card at idle, hidden, only in frames with a mention; the first hover then shows it complete at once', async () => {
    const page = await browser.context.newPage();
    // Every frame notes each card host Porthole adds: hidden or not when added, removed since, and whether it ever said "Looking it up…".
    await page.addInitScript(() => {
      type Host = { hidden: boolean; removed: boolean; sawLoading: boolean };
      const hosts: Host[] = [];
      (window as unknown as { __hosts: Host[] }).__hosts = hosts;
      const byNode = new Map<Node, Host>();
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) {
            if (!(n instanceof Element) || n.localName !== 'porthole-ui' || !n.shadowRoot) continue;
            const root = n.shadowRoot;
            const frame = root.querySelector<HTMLElement>('.frame');
            const host: Host = { hidden: !!frame && getComputedStyle(frame).visibility === 'hidden', removed: false, sawLoading: false };
            const look = () => (host.sawLoading ||= root.textContent?.includes('Looking it up') ?? false);
            look();
            new MutationObserver(look).observe(root, { childList: true, subtree: true, characterData: true });
            hosts.push(host);
            byNode.set(n, host);
          }
          for (const n of r.removedNodes) {
            const host = byNode.get(n);
            if (host) host.removed = true;
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const before = { ad: cardLoadsIn('/ad-widget.html') };
    await page.setViewportSize({ width: 1000, height: 760 });
    await page.goto(server.url('frames-mixed.html'));
    const hostsIn = (frame: Frame) => frame.evaluate(() => (window as unknown as { __hosts: { hidden: boolean; removed: boolean; sawLoading: boolean }[] }).__hosts);
    const inner = frameAt(page, '/frame-inner.html');
    // Before any hover, each frame with a mention laid its first card out once, hidden, and took it away.
    await expect.poll(() => hostsIn(page.mainFrame()), { timeout: 20_000 }).toEqual([{ hidden: true, removed: true, sawLoading: false }]);
    await expect.poll(() => hostsIn(inner), { timeout: 20_000 }).toEqual([{ hidden: true, removed: true, sawLoading: false }]);
    // The port-free advertisement readied nothing: no card part, no host.
    const ad = frameAt(page, '/ad-widget.html');
    expect(await hostsIn(ad)).toEqual([]);
    expect(cardLoadsIn('/ad-widget.html')).toBe(before.ad);

    await hoverOuter9443(page);
    const card = page.locator(CARD);
    await expect.poll(() => card.locator('.body section.block').count().catch(() => 0), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await card.textContent()).toMatch(/9443/);
    // The card opened visible, with the record already there: no "Looking it up…" on the way.
    const hosts = await hostsIn(page.mainFrame());
    expect(hosts).toHaveLength(2);
    expect(hosts[1]).toEqual({ hidden: false, removed: false, sawLoading: false });
    expect(await hostsIn(ad)).toEqual([]);
    await page.close();
  });

  it('answers the shortcut in a skipped iframe by loading the parts then', async () => {
    const page = await openPage('frames-mixed.html');
    await expect.poll(() => markedIn(frameAt(page, '/frame-inner.html')), { timeout: 10_000 }).toEqual(['6379']);
    const ad = frameAt(page, '/ad-widget.html');
    await ad.locator('#promo').click();
    await ad.evaluate(() => getSelection()!.selectAllChildren(document.getElementById('promo')!));
    await page.keyboard.press('Alt+Shift+KeyP');
    const card = ad.locator(CARD);
    await expect.poll(() => card.innerText().catch(() => ''), { timeout: 15_000 }).toContain('No port found');
    expect(scannerLoads.get('/ad-widget.html')).toBeGreaterThan(0);
    expect(await page.locator('porthole-ui').count()).toBe(0);
    await page.close();
  });
});

describe('a page the loader skips', () => {
  it('explains a link from the context menu opened in a skipped iframe, loading the parts there', async () => {
    // Earlier tests loaded the scanner into other advertisements (by the shortcut): count this page's own.
    const loadsBefore = scannerLoads.get('/ad-widget.html') ?? 0;
    const page = await openPage('ad-framed.html');
    const ad = frameAt(page, '/ad-widget.html');
    await expect.poll(() => ad.evaluate(() => document.readyState)).toBe('complete');
    expect(scannerLoads.get('/ad-widget.html') ?? 0).toBe(loadsBefore);
    await page.bringToFront();
    const where = await browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      // The menu gives the frame's id; the test finds it as the one frame of the tab that is there to receive
      // (a missing frame cannot) and leaves "ports on this page" unanswered (only the top frame answers that;
      // Chromium also reaches the top frame by its own id besides 0).
      const isTheIframe = async (frameId: number) => {
        try {
          return (await chrome.tabs.sendMessage(tab!.id!, { type: 'pageMentions' }, { frameId })) === undefined;
        } catch {
          return false;
        }
      };
      const ids = Array.from({ length: 2000 }, (_, i) => i + 1);
      const found = (await Promise.all(ids.map(async (id) => ((await isTheIframe(id)) ? id : null)))).filter((id) => id !== null);
      if (found.length !== 1) throw new Error(`expected one iframe, found frame ids ${found.join(', ')}`);
      const menu = (globalThis as unknown as { portholeContextMenu: { explainClick: (i: object, t: object) => Promise<string> } }).portholeContextMenu;
      return menu.explainClick({ linkUrl: 'http://shop.example:8080/', frameId: found[0] }, tab!);
    });
    expect(where).toBe('card');
    await expect.poll(() => ad.locator(CARD).innerText().catch(() => ''), { timeout: 15_000 }).toContain('Port 8080');
    expect(scannerLoads.get('/ad-widget.html')).toBeGreaterThan(loadsBefore);
    // The card opened in the advertisement, where the menu was, not in the page around it.
    expect(await page.locator('porthole-ui').count()).toBe(0);
    await page.close();
  });

  it('explains a link with a port from the context menu, loading the parts on demand', async () => {
    const page = await openPage('no-ports.html');
    await expect.poll(() => page.evaluate(() => document.readyState)).toBe('complete');
    expect(scannerLoads.get('/no-ports.html')).toBeUndefined();
    const where = await browser.worker.evaluate(async () => {
      const tabs = await chrome.tabs.query({ active: true });
      const tab = tabs[tabs.length - 1]!;
      const menu = (globalThis as unknown as { portholeContextMenu: { explainClick: (i: object, t: object) => Promise<string> } }).portholeContextMenu;
      return menu.explainClick({ linkUrl: 'http://shop.example:8080/', frameId: 0 }, tab);
    });
    expect(where).toBe('card');
    await expect.poll(() => page.locator(CARD).innerText().catch(() => ''), { timeout: 15_000 }).toContain('Port 8080');
    expect(scannerLoads.get('/no-ports.html')).toBeGreaterThan(0);
    await page.close();
  });

  it('explains a link without a port as the port its scheme implies, saying the link names none', async () => {
    const page = await openPage('no-ports.html');
    await expect.poll(() => page.evaluate(() => document.readyState)).toBe('complete');
    const where = await browser.worker.evaluate(async () => {
      const tabs = await chrome.tabs.query({ active: true });
      const tab = tabs[tabs.length - 1]!;
      const menu = (globalThis as unknown as { portholeContextMenu: { explainClick: (i: object, t: object) => Promise<string> } }).portholeContextMenu;
      return menu.explainClick({ linkUrl: 'https://docs.example/guide', frameId: 0 }, tab);
    });
    expect(where).toBe('card');
    const card = page.locator(CARD);
    await expect.poll(() => card.innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/Port 443[\s\S]*HTTPS/);
    expect(await card.locator('.implied').innerText()).toBe('This link names no port: https:// links use port 443 unless they name another.');
    await page.close();
  });
});

describe('ports on this page, across frames', () => {
  it("lists each frame's part, the page's own first, and reveals a mention in a cross-origin frame", async () => {
    // Earlier tests loaded the scanner into the advertisement by asking it for a card.
    scannerLoads.clear();
    const page = await openPage('frames-ports.html');
    await expect.poll(() => page.frames().some((f) => f.url().endsWith('/frame-cross.html')), { timeout: 10_000 }).toBe(true);
    const cross = frameAt(page, '/frame-cross.html');
    // A frame of another site (localhost, not 127.0.0.1): out of the page's reach, not of Porthole's.
    expect(cross.url()).toBe(server.crossOriginUrl('frame-cross.html'));
    expect(await page.evaluate(() => (document.getElementById('cross') as HTMLIFrameElement).contentDocument)).toBeNull();
    await expect.poll(() => markedIn(cross), { timeout: 10_000 }).toEqual(['5432', '6379']);
    // The small frame was too small to read on its own.
    await expect.poll(() => frameAt(page, '/frame-tiny.html').evaluate(() => document.readyState)).toBe('complete');
    expect(scannerLoads.get('/frame-tiny.html')).toBeUndefined();

    await page.bringToFront();
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.setViewportSize({ width: 400, height: 700 });
    const parts = popup.locator('.page-frame');
    await expect.poll(() => parts.count(), { timeout: 15_000 }).toBe(4);
    const part = async (i: number) => {
      const p = parts.nth(i);
      return { title: await p.locator('.frame-title').innerText(), rows: (await p.locator('.page-row').allInnerTexts()).map((r) => r.split('\n')[0] + ' ' + r.match(/×\d+/)![0]) };
    };
    // The page first, then its frames in document order; the port-free advertisement has no part.
    expect(await part(0)).toEqual({ title: 'On the page itself · 1 port, 1 mention', rows: ['8443 ×1'] });
    expect(await part(1)).toEqual({ title: 'In a frame: Embedded runbook · 1 port, 1 mention', rows: ['6379 ×1'] });
    expect(await part(2)).toEqual({ title: 'In a frame: Status · 1 port, 1 mention', rows: ['9000 ×1'] });
    expect(await part(3)).toEqual({ title: 'In a frame: Database notes · 2 ports, 2 mentions', rows: ['5432 ×1', '6379 ×1'] });
    // The heading counts the whole page: 6379 is in two frames.
    expect(await popup.locator('.page-ports .section-title').innerText()).toMatch(/4 ports, 5 mentions/);
    // Asking loaded the scanner into the small frame that holds a port, not into the advertisement.
    expect(scannerLoads.get('/frame-tiny.html')).toBeGreaterThan(0);
    expect(scannerLoads.get('/ad-widget.html')).toBeUndefined();
    expect(await axeViolations(popup)).toEqual([]);

    await parts.nth(3).locator('.page-row').filter({ has: popup.locator('.result-port', { hasText: /^5432$/ }) }).click();
    await expect.poll(() => cross.locator(CARD).innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/5432[\s\S]*PostgreSQL/);
    expect(await page.locator('porthole-ui').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});
