// Code as documentation sites render it, in real Chromium: one span per
// token, a paragraph that starts with a hidden permalink, a wide block
// scrolled sideways, a 200-line block read in the middle and at its end,
// inline and table line numbers, GitHub's one-row-per-line table. Each
// mention there is underlined where the reader sees it and opens its card;
// no line number is read as code or underlined.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, type Launched } from './harness.ts';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';
import { hover, marked, mentionPoint, waitForMarked } from './page-helpers.ts';

const CARD = 'porthole-ui [role="dialog"]';

let browser: Launched;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDocs(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 760 });
  await page.goto(server.url('docs-code.html'));
  await waitForMarked(page, '5432');
  return page;
}

/** Lets `n` frames render, so that intersection observers have reported the last scroll. */
async function afterFrames(page: Page, n = 4): Promise<void> {
  await page.evaluate(async (count) => {
    for (let i = 0; i < count; i++) await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }, n);
}

/** Texts of the underlined ranges inside the element matching `selector`, sorted. */
function markedWithin(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel)!;
    const h = CSS.highlights.get('porthole-port') as unknown as Set<Range> | undefined;
    return [...(h ?? [])].filter((r) => box.contains(r.startContainer)).map((r) => r.toString()).sort();
  }, selector);
}

/** Is any underlined range touching an element matching `selector` (a line-number gutter)? */
function markedTouches(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const h = CSS.highlights.get('porthole-port') as unknown as Set<Range> | undefined;
    const gutters = [...document.querySelectorAll(sel)];
    return [...(h ?? [])].some((r) => gutters.some((g) => r.intersectsNode(g)));
  }, selector);
}

/** Viewport y of the first text node holding `text` inside #long, after scrolling to it. */
function lineTop(page: Page, text: string): Promise<number> {
  return page.evaluate((t) => {
    const walker = document.createTreeWalker(document.getElementById('long')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if ((n as Text).data.includes(t)) return n.parentElement!.getBoundingClientRect().top;
    }
    throw new Error(`no ${t} in #long`);
  }, text);
}

async function jumpTo(page: Page, text: string): Promise<void> {
  const top = await lineTop(page, text);
  await page.evaluate((y) => scrollBy(0, y - innerHeight / 2), top);
}

async function wheelTo(page: Page, text: string): Promise<void> {
  await page.mouse.move(500, 380);
  for (let i = 0; i < 200; i++) {
    const top = await lineTop(page, text);
    const atBottom = await page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1);
    if (top < 380 || atBottom) return;
    await page.mouse.wheel(0, 100);
    await afterFrames(page, 1);
  }
  throw new Error(`wheel never reached ${text}`);
}

async function expectOnScreenAndMarked(page: Page, text: string): Promise<void> {
  await afterFrames(page);
  const top = await lineTop(page, text);
  expect(top).toBeGreaterThan(0);
  expect(top).toBeLessThan(760);
  await waitForMarked(page, text, 5000);
}

/** Runs `expression` in the content script's isolated world (where its hit test looks things up). */
async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.origin === `chrome-extension://${browser.extensionId}`);
  if (!world) throw new Error('no content-script world in the page');
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

