// Browser sync in Chromium: off by default; once on, notes and definitions
// are mirrored to storage.sync, and another device's changes arriving through
// storage.sync (written here as that device would) are applied with a
// "changed on another device" mark; its deletions delete here; a corrupt
// payload is reported in options and never applied; what sync brought is
// marked on the hover card and on the details page too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { launchWithExtension, sendFromPage, type Launched } from './harness.ts';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';
import { hover, mentionPoint, waitForMarked } from './page-helpers.ts';

let browser: Launched;
let server: FixtureServer;
let options: Page;

interface Note {
  port: number;
  text: string;
  changedElsewhere?: string;
}

const syncArea = () => browser.worker.evaluate(() => chrome.storage.sync.get(null));
const notes = async () => (await sendFromPage<{ value: Note[] }>(options, { type: 'listNotes' })).value;
/** A change made on "the laptop", as its Porthole would write it to storage.sync. */
const fromLaptop = (items: Record<string, unknown>) => browser.worker.evaluate((i) => chrome.storage.sync.set(i), items);
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
  options = await browser.openExtensionPage('options.html#settings');
  await options.waitForSelector('[role="tab"][aria-selected="true"]');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('browser sync in Chromium', () => {
  it('is off by default and writes nothing to sync', async () => {
    expect(await options.getByLabel('Sync notes and your ports through the browser').isChecked()).toBe(false);
    await sendFromPage(options, { type: 'setNote', port: 22, text: 'bastion only' });
    // A round run now (as the change would schedule it) writes nothing while sync is off.
    await browser.worker.evaluate(() => (globalThis as unknown as { portholeSync: { run: () => Promise<void> } }).portholeSync.run());
    expect(await syncArea()).toEqual({});
  });

  it('once switched on, mirrors notes and definitions to storage.sync', async () => {
    await options.getByLabel('Sync notes and your ports through the browser').check();
    await sendFromPage(options, { type: 'putUserRecord', entry: { port: 8443, protocols: ['tcp'], title: 'Billing admin API', summary: 'Ours.', uses: [] } });
    await expect.poll(async () => Object.keys(await syncArea()).sort(), { timeout: 20_000 }).toEqual(['porthole.d.8443', 'porthole.n.22']);
    expect((await syncArea())['porthole.n.22']).toMatchObject({ v: 1, data: { port: 22, text: 'bastion only' } });
    await expect.poll(() => options.getByRole('group', { name: 'Sync status' }).innerText(), { timeout: 10_000 }).toMatch(/Last synced .*: \d+ sent, 0 received\./);
    expect(await axeViolations(options)).toEqual([]);
  });

  it('applies another device’s changes and deletions, marked as changed on another device', async () => {
    await fromLaptop({
      'porthole.n.5432': { v: 1, t: later(1), dev: 'laptop', data: { port: 5432, text: 'primary database (from the laptop)' } },
      'porthole.n.22': { v: 1, t: later(1), dev: 'laptop', deleted: true },
    });
    await expect.poll(async () => (await notes()).map((n) => n.port), { timeout: 20_000 }).toEqual([5432]);
    expect((await notes())[0]!.changedElsewhere).toBeDefined();
    const page = await browser.openExtensionPage('options.html#notes');
    const list = page.getByRole('list', { name: 'Notes' });
    await expect.poll(() => list.innerText(), { timeout: 20_000 }).toContain('primary database (from the laptop)');
    expect(await list.innerText()).toMatch(/Changed on another device/i);
    await page.close();
  });

  it('ignores a corrupt payload with a message in options, and applies nothing of it', async () => {
    await fromLaptop({ 'porthole.n.80': { v: 1, t: later(2), dev: 'laptop', data: { port: 80, text: { html: '<img src=x onerror=alert(1)>' } } } });
    const ignored = options.getByRole('list', { name: 'Ignored sync entries' });
    await expect.poll(() => ignored.innerText(), { timeout: 20_000 }).toBe('A note for port 80 in browser sync was ignored: not a valid note. It was not applied.');
    expect((await notes()).map((n) => n.port)).toEqual([5432]);
    expect(await axeViolations(options)).toEqual([]);
  });

  it('marks a note and a definition that sync brought on the hover card and on the details page', async () => {
    await fromLaptop({
      'porthole.d.8443': { v: 1, t: later(3), dev: 'laptop', data: { port: 8443, protocols: ['tcp'], title: 'Billing admin API (laptop)', summary: 'Renamed on the laptop.', uses: [] } },
      'porthole.n.8443': { v: 1, t: later(3), dev: 'laptop', data: { port: 8443, text: 'ask #billing first' } },
    });
    await expect.poll(async () => (await notes()).find((n) => n.port === 8443)?.changedElsewhere, { timeout: 20_000 }).toBeDefined();

    const page = await browser.context.newPage();
    await page.goto(server.url('team.html'));
    await waitForMarked(page, '8443');
    await hover(page, await mentionPoint(page, '8443', 'team'));
    const card = page.locator('porthole-ui [role="dialog"]');
    await card.locator('.note-text').filter({ hasText: 'ask #billing first' }).waitFor();
    const cardMarks = card.locator('.badge-synced');
    expect(await cardMarks.count()).toBe(2);
    for (const [block, i] of [['Yours: Billing admin API (laptop)', 0], ['My note', 1]] as const) {
      expect(await cardMarks.nth(i).evaluate((m) => m.closest('section')?.getAttribute('aria-label'))).toBe(block);
      expect(await cardMarks.nth(i).innerText()).toMatch(/^Changed on another device \w/);
    }
    expect(await axeViolations(page, 'porthole-ui')).toEqual([]);
    await page.close();

    const details = await browser.openExtensionPage('details.html?port=8443');
    await details.locator('.note textarea').waitFor();
    await expect.poll(() => details.locator('.badge-synced').count(), { timeout: 10_000 }).toBe(2);
    expect(await details.locator('.record.source-user .badge-synced').innerText()).toMatch(/^Changed on another device/);
    expect(await details.locator('form.note .badge-synced').innerText()).toMatch(/^Changed on another device/);
    expect(await axeViolations(details)).toEqual([]);
    // Edited here, the note is this device's again: its mark goes.
    await details.locator('.note textarea').fill('ask #billing first, then #payments');
    await details.getByRole('button', { name: 'Save note' }).click();
    await details.locator('form.note [role="status"]').filter({ hasText: 'Note saved.' }).waitFor();
    expect((await notes()).find((n) => n.port === 8443)?.changedElsewhere).toBeUndefined();
    await details.reload();
    await details.locator('.record.source-user .badge-synced').waitFor();
    expect(await details.locator('form.note .badge-synced').count()).toBe(0);
    await details.close();
  });
});
