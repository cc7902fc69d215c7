/// <reference types="chrome" />
// Security, in real Chromium with the built extension: page text stays text,
// web pages cannot reach the background, forged messages are refused and
// change nothing, and Porthole makes no network requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { launchWithExtension, sendFromPage, type Launched } from './harness.ts';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';
import { hover, mentionPoint, waitForMarked } from './page-helpers.ts';

const CARD = 'porthole-ui [role="dialog"]';
let browser: Launched;
let server: FixtureServer;
const requests: string[] = [];

beforeAll(async () => {
  // Service-worker requests reach context.on('request') only with this set.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  server = await serveFixtures();
  browser = await launchWithExtension();
  browser.context.on('request', (r: Request) => requests.push(r.url()));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openHostile(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url('hostile.html'));
  return page;
}

describe('security', () => {
  it('renders page text that looks like markup as text in the card', async () => {
    const page = await openHostile();
    await waitForMarked(page, '8080');
    await hover(page, await mentionPoint(page, '8080'));
    await page.locator(CARD).waitFor();
    const card = await page.evaluate(() => {
      const root = document.querySelector('porthole-ui')!.shadowRoot!;
      return { images: root.querySelectorAll('img, script, iframe').length, pwned: (window as unknown as { __pwned?: number }).__pwned ?? 0 };
    });
    expect(card).toEqual({ images: 0, pwned: 0 });
    // The selection path shows page text in the card: it must stay text too.
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.getSelection()!.selectAllChildren(document.getElementById('markup')!));
    await page.keyboard.press('Alt+Shift+P');
    await page.locator(CARD).waitFor();
    expect(await page.evaluate(() => document.querySelector('porthole-ui')!.shadowRoot!.querySelectorAll('img, script').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0)).toBe(0);
    await page.close();
  });

  it('gives web pages no way to reach the background, and ignores their window messages', async () => {
    const page = await openHostile();
    await waitForMarked(page, '3128');
    const reach = await page.evaluate(async (id) => {
      const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no runtime';
      try {
        await runtime.sendMessage(id, { type: 'setNote', port: 3128, text: 'forged' });
        return 'sent';
      } catch (err) {
        return `refused: ${String(err)}`;
      }
    }, browser.extensionId);
    expect(reach === 'no runtime' || reach.startsWith('refused')).toBe(true);
    // The page's postMessage('revealMention') opened no card, and no note was written.
    await page.waitForTimeout(500);
    expect(await page.locator(CARD).count()).toBe(0);
    const ext = await browser.openExtensionPage('data/version.json');
    const lookup = await sendFromPage<{ value: { note?: unknown } }>(ext, { type: 'lookup', port: 3128 });
    expect(lookup.value.note).toBeUndefined();
    await ext.close();
    await page.close();
  });

  it('refuses forged and malformed messages with typed errors and changes nothing', async () => {
    const ext = await browser.openExtensionPage('data/version.json');
    const forged: unknown[] = [
      { type: 'dropDatabase' },
      { type: 'setNote', port: 3128, text: 'x'.repeat(5001) },
      { type: 'setNote', port: -1, text: 'negative' },
      { type: 'deleteUserRecord', id: 'curated:5432' },
      { type: 'putUserRecord', entry: { port: 8443, protocols: ['tcp'], title: '<b>x</b>', summary: 's', uses: [], extra: 1 } },
      { type: 'lookup', port: '22; DROP TABLE' },
      'lookup 22',
      null,
    ];
    for (const message of forged) {
      const reply = await sendFromPage<{ ok: boolean; error?: { code: string } }>(ext, message);
      expect(reply, JSON.stringify(message)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    const notes = await sendFromPage<{ value: unknown[] }>(ext, { type: 'listNotes' });
    const mine = await sendFromPage<{ value: unknown[] }>(ext, { type: 'listUserRecords' });
    expect([notes.value, mine.value]).toEqual([[], []]);
    const postgres = await sendFromPage<{ value: { records: { id: string }[] } }>(ext, { type: 'lookup', port: 5432 });
    expect(postgres.value.records.map((r) => r.id)).toContain('curated:5432');
    await ext.close();
  });

  it('makes no network request while a page is hovered and the popup is used', async () => {
    requests.length = 0;
    const page = await openHostile();
    await waitForMarked(page, '3128');
    await hover(page, await mentionPoint(page, '3128'));
    await page.locator(CARD).waitFor();
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('combobox').fill('postgres');
    await popup.getByText('5432').first().waitFor();
    const details = await browser.openExtensionPage('details.html?port=445');
    await details.getByText('microsoft-ds').first().waitFor();
    const fixtureOrigin = new URL(server.url('/')).origin;
    // The content script's parts come from Porthole itself, at the per-session URL Chrome gives them (use_dynamic_url).
    const ownPart = /^chrome-extension:\/\/[0-9a-f-]{36}\/(scanner|card)-part\.js$/;
    const outside = requests.filter((u) => !u.startsWith(fixtureOrigin) && !u.startsWith(`chrome-extension://${browser.extensionId}/`) && !ownPart.test(u));
    expect(outside).toEqual([]);
    // The capture does see Porthole's own requests (its pages and bundled data), so an empty list means something.
    expect(requests.some((u) => u.startsWith(`chrome-extension://${browser.extensionId}/`))).toBe(true);
    await Promise.all([page.close(), popup.close(), details.close()]);
  });
});
