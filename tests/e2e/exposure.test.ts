// The card's exposure line in real Chromium with the built extension: the
// address written with a port (or a container publish) says who can reach
// it, coloured by exposure × the port's risk; a port with no address gets no
// line; the card with the line stays axe-clean; the details page opened
// from the card repeats the line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Launched } from './harness.ts';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';
import { hover, mentionPoint, waitForMarked } from './page-helpers.ts';
import { axeViolations } from './axe.ts';

const CARD = 'porthole-ui [role="dialog"]';
let browser: Launched;
let server: FixtureServer;
let page: Page;

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(server.url('exposure.html'));
  await waitForMarked(page, '8080');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Hovers the mention `port` inside #id and waits for its card to be filled in. */
async function openCard(port: string, id: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator(CARD).waitFor({ state: 'detached' });
  await hover(page, await mentionPoint(page, port, id));
  await page.locator(`${CARD} .port-num`).filter({ hasText: `Port ${port}` }).waitFor();
  await page.locator(`${CARD} .range-class`).filter({ hasNotText: 'Looking it up' }).waitFor();
}

async function exposureLine(): Promise<{ text: string; tone: string } | null> {
  const line = page.locator(`${CARD} .exposure`);
  if ((await line.count()) === 0) return null;
  const cls = (await line.getAttribute('class')) ?? '';
  return { text: (await line.innerText()).replace(/\s+/g, ' '), tone: /tone-(\w+)/.exec(cls)?.[1] ?? '' };
}

describe('exposure line on hover cards', () => {
  it.each([
    ['3306', 'all', /^Every interface\. Listens on every interface \(0\.0\.0\.0\): other machines can connect/, 'warning'],
    ['6379', 'local', /^This machine only\. 127\.0\.0\.1 is a loopback address: only programs on this machine can connect/, 'calm'],
    ['5432', 'lan', /^Local network\. 10\.0\.0\.5 is a private address \(RFC 1918\): reachable from the local network/, 'caution'],
    ['22', 'public', /^Internet\. 203\.0\.113\.7 is a public address: reachable from the internet unless something filters it/, 'caution'],
    [
      '5432',
      'docker',
      /^Every interface\. Published from a container on every interface of the host\. Docker's own iptables rules .* ufw and firewalld .* To keep it on this machine, publish it as -p 127\.0\.0\.1:5432:5432$/,
      'danger',
    ],
    ['3306', 'docker-glued', /^Every interface\. Container port 3306, published on the host as 3307 on every interface of the host\. Docker's own iptables rules .* -p 127\.0\.0\.1:3307:3306$/, 'danger'],
    ['5433', 'docker-local', /^This machine only\. Published from a container on 127\.0\.0\.1 only/, 'calm'],
    ['6380', 'compose-long', /^This machine only\. Published from a container on 127\.0\.0\.1 only/, 'calm'],
    ['9121', 'compose-long', /^Every interface\. Published from a container on every interface of the host\. Docker's own iptables rules .* To keep it on this machine, give its ports item host_ip: 127\.0\.0\.1$/, 'caution'],
    // Rootless Podman listens like any program: no Docker claim, no step up in tone, the same fix.
    [
      '5432',
      'podman',
      /^Every interface\. Container port 5432, published on the host as 5434 on every interface of the host\. Rootless Podman \(its default\) listens through an ordinary socket on the host, so the host firewall filters .* To keep it on this machine, publish it as -p 127\.0\.0\.1:5434:5432$/,
      'warning',
    ],
    ['5432', 'nerdctl', /^Every interface\. Container port 5432, published on the host as 5435 on every interface of the host\. nerdctl run as root publishes through CNI's own iptables rules.* -p 127\.0\.0\.1:5435:5432$/, 'danger'],
  ])('%s in #%s', async (port, id, text, tone) => {
    await openCard(port, id);
    const line = await exposureLine();
    expect(line?.text).toMatch(text);
    expect(line?.tone).toBe(tone);
  });

  it('a port written without an address gets no line', async () => {
    await openCard('8080', 'plain');
    expect(await exposureLine()).toBeNull();
  });

  it('the line goes when the card moves on to a related port', async () => {
    await openCard('3306', 'all');
    expect(await exposureLine()).not.toBeNull();
    const related = page.locator(`${CARD} [aria-label="Related ports"] .chip`).first();
    const to = (await related.innerText()).trim();
    await related.click();
    await page.locator(`${CARD} .port-num`).filter({ hasText: `Port ${to}` }).waitFor();
    expect(await exposureLine()).toBeNull();
  });

  it('Details from the card opens the details page with the same line and fix', async () => {
    await openCard('5432', 'docker');
    const opened = browser.context.waitForEvent('page');
    await page.locator(`${CARD} button`, { hasText: 'Details' }).click();
    const details = await opened;
    expect(details.url()).toMatch(/details\.html\?port=5432&pub=run&side=host&hp=5432&cp=5432&eng=docker$/);
    const line = details.locator('.exposure');
    await line.waitFor();
    expect((await line.innerText()).replace(/\s+/g, ' ')).toMatch(/^Every interface\. Published from a container on every interface of the host\..* -p 127\.0\.0\.1:5432:5432$/);
    expect(await line.getAttribute('class')).toBe('exposure tone-danger');
    expect(await axeViolations(details)).toEqual([]);
    await details.close();
  });

  it('Details from a Podman publish and from a compose long-syntax item keep the engine and the host_ip fix', async () => {
    for (const [port, id, url, text] of [
      ['5432', 'podman', /details\.html\?port=5432&pub=run&side=container&hp=5434&cp=5432&eng=podman$/, /Rootless Podman .* -p 127\.0\.0\.1:5434:5432$/],
      ['9121', 'compose-long', /details\.html\?port=9121&pub=compose-long&side=container&hp=9121&cp=9121$/, /Docker's own iptables rules .* give its ports item host_ip: 127\.0\.0\.1$/],
    ] as const) {
      await openCard(port, id);
      const opened = browser.context.waitForEvent('page');
      await page.locator(`${CARD} button`, { hasText: 'Details' }).click();
      const details = await opened;
      expect(details.url()).toMatch(url);
      const line = details.locator('.exposure');
      await line.waitFor();
      const said = (await line.innerText()).replace(/\s+/g, ' ');
      expect(said).toMatch(text);
      if (id === 'podman') expect(said).not.toMatch(/Docker/);
      await details.close();
    }
  });

  it('the details page of a port opened without a mention has no line', async () => {
    const details = await browser.openExtensionPage('details.html?port=5432&at=not-an-address');
    await details.getByRole('heading', { level: 1 }).waitFor();
    await details.locator('.details-head').waitFor();
    expect(await details.locator('.exposure').count()).toBe(0);
    await details.close();
  });

  it('a card with a danger line has no axe violations', async () => {
    await openCard('5432', 'docker');
    expect((await exposureLine())?.tone).toBe('danger');
    expect(await axeViolations(page, 'porthole-ui')).toEqual([]);
  });
});
