// The Firefox build in Debian's Firefox ESR: the content script marks
// mentions, and hovering one opens a card filled from the background's
// IndexedDB database, with the exposure line where the text gives an address;
// in iframes, only the frames with ports get the scanner part; a frame the
// loader skipped answers the shortcut and the context menu; "ports on this
// page" lists every frame's part.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';
import { ALT, FIREFOX_EXTENSION_DIR, FIREFOX_EXTENSION_ORIGIN, SHIFT, firefoxPath, type FirefoxSession, type FirefoxTab, hoverText, launchFirefoxWithExtension } from './firefox-bidi.ts';

const binary = firefoxPath();
const CI = process.env.CI === 'true';

// Locally the test is skipped without Firefox; in CI (which installs it) it must run.
describe.skipIf(!binary && !CI)('Firefox build (firefox-esr, headless)', () => {
  let firefox: FirefoxSession;
  let server: FixtureServer;

  beforeAll(async () => {
    if (!binary) throw new Error('Firefox ESR is missing: .ci/run installs it (apt-get install firefox-esr).');
    if (!existsSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`)) throw new Error('Run `npm run build:firefox` first.');
    server = await serveFixtures();
    firefox = await launchFirefoxWithExtension(binary);
    await firefox.navigate(server.url('prose.html'));
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('the content script marks port mentions with highlight ranges', async () => {
    await expect
      .poll(() => firefox.evaluate<number>(`CSS.highlights.get('porthole-port')?.size ?? 0`), { timeout: 15_000 })
      .toBeGreaterThan(3);
  });

  it('hovering 5432 opens a card answered by the background database', async () => {
    await hoverText(firefox, 'prose', '5432');
    await expect
      .poll(() => firefox.evaluate<string>(`document.querySelector('porthole-ui')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent ?? ''`), {
        timeout: 15_000,
      })
      .toMatch(/5432[\s\S]*PostgreSQL[\s\S]*postgresql/);
  });

  it('leaves line numbers out of highlighted code and reads a one-row-per-line table as one text', async () => {
    await firefox.navigate(server.url('docs-code.html'));
    // Underlined texts inside each block, and whether any underline touches a line number.
    const within = (selector: string) =>
      firefox.evaluate<string>(`(() => {
        const box = document.querySelector(${JSON.stringify(selector)});
        const h = CSS.highlights.get('porthole-port');
        return [...(h ?? [])].filter((r) => box.contains(r.startContainer)).map((r) => r.toString()).sort().join(',');
      })()`);
    await expect.poll(() => within('#blob'), { timeout: 15_000 }).toBe('6379,6379');
    await expect.poll(() => within('#chroma'), { timeout: 15_000 }).toBe('5000,5000,80,8080');
    await expect.poll(() => within('#unselectable'), { timeout: 15_000 }).toBe('5000');
    const touchesNumber = await firefox.evaluate<boolean>(`(() => {
      const numbers = [...document.querySelectorAll('.ln, .lnt, .blob-num, .site-num')];
      return [...(CSS.highlights.get('porthole-port') ?? [])].some((r) => numbers.some((n) => r.intersectsNode(n)));
    })()`);
    expect(touchesNumber).toBe(false);
  });

  it.each([
    ['all', '3306', /Every interface\. Listens on every interface \(0\.0\.0\.0\)/, 'warning'],
    ['docker', '5432', /Every interface\. Published from a container on every interface of the host[\s\S]*-p 127\.0\.0\.1:5432:5432/, 'danger'],
    ['local', '6379', /This machine only\. 127\.0\.0\.1 is a loopback address/, 'calm'],
  ])('the card for the mention in #%s (%s) carries its exposure line', async (id, port, text, tone) => {
    await firefox.navigate(server.url('exposure.html'));
    await expect.poll(() => firefox.evaluate<number>(`CSS.highlights.get('porthole-port')?.size ?? 0`), { timeout: 15_000 }).toBeGreaterThan(6);
    await hoverText(firefox, id, port);
    const line = () =>
      firefox.evaluate<string>(`(() => {
        const el = document.querySelector('porthole-ui')?.shadowRoot?.querySelector('.exposure');
        return el ? el.className + ' | ' + el.textContent : '';
      })()`);
    await expect.poll(line, { timeout: 15_000 }).toMatch(text);
    expect(await line()).toContain(`tone-${tone}`);
  });

  describe('iframes', () => {
    /** How many mentions are marked in the iframe with this id (same-origin: its registry is reachable from the page). */
    const markedIn = (id: string) =>
      firefox.evaluate<number>(`document.getElementById(${JSON.stringify(id)})?.contentWindow?.CSS.highlights.get('porthole-port')?.size ?? -1`);

    it('loads no scanner into a port-free iframe, only into the frames with ports', async () => {
      await firefox.navigate(server.url('frames-mixed.html'));
      await expect.poll(() => firefox.evaluate<number>(`CSS.highlights.get('porthole-port')?.size ?? 0`), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => markedIn('inner'), { timeout: 15_000 }).toBe(1);
      // The advertisement loaded, was looked at (on screen, big enough) and got no scanner part: it registered no highlight at all.
      expect(await firefox.evaluate<string>(`document.getElementById('ad').contentDocument.readyState`)).toBe('complete');
      expect(
        await firefox.evaluate<boolean>(`(() => { const h = document.getElementById('ad').contentWindow.CSS.highlights; return h.has('porthole-port') || h.has('porthole-port-quiet'); })()`),
      ).toBe(false);
    });

    it('readies the first card at idle, hidden; the first hover shows it complete at once', async () => {
      // The page notes each card host Porthole adds: hidden or not when added, removed since, and whether it ever said "Looking it up…".
      await firefox.addPreloadScript(`() => {
        const hosts = [];
        window.__hosts = hosts;
        const byNode = new Map();
        new MutationObserver((records) => {
          for (const r of records) {
            for (const n of r.addedNodes) {
              if (!(n instanceof Element) || n.localName !== 'porthole-ui' || !n.shadowRoot) continue;
              const root = n.shadowRoot;
              const frame = root.querySelector('.frame');
              const host = { hidden: !!frame && getComputedStyle(frame).visibility === 'hidden', removed: false, sawLoading: false };
              const look = () => (host.sawLoading ||= (root.textContent ?? '').includes('Looking it up'));
              look();
              new MutationObserver(look).observe(root, { childList: true, subtree: true, characterData: true });
              hosts.push(host);
              byNode.set(n, host);
            }
            for (const n of r.removedNodes) if (byNode.has(n)) byNode.get(n).removed = true;
          }
        }).observe(document, { childList: true, subtree: true });
      }`);
      await firefox.navigate(server.url('frames-mixed.html'));
      const hostsIn = (frame: string) => firefox.evaluate<unknown>(`(${frame}).__hosts`);
      const readied = [{ hidden: true, removed: true, sawLoading: false }];
      // (The top frame only: Firefox reuses an iframe's first window for its document, so a preload script there watches the wrong document. Chromium's frames.test.ts checks the iframes.)
      await expect.poll(() => hostsIn('window'), { timeout: 20_000 }).toEqual(readied);
      await hoverText(firefox, 'outer', '9443');
      await expect
        .poll(() => firefox.evaluate<number>(`document.querySelector('porthole-ui')?.shadowRoot?.querySelectorAll('[role="dialog"] .body section.block').length ?? 0`), { timeout: 15_000 })
        .toBeGreaterThan(0);
      expect(await hostsIn('window')).toEqual([...readied, { hidden: false, removed: false, sawLoading: false }]);
    });

    it('marks an iframe with ports added after the page loaded', async () => {
      await firefox.evaluate(`(() => {
        const late = document.createElement('iframe');
        late.id = 'late';
        late.src = '/frame-inner.html?late';
        late.width = '600';
        late.height = '120';
        document.body.append(late);
      })()`);
      await expect.poll(() => markedIn('late'), { timeout: 15_000 }).toBe(1);
      expect(await firefox.evaluate<string>(`document.getElementById('late').contentWindow.CSS.highlights.get('porthole-port').values().next().value.toString()`)).toBe('6379');
      // By now the advertisement has long been decided on: still no scanner there.
      expect(await firefox.evaluate<boolean>(`document.getElementById('ad').contentWindow.CSS.highlights.has('porthole-port')`)).toBe(false);
    });

    it('answers the shortcut in a skipped iframe by loading the parts then', async () => {
      await firefox.navigate(server.url('frames-mixed.html'));
      await expect.poll(() => markedIn('inner'), { timeout: 15_000 }).toBe(1);
      const ad = "document.getElementById('ad')";
      // Skipped: no highlight registered in the advertisement.
      expect(await firefox.evaluate<boolean>(`${ad}.contentWindow.CSS.highlights.has('porthole-port')`)).toBe(false);
      // Keys go to the advertisement (headless Firefox gives a click there no focus: focus its link).
      await firefox.evaluate(`${ad}.contentDocument.getElementById('shop').focus()`);
      await firefox.evaluate(`${ad}.contentWindow.getSelection().selectAllChildren(${ad}.contentDocument.getElementById('promo'))`);
      await firefox.press([ALT, SHIFT, 'P']);
      const card = () => firefox.evaluate<string>(`${ad}.contentDocument.querySelector('porthole-ui')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent ?? ''`);
      await expect.poll(card, { timeout: 15_000 }).toContain('No port found');
      // The card opened in the frame, not in the page around it.
      expect(await firefox.evaluate<number>(`document.querySelectorAll('porthole-ui').length`)).toBe(0);
    });
  });

  describe('requests from the extension', () => {
    let extension: FirefoxTab;
    beforeAll(async () => {
      extension = await firefox.openTab();
      await extension.navigate(`${FIREFOX_EXTENSION_ORIGIN}/popup.html`);
    });

    /** The id of the first tab, where the web pages are (Porthole may not read tabs' addresses, so: the tab that is not its own). */
    const pageTab = () => extension.evaluate<number>(`Promise.all([browser.tabs.query({}), browser.tabs.getCurrent()]).then(([tabs, own]) => tabs.find((t) => t.id !== own.id).id)`);

    it('explains a link from the context menu on a page the loader skipped, loading the parts on demand', async () => {
      const url = server.url('no-ports.html');
      await firefox.navigate(url);
      expect(await firefox.evaluate<boolean>(`CSS.highlights.has('porthole-port')`)).toBe(false);
      const tabId = await pageTab();
      const where = await extension.evaluate<string>(`browser.runtime.getBackgroundPage().then(async (bg) => {
        const tab = await browser.tabs.get(${tabId});
        return bg.portholeContextMenu.explainClick({ linkUrl: 'http://shop.example:8080/', frameId: 0 }, tab);
      })`);
      expect(where).toBe('card');
      const card = () => firefox.evaluate<string>(`document.querySelector('porthole-ui')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent ?? ''`);
      await expect.poll(card, { timeout: 15_000 }).toContain('Port 8080');
    });

    it("lists each frame's part of the page's ports in the popup, the port-free advertisement none", async () => {
      const url = server.url('frames-ports.html');
      await firefox.navigate(url);
      await expect.poll(() => firefox.evaluate<number>(`CSS.highlights.get('porthole-port')?.size ?? 0`), { timeout: 15_000 }).toBe(1);
      const tabId = await pageTab();
      await extension.navigate(`${FIREFOX_EXTENSION_ORIGIN}/popup.html?tab=${tabId}`);
      const parts = () =>
        extension.evaluate<{ title: string; rows: string[] }[]>(`[...document.querySelectorAll('.page-frame')].map((p) => ({
          title: p.querySelector('.frame-title').innerText,
          rows: [...p.querySelectorAll('.page-row')].map((r) => r.innerText.split('\\n')[0] + ' ' + r.innerText.match(/×\\d+/)[0]),
        }))`);
      await expect.poll(async () => (await parts()).length, { timeout: 20_000 }).toBe(4);
      // The page first, then its frames in document order (the cross-origin one included); the advertisement has no part.
      expect(await parts()).toEqual([
        { title: 'On the page itself · 1 port, 1 mention', rows: ['8443 ×1'] },
        { title: 'In a frame: Embedded runbook · 1 port, 1 mention', rows: ['6379 ×1'] },
        { title: 'In a frame: Status · 1 port, 1 mention', rows: ['9000 ×1'] },
        { title: 'In a frame: Database notes · 2 ports, 2 mentions', rows: ['5432 ×1', '6379 ×1'] },
      ]);
      expect(await extension.evaluate<string>(`document.querySelector('.page-ports .section-title').innerText`)).toMatch(/4 ports, 5 mentions/);
    });
  });
});
