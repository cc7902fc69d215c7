/// <reference types="chrome" />
// Launches Debian's Chromium with the built extension loaded, for real-browser
// tests. Playwright never downloads a browser here.
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Opens one of the extension's pages, e.g. `popup.html`. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** Replaces the organisation's policy for Porthole (launches with `policy` only). */
  setPolicy: (policy: unknown) => void;
  close: () => Promise<void>;
}

/** A fresh profile directory for launches that share one (see LaunchOptions). */
export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'porthole-e2e-'));
}

export function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: install Debian's chromium or set CHROME_PATH.`);
  return path;
}

export interface LaunchOptions {
  /** Reuse this profile directory (e.g. to relaunch the browser and find the same data). */
  profileDir?: string;
  /** Leave the profile on disk when closing, so a later launch can reuse it. */
  keepProfile?: boolean;
  /**
   * Porthole's managed storage, as an administrator's Chrome policy file sets
   * it (`3rdparty.extensions.<id>`). Chromium then reads a policy directory
   * of this launch's own (tests/e2e/chromium-with-policy.sh).
   */
  policy?: unknown;
  /**
   * The browser's UI language (`de`, `ja`, `ar`): `--lang` and, on Linux,
   * `LANGUAGE` make chrome.i18n answer from that locale.
   */
  lang?: string;
}

/** Chromium's id for an unpacked extension: derived from its absolute path. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

/** A policy directory laid out as /etc/chromium is: policies/managed/*.json. */
function policyRoot(): { root: string; write: (policy: unknown) => void } {
  const root = mkdtempSync(join(tmpdir(), 'porthole-policy-'));
  mkdirSync(join(root, 'policies', 'managed'), { recursive: true });
  const id = unpackedExtensionId(EXTENSION_DIR);
  return {
    root,
    write: (policy) => writeFileSync(join(root, 'policies', 'managed', 'porthole.json'), JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } })),
  };
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<Launched> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'porthole-e2e-'));
  const policy = options.policy !== undefined ? policyRoot() : undefined;
  policy?.write(options.policy);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: policy ? resolve(import.meta.dirname, 'chromium-with-policy.sh') : chromiumPath(),
    ...(policy || options.lang
      ? {
          env: {
            ...process.env,
            ...(policy ? { PORTHOLE_POLICY_ROOT: policy.root, PORTHOLE_CHROMIUM: chromiumPath() } : {}),
            ...(options.lang ? { LANGUAGE: options.lang } : {}),
          },
        }
      : {}),
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    openExtensionPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    setPolicy: (next) => {
      if (!policy) throw new Error('setPolicy needs a launch with a policy.');
      policy.write(next);
    },
    close: async () => {
      await context.close();
      if (!options.keepProfile) rmSync(profile, { recursive: true, force: true });
      if (policy) rmSync(policy.root, { recursive: true, force: true });
    },
  };
}

/** Sends one protocol message to the background from an extension page. */
export async function sendFromPage<T>(page: Page, message: unknown): Promise<T> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;
}

/** The extension's service-worker versions as CDP reports them: running status, and how many times one started. */
export interface WorkerWatch {
  statuses: () => string[];
  starts: () => number;
}

/** Follows the extension's service worker through a CDP session (of any page of the browser). */
export async function watchWorker(cdp: CDPSession, extensionId: string): Promise<WorkerWatch> {
  const versions = new Map<string, string>();
  let starts = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: list }) => {
    for (const v of list) {
      if (!v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
      if (v.runningStatus === 'starting' && versions.get(v.versionId) !== 'starting') starts++;
      versions.set(v.versionId, v.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  return { statuses: () => [...versions.values()], starts: () => starts };
}

/**
 * Stops the extension's service worker (as Chrome does when it is idle) and
 * waits until CDP reports every version of it stopped, asking again every 2 s
 * (on a loaded machine a stop is sometimes not taken).
 */
export async function stopWorker(cdp: CDPSession, watch: WorkerWatch): Promise<void> {
  const until = Date.now() + 15_000;
  let askedAt = 0;
  while (watch.statuses().length === 0 || !watch.statuses().every((s) => s === 'stopped')) {
    if (Date.now() > until) throw new Error(`service worker did not stop: ${watch.statuses().join(', ') || 'no version seen'}`);
    if (Date.now() - askedAt > 2000) {
      askedAt = Date.now();
      await cdp.send('ServiceWorker.stopAllWorkers');
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}
