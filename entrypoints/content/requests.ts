// The content script's answers to requests from the popup and the background
// (tabs.sendMessage): revealing a mention, explaining a selection, a link or
// what is at the caret, moving between mentions. They live in the card part:
// every one of them opens a card, and the requests' validation stays out of
// the scanner part. The scanner part decides which frame answers
// (request-route.ts) and lists the frame's mentions itself (frame-mentions.ts).
// Replies use the protocol's envelope (lib/messages.ts); the shortcut pressed
// in the page uses `explainAtCaret` too.
import type { PortMention } from '@/lib/detect/types';
import { handleContentMessage, type ContentHandlers, type FrameMentions, type Reply } from '@/lib/messages';
import { linkPortOf, portsInSelection } from '@/lib/selection-ports';
import { pointAnchor, type Anchor, type CardController, type CardOrigin, type CardTarget } from './card-types';
import { cardTargetOf } from './frame-mentions';
import type { MentionNav } from './mention-nav';
import type { Mention, PageTextScanner } from './scanner';

/** What the requests need of a running scan (none while the site is switched off). */
export interface ScanView {
  scanner: PageTextScanner;
  mentionAt: (x: number, y: number) => Mention | null;
  /** The mention holding a caret position (node, offset), ends included. */
  mentionAtCaret: (node: Node, offset: number) => Mention | null;
  lastPoint: () => { x: number; y: number } | null;
}

export interface ContentRequestDeps {
  session: () => ScanView | null;
  card: CardController;
  openMention: (m: Mention, origin: CardOrigin) => void;
  /** Where the context menu was last opened (the card goes there for a link). */
  contextPoint: () => { x: number; y: number } | null;
  nav: MentionNav;
  /** The detector (the background's, as the scanner part uses it), for selected text no scan has read. */
  detect: (text: string) => Promise<PortMention[]>;
  /** The frame's answer to "ports on this page" (frame-mentions.ts). */
  pageMentions: () => Promise<FrameMentions>;
  /** The extension's id: requests from anyone else are refused. */
  ownId: string;
}

const INVALID: Reply<never> = { ok: false, error: { code: 'invalid-request', message: 'Not a request Porthole’s content script answers.' } };

function uniqueTargets(list: CardTarget[]): CardTarget[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const key = `${t.port}-${t.endPort ?? t.port}-${t.protocol ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function selectionRange(): Range | null {
  const sel = getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  return sel.getRangeAt(0);
}

export function createContentRequests(deps: ContentRequestDeps) {
  const { card, openMention } = deps;

  /** Scanned mentions inside a selection: they keep the page context (`port 22` selected as `22`). */
  function mentionsIn(range: Range): CardTarget[] {
    const session = deps.session();
    if (!session) return [];
    const found: Mention[] = [];
    for (const m of session.scanner.mentions()) {
      try {
        if (m.range.compareBoundaryPoints(Range.END_TO_START, range) < 0 && m.range.compareBoundaryPoints(Range.START_TO_END, range) > 0) found.push(m);
      } catch {
        /* a range in another tree (shadow root): not in this selection */
      }
    }
    found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return found.map(cardTargetOf);
  }

  async function explainText(text: string, origin: CardOrigin): Promise<boolean> {
    const range = selectionRange();
    // The menu's selectionText has its whitespace collapsed: compare likewise.
    const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
    const inSelection = range && text.trim() && flat(range.toString()).includes(flat(text).slice(0, 50)) ? range : null;
    let targets = inSelection ? mentionsIn(inSelection) : [];
    if (targets.length === 0) targets = portsInSelection(text, await deps.detect(text));
    targets = uniqueTargets(targets);
    const point = deps.contextPoint();
    const anchor: Anchor = inSelection ?? range ?? pointAnchor(point?.x ?? innerWidth / 2 - 180, point?.y ?? 80);
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

  /** A link from the context menu: the port it names, else the one its scheme implies (the card says the link names none). */
  function explainLink(url: string): Promise<boolean> {
    const link = linkPortOf(url);
    if (link.kind !== 'implied') return explainText(link.kind === 'explicit' ? url : '', 'menu');
    const point = deps.contextPoint();
    card.open({
      anchor: pointAnchor(point?.x ?? innerWidth / 2 - 180, point?.y ?? 80),
      targets: [{ port: link.port, impliedBy: link.scheme }],
      origin: 'menu',
      themeFrom: document.body,
    });
    return Promise.resolve(true);
  }

  function explainAtCaret(): Promise<boolean> {
    const range = selectionRange();
    if (range && range.toString().trim()) return explainText(range.toString(), 'keyboard');
    const session = deps.session();
    const sel = getSelection();
    if (session && sel?.anchorNode) {
      const m = session.mentionAtCaret(sel.anchorNode, sel.anchorOffset);
      if (m) {
        openMention(m, 'keyboard');
        return Promise.resolve(true);
      }
    }
    const point = session?.lastPoint();
    const m = point ? session?.mentionAt(point.x, point.y) : null;
    if (m) {
      openMention(m, 'keyboard');
      return Promise.resolve(true);
    }
    card.open({ anchor: pointAnchor(point?.x ?? innerWidth / 2 - 180, point?.y ?? 80), targets: [], origin: 'keyboard', text: '', themeFrom: document.body });
    return Promise.resolve(false);
  }

  async function reveal(port: number, endPort?: number): Promise<boolean> {
    const session = deps.session();
    if (!session) return false;
    await session.scanner.whenIdle();
    const want = endPort ?? port;
    let best: Mention | null = null;
    for (const m of session.scanner.mentions()) {
      if (m.mention.port !== port || !m.range.startContainer.isConnected) continue;
      if ((m.mention.endPort ?? m.mention.port) === want) {
        best = m;
        break;
      }
      best ??= m;
    }
    if (!best) return false;
    const found = best;
    found.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    openMention(found, 'reveal');
    return true;
  }

  // Which frame answers was decided before this part loaded (request-route.ts).
  const handlers: ContentHandlers = {
    pageMentions: () => deps.pageMentions(),
    revealMention: (r) => reveal(r.port, r.endPort),
    explainSelection: (r) => explainText(r.text, 'menu'),
    explainLink: (r) => explainLink(r.url),
    explainAtCaret: () => explainAtCaret(),
    moveMention: (r) => deps.nav.move(r.direction),
  };
  return {
    /** Validates a request routed to this frame and answers it in the envelope. */
    answer: (message: unknown, sender: { id?: string }): Promise<Reply<unknown>> => handleContentMessage(handlers, message, sender, deps.ownId) ?? Promise.resolve(INVALID),
    explainAtCaret,
  };
}

export type ContentRequests = ReturnType<typeof createContentRequests>;
