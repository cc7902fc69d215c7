// Wires the content script's parts together for one page and keeps them in
// step with the settings: a site switched off gets no scanning at all, and
// switching it back on starts again, without a reload.
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { findPortMentions } from '@/lib/detect';
import { mentionExposure } from '@/lib/exposure';
import { ContentRequestSchema, type ContentReplies, type ContentRequest } from '@/lib/messages';
import { groupMentions } from '@/lib/page-mentions';
import { portsInSelection, type SelectedPort } from '@/lib/selection-ports';
import { isSiteDisabled, siteOf, withSite, type Settings } from '@/lib/settings';
import { excerpt, type WalkOptions } from '@/lib/text-blocks';
import { loadSettings, saveSettings, watchSettings } from '@/utils/settings-store';
import highlightCss from './highlight.css?inline';
import { HOST_TAG, createCardController, pointAnchor, type Anchor, type CardController, type CardOrigin, type CardTarget } from './card';
import { createHighlighter, type Highlighter } from './highlighter';
import { createHitTester, mentionAtNode } from './hit-test';
import { watchHover } from './hover';
import { watchMutations } from './mutations';
import { pageLoaded } from './page-ready';
import { Scanner, type Mention } from './scanner';

/** The keyboard shortcut the content script answers itself (the manifest command sends the same request). */
export function isExplainShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyP';
}

interface Session {
  scanner: Scanner;
  highlighter: Highlighter;
  mentionAt: (x: number, y: number) => Mention | null;
  lastPoint: () => { x: number; y: number } | null;
  stop: () => void;
}

type ClosedRootApi = { dom?: { openOrClosedShadowRoot?: (el: Element) => ShadowRoot | null } };

