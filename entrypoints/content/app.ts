// Wires the content script's parts together for one page and keeps them in
// step with the settings: a site switched off gets no scanning at all, and
// switching it back on starts again, without a reload.
import { browser } from 'wxt/browser';
import { findPortMentions } from '@/lib/detect';
import { handleContentMessage } from '@/lib/messages';
import { isSiteDisabled, siteOf, withSite, type Settings } from '@/lib/settings';
import type { WalkOptions } from '@/lib/text-blocks';
import { loadManagedSites, loadSettings, saveSettings, watchManagedSites, watchSettings } from '@/utils/settings-store';
import highlightCss from './highlight.css?inline';
import { HOST_TAG, createCardController, type CardController, type CardOrigin } from './card';
import { createHighlighter, type Highlighter } from './highlighter';
import { createHitTester } from './hit-test';
import { watchHover } from './hover';
import { watchMutations } from './mutations';
import { pageLoaded } from './page-ready';
import { NAV_HOST_TAG, createMentionNav, moveShortcutOf } from './mention-nav';
import { cardTargetOf, createContentRequests, type ScanView } from './requests';
import { PageTextScanner, type Mention } from './scanner';

/** The keyboard shortcut the content script answers itself (the manifest command sends the same request). */
export function isExplainShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyP';
}

interface Session extends ScanView {
  highlighter: Highlighter;
  stop: () => void;
}

type ClosedRootApi = { dom?: { openOrClosedShadowRoot?: (el: Element) => ShadowRoot | null } };

/** Porthole's own hosts (the card's and the keyboard ring's): never scanned. */
const isPortholeHost = (el: Element): boolean => el.localName === HOST_TAG || el.localName === NAV_HOST_TAG;

function insidePorthole(node: Node): boolean {
  if (node instanceof Element && isPortholeHost(node)) return true;
  const root = node.getRootNode();
  return root instanceof ShadowRoot && isPortholeHost(root.host);
}

function shadowRootOf(el: Element): ShadowRoot | null {
  if (isPortholeHost(el)) return null;
  if (el.shadowRoot) return el.shadowRoot;
  // Closed roots: custom elements are the usual hosts; ask the extension API.
  if (!el.localName.includes('-')) return null;
  try {
    const api = (globalThis as unknown as { chrome?: ClosedRootApi }).chrome?.dom;
    if (api?.openOrClosedShadowRoot) return api.openOrClosedShadowRoot(el);
    const ff = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
    return ff ?? null;
  } catch {
    return null;
  }
}

function startSession(signal: AbortSignal, settings: () => Settings, card: CardController, openMention: (m: Mention, origin: CardOrigin) => void): Session {
  const controller = new AbortController();
  const stopAll = () => controller.abort();
  signal.addEventListener('abort', stopAll, { once: true });
  const local = controller.signal;

  const highlighter = createHighlighter(settings().underline);
  const shadowRoots: ShadowRoot[] = [];
  const skip = isPortholeHost;
  const adoptSheet = import.meta.env.FIREFOX ? makeSheet() : null;

  // Mutation watching needs the walk options and the walk reports shadow roots to it.
  let observeRoot: (root: Node) => void = () => {};
  const walk: WalkOptions = {
    shadowRootOf,
    skip,
    onShadowRoot(root) {
      if (!shadowRoots.includes(root)) {
        shadowRoots.push(root);
        observeRoot(root);
        // Firefox does not apply the document's ::highlight styles in shadow roots.
        if (adoptSheet) {
          try {
            if (!root.adoptedStyleSheets.includes(adoptSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, adoptSheet];
          } catch {
            /* a page's frozen array or an Xray wrapper: no underline there */
          }
        }
      }
    },
    isInline: (el) => {
      const d = getComputedStyle(el).display;
      return d.startsWith('inline') || d === 'contents';
    },
    isPreformatted: (el) => {
      const ws = getComputedStyle(el).whiteSpace;
      return ws.startsWith('pre') || ws === 'break-spaces';
    },
  };

  const scanner = new PageTextScanner({ detect: findPortMentions, highlighter, walk, signal: local });
  const mutations = watchMutations({
    scanner,
    walk,
    isOwn: (node) => card.isOwn(node) || insidePorthole(node),
    skip,
    rescanAll: () => {
      scanner.reset();
      scanner.scan(document);
    },
    signal: local,
  });
  observeRoot = (root) => mutations.observe(root);
  mutations.observe(document);
  scanner.scan(document);

  const hit = createHitTester(scanner, () => highlighter.highlight, () => shadowRoots);
  const hover = watchHover({
    signal: local,
    card,
    mentionAt: hit.mentionAt,
    hoverDelay: () => settings().hoverDelayMs,
    open: (m) => openMention(m, 'hover'),
  });

  local.addEventListener('abort', () => highlighter.dispose(), { once: true });
  return {
    scanner,
    highlighter,
    mentionAt: hit.mentionAt,
    lastPoint: hover.lastPoint,
    stop: () => {
      stopAll();
      signal.removeEventListener('abort', stopAll);
    },
  };
}

function makeSheet(): CSSStyleSheet | null {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss);
    return sheet;
  } catch {
    return null;
  }
}

