// The full details page in Chromium with the built extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { launchWithExtension, type Launched } from './harness.ts';

let browser: Launched;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.openExtensionPage('details.html?port=139');
  await page.setViewportSize({ width: 1000, height: 900 });
});
afterAll(async () => browser?.close());

async function open(query: string): Promise<void> {
  await page.goto(`chrome-extension://${browser.extensionId}/details.html?${query}`);
  await page.locator('.details-title').waitFor();
  await page.locator('[aria-busy=true]').waitFor({ state: 'detached' });
}

describe('details page', () => {
  it('shows every record for 139 with its source and date', async () => {
    await open('port=139');
    expect(await page.title()).toBe('Port 139 · Porthole');
    expect(await page.locator('.port-big').innerText()).toBe('139');
    expect(await page.locator('.chips').innerText()).toMatch(/Well-known port/);
    const sources = await page.locator('.record .source').allInnerTexts();
    expect(sources.some((s) => /IANA registry, as of \w{3} \d{1,2}, \d{4}/i.test(s))).toBe(true);
    expect(sources.some((s) => /Porthole notes/i.test(s))).toBe(true);
    expect(await page.locator('.record.source-iana').innerText()).toMatch(/netbios-ssn/);
  });

  it('shows 445 with risk, security references, related links and commands', async () => {
    await open('port=445');
    expect(await page.locator('.details-head .risk').first().innerText()).toMatch(/risk/i);
    const cves = page.locator('.security a[href^="https://www.cve.org/CVERecord?id=CVE-"]');
    expect(await cves.count()).toBeGreaterThan(0);
    // Every link out of the page is https.
    const external = await page.locator('a[target=_blank]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(external.every((h) => h.startsWith('https://'))).toBe(true);
    const related = page.locator('.related a', { hasText: '139' }).first();
    expect(await related.getAttribute('href')).toBe(`chrome-extension://${browser.extensionId}/details.html?port=139`);
    const commands = await page.locator('.cmd code').allTextContents();
    expect(commands).toEqual(expect.arrayContaining(['nc -zv HOST 445', 'nmap -p 445 HOST', 'Test-NetConnection -ComputerName HOST -Port 445']));
    expect(commands).toContain("sudo ss -ltnp 'sport = :445'");
    expect(commands).toContain('sudo ufw allow 445/tcp');
    expect(commands).toContain('sudo iptables -A INPUT -p tcp --dport 445 -j DROP');
    expect(commands).toContain('New-NetFirewallRule -DisplayName "Porthole: block TCP 445" -Direction Inbound -Protocol TCP -LocalPort 445 -Action Block');
  });

  it('fills a host into the commands, and refuses one that is shell code', async () => {
    const host = page.getByLabel('Host');
    await host.fill('fs01.corp.example');
    expect(await page.locator('.cmd code').allTextContents()).toContain('nc -zv fs01.corp.example 445');
    await host.fill('x;rm -rf /');
    expect(await page.locator('.cmd code').first().innerText()).toBe('nc -zv HOST 445');
    expect(await host.getAttribute('aria-invalid')).toBe('true');
    await host.fill('');
  });

  it('follows a related link to 139', async () => {
    await page.locator('.related a', { hasText: '139' }).first().click();
    await page.waitForURL(/port=139/);
    await page.locator('.details-title').waitFor();
    expect(await page.locator('.port-big').innerText()).toBe('139');
  });

  it('writes commands for UDP when the address says so', async () => {
    await open('port=53&proto=udp');
    const commands = await page.locator('.cmd code').allTextContents();
    expect(commands).toEqual(expect.arrayContaining(['nc -zvu HOST 53', 'sudo nmap -sU -p 53 HOST', "sudo ss -lunp 'sport = :53'", 'sudo ufw allow 53/udp']));
    expect(commands.some((c) => c.includes('-p tcp'))).toBe(false);
  });

  it('keeps the note after a reload, and removes it when emptied', async () => {
    await open('port=445');
    const note = page.getByLabel('Your note for port 445');
    await note.fill('Our NAS <b>backup</b> share');
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => page.locator('.note [role=status]').innerText()).toBe('Note saved.');
    await open('port=445');
    expect(await page.getByLabel('Your note for port 445').inputValue()).toBe('Our NAS <b>backup</b> share');
    expect(await page.locator('.note b').count()).toBe(0);
    await page.getByLabel('Your note for port 445').fill('');
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => page.locator('.note [role=status]').innerText()).toBe('Note removed.');
  });

  it('describes a range with its ports as links', async () => {
    await open('port=135&end=139');
    expect(await page.locator('.details-title').innerText()).toBe('Ports 135–139');
    const links = await page.locator('.range-ports a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).search));
    expect(links).toEqual(expect.arrayContaining(['?port=135', '?port=137', '?port=138', '?port=139']));
    expect(await page.locator('.cmd code').allTextContents()).toContain('nc -zv HOST 135-139');
  });

  it('helps with an unknown port and an invalid address', async () => {
    await open('port=41000');
    expect(await page.locator('.callout').innerText()).toMatch(/No registered service/);
    expect(await page.locator('.callout a').first().getAttribute('href')).toMatch(/details\.html\?port=\d+$/);
    expect(await page.locator('.chips').innerText()).toMatch(/Registered port/);
    await open('port=60001');
    expect(await page.locator('.chips').innerText()).toMatch(/Dynamic/);
    await page.goto(`chrome-extension://${browser.extensionId}/details.html?port=99999`);
    await expect.poll(() => page.locator('.error').innerText()).toMatch(/0 to 65535/);
  });

  it('is axe-clean in light and dark', async () => {
    await open('port=445');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await open('port=135&end=139');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
