// The Firefox build in Debian's Firefox ESR: the content script marks
// mentions, and hovering one opens a card filled from the background's
// IndexedDB database, with the exposure line where the text gives an address;
// in iframes, only the frames with ports get the scanner part.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';
import { FIREFOX_EXTENSION_DIR, firefoxPath, type FirefoxSession, hoverText, launchFirefoxWithExtension } from './firefox-bidi.ts';

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
  });
});
