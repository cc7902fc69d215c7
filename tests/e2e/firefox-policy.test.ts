// The organisation's policy in Firefox ESR: an enterprise policies.json
// (`3rdparty.Extensions.<gecko id>`, the format docs/policy/firefox-policies.json
// shows administrators) reaches managed storage, and hovering the port it
// defines opens a card with the organisation's definition.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { serveFixtures, type FixtureServer } from './fixture-server.ts';
import { FIREFOX_EXTENSION_DIR, firefoxPath, type FirefoxSession, hoverText, launchFirefoxWithExtension } from './firefox-bidi.ts';

const binary = firefoxPath();
const CI = process.env.CI === 'true';
const WRAPPER = resolve(import.meta.dirname, 'firefox-with-policy.sh');

const billing = { port: 8443, protocols: ['tcp'], title: 'Billing admin API', summary: 'Admin UI of the billing service.', uses: [{ name: 'billing-admin', primary: true }], team: 'Payments' };

describe.skipIf(!binary && !CI)('managed policy in Firefox (firefox-esr, headless)', () => {
  let firefox: FirefoxSession;
  let server: FixtureServer;
  let root: string;

  beforeAll(async () => {
    if (!binary) throw new Error('Firefox ESR is missing: .ci/run installs it (apt-get install firefox-esr).');
    if (!existsSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`)) throw new Error('Run `npm run build:firefox` first.');
    const geckoId = (JSON.parse(readFileSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`, 'utf8')) as { browser_specific_settings: { gecko: { id: string } } }).browser_specific_settings.gecko.id;
    root = mkdtempSync(join(tmpdir(), 'porthole-ff-policy-'));
    writeFileSync(join(root, 'policies.json'), JSON.stringify({ policies: { '3rdparty': { Extensions: { [geckoId]: { definitions: [billing] } } } } }));
    const installed = realpathSync(binary);
    process.env.PORTHOLE_POLICY_ROOT = root;
    process.env.PORTHOLE_FIREFOX = installed;
    process.env.PORTHOLE_FIREFOX_DISTRIBUTION = join(dirname(installed), 'distribution');
    server = await serveFixtures();
    firefox = await launchFirefoxWithExtension(WRAPPER);
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('hovering 8443 opens a card with the organisation’s definition', async () => {
    await firefox.navigate(server.url('team.html'));
    await expect.poll(() => firefox.evaluate<number>(`CSS.highlights.get('porthole-port')?.size ?? 0`), { timeout: 15_000 }).toBe(1);
    await hoverText(firefox, 'team', '8443');
    await expect
      .poll(() => firefox.evaluate<string>(`document.querySelector('porthole-ui')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent ?? ''`), { timeout: 20_000 })
      .toMatch(/8443[\s\S]*Billing admin API/);
  });
});
