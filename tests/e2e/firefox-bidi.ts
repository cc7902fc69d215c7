// Drives Debian's Firefox ESR over WebDriver BiDi (built into Firefox, no
// geckodriver): installs the built Firefox extension temporarily, navigates,
// evaluates page script and moves the real pointer.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');

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

export interface FirefoxSession {
  context: string;
  navigate: (url: string) => Promise<void>;
  /** Evaluates an expression in the page; returns its JSON-serialised value. */
  evaluate: <T>(expression: string) => Promise<T>;
  pointerMove: (x: number, y: number) => Promise<void>;
  close: () => Promise<void>;
}

export async function launchFirefoxWithExtension(binary: string): Promise<FirefoxSession> {
  const profile = mkdtempSync(join(tmpdir(), 'porthole-ff-'));
  // No updates, telemetry or first-run pages: the machine has no network.
  writeFileSync(
    join(profile, 'user.js'),
    ['remote.prefs.recommended', 'browser.shell.checkDefaultBrowser', 'datareporting.policy.dataSubmissionEnabled', 'app.update.enabled', 'browser.aboutwelcome.enabled']
      .map((p, i) => `user_pref("${p}", ${i === 0});`)
      .join('\n'),
  );
  const firefox: ChildProcess = spawn(binary, ['--headless', '--remote-debugging-port=0', '--profile', profile, '--no-remote'], {
    env: { ...process.env, MOZ_HEADLESS: '1' },
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
  const context = tree.contexts[0]!.context;

  return {
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
    close: async () => {
      socket.close();
      firefox.kill();
      await new Promise((r) => setTimeout(r, 300));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
