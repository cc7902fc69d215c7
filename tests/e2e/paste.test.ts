// "Explain pasted text" in the built extension in Chromium: ss -tlnp and
// docker ps output in the popup give the grouped list and the summary, the
// exports carry the reach, a 6 MB paste is refused, the details page offers
// the same, and both are axe-clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { launchWithExtension, type Launched } from './harness.ts';
import { DOCKER_PS, SS } from '../paste-samples.ts';

let browser: Launched;
let popup: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  popup = await browser.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.getByText('Explain pasted text').click();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Pastes text into the box as the clipboard would, which explains it at once;
 * resolves when the new answer is shown. Big texts are built in the page:
 * `unit` × `times`.
 */
async function paste(page: Page, unit: string, times = 1): Promise<void> {
  const before = Number(await page.locator('.paste').getAttribute('data-answers'));
  await pasteEvent(page, unit, times);
  await page.locator(`.paste[data-answers="${before + 1}"]`).waitFor({ timeout: 50_000 });
}

/** Types (fills) the box and presses Explain. */
async function typeAndExplain(page: Page, text: string): Promise<void> {
  const before = Number(await page.locator('.paste').getAttribute('data-answers'));
  await page.getByLabel(/Paste .*ss -tlnp/).fill(text);
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
  await page.locator(`.paste[data-answers="${before + 1}"]`).waitFor();
}

async function pasteEvent(page: Page, unit: string, times: number): Promise<void> {
  await page.getByLabel(/Paste .*ss -tlnp/).evaluate(
    (el, [u, n]) => {
      (el as HTMLTextAreaElement).value = '';
      const data = new DataTransfer();
      data.setData('text/plain', u.repeat(n));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [unit, times] as const,
  );
}

const summary = (page: Page) => page.locator('.paste-summary p').allInnerTexts();
async function rows(page: Page): Promise<string[][]> {
  return page.locator('.paste-row').evaluateAll((lis) =>
    lis.map((li) => [
      li.querySelector('.result-port')!.textContent!,
      li.querySelector('.result-title')!.textContent!,
      li.querySelector('.reach')?.textContent ?? '',
      li.querySelector('.badge')?.textContent ?? '',
      li.querySelector('.count')!.textContent!,
    ]),
  );
}

describe('paste to explain in the popup', () => {
  it('groups ss -tlnp output by port, worst first, and sums it up', async () => {
    await paste(popup, SS);
    expect(await summary(popup)).toEqual([
      '3 services listen on every interface: 6379 Redis (critical risk), 3306 MySQL / MariaDB (high risk), and 22 SSH.',
      '1 service listens on this machine only: 5432 PostgreSQL (high risk).',
    ]);
    expect(await rows(popup)).toEqual([
      ['6379', 'Redis', 'Every interface (0.0.0.0)', 'Critical risk', '×1'],
      ['3306', 'MySQL / MariaDB', 'Every interface (0.0.0.0)', 'High risk', '×1'],
      ['22', 'SSH', 'Every interface (0.0.0.0)', 'Medium risk', '×2'],
      ['5432', 'PostgreSQL', 'This machine only (127.0.0.1)', 'High risk', '×1'],
    ]);
    expect(await popup.locator('.paste-row .reach').first().getAttribute('class')).toContain('tone-danger');
  });

  it('reads docker ps output (typed, then Explain) and calls out the publish past the host firewall', async () => {
    await typeAndExplain(popup, DOCKER_PS);
    expect(await summary(popup)).toEqual([
      '1 service listens on every interface: 5432 PostgreSQL (high risk).',
      "1 port is published from containers past the host firewall: 5432 PostgreSQL (high risk).",
      '1 service listens on this machine only: 6379 Redis (critical risk).',
    ]);
    expect((await rows(popup)).map((r) => r.slice(0, 3))).toEqual([
      ['5432', 'PostgreSQL', 'Every interface (0.0.0.0, Docker publish)'],
      ['6379', 'Redis', 'This machine only (127.0.0.1, Docker publish)'],
    ]);
  });

  it('offers the page exports, with the reach in them', async () => {
    await paste(popup, SS);
    // Catch what is copied: the popup's copy goes through navigator.clipboard.writeText.
    await popup.evaluate(() => {
      const copied: string[] = [];
      (window as unknown as { copied: string[] }).copied = copied;
      navigator.clipboard.writeText = async (text: string) => void copied.push(text);
    });
    const exports = popup.locator('.paste').getByRole('group', { name: 'Copy the list' });
    await exports.getByRole('button', { name: 'Markdown' }).click();
    await exports.getByRole('button', { name: 'CSV' }).click();
    const copied = await popup.evaluate(() => (window as unknown as { copied: string[] }).copied);
    expect(copied[0]).toMatch(/^Ports in the pasted text\n/);
    expect(copied[0]).toContain('| 6379 | — | Redis | Every interface (0.0.0.0) | 1 |');
    expect(copied[1]).toContain('5432,5432,,PostgreSQL,This machine only (127.0.0.1),1,');
  });

  it('refuses a 6 MB paste with a clear message and lists nothing', async () => {
    await paste(popup, 'LISTEN 0.0.0.0:22\n', Math.ceil((6 * 1024 * 1024) / 18));
    expect(await popup.locator('.paste [role=alert]').innerText()).toMatch(/^The pasted text is 6 MB; Porthole explains up to 5 MB at a time\. Nothing was read/);
    expect(await popup.locator('.paste-row').count()).toBe(0);
  });

  it('stays responsive on a 4 MB paste (the detector runs in slices)', async () => {
    const panel = popup.locator('.paste');
    const before = Number(await panel.getAttribute('data-answers'));
    await pasteEvent(popup, SS, Math.floor((4 * 1024 * 1024) / SS.length));
    // While it reads, the page keeps running other tasks: a timer chain started now
    // ticks between the slices (one long task would let it tick only once or twice).
    const ticks = await popup.evaluate(
      (n) =>
        new Promise<number>((resolve) => {
          let count = 0;
          const tick = () => {
            count++;
            if (document.querySelector(`.paste[data-answers="${n}"]`)) resolve(count);
            else setTimeout(tick, 0);
          };
          tick();
        }),
      before + 1,
    );
    expect(ticks).toBeGreaterThan(50);
    expect(await summary(popup)).toEqual([
      '3 services listen on every interface: 6379 Redis (critical risk), 3306 MySQL / MariaDB (high risk), and 22 SSH.',
      '1 service listens on this machine only: 5432 PostgreSQL (high risk).',
    ]);
  });

  it('has no axe violations with an answer shown', async () => {
    await paste(popup, SS);
    expect(await axeViolations(popup)).toEqual([]);
  });
});

describe('paste to explain on the details page', () => {
  it('details.html?paste opens the box ready, and explains the same way', async () => {
    const page = await browser.openExtensionPage('details.html?paste');
    await page.getByRole('heading', { name: 'Explain pasted text' }).waitFor();
    await paste(page, DOCKER_PS);
    expect((await summary(page))[0]).toBe('1 service listens on every interface: 5432 PostgreSQL (high risk).');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
