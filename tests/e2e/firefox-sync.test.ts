// Browser sync in Firefox ESR (headless, no Firefox account: storage.sync
// then keeps its data in the profile, which is all a round needs). Off by
// default; once switched on in options, a note is mirrored to storage.sync;
// another device's note and deletion, written to storage.sync as that
// device's Porthole would, are applied here and marked on the details page
// and in options.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { FIREFOX_EXTENSION_DIR, FIREFOX_EXTENSION_ORIGIN, firefoxPath, launchFirefoxWithExtension, type FirefoxSession } from './firefox-bidi.ts';

const binary = firefoxPath();
const CI = process.env.CI === 'true';

interface Note {
  port: number;
  text: string;
  changedElsewhere?: string;
}

describe.skipIf(!binary && !CI)('browser sync in Firefox (firefox-esr, headless)', () => {
  let firefox: FirefoxSession;

  /** Evaluated on one of Porthole's own pages, which can reach the extension APIs. */
  const send = <T>(message: unknown) => firefox.evaluate<T>(`browser.runtime.sendMessage(${JSON.stringify(message)})`);
  const syncArea = () => firefox.evaluate<Record<string, unknown>>('browser.storage.sync.get(null)');
  const notes = async () => (await send<{ value: Note[] }>({ type: 'listNotes' })).value;
  const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
  /** A change made on "the laptop", as its Porthole would write it to storage.sync. */
  const fromLaptop = (items: Record<string, unknown>) => firefox.evaluate(`browser.storage.sync.set(${JSON.stringify(items)})`);
  const syncSwitch = `[...document.querySelectorAll('input[type="checkbox"]')].find((i) => [...i.labels].some((l) => l.textContent.includes('Sync notes and your ports through the browser')))`;

  beforeAll(async () => {
    if (!binary) throw new Error('Firefox ESR is missing: .ci/run installs it (apt-get install firefox-esr).');
    if (!existsSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`)) throw new Error('Run `npm run build:firefox` first.');
    firefox = await launchFirefoxWithExtension(binary);
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('is off by default; once switched on, mirrors a note to storage.sync', async () => {
    await firefox.navigate(`${FIREFOX_EXTENSION_ORIGIN}/options.html#settings`);
    await expect.poll(() => firefox.evaluate<boolean>(`!!(${syncSwitch})`), { timeout: 15_000 }).toBe(true);
    expect(await firefox.evaluate<boolean>(`(${syncSwitch}).checked`)).toBe(false);
    await send({ type: 'setNote', port: 22, text: 'bastion only' });
    await firefox.evaluate(`(${syncSwitch}).click()`);
    await expect.poll(async () => Object.keys(await syncArea()), { timeout: 20_000 }).toEqual(['porthole.n.22']);
    expect((await syncArea())['porthole.n.22']).toMatchObject({ v: 1, data: { port: 22, text: 'bastion only' } });
  });

  it('applies another device’s note and deletion, marked on the details page and in options', async () => {
    await fromLaptop({
      'porthole.n.5432': { v: 1, t: later(1), dev: 'laptop', data: { port: 5432, text: 'primary database (from the laptop)' } },
      'porthole.n.22': { v: 1, t: later(1), dev: 'laptop', deleted: true },
    });
    await expect.poll(async () => (await notes()).map((n) => n.port), { timeout: 20_000 }).toEqual([5432]);
    expect((await notes())[0]!.changedElsewhere).toBeDefined();

    await firefox.navigate(`${FIREFOX_EXTENSION_ORIGIN}/details.html?port=5432`);
    const mark = () => firefox.evaluate<string | null>(`document.querySelector('form.note .badge-synced')?.textContent ?? null`);
    await expect.poll(mark, { timeout: 15_000 }).toMatch(/^Changed on another device /);
    expect(await firefox.evaluate<string>(`document.querySelector('form.note textarea').value`)).toBe('primary database (from the laptop)');

    await firefox.navigate(`${FIREFOX_EXTENSION_ORIGIN}/options.html#notes`);
    const list = () => firefox.evaluate<string>(`document.querySelector('[aria-label="Notes"]')?.textContent ?? ''`);
    await expect.poll(list, { timeout: 15_000 }).toContain('primary database (from the laptop)');
    expect(await list()).toMatch(/Changed on another device/);
  });
});
