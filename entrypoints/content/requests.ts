// The content script's answers to requests from the popup and the background
// (tabs.sendMessage): the page's mentions, revealing one, and explaining a
// selection or what is at the caret. Replies use the protocol's envelope
// (lib/messages.ts); the shortcut pressed in the page uses `explainAtCaret` too.
import { findPortMentions } from '@/lib/detect';
import type { ContentHandlers, FrameMentions } from '@/lib/messages';
import { groupMentions } from '@/lib/page-mentions';
import { linkPortOf, portsInSelection, type SelectedPort } from '@/lib/selection-ports';
import { excerpt } from '@/lib/text-blocks';
import { pointAnchor, type Anchor, type CardController, type CardOrigin, type CardTarget } from './card-types';
import { frameReport } from './frame-report';
import { mentionAtNode } from './hit-test';
import type { MentionNav } from './mention-nav';
import type { Mention, PageTextScanner } from './scanner';

/** What the requests need of a running scan (none while the site is switched off). */
export interface ScanView {
  scanner: PageTextScanner;
  mentionAt: (x: number, y: number) => Mention | null;
  lastPoint: () => { x: number; y: number } | null;
}

export interface ContentRequestDeps {
  session: () => ScanView | null;
  card: CardController;
  openMention: (m: Mention, origin: CardOrigin) => void;
  /** Where the context menu was last opened (the card goes there for a link). */
  contextPoint: () => { x: number; y: number } | null;
  nav: MentionNav;
  /** This frame's key (FrameMentions.frame). */
  frameKey: string;
}

export function targetOf(m: { port: number; endPort?: number; protocol?: string }): SelectedPort {
  const t: SelectedPort = { port: m.port };
  if (m.endPort !== undefined && m.endPort !== m.port) t.endPort = m.endPort;
  if (m.protocol) t.protocol = m.protocol as SelectedPort['protocol'];
  return t;
}

/** A scanned mention as the card's target, with the text the card reads its exposure from. */
export function cardTargetOf(m: Mention): CardTarget {
  return { ...targetOf(m.mention), context: { text: m.block.block.text, mention: m.mention } };
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

  function explainText(text: string, origin: CardOrigin): boolean {
    const range = selectionRange();
    // The menu's selectionText has its whitespace collapsed: compare likewise.
    const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
    const inSelection = range && text.trim() && flat(range.toString()).includes(flat(text).slice(0, 50)) ? range : null;
    let targets = inSelection ? mentionsIn(inSelection) : [];
    if (targets.length === 0) targets = portsInSelection(text, findPortMentions);
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
  function explainLink(url: string): boolean {
    const link = linkPortOf(url);
    if (link.kind !== 'implied') return explainText(link.kind === 'explicit' ? url : '', 'menu');
    const point = deps.contextPoint();
    card.open({
      anchor: pointAnchor(point?.x ?? innerWidth / 2 - 180, point?.y ?? 80),
      targets: [{ port: link.port, impliedBy: link.scheme }],
      origin: 'menu',
      themeFrom: document.body,
    });
    return true;
  }

  function explainAtCaret(): boolean {
    const range = selectionRange();
    if (range && range.toString().trim()) return explainText(range.toString(), 'keyboard');
    const session = deps.session();
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

  async function pageMentions(): Promise<FrameMentions> {
    const session = deps.session();
    const found = [];
    if (session) {
      await session.scanner.whenIdle();
      for (const m of session.scanner.mentions()) {
        found.push({ ...targetOf(m.mention), sample: excerpt(m.block.block.text, m.mention.start, m.mention.end) });
      }
    }
    return frameReport(deps.frameKey, groupMentions(found), found.length);
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

  const isTop = window === window.top;
  const handlers: ContentHandlers = {
    pageMentions: () => (isTop ? pageMentions() : undefined),
    // In the frame the popup names, else in the top frame.
    revealMention: (r) => ((r.frame === undefined ? isTop : r.frame === deps.frameKey) ? reveal(r.port, r.endPort) : undefined),
    explainSelection: (r) => Promise.resolve(explainText(r.text, 'menu')),
    explainLink: (r) => Promise.resolve(explainLink(r.url)),
    // Only the focused frame answers the shortcut.
    explainAtCaret: () => (document.hasFocus() ? Promise.resolve(explainAtCaret()) : undefined),
    moveMention: (r) => (isTop ? deps.nav.move(r.direction) : undefined),
  };
  return { handlers, explainAtCaret, pageMentions };
}
