// The hover card for screen-reader and keyboard users, in real Chromium:
// axe-clean in light and dark pages, a named dialog, reachable and
// dismissable by keyboard alone, focus returned where it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Launched } from './harness.ts';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';
import { hover, mentionPoint, waitForMarked } from './page-helpers.ts';
import { axeViolations } from './axe.ts';

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

async function open(name: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(name));
  return page;
}

describe('card accessibility', () => {
  it.each([['prose.html', '5432'], ['dark.html', '445']])('an open card on %s has no axe violations', async (fixture, port) => {
    const page = await open(fixture);
    await waitForMarked(page, port);
    await hover(page, await mentionPoint(page, port));
    await page.locator(CARD).waitFor();
    expect(await axeViolations(page, 'porthole-ui')).toEqual([]);
    await page.close();
  });

  it('opens by keyboard as a named dialog, moves focus in, and Esc gives focus back', async () => {
    const page = await open('prose.html');
    await waitForMarked(page, '5432');
    // Put the caret in the mention, as a keyboard user would with caret browsing.
    await page.evaluate(() => {
      const text = document.getElementById('prose')!.firstChild as Text;
      const at = text.data.indexOf('5432') + 1;
      window.getSelection()!.setBaseAndExtent(text, at, text, at);
    });
    await page.keyboard.press('Alt+Shift+P');
    const card = page.locator(CARD);
    await card.waitFor();
    const name = await card.evaluate((el) => {
      const id = el.getAttribute('aria-labelledby');
      return id ? (el.getRootNode() as ShadowRoot).getElementById(id)?.textContent : el.getAttribute('aria-label');
    });
    expect(name).toContain('5432');
    const focusedInCard = () => page.evaluate(() => document.activeElement?.tagName === 'PORTHOLE-UI');
    expect(await focusedInCard()).toBe(true);
    // Tab reaches the card's actions without leaving it.
    const labels: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      labels.push(await page.evaluate(() => document.querySelector('porthole-ui')?.shadowRoot?.activeElement?.textContent?.trim() ?? ''));
    }
    expect(labels).toEqual(expect.arrayContaining(['Copy', 'Details']));
    await page.keyboard.press('Escape');
    expect(await card.count()).toBe(0);
    expect(await focusedInCard()).toBe(false);
    await page.close();
  });
});
