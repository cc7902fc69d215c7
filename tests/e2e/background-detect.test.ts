/// <reference types="chrome" />
// Detection in the background worker, in real Chromium: a frame's scanner
// part sends its text to Porthole's own worker and marks the mentions it gets
// back — on a 1 MB page with 10,000 mentions, and after the worker was
// stopped (MV3 stops idle workers; the frame's request has to wake it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { launchWithExtension, stopWorker, watchWorker, type Launched } from './harness.ts';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';
import { marked, waitForMarked } from './page-helpers.ts';

let browser: Launched;
let fixtures: FixtureServer;
let big: { server: Server; url: string };

/** 2,000 paragraphs of five mentions each (~1 MB), as bench/content.ts builds its page. */
function bigPage(): string {
  const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. ';
  const paragraphs = Array.from({ length: 2000 }, (_, p) => {
    const sentences = Array.from({ length: 5 }, (_, k) => `allow TCP ${1024 + (((p * 5 + k) * 7919) % 60000)} through the firewall. ${filler}`);
    return p % 10 === 0 ? `<pre>${sentences.join('\n')}</pre>` : `<p>${sentences.join('')}</p>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><title>big</title></head><body>${paragraphs.join('\n')}</body></html>`;
}

beforeAll(async () => {
  fixtures = await serveFixtures();
  const html = bigPage();
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  big = { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/big.html` };
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
  big?.server.close();
});

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 760 });
  await page.goto(url);
  return page;
}

/** The frame's answer to "ports on this page" (the popup's request), from the worker. */
async function pageTotal(url: string): Promise<number | undefined> {
  return browser.worker.evaluate(async (u) => {
    for (const t of await chrome.tabs.query({})) {
      if (t.id === undefined) continue;
      const reply = (await chrome.tabs.sendMessage(t.id, { type: 'pageMentions' }).catch(() => null)) as { value?: { url?: string; total?: number } } | null;
      if (reply?.value?.url === u) return reply.value.total;
    }
    return undefined;
  }, url);
}

describe('detection in the background worker', () => {
  it("answers the frame's detect requests: the page's text reaches the worker, and the frame marks what it returns", async () => {
    // A second listener in the worker notes every detect request (it answers nothing; Porthole's own listener does).
    await browser.worker.evaluate(() => {
      const g = globalThis as unknown as { __detects?: { url?: string; texts: string[] }[] };
      g.__detects = [];
      chrome.runtime.onMessage.addListener((message: { type?: string; texts?: string[] }, sender) => {
        if (message?.type === 'detect') g.__detects!.push({ url: sender.url, texts: message.texts ?? [] });
        return false;
      });
    });
    const page = await open(fixtures.url('prose.html'));
    await waitForMarked(page, '5432');
    const detects = await browser.worker.evaluate(() => (globalThis as unknown as { __detects: { url?: string; texts: string[] }[] }).__detects);
    const fromPage = detects.filter((d) => d.url === page.url());
    expect(fromPage.length).toBeGreaterThan(0);
    // Many blocks in one request, not a request per block.
    expect(Math.max(...fromPage.map((d) => d.texts.length))).toBeGreaterThan(1);
    expect(fromPage.flatMap((d) => d.texts).some((t) => t.includes('5432'))).toBe(true);
    await page.close();
  });

  it('finds all 10,000 mentions of a 1 MB page and underlines the ones on screen', async () => {
    const page = await open(big.url);
    await expect.poll(async () => ((await marked(page)) ?? []).length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await pageTotal(big.url)).toBe(10_000);
    // Only mentions near the viewport are in the highlight.
    expect(((await marked(page)) ?? []).length).toBeLessThan(2000);
    await page.close();
  });

  // Last: it stops the worker that `browser.worker` points at.
  it('marks a page whose request had to wake the stopped worker', async () => {
    const blank = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(blank);
    const watch = await watchWorker(cdp, browser.extensionId);
    await stopWorker(cdp, watch);
    const before = watch.starts();

    const page = await open(fixtures.url('prose.html'));
    await waitForMarked(page, '5432', 20_000);
    await waitForMarked(page, '6379');
    expect(watch.starts()).toBeGreaterThan(before);
    await cdp.detach();
    await page.close();
    await blank.close();
  });
});
