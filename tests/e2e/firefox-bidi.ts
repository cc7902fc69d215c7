// Drives Debian's Firefox ESR over WebDriver BiDi (built into Firefox, no
// geckodriver): installs the built Firefox extension temporarily, navigates,
// evaluates page script and moves the real pointer.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');

/** Porthole's id in the Firefox build (wxt.config.ts) and the fixed internal UUID the tests give it, so its pages have a known address. */
const EXTENSION_ID = 'porthole@porthole.dev';
const EXTENSION_UUID = '6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export function firefoxPath(): string | null {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  return existsSync(path) ? path : null;
}

interface BidiReply {
  type: 'success' | 'error';
  id: number;
  result?: Record<string, unknown>;
  error?: string;
  message?: string;
}

/** One tab of the session. */
export interface FirefoxTab {
  context: string;
  navigate: (url: string) => Promise<void>;
  /** Evaluates an expression in the page; returns its JSON-serialised value. */
  evaluate: <T>(expression: string) => Promise<T>;
  pointerMove: (x: number, y: number) => Promise<void>;
  /** Presses the keys together (`['\uE00A', '\uE008', 'P']` is Alt+Shift+P) and lets them go in reverse order. */
  press: (keys: string[]) => Promise<void>;
}

/** The first tab, and a way to open more (an extension page beside a web page, say). */
export interface FirefoxSession extends FirefoxTab {
  openTab: () => Promise<FirefoxTab>;
  /** Runs this function's source in every frame of every later page before the page's own scripts (BiDi script.addPreloadScript). */
  addPreloadScript: (functionDeclaration: string) => Promise<void>;
  close: () => Promise<void>;
}

export const ALT = '\uE00A';
export const SHIFT = '\uE008';

export interface FirefoxOptions {
  /**
   * Firefox's UI language (`de`, `ar`): requested through `intl.locale.requested`
   * and `LANG`/`LANGUAGE`; Firefox uses it when its language pack is installed
   * (Debian: firefox-esr-l10n-<lang>), and so do extensions' messages.
   */
  lang?: string;
}

/** Whether Firefox can show `lang` (its language pack is installed beside it). */
export function firefoxHasLanguage(binary: string, lang: string): boolean {
  const extensions = join(dirname(realpathSync(binary)), 'browser', 'extensions');
  return existsSync(extensions) && readdirSync(extensions).some((f) => f.startsWith(`langpack-${lang}@`));
}

export async function launchFirefoxWithExtension(binary: string, options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const profile = mkdtempSync(join(tmpdir(), 'porthole-ff-'));
  // No updates, telemetry or first-run pages: the machine has no network.
  const prefs: [string, boolean | string][] = [
    ['remote.prefs.recommended', true],
    ['browser.shell.checkDefaultBrowser', false],
    ['datareporting.policy.dataSubmissionEnabled', false],
    ['app.update.enabled', false],
    ['browser.aboutwelcome.enabled', false],
    ['extensions.webextensions.uuids', JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID })],
    ...(options.lang ? ([['intl.locale.requested', options.lang]] as [string, string][]) : []),
  ];
  writeFileSync(join(profile, 'user.js'), prefs.map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`).join('\n'));
  // System access lets BiDi navigate to Porthole's own moz-extension:// pages (popup, options).
  const firefox: ChildProcess = spawn(binary, ['--headless', '--remote-debugging-port=0', '--remote-allow-system-access', '--profile', profile, '--no-remote'], {
    env: { ...process.env, MOZ_HEADLESS: '1', ...(options.lang ? { LANG: `${options.lang}.UTF-8`, LANGUAGE: options.lang } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const endpoint = await new Promise<string>((resolveUrl, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start BiDi:\n${log}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    };
    firefox.stdout?.on('data', onData);
    firefox.stderr?.on('data', onData);
    firefox.once('exit', (code) => reject(new Error(`Firefox exited (${code}):\n${log}`)));
  });

  const socket = new WebSocket(`${endpoint}/session`);
  await new Promise((r, j) => {
    socket.addEventListener('open', r, { once: true });
    socket.addEventListener('error', j, { once: true });
  });
  let nextId = 0;
  const pending = new Map<number, (reply: BidiReply) => void>();
  socket.addEventListener('message', (event) => {
    const reply = JSON.parse(String(event.data)) as BidiReply;
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  const send = async (method: string, params: object): Promise<Record<string, unknown>> => {
    const id = ++nextId;
    const reply = await new Promise<BidiReply>((r) => {
      pending.set(id, r);
      socket.send(JSON.stringify({ id, method, params }));
    });
    if (reply.type !== 'success') throw new Error(`${method}: ${reply.error}: ${reply.message}`);
    return reply.result ?? {};
  };

  await send('session.new', { capabilities: {} });
  await send('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_EXTENSION_DIR } });
  const tree = (await send('browsingContext.getTree', {})) as { contexts: { context: string }[] };

  const tab = (context: string): FirefoxTab => ({
    context,
    navigate: async (url) => {
      await send('browsingContext.navigate', { context, url, wait: 'complete' });
    },
    evaluate: async <T>(expression: string) => {
      const result = (await send('script.evaluate', {
        expression: `(async () => JSON.stringify(await (${expression})))()`,
        target: { context },
        awaitPromise: true,
      })) as { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
      if (result.type === 'exception') throw new Error(result.exceptionDetails?.text ?? 'script error');
      const value = result.result?.value;
      return (value === undefined ? undefined : JSON.parse(value)) as T;
    },
    pointerMove: async (x, y) => {
      await send('input.performActions', {
        context,
        actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 }] }],
      });
    },
    press: async (keys) => {
      const down = keys.map((value) => ({ type: 'keyDown', value }));
      const up = [...keys].reverse().map((value) => ({ type: 'keyUp', value }));
      await send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }] });
    },
  });

  return {
    ...tab(tree.contexts[0]!.context),
    openTab: async () => tab(((await send('browsingContext.create', { type: 'tab' })) as { context: string }).context),
    addPreloadScript: async (functionDeclaration) => {
      await send('script.addPreloadScript', { functionDeclaration });
    },
    close: async () => {
      socket.close();
      firefox.kill();
      await new Promise((r) => setTimeout(r, 300));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Moves the pointer onto the first `text` in the first text node of the
 * element #id, coming from below left as a hand would, to open its card.
 */
export async function hoverText(firefox: FirefoxTab, id: string, text: string): Promise<void> {
  const rect = await firefox.evaluate<{ x: number; y: number }>(`(() => {
    const node = document.getElementById(${JSON.stringify(id)}).firstChild;
    const at = node.data.indexOf(${JSON.stringify(text)});
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + ${text.length});
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  })()`);
  await firefox.pointerMove(rect.x - 40, rect.y + 40);
  await firefox.pointerMove(rect.x, rect.y);
}