export async function startPorthole(signal: AbortSignal): Promise<void> {
  await pageLoaded(signal);
  if (signal.aborted) return;
  let [settings, managedSites] = await Promise.all([loadSettings(), loadManagedSites()]);
  if (signal.aborted) return;
  let session: Session | null = null;
  let contextPoint: { x: number; y: number } | null = null;
  const site = siteOf(location.href);

  const card = createCardController({
    signal,
    settings: () => settings,
    ...(site
      ? {
          disableSite: async () => {
            const fresh = await loadSettings();
            await saveSettings(withSite(fresh, site, false));
          },
        }
      : {}),
  });

  const openMention = (m: Mention, origin: CardOrigin) => {
    card.open({
      anchor: m.range,
      targets: [cardTargetOf(m)],
      origin,
      themeFrom: m.range.startContainer.parentElement,
    });
  };

  function apply(next: Settings): void {
    settings = next;
    const off = isSiteDisabled(settings, location.href, managedSites);
    if (off) {
      session?.stop();
      session = null;
      card.close();
    } else if (!session) {
      session = startSession(signal, () => settings, card, openMention);
    } else {
      session.highlighter.setUnderline(settings.underline);
    }
  }
  apply(settings);
  const unwatch = watchSettings(apply);
  const unwatchManaged = watchManagedSites((sites) => {
    managedSites = sites;
    apply(settings);
  });
  signal.addEventListener('abort', () => {
    unwatch();
    unwatchManaged();
    session?.stop();
    session = null;
  }, { once: true });

  const nav = createMentionNav({
    signal,
    mentions: async () => {
      const scanner = session?.scanner;
      if (!scanner) return [];
      await scanner.whenIdle();
      return scanner.mentions();
    },
    card,
    openMention,
  });
  const requests = createContentRequests({ session: () => session, card, openMention, contextPoint: () => contextPoint, nav });
  // Requests from the popup and the background (tabs.sendMessage), answered in the protocol's envelope.
  const onMessage = (message: unknown, sender: { id?: string }) => handleContentMessage(requests.handlers, message, sender, browser.runtime.id);
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });

  // Where the context menu was opened: the card goes there for a link.
  window.addEventListener(
    'contextmenu',
    (e) => {
      contextPoint = { x: e.clientX, y: e.clientY };
    },
    { capture: true, passive: true, signal },
  );
  // The shortcuts (explain, next/previous mention), answered here so they work wherever the page has focus.
  window.addEventListener(
    'keydown',
    (e) => {
      if (card.contains(e)) return;
      const direction = moveShortcutOf(e);
      if (direction) {
        e.preventDefault();
        void nav.move(direction);
      } else if (isExplainShortcut(e)) {
        e.preventDefault();
        requests.explainAtCaret();
      }
    },
    { capture: true, signal },
  );
}