function shadowRootOf(el: Element): ShadowRoot | null {
  if (el.shadowRoot) return el.shadowRoot;
  // Closed roots: custom elements are the usual hosts; ask the extension API.
  if (!el.localName.includes('-') || el.localName === HOST_TAG) return null;
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
  const skip = (el: Element) => el.localName === HOST_TAG;
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

  const scanner = new Scanner({ detect: findPortMentions, highlighter, walk, signal: local });
  const mutations = watchMutations({
    scanner,
    walk,
    isOwn: (node) => card.isOwn(node),
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

function targetOf(m: { port: number; endPort?: number; protocol?: string }): SelectedPort {
  const t: SelectedPort = { port: m.port };
  if (m.endPort !== undefined && m.endPort !== m.port) t.endPort = m.endPort;
  if (m.protocol) t.protocol = m.protocol as SelectedPort['protocol'];
  return t;
}

/** A scanned mention as the card's target, with the exposure its text gives. */
function cardTargetOf(m: Mention): CardTarget {
  const exposure = mentionExposure(m.block.block.text, m.mention);
  return { ...targetOf(m.mention), ...(exposure ? { exposure } : {}) };
}

function uniqueTargets(list: CardTarget[]): CardTarget[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const key = `${t.port}-${t.endPort ?? t.port}-${t.protocol ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function startPorthole(signal: AbortSignal): Promise<void> {
  await pageLoaded(signal);
  if (signal.aborted) return;
  let settings = await loadSettings();
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
    const off = isSiteDisabled(settings, location.href);
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
  signal.addEventListener('abort', () => {
    unwatch();
    session?.stop();
    session = null;
  }, { once: true });

  function selectionRange(): Range | null {
    const sel = getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    return sel.getRangeAt(0);
  }

  /** Scanned mentions inside a selection: they keep the page context (`port 22` selected as `22`). */
  function mentionsIn(range: Range): CardTarget[] {
    if (!session) return [];
    const found: { m: Mention; order: number }[] = [];
    let i = 0;
    for (const m of session.scanner.mentions()) {
      i++;
      try {
        if (m.range.compareBoundaryPoints(Range.END_TO_START, range) < 0 && m.range.compareBoundaryPoints(Range.START_TO_END, range) > 0) {
          found.push({ m, order: i });
        }
      } catch {
        /* a range in another tree (shadow root): not in this selection */
      }
    }
    found.sort((a, b) => a.m.range.compareBoundaryPoints(Range.START_TO_START, b.m.range));
    return found.map((f) => cardTargetOf(f.m));
  }

  function explainText(text: string, origin: CardOrigin): boolean {
    const range = selectionRange();
    // The menu's selectionText has its whitespace collapsed: compare likewise.
    const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
    const inSelection = range && text.trim() && flat(range.toString()).includes(flat(text).slice(0, 50)) ? range : null;
    let targets = inSelection ? mentionsIn(inSelection) : [];
    if (targets.length === 0) targets = portsInSelection(text, findPortMentions);
    targets = uniqueTargets(targets);
    const anchor: Anchor = inSelection ?? range ?? pointAnchor(contextPoint?.x ?? innerWidth / 2 - 180, contextPoint?.y ?? 80);
    const themeFrom = (inSelection ?? range)?.commonAncestorContainer ?? null;
    card.open({
      anchor,
      targets,
      origin,
      text,
      themeFrom: themeFrom instanceof Element ? themeFrom : (themeFrom?.parentElement ?? document.body),
    });
    return targets.length > 0;
  }

  function explainAtCaret(): boolean {
    const range = selectionRange();
    if (range && range.toString().trim()) return explainText(range.toString(), 'keyboard');
    const sel = getSelection();
    if (session && sel?.anchorNode) {
      const m = mentionAtNode(session.scanner, sel.anchorNode, sel.anchorOffset);
      if (m) {
        openMention(m, 'keyboard');
        return true;
      }
    }
    const point = session?.lastPoint();
    const m = point ? session?.mentionAt(point.x, point.y) : null;
    if (m) {
      openMention(m, 'keyboard');
      return true;
    }
    card.open({ anchor: pointAnchor(point?.x ?? innerWidth / 2 - 180, point?.y ?? 80), targets: [], origin: 'keyboard', text: '', themeFrom: document.body });
    return false;
  }

  async function pageMentions(): Promise<ContentReplies['pageMentions']> {
    const groups = [];
    let total = 0;
    if (session) {
      await session.scanner.whenIdle();
      const found = [];
      for (const m of session.scanner.mentions()) {
        found.push({ ...targetOf(m.mention), sample: excerpt(m.block.block.text, m.mention.start, m.mention.end) });
      }
      total = found.length;
      groups.push(...groupMentions(found));
    }
    return { url: location.href, title: document.title, groups, total };
  }

  async function reveal(port: number, endPort?: number): Promise<boolean> {
    if (!session) return false;
    const s = session;
    await s.scanner.whenIdle();
    const want = endPort ?? port;
    let best: Mention | null = null;
    for (const m of s.scanner.mentions()) {
      if (m.mention.port !== port || !m.range.startContainer.isConnected) continue;
      if ((m.mention.endPort ?? m.mention.port) === want) {
        best = m;
        break;
      }
      best ??= m;
    }
    if (!best) return false;
    const found = best;
    const el = found.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    openMention(found, 'reveal');
    return true;
  }

  // Requests from the popup and the background (tabs.sendMessage).
  const isTop = window === window.top;
  const onMessage = (message: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = v.safeParse(ContentRequestSchema, message);
    if (!parsed.success) return undefined;
    const request: ContentRequest = parsed.output;
    switch (request.type) {
      case 'pageMentions':
        return isTop ? pageMentions() : undefined;
      case 'revealMention':
        return isTop ? reveal(request.port, request.endPort) : undefined;
      case 'explainSelection':
        return Promise.resolve(explainText(request.text, 'menu'));
      case 'explainAtCaret':
        return document.hasFocus() ? Promise.resolve(explainAtCaret()) : undefined;
    }
  };
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
  // The shortcut, answered here so it works wherever the page has focus.
  window.addEventListener(
    'keydown',
    (e) => {
      if (!isExplainShortcut(e) || card.contains(e)) return;
      e.preventDefault();
      explainAtCaret();
    },
    { capture: true, signal },
  );
}
