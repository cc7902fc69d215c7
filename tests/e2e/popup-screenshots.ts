// Screenshots of the popup and the details page, light and dark, for review
// and for the README (docs/popup.png, docs/details.png).
//
//   npm run build && node --experimental-strip-types tests/e2e/popup-screenshots.ts [outDir]
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from './harness.ts';
import { serveFixtures } from './fixture-server.ts';

const out = resolve(process.argv[2] ?? 'test-results/screenshots');
mkdirSync(out, { recursive: true });
const browser = await launchWithExtension();
const fixtures = await serveFixtures();
try {
  const tab = await browser.context.newPage();
  await tab.goto(fixtures.url('ports-page.html'));
  // Without the `tabs` permission tabs carry no URL: find the fixture as the active tab.
  await tab.bringToFront();
  const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  await tab.waitForTimeout(800);

  const shoot = async (page: Page, name: string, full = false) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(out, `${name}-${scheme}.png`), fullPage: full });
    }
  };

  const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.setViewportSize({ width: 400, height: 560 });
  await popup.locator('.page-list li').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await shoot(popup, 'popup-idle');
  await popup.locator('input[role=combobox]').fill('postgres');
  await popup.locator('[role=option]').first().waitFor();
  await popup.waitForTimeout(200);
  await shoot(popup, 'popup-search');
  await popup.locator('input[role=combobox]').fill('135-139');
  await popup.waitForTimeout(300);
  await shoot(popup, 'popup-range');
  await popup.locator('input[role=combobox]').fill('kafak');
  await popup.waitForTimeout(300);
  await shoot(popup, 'popup-typo');
  await popup.locator('input[role=combobox]').fill('qqqqqq');
  await popup.waitForTimeout(300);
  await shoot(popup, 'popup-none');
  await popup.locator('input[role=combobox]').fill('445');
  await popup.locator('[role=option]').first().waitFor();
  await popup.keyboard.press('Enter');
  await popup.locator('.details-title').waitFor();
  await popup.waitForTimeout(300);
  await shoot(popup, 'popup-details');

  const details = await browser.openExtensionPage('details.html?port=445');
  await details.setViewportSize({ width: 1100, height: 900 });
  await details.locator('.details-title').waitFor();
  await details.waitForTimeout(300);
  await shoot(details, 'details-445', true);
  await details.goto(`chrome-extension://${browser.extensionId}/details.html?port=135&end=139`);
  await details.locator('.details-title').waitFor();
  await shoot(details, 'details-range', true);
  await details.goto(`chrome-extension://${browser.extensionId}/details.html?port=5432`);
  await details.locator('.details-title').waitFor();
  await details.waitForTimeout(300);
  await shoot(details, 'details-5432', true);
  console.log(`screenshots in ${out}`);
} finally {
  await fixtures.close();
  await browser.close();
}