describe('code as documentation sites render it', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openDocs();
  });
  afterAll(async () => page.close());

  it('marks a paragraph whose first element is a hidden permalink anchor', async () => {
    await waitForMarked(page, '8443');
    expect((await marked(page))!.filter((m) => m.id === 'anchored').map((m) => m.text)).toEqual(['8443']);
  });

  it('keeps the underlines of a wide block scrolled sideways, and its hover card', async () => {
    await page.evaluate(() => {
      const pre = document.getElementById('wide')!;
      pre.scrollIntoView({ block: 'center' });
      pre.scrollLeft = pre.scrollWidth;
    });
    await afterFrames(page);
    // The block's first token ("$ ") is scrolled out of the box; the ports column is in view.
    expect(await page.evaluate(() => document.querySelector('#wide .gp')!.getBoundingClientRect().right < document.getElementById('wide')!.getBoundingClientRect().left)).toBe(true);
    expect(await markedWithin(page, '#wide')).toEqual(['5432', '5432', '5432', '5432', '6379', '6379', '6379', '6379']);
    await hover(page, await mentionPoint(page, '5432', 'wide'));
    await expect.poll(() => page.locator(CARD).innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/Port 5432[\s\S]*PostgreSQL/);
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      document.getElementById('wide')!.scrollLeft = 0;
    });
  });

  it('reads inline line numbers (Chroma) as outside the code and underlines none of them', async () => {
    await page.evaluate(() => document.getElementById('chroma')!.scrollIntoView({ block: 'center' }));
    // Read with its numbers, the block gives "4    ports:" and "10127.0.0.1:5000": only one 5000.
    await expect.poll(() => markedWithin(page, '#chroma')).toEqual(['5000', '5000', '80', '8080']);
    expect(await markedTouches(page, '.ln')).toBe(false);
  });

  it('reads non-selectable digits in code (user-select: none, any class) as outside the code', async () => {
    await page.evaluate(() => document.getElementById('unselectable')!.scrollIntoView({ block: 'center' }));
    await expect.poll(() => markedWithin(page, '#unselectable')).toEqual(['5000']);
    expect(await markedTouches(page, '.site-num')).toBe(false);
  });

  it('keeps a table gutter (Chroma lineNumbersInTable) out of the code', async () => {
    await page.evaluate(() => document.getElementById('gutter-table')!.scrollIntoView({ block: 'center' }));
    await expect.poll(() => markedWithin(page, '#gutter-table')).toEqual(['8081', '81', '8082', '82'].sort());
    expect(await markedTouches(page, '.lnt')).toBe(false);
  });

  it("reads GitHub's one-row-per-line code as one text, so a line keeps the ports: line above it", async () => {
    await page.evaluate(() => document.getElementById('blob')!.scrollIntoView({ block: 'center' }));
    await expect.poll(() => markedWithin(page, '#blob')).toEqual(['6379', '6379']);
    expect(await markedTouches(page, '.blob-num')).toBe(false);
    await hover(page, await mentionPoint(page, '6379', 'blob'));
    await expect.poll(() => page.locator(CARD).innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/Port 6379[\s\S]*Redis/);
    await page.keyboard.press('Escape');
    await page.evaluate(() => scrollTo(0, 0));
  });

  it('marks the middle and the end of a 200-line block reached by a jump', async () => {
    await jumpTo(page, '8100:8100');
    await expectOnScreenAndMarked(page, '8100');
    await jumpTo(page, '8195:8195');
    await expectOnScreenAndMarked(page, '8195');
    await page.evaluate(() => scrollTo(0, 0));
  });

  it('marks the middle and the end of a 200-line block reached by slow scrolling', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    await wheelTo(page, '8100:8100');
    await expectOnScreenAndMarked(page, '8100');
    await wheelTo(page, '8195:8195');
    await expectOnScreenAndMarked(page, '8195');
    await page.evaluate(() => scrollTo(0, 0));
  });
});

describe('hit test without highlightsFromPoint', () => {
  it('falls back to the caret when highlightsFromPoint finds none of ours, or is missing', async () => {
    const page = await openDocs();
    await waitForMarked(page, '8443');
    const had = await inContentScript(page, `(() => {
      const had = typeof HighlightRegistry.prototype.highlightsFromPoint === 'function';
      HighlightRegistry.prototype.highlightsFromPoint = () => [];
      return had;
    })()`);
    // This Chromium has it: the stub is what the test exercises.
    expect(had).toBe(true);
    await page.evaluate(() => {
      const pre = document.getElementById('wide')!;
      pre.scrollLeft = pre.scrollWidth;
    });
    await afterFrames(page);
    await hover(page, await mentionPoint(page, '5432', 'wide'));
    await expect.poll(() => page.locator(CARD).innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/Port 5432[\s\S]*PostgreSQL/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(CARD).count()).toBe(0);

    await inContentScript(page, `delete HighlightRegistry.prototype.highlightsFromPoint`);
    await page.mouse.move(5, 5);
    await hover(page, await mentionPoint(page, '8443', 'anchored'));
    await expect.poll(() => page.locator(CARD).innerText().catch(() => ''), { timeout: 15_000 }).toContain('Port 8443');
    await page.close();
  });
});
