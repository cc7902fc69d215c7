// The loader: the only script the manifest injects, into every frame. It stays
// a few KB (no Preact, no validation library, no detector) and decides, once
// the page has loaded, whether the frame needs Porthole at all: the site is not
// switched off, the frame is big enough and on screen, and its text holds
// something port-shaped. Only then does it load the scanner part, which loads
// the card part when a card is first wanted. A frame it skips keeps answering
// the shortcut, the context menu and "ports on this page": those load the
// parts on demand.
import { managedSitesOf } from '@/lib/managed-sites';
import { PAGE_MENTIONS_PORT, type FrameMentions } from '@/lib/messages';
import { isSiteListed } from '@/lib/sites';
import { extensionApi } from '@/utils/extension-api';
import type { Browser } from 'wxt/browser';
import { hasPortShapedText, isBigEnough, isTopFrame, watchForPortText, whenOnScreen } from './frame-check';
import { frameReport, newFrameKey } from './frame-report';
import { pageLoaded } from './page-ready';
import { loadPart, type ScannerHandle } from './parts';
import { isExplainShortcut } from './shortcut';

const internalError = (err: unknown) => ({ ok: false, error: { code: 'internal', message: String(err) } });

/** Resolves on the next `type` event of `target`, or when `signal` aborts. */
function nextEvent(target: { addEventListener: EventTarget['addEventListener'] }, type: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    target.addEventListener(type, () => resolve(), { once: true, signal });
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function nextSettingsChange(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      extensionApi.storage.onChanged.removeListener(done);
      resolve();
    };
    extensionApi.storage.onChanged.addListener(done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Sites switched off by the user or by the organisation's policy (settings are validated in full by the scanner part). */
async function disabledSites(): Promise<string[]> {
  const [local, managed] = await Promise.all([
    extensionApi.storage.local.get('settings') as Promise<{ settings?: { disabledSites?: unknown } }>,
    // Firefox rejects when no policy is installed.
    extensionApi.storage.managed.get('disabledSites').catch(() => ({})),
  ]);
  const own = local.settings?.disabledSites;
  return [...(Array.isArray(own) ? own.filter((s): s is string => typeof s === 'string') : []), ...managedSitesOf(managed).sites];
}

export function startLoader(signal: AbortSignal): void {
  let handle: Promise<ScannerHandle> | null = null;
  let ready: ScannerHandle | null = null;
  let contextPoint: { x: number; y: number } | null = null;
  const frameKey = newFrameKey();
  /** Stops the loader's own watching once the scanner part runs. */
  const waiting = new AbortController();
  signal.addEventListener('abort', () => waiting.abort(), { once: true });

  const startScanner = (): Promise<ScannerHandle> => {
    waiting.abort();
    handle ??= loadPart('scanner')
      .then((part) => part.start({ signal, contextPoint: () => contextPoint, frameKey }))
      .then((h) => (ready = h));
    handle.catch(() => (handle = null));
    return handle;
  };

  /**
   * This frame's mentions for "ports on this page". A frame skipped so far
   * (too small, off screen, or no port-shaped text yet) reads its text now
   * and loads the scanner only if something there is port-shaped.
   */
  const mentions = async (): Promise<FrameMentions> => {
    if (!handle && !isSiteListed(await disabledSites(), location.href) && (await hasPortShapedText([document.body ?? document.documentElement], signal))) {
      void startScanner();
    }
    return handle ? (await handle).mentions() : frameReport(frameKey, [], 0);
  };

  // Requests from the popup and the background. The scanner part answers them;
  // a skipped frame lists its mentions as above, and loads the parts for the rest.
  const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void): boolean => {
    if (sender.id !== extensionApi.runtime.id || typeof message !== 'object' || message === null) return false;
    const type = (message as { type?: unknown }).type;
    let reply: Promise<unknown> | undefined;
    if (ready) reply = ready.answer(message, sender);
    else if (handle) reply = handle.then((h) => h.answer(message, sender));
    // One answer per tab: the top frame's (every frame answers on PAGE_MENTIONS_PORT below).
    else if (type === 'pageMentions') reply = isTopFrame() ? mentions().then((value) => ({ ok: true, value })) : undefined;
    else if (type === 'explainSelection' || type === 'explainLink' || (type === 'explainAtCaret' && document.hasFocus())) reply = startScanner().then((h) => h.answer(message, sender));
    if (!reply) return false;
    reply.then(sendResponse, (err: unknown) => sendResponse(internalError(err)));
    return true;
  };
  extensionApi.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => extensionApi.runtime.onMessage.removeListener(onMessage), { once: true });

  // "Ports on this page" from every frame: the popup connects to the whole tab and each frame posts its own part.
  const onConnect = (port: Browser.runtime.Port) => {
    if (port.name !== PAGE_MENTIONS_PORT || port.sender?.id !== extensionApi.runtime.id) return;
    port.postMessage({ ok: true, value: { frame: frameKey, reading: true } });
    mentions()
      .then((value) => ({ ok: true, value }), internalError)
      .then((reply) => port.postMessage(reply))
      // The popup closed meanwhile.
      .catch(() => {});
  };
  extensionApi.runtime.onConnect.addListener(onConnect);
  signal.addEventListener('abort', () => extensionApi.runtime.onConnect.removeListener(onConnect), { once: true });

  // Where the context menu was opened: the card goes there for a link.
  window.addEventListener('contextmenu', (e) => (contextPoint = { x: e.clientX, y: e.clientY }), { capture: true, passive: true, signal });
  // The shortcut, answered in the page so it works wherever the page has focus.
  window.addEventListener(
    'keydown',
    (e) => {
      if (ready) {
        if (!ready.ownsEvent(e) && ready.onShortcut(e)) e.preventDefault();
        return;
      }
      // A skipped frame has no mentions to move between; explaining loads the parts.
      if (!isExplainShortcut(e)) return;
      e.preventDefault();
      void startScanner().then((h) => h.explainAtCaret());
    },
    { capture: true, signal },
  );

  void decide(waiting.signal, startScanner);
}

/** Waits for the page, then for each condition in turn; starts the scanner once all hold. */
async function decide(signal: AbortSignal, start: () => Promise<unknown>): Promise<void> {
  await pageLoaded(signal);
  while (!signal.aborted && isSiteListed(await disabledSites(), location.href)) await nextSettingsChange(signal);
  while (!signal.aborted && !isBigEnough()) await nextEvent(window, 'resize', signal);
  if (signal.aborted) return;
  await whenOnScreen(signal);
  if (signal.aborted) return;
  if (await hasPortShapedText([document.body ?? document.documentElement], signal)) {
    void start();
    return;
  }
  if (!signal.aborted) watchForPortText(signal, () => void start());
}
