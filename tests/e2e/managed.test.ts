// The organisation's policy in Chromium: a real policy file (Chrome's
// `3rdparty.extensions.<id>` format, in a policy directory of this launch's
// own) gives read-only definitions marked as the organisation's, the options
// page lists each skipped entry with its reason, and a changed policy file
// takes effect while the browser runs, sites included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { EXTENSION_DIR, launchWithExtension, sendFromPage, unpackedExtensionId, type Launched } from './harness.ts';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';
import { waitForMarked } from './page-helpers.ts';

const billing = { port: 8443, protocols: ['tcp'], title: 'Billing admin API', summary: 'Admin UI of the billing service.', uses: [{ name: 'billing-admin', primary: true }], team: 'Payments', notes: 'Owned by #payments-oncall.' };
const search = { port: 9300, endPort: 9400, protocols: ['tcp'], title: 'Search transport', summary: 'Traffic between our Elasticsearch nodes.', uses: [] };
const POLICY = {
  definitions: [billing, search, { ...billing, port: 70000 }, { ...search, port: 9500, endPort: 9400 }],
  disabledSites: ['not a host'],
};
// The organisation renames a port, drops another and turns Porthole off on the fixture server's host.
const CHANGED = { definitions: [{ ...billing, title: 'Invoices admin API' }], disabledSites: ['127.0.0.1'] };

let browser: Launched;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension({ policy: POLICY });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openOptions(): Promise<Page> {
  const page = await browser.openExtensionPage('options.html#managed');
  await page.waitForSelector('[role="tab"][aria-selected="true"]');
  return page;
}

describe('managed policy in Chromium', () => {
  it('reads the policy file of the extension id derived from its path', () => {
    expect(browser.extensionId).toBe(unpackedExtensionId(EXTENSION_DIR));
  });

  it('lists the organisation’s ports read-only, and each skipped entry with its reason', async () => {
    const page = await openOptions();
    const list = page.getByRole('list', { name: 'Ports from your organisation' });
    // The first request loads the port database: give it time on a busy machine.
    await expect.poll(() => list.innerText(), { timeout: 30_000 }).toContain('Billing admin API');
    expect(await list.innerText()).toMatch(/Organisation: Payments[\s\S]*Owned by #payments-oncall\.[\s\S]*9300–9400[\s\S]*Search transport/);
    expect(await list.getByRole('button').count()).toBe(0);
    const skipped = page.getByRole('list', { name: 'Skipped policy entries' });
    expect(await skipped.innerText()).toBe(
      ['definitions[2]: port 70000 is out of range (0–65535).', 'definitions[3]: endPort 9400 is below port 9500.', 'disabledSites[0]: "not a host" is not a host name such as "example.com".'].join('\n'),
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows them on details pages after your own and before Porthole’s notes', async () => {
    const page = await browser.openExtensionPage('details.html?port=8443');
    const sources = page.locator('.record .record-head .source');
    await expect.poll(() => sources.allTextContents(), { timeout: 30_000 }).toContain('From your organisation (Payments)');
    const texts = await sources.allTextContents();
    expect(texts.indexOf('From your organisation (Payments)')).toBeLessThan(texts.indexOf('Porthole notes'));
    expect(await page.locator('.org-notes').innerText()).toBe('Owned by #payments-oncall.');
    await sendFromPage(page, { type: 'putUserRecord', entry: { port: 8443, protocols: ['tcp'], title: 'My billing', summary: 'Mine.', uses: [] } });
    await page.reload();
    await expect.poll(() => sources.allTextContents(), { timeout: 30_000 }).toEqual(expect.arrayContaining(['Yours', 'From your organisation (Payments)']));
    const after = await sources.allTextContents();
    expect(after[0]).toBe('Yours');
    expect(after[1]).toBe('From your organisation (Payments)');
    const hits = await sendFromPage<{ value: { hits: { port: number; source: string }[] } }>(page, { type: 'search', query: 'search transport' });
    expect(hits.value.hits[0]).toMatchObject({ port: 9300, source: 'managed' });
    await page.close();
  });

  it('follows a changed policy file while the browser runs: definitions, skipped entries and sites', async () => {
    const options = await openOptions();
    const list = options.getByRole('list', { name: 'Ports from your organisation' });
    await expect.poll(() => list.innerText(), { timeout: 30_000 }).toContain('Billing admin API');
    const fixture = await browser.context.newPage();
    await fixture.goto(server.url('prose.html'));
    await waitForMarked(fixture, '5432');

    browser.setPolicy(CHANGED);
    // Chromium notices the file change by itself (it waits a few seconds for writes to settle).
    await expect.poll(() => list.innerText(), { timeout: 45_000, interval: 500 }).toContain('Invoices admin API');
    expect(await list.innerText()).not.toContain('Search transport');
    expect(await options.getByRole('list', { name: 'Skipped policy entries' }).count()).toBe(0);
    expect(await options.getByRole('list', { name: 'Sites turned off by your organisation' }).innerText()).toBe('127.0.0.1');
    await expect.poll(() => fixture.evaluate(() => CSS.highlights.has('porthole-port')), { timeout: 10_000 }).toBe(false);
    const lookup = await sendFromPage<{ value: { records: { id: string; title?: string }[] } }>(options, { type: 'lookup', port: 9350 });
    expect(lookup.value.records.map((r) => r.id)).not.toContain('managed:9300-9400');
    await fixture.close();
    await options.close();
  });
});
