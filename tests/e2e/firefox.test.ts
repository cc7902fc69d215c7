// The Firefox build in Debian's Firefox ESR: the content script marks
// mentions, and hovering one opens a card filled from the background's
// IndexedDB database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';
import { FIREFOX_EXTENSION_DIR, firefoxPath, launchFirefoxWithExtension, type FirefoxSession } from './firefox-bidi.ts';

const binary = firefoxPath();
const CI = process.env.CI === 'true';

// Locally the test is skipped without Firefox; in CI (which installs it) it must run.
describe.skipIf(!binary && !CI)('Firefox build (firefox-esr, headless)', () => {
  let firefox: FirefoxSession;
  let server: FixtureServer;

  beforeAll(async () => {
    if (!binary) throw new Error('Firefox ESR is missing: .ci/run installs it (apt-get install firefox-esr).');
    if (!existsSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`)) throw new Error('Run `npm run build:firefox` first.');
    server = await serveFixtures();
    firefox = await launchFirefoxWithExtension(binary);
    await firefox.navigate(server.url('prose.html'));
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('the content script marks port mentions with highlight ranges', async () => {
    await expect
      .poll(() => firefox.evaluate<number>(`CSS.highlights.get('porthole-port')?.size ?? 0`), { timeout: 15_000 })
      .toBeGreaterThan(3);
  });

  it('hovering 5432 opens a card answered by the background database', async () => {
    const rect = await firefox.evaluate<{ x: number; y: number }>(`(() => {
      const text = document.getElementById('prose').firstChild;
      const at = text.data.indexOf('5432');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 4);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    })()`);
    await firefox.pointerMove(rect.x - 40, rect.y + 40);
    await firefox.pointerMove(rect.x, rect.y);
    await expect
      .poll(() => firefox.evaluate<string>(`document.querySelector('porthole-ui')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent ?? ''`), {
        timeout: 15_000,
      })
      .toMatch(/5432[\s\S]*PostgreSQL[\s\S]*postgresql/);
  });
});
