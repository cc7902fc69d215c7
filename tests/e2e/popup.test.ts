// The popup in Chromium with the built extension: quick search, keyboard,
// details, ports on a fixture page, the site switch, and axe.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { launchWithExtension, type Launched } from './harness.ts';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';

let browser: Launched;
let fixtures: FixtureServer;
let popup: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  fixtures = await serveFixtures();
  popup = await browser.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
});
afterAll(async () => {
  await fixtures?.close();
  await browser?.close();
});

const input = () => popup.getByRole('combobox');
const options = () => popup.getByRole('option');

async function search(query: string): Promise<string[]> {
  await input().fill(query);
  // The listbox says which query its options answer.
  await popup.locator(`[role=listbox][data-answered="${query}"]`).waitFor({ state: 'attached' });
  await options().first().waitFor();
  return options().allInnerTexts();
}


describe('quick search', () => {
  beforeEach(async () => {
    // Each test starts from the search view, whatever the previous one left.
    const back = popup.getByRole('button', { name: /Back to search/ });
    if (await back.count()) await back.click();
  });

  it('focuses the input on open and offers clickable examples', async () => {
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await popup.getByRole('button', { name: '53/udp' }).click();
    await expect.poll(() => input().inputValue()).toBe('53/udp');
    await options().first().waitFor();
  });

  it('answers a port number with its service first', async () => {
    const results = await search('139');
    expect(results[0]).toMatch(/^139\s/);
    expect(results[0]).toMatch(/NetBIOS/i);
  });

  it('answers a range with an overview and every named port in it', async () => {
    const results = await search('135-139');
    expect(results[0]).toMatch(/All ports 135–139/);
    for (const port of [135, 137, 138, 139]) expect(results.some((r) => r.startsWith(`${port}\n`))).toBe(true);
  });

  it('answers a port with protocol', async () => {
    const results = await search('53/udp');
    expect(results[0]).toMatch(/^53\s/);
    expect(results[0]).toMatch(/UDP/);
    expect(results[0]).toMatch(/DNS|domain/i);
  });

  it.each([
    ['postgres', 5432],
    ['postgress', 5432],
    ['vite', 5173],
    ['kafka', 9092],
  ])('ranks the popular use first for %s', async (query, port) => {
    const results = await search(query);
    expect(results[0]?.split('\n')[0]).toBe(String(port));
  });

  it('finds every NetBIOS port for netbios, the session service first', async () => {
    const ports = (await search('netbios')).map((r) => r.split('\n')[0]);
    expect(ports[0]).toBe('139');
    expect(ports.slice(0, 3).sort()).toEqual(['137', '138', '139']);
  });

  it('moves with the arrows, opens details with Enter, comes back, clears with Esc', async () => {
    await search('netbios');
    await input().press('ArrowDown');
    const selected = popup.locator('[role=option][aria-selected=true]');
    const second = (await options().nth(1).innerText()).split('\n')[0];
    expect((await selected.innerText()).split('\n')[0]).toBe(second);
    expect(await input().getAttribute('aria-activedescendant')).toBe(await selected.getAttribute('id'));
    await input().press('Enter');
    await expect.poll(() => popup.locator('.port-big').first().innerText()).toBe(second);
    await popup.getByRole('button', { name: /Back to search/ }).click();
    await expect.poll(() => input().inputValue()).toBe('netbios');
    await input().press('Escape');
    expect(await input().inputValue()).toBe('');
  });

  it('says when nothing matches and how to fix it', async () => {
    await input().fill('qqqqzzzz');
    await expect.poll(() => popup.locator('.empty').innerText()).toMatch(/No port or service matches “qqqqzzzz”/);
    await input().fill('70000');
    await expect.poll(() => popup.locator('.empty').innerText()).toMatch(/0 to 65535/);
    await input().fill('139-135');
    await expect.poll(() => popup.locator('.empty').innerText()).toMatch(/135-139/);
    await popup.locator('.empty').getByRole('button', { name: '135-139' }).click();
    await expect.poll(() => input().inputValue()).toBe('135-139');
  });

  it('shows details of 445 in the popup with commands, and is axe-clean', async () => {
    await search('445');
    await input().press('Enter');
    await popup.locator('.details-title').waitFor();
    expect(await popup.locator('.details-title').innerText()).toMatch(/SMB/);
    expect(await popup.locator('.cmd code').allInnerTexts()).toContain('nc -zv HOST 445');
    expect(await axeViolations(popup)).toEqual([]);
    // A related port opens in the popup itself.
    await popup.locator('.related a', { hasText: '139' }).first().click();
    await expect.poll(() => popup.locator('.port-big').first().innerText()).toBe('139');
    await popup.getByRole('button', { name: /Back to search/ }).click();
  });

  it('is axe-clean with results, light and dark', async () => {
    await search('postgres');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'light' });
  });
});

