// Reaching the page's mentions with the keyboard alone (Chromium): the
// next/previous shortcuts move a visible focus ring from mention to mention,
// scroll it into view and announce it in Porthole's live region; Enter opens
// its card; axe stays clean. The background's command handler asks the page
// for the same move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { launchWithExtension, type Launched } from './harness.ts';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';
import { mentionPoint, waitForMarked } from './page-helpers.ts';

const CARD = 'porthole-ui [role="dialog"]';
const LIVE = 'porthole-nav [role="status"]';
const RING = 'porthole-nav .ring';

let browser: Launched;
let server: FixtureServer;
let page: Page;
let total: number;

const announced = () => page.locator(LIVE).textContent();
const next = () => page.keyboard.press('Alt+Shift+KeyJ');
const previous = () => page.keyboard.press('Alt+Shift+KeyK');

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 900, height: 500 });
  await page.goto(server.url('prose.html'));
  // The fixture keeps adding mentions for a moment: wait until the last ones are in.
  await waitForMarked(page, '5672');
  await waitForMarked(page, '9104');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('mentions by keyboard', () => {
  it('announces the first mention with its service and position, inside a ring around it', async () => {
    expect(await page.locator('porthole-nav').count()).toBe(0);
    await next();
    await expect.poll(announced, { timeout: 10_000 }).toMatch(/^Port 5432, PostgreSQL, 1 of \d+$/);
    // Every mention the page scan found, in document order (prose.html has many).
    total = Number(/of (\d+)$/.exec((await announced())!)![1]);
    expect(total).toBeGreaterThan(10);
    const ring = (await page.locator(RING).boundingBox())!;
    const point = await mentionPoint(page, '5432');
    expect(point.x).toBeGreaterThan(ring.x);
    expect(point.x).toBeLessThan(ring.x + ring.width);
    expect(point.y).toBeGreaterThan(ring.y);
    expect(point.y).toBeLessThan(ring.y + ring.height);
    expect(await page.locator(RING).evaluate((el) => getComputedStyle(el).outlineWidth)).toBe('3px');
  });

  it('moves on and back, and wraps around at either end, scrolling the mention into view', async () => {
    await next();
    await expect.poll(announced).toBe(`Port 6379, Redis, 2 of ${total}`);
    await previous();
    await expect.poll(announced).toBe(`Port 5432, PostgreSQL, 1 of ${total}`);
    await previous();
    await expect.poll(announced).toMatch(new RegExp(`, ${total} of ${total}$`));
    const ring = (await page.locator(RING).boundingBox())!;
    expect(ring.y).toBeGreaterThanOrEqual(0);
    expect(ring.y + ring.height).toBeLessThanOrEqual(500);
    await next();
    await expect.poll(announced).toBe(`Port 5432, PostgreSQL, 1 of ${total}`);
  });

  it('opens the card of the ringed mention with Enter, focused; Esc gives the page back', async () => {
    await page.keyboard.press('Enter');
    const card = page.locator(CARD);
    await expect.poll(() => card.innerText().catch(() => ''), { timeout: 10_000 }).toContain('PostgreSQL');
    expect(await card.innerText()).toContain('Port 5432');
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('porthole-ui');
    // Porthole's own parts (the fixture page has faults of its own on purpose).
    expect(await axeViolations(page, 'porthole-ui')).toEqual([]);
    expect(await axeViolations(page, 'porthole-nav')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
  });

  it('is axe-clean with the ring and the live region in the page', async () => {
    await next();
    await expect.poll(announced).toBe(`Port 6379, Redis, 2 of ${total}`);
    expect(await axeViolations(page, 'porthole-nav')).toEqual([]);
  });

  it('the background command moves in the active tab too', async () => {
    await page.bringToFront();
    const moved = await browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const api = (globalThis as unknown as { portholeContextMenu: { moveCommand: (t: unknown, d: string) => Promise<boolean> } }).portholeContextMenu;
      return api.moveCommand(tab, 'next');
    });
    expect(moved).toBe(true);
    await expect.poll(announced).toMatch(new RegExp(`, 3 of ${total}$`));
  });
});
