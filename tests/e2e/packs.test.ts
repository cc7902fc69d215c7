// Packs in Chromium: install docs/packs/kubernetes-control-plane.json through
// the import preview, update it to a newer version that drops a port, remove
// it as a whole, and share a choice of your own ports as a pack file that
// installs as it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { axeViolations } from './axe.ts';
import { launchWithExtension, sendFromPage, type Launched } from './harness.ts';
import { readPack } from '../../lib/packs/pack.ts';

const PACK_FILE = resolve(import.meta.dirname, '../../docs/packs/kubernetes-control-plane.json');
const pack = JSON.parse(readFileSync(PACK_FILE, 'utf8')) as { version: string; definitions: { port: number; summary: string }[] };
// Version 1.1.0: one summary changed, the kube-proxy health port dropped.
const update = {
  ...pack,
  version: '1.1.0',
  definitions: pack.definitions.filter((d) => d.port !== 10256).map((d) => (d.port === 6443 ? { ...d, summary: 'The cluster API, behind the office VPN.' } : d)),
};

let browser: Launched;
let page: Page;

const sourcesOf = async (port: number) => {
  const reply = await sendFromPage<{ value: { records: { source: string; pack?: { version: string } }[] } }>(page, { type: 'lookup', port });
  return reply.value.records.filter((r) => r.pack).map((r) => r.pack!.version);
};

const importFile = async (name: string, json: unknown) => {
  await page.getByLabel('File to import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  const preview = page.getByRole('region', { name: 'Import preview' });
  // The first request fills the port database: give it time on a busy machine.
  await preview.waitFor({ timeout: 30_000 });
  return preview;
};

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.openExtensionPage('options.html#import');
  await page.waitForSelector('[role="tab"][aria-selected="true"]');
});

afterAll(async () => {
  await browser?.close();
});

describe('packs in Chromium', () => {
  it('installs a pack through the import preview', async () => {
    const preview = await importFile('kubernetes-control-plane.json', pack);
    expect(await preview.innerText()).toContain('Pack “Kubernetes control plane” 1.0.0 by Porthole examples: a new pack.');
    expect(await preview.locator('table.changes tbody tr').count()).toBe(7);
    expect(await axeViolations(page)).toEqual([]);
    await preview.getByRole('button', { name: 'Apply import' }).click();
    await expect.poll(() => page.getByText('Imported kubernetes-control-plane.json: Pack “Kubernetes control plane” 1.0.0 installed: 7 ports added, 0 changed, 0 removed.').count(), { timeout: 10_000 }).toBe(1);
    expect(await sourcesOf(6443)).toEqual(['1.0.0']);
    const details = await browser.openExtensionPage('details.html?port=6443');
    await expect.poll(() => details.locator('.record .record-head .source').allTextContents(), { timeout: 10_000 }).toContain('Pack “Kubernetes control plane” 1.0.0');
    await details.close();
  });

  it('updates it to a newer version, dropping the port the new version leaves out', async () => {
    const preview = await importFile('kubernetes-control-plane-1.1.0.json', update);
    expect(await preview.innerText()).toContain('an update from 1.0.0');
    const removed = preview.locator('table.changes tbody tr', { hasText: 'removed' });
    expect(await removed.innerText()).toContain('10256');
    await preview.getByRole('button', { name: 'Apply import' }).click();
    await expect.poll(() => page.getByText(/1\.1\.0 installed: 0 ports added, 1 changed, 1 removed\./).count(), { timeout: 10_000 }).toBe(1);
    expect(await sourcesOf(6443)).toEqual(['1.1.0']);
    expect(await sourcesOf(10256)).toEqual([]);
    // An older version is refused, with the reason.
    await page.getByLabel('File to import').setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'cannot be imported' }).innerText(), { timeout: 10_000 }).toContain('version 1.1.0 is installed');
  });

  it('lists installed packs and removes one as a whole', async () => {
    await page.getByRole('tab', { name: 'Your ports' }).click();
    const list = page.getByRole('list', { name: 'Installed packs' });
    await expect.poll(() => list.innerText(), { timeout: 10_000 }).toMatch(/Kubernetes control plane\s+1\.1\.0 · Porthole examples · 6 ports/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Remove pack Kubernetes control plane' }).click();
    await expect.poll(() => page.getByText('No packs installed.').count(), { timeout: 10_000 }).toBe(1);
    expect(await sourcesOf(6443)).toEqual([]);
  });

  it('shares a choice of your own ports as a pack file that installs as it is', async () => {
    await sendFromPage(page, { type: 'putUserRecord', entry: { port: 8443, protocols: ['tcp'], title: 'Billing admin API', summary: 'Admin UI of billing.', uses: [] } });
    await sendFromPage(page, { type: 'putUserRecord', entry: { port: 9000, protocols: ['tcp'], title: 'Job queue', summary: 'Our jobs.', uses: [] } });
    await page.reload();
    await page.getByLabel('Pack name').fill('Billing team');
    await page.getByLabel('Author').fill('Payments');
    await page.getByRole('checkbox', { name: '8443 Billing admin API' }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save pack file' }).click()]);
    expect(download.suggestedFilename()).toBe('porthole-pack-billing-team-1.0.0.json');
    const read = readPack(JSON.parse(readFileSync((await download.path())!, 'utf8')));
    expect(read).toMatchObject({ ok: true, pack: { name: 'Billing team', version: '1.0.0', author: 'Payments', definitions: [{ port: 8443, title: 'Billing admin API' }] } });
  });
});
