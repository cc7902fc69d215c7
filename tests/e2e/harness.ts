/// <reference types="chrome" />
// Launches Debian's Chromium with the built extension loaded, for real-browser
// tests. Playwright never downloads a browser here.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Opens one of the extension's pages, e.g. `popup.html`. */
  openExtensionPage: (path: string) => Promise<Page>;
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
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<Launched> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'porthole-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
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
    close: async () => {
      await context.close();
      if (!options.keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Sends one protocol message to the background from an extension page. */
export async function sendFromPage<T>(page: Page, message: unknown): Promise<T> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;
}