describe('manifest', () => {
  it('declares the address-bar keyword and the popup shortcut, without the tabs permission', async () => {
    const manifest = await browser.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.omnibox).toEqual({ keyword: 'port' });
    expect(manifest.commands?._execute_action?.suggested_key).toEqual({ default: 'Alt+Shift+O' });
    expect(manifest.action?.default_popup).toBe('popup.html');
    expect(manifest.permissions).not.toContain('tabs');
  });
});

describe('ports on this page', () => {
  let page: Page;
  let tabPopup: Page;
  let tabId: number;

  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.goto(fixtures.url('ports-page.html'));
    // Without the `tabs` permission tabs carry no URL: find the fixture as the active tab.
    await page.bringToFront();
    tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    tabPopup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await tabPopup.setViewportSize({ width: 400, height: 600 });
  });

  it('lists the mentions of the tab grouped by port, with counts and services', async () => {
    const list = tabPopup.locator('.page-list');
    await list.waitFor({ timeout: 15_000 });
    const rows = await list.locator('li').allInnerTexts();
    const row = (label: string) => rows.find((r) => r.startsWith(`${label}\n`));
    expect(row('445')).toMatch(/SMB/);
    expect(row('445')).toMatch(/×2/);
    expect(row('5432')).toMatch(/PostgreSQL/);
    expect(row('5432')).toMatch(/×2/);
    expect(row('139')).toBeDefined();
    expect(row('53')).toBeDefined();
    expect(row('5173')).toMatch(/Vite/);
    expect(row('135–139')).toBeDefined();
    expect(await tabPopup.locator('.page-ports .section-title').innerText()).toMatch(/mentions/);
  });

  it('offers the list as Markdown, CSV, JSON and firewall rules', async () => {
    for (const name of ['Markdown', 'CSV', 'JSON', 'Copy rules']) {
      await expect.poll(() => tabPopup.getByRole('button', { name }).count()).toBe(1);
    }
    await tabPopup.getByRole('combobox', { name: 'Rules for' }).selectOption('nft');
  });

  it('reveals a mention in the tab', async () => {
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await tabPopup.locator('.page-row', { hasText: '8443' }).click();
    await expect.poll(() => page.evaluate(() => scrollY), { timeout: 5_000 }).toBeGreaterThan(500);
  });

  it('turns Porthole off and on for the site', async () => {
    const toggle = tabPopup.getByRole('switch');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.press(' ');
    const disabled = () =>
      browser.worker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { disabledSites?: string[] } | undefined)?.disabledSites ?? []);
    await expect.poll(disabled).toEqual(['127.0.0.1']);
    expect(await tabPopup.locator('.switch-text').innerText()).toBe('Off for 127.0.0.1');
    await toggle.press(' ');
    await expect.poll(disabled).toEqual([]);
  });

  it('is axe-clean with the list', async () => {
    expect(await axeViolations(tabPopup)).toEqual([]);
  });

  it('says so plainly when the tab is a browser page', async () => {
    const settings = await browser.context.newPage();
    await settings.goto('chrome://version');
    await settings.bringToFront();
    const id = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    const p = await browser.openExtensionPage(`popup.html?tab=${id}`);
    await expect.poll(() => p.locator('.page-ports').innerText(), { timeout: 10_000 }).toMatch(/cannot read this tab|browser page/);
    await p.close();
    await settings.close();
  });
});
