// The store's images, made from the built extension, never by hand:
// store/screenshots/{card,popup,details,options}-{light,dark}.png at 1280×800
// and the 440×280 promo tile store/promo-440x280.png.
//
//   npm run build && node --experimental-strip-types tests/e2e/store-screenshots.ts
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from './harness.ts';
import { serveFixtures } from './fixture-server.ts';
import { mentionPoint, hover, waitForMarked } from './page-helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const out = join(ROOT, 'store', 'screenshots');
mkdirSync(out, { recursive: true });
const SIZE = { width: 1280, height: 800 };
const SCHEMES = ['light', 'dark'] as const;

/** The popup is 400 px wide: show it centred on a plain backdrop. */
const POPUP_STAGE = `html { min-height: 100vh; display: grid; place-items: center; background: #dfe5ec; }
@media (prefers-color-scheme: dark) { html { background: #11161c; } }
body.popup-root { border-radius: 10px; box-shadow: 0 12px 40px rgba(0, 0, 0, 0.35); overflow: hidden; }`;

const browser = await launchWithExtension();
const fixtures = await serveFixtures();
const shot = (page: Page, name: string) => page.screenshot({ path: join(out, `${name}.png`) });
try {
  for (const scheme of SCHEMES) {
    const page = await browser.context.newPage();
    await page.setViewportSize(SIZE);
    await page.emulateMedia({ colorScheme: scheme });
    // The card follows the page's own colours: a light page, and a dark one.
    await page.goto(fixtures.url(scheme === 'dark' ? 'dark.html' : 'prose.html'));
    const port = scheme === 'dark' ? '22' : '5432';
    await waitForMarked(page, port);
    await hover(page, await mentionPoint(page, port));
    await page.locator('porthole-ui [role="dialog"] h3').first().waitFor();
    await shot(page, `card-${scheme}`);
    await page.close();

    const popup = await browser.openExtensionPage('popup.html');
    await popup.setViewportSize(SIZE);
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.addStyleTag({ content: POPUP_STAGE });
    await popup.getByRole('combobox').fill('postgres');
    await popup.locator('[role=option]').first().waitFor();
    await shot(popup, `popup-${scheme}`);
    await popup.close();

    const details = await browser.openExtensionPage('details.html?port=445');
    await details.setViewportSize(SIZE);
    await details.emulateMedia({ colorScheme: scheme });
    await details.locator('.details-title').waitFor();
    await shot(details, `details-${scheme}`);
    await details.close();

    const options = await browser.openExtensionPage('options.html#settings');
    await options.setViewportSize(SIZE);
    await options.emulateMedia({ colorScheme: scheme });
    await options.locator('#set-underline').waitFor();
    await shot(options, `options-${scheme}`);
    await options.close();
  }

  const icon = readFileSync(join(ROOT, 'public', 'icons', '128.png')).toString('base64');
  const tagline = (JSON.parse(readFileSync(join(ROOT, 'locales', 'en.json'), 'utf8')) as { manifest: { description: string } }).manifest.description;
  const tile = await browser.context.newPage();
  await tile.setViewportSize({ width: 440, height: 280 });
  await tile.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:0;width:440px;height:280px;display:flex;align-items:center;gap:22px;padding:0 30px;box-sizing:border-box;background:linear-gradient(135deg,#0b3d66,#1a73e8);color:#fff;font:15px/1.4 system-ui,sans-serif">
<img src="data:image/png;base64,${icon}" width="96" height="96" alt="">
<div><div style="font-size:34px;font-weight:700;letter-spacing:-0.5px">Porthole</div><div style="margin-top:6px;opacity:.92">${tagline.replace(/[<&]/g, '')}</div>
<div style="margin-top:12px;font:600 14px ui-monospace,monospace;opacity:.85">5432 · 445/tcp · -p 8080:80</div></div></body>`);
  await tile.screenshot({ path: join(ROOT, 'store', 'promo-440x280.png') });
  console.log(`store images in ${join(ROOT, 'store')}`);
} finally {
  await fixtures.close();
  await browser.close();
}
