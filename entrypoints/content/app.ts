// The scanner part's entry: wires scanning, marking, hit-testing and hover
// together for one frame and keeps them in step with the settings — a site
// switched off gets no scanning at all, and switching it back on starts again,
// without a reload. The loader (loader.ts) starts it and routes requests here.
import { isSiteDisabled, siteOf, withSite, type Settings } from '@/lib/settings';
import type { WalkOptions } from '@/lib/text-blocks';
import { loadManagedSites, loadSettings, saveSettings, watchManagedSites, watchSettings } from '@/utils/settings-store';
import highlightCss from '../highlight.css?inline';
import { HOST_TAG, type CardOrigin, type OpenRequest } from './card-types';
import { createHighlighter, type Highlighter } from './highlighter';
import { createHitTester, mentionAtNode } from './hit-test';
import { watchHover } from './hover';
import { watchMutations } from './mutations';
import type { MentionNav } from './mention-nav';
import { NAV_HOST_TAG, moveShortcutOf, type NavDirection } from './nav-keys';
import { extensionApi } from '@/utils/extension-api';
import { detectInBackground } from './background-detect';
import { createLazyCard, type LazyCard } from './lazy-card';
import { loadPart, type ScannerHandle, type ScannerStart } from './parts';
import { isExplainShortcut } from './shortcut';
import { cardTargetOf, frameMentions, mentionsOnScreen } from './frame-mentions';
import { answersHere } from './request-route';
import type { ContentRequests, ScanView } from './requests';
import { PageTextScanner, type Mention } from './scanner';

/** The mentions on screen whose cards are readied at idle (CardPartController.prepare). */
const READY_ON_SCREEN = 12;

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

function startSession(signal: AbortSignal, settings: () => Settings, card: LazyCard, openMention: (m: Mention, origin: CardOrigin) => void): Session {
  const controller = new AbortController();
  const stopAll = () => controller.abort();
  signal.addEventListener('abort', stopAll, { once: true });
  const local = controller.signal;

  const highlighter = createHighlighter(settings().underline);
  const shadowRoots: ShadowRoot[] = [];
  const skip = isPortholeHost;
  const adoptSheet = import.meta.env.FIREFOX ? makeSheet() : null;

  // Asked of few elements (digits inside code), but again on every rescan of their block.
  const unselectable = new WeakMap<Element, boolean>();
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
    isUnselectable: (el) => {
      let none = unselectable.get(el);
      if (none === undefined) {
        const style = getComputedStyle(el);
        none = (style.userSelect || style.webkitUserSelect) === 'none';
        unselectable.set(el, none);
      }
      return none;
    },
  };

  const scanner = new PageTextScanner({
    detect: detectInBackground,
    highlighter,
    walk,
    signal: local,
    // A frame with a mention will likely be hovered: have the card ready before that.
    onFirstMention: () => card.preloadAtIdle(local),
  });
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
    mentionAt: (x, y) => {
      const m = hit.mentionAt(x, y);
      // A hover intent before the idle load (preloadAtIdle) loads the card now, while the hover delay runs.
      if (m) card.preload();
      return m;
    },
    hoverDelay: () => settings().hoverDelayMs,
    open: (m) => openMention(m, 'hover'),
  });

  local.addEventListener('abort', () => highlighter.dispose(), { once: true });
  return {
    scanner,
    highlighter,
    mentionAt: hit.mentionAt,
    mentionAtCaret: (node, offset) => mentionAtNode(scanner, node, offset),
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

export async function startPorthole({ signal, contextPoint, frameKey }: ScannerStart): Promise<ScannerHandle> {
  let [settings, managedSites] = await Promise.all([loadSettings(), loadManagedSites()]);
  let session: Session | null = null;
  const site = siteOf(location.href);

  const requestOf = (m: Mention, origin: CardOrigin): OpenRequest => ({
    anchor: m.range,
    targets: [cardTargetOf(m)],
    origin,
    themeFrom: m.range.startContainer.parentElement,
  });
  const card = createLazyCard({
    signal,
    settings: () => settings,
    onScreen: () => (session ? mentionsOnScreen(session.scanner, session.highlighter.ranges, READY_ON_SCREEN).map((m) => requestOf(m, 'hover')) : []),
    ...(site
      ? {
          disableSite: async () => {
            const fresh = await loadSettings();
            await saveSettings(withSite(fresh, site, false));
          },
        }
      : {}),
  });

  const openMention = (m: Mention, origin: CardOrigin) => card.open(requestOf(m, origin));

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

  // Keyboard navigation between mentions comes with the card part, on the first move.
  let navPart: Promise<MentionNav> | null = null;
  const nav: MentionNav = {
    move(direction: NavDirection) {
      navPart ??= loadPart('card').then((part) =>
        part.createMentionNav({
          signal,
          mentions: async () => {
            const scanner = session?.scanner;
            if (!scanner) return [];
            await scanner.whenIdle();
            return scanner.mentions();
          },
          card,
          openMention,
        }),
      );
      navPart.catch(() => (navPart = null));
      return navPart.then((n) => n.move(direction));
    },
  };
  // The popup's and the context menu's requests are answered by the card part
  // (each opens a card); only the list of mentions is answered here.
  const pageMentions = () => frameMentions(session?.scanner ?? null, frameKey);
  let requestsPart: Promise<ContentRequests> | null = null;
  const requests = (): Promise<ContentRequests> => {
    requestsPart ??= loadPart('card').then((part) =>
      part.createContentRequests({ session: () => session, card, openMention, contextPoint, nav, detect: async (text) => (await detectInBackground([text]))?.[0] ?? [], pageMentions, ownId: extensionApi.runtime.id }),
    );
    requestsPart.catch(() => (requestsPart = null));
    return requestsPart;
  };
  const explainAtCaret = () => requests().then((r) => r.explainAtCaret());
  return {
    answer: (message, sender) => {
      if (typeof message !== 'object' || message === null || !answersHere(message, frameKey)) return undefined;
      if ((message as { type: unknown }).type === 'pageMentions') return pageMentions().then((value) => ({ ok: true, value }));
      return requests().then((r) => r.answer(message, sender));
    },
    ownsEvent: (event) => card.contains(event),
    explainAtCaret,
    mentions: pageMentions,
    // The shortcuts (explain, next/previous mention), answered in the page so they work wherever it has focus.
    onShortcut: (e) => {
      const direction = moveShortcutOf(e);
      if (direction) void nav.move(direction);
      else if (isExplainShortcut(e)) void explainAtCaret();
      else return false;
      return true;
    },
  };
}
