// Same-origin iframes: the content script runs in each frame (allFrames),
// marks its mentions and opens the card inside that frame.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { launchWithExtension, type Launched } from './harness.ts';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';

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

function markedIn(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => [...((CSS.highlights.get('porthole-port') ?? new Set()) as unknown as Set<Range>)].map((r) => r.toString()));
}

describe('iframes', () => {
  it('marks mentions in a same-origin iframe and opens the card there on hover', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('framed.html'));
    const frame = page.frames().find((f) => f.url().endsWith('/frame-inner.html'))!;
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
    const card = frame.locator('porthole-ui [role="dialog"]');
    await card.waitFor({ timeout: 10_000 });
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toMatch(/6379[\s\S]*Redis/);
    expect(await page.locator('porthole-ui').count()).toBe(0);
  });
});
