// What the rest of the content script knows of the card, without the card
// itself: the card (Preact, Floating UI, PortCard) is its own part, loaded on
// the first hover intent or request (see parts.ts, lazy-card.ts).
import type { Exposure } from '@/lib/exposure';
import type { Settings } from '@/lib/settings';
import type { Protocol } from '@/lib/types';

export type CardOrigin = 'hover' | 'keyboard' | 'menu' | 'reveal';

export interface CardTarget {
  port: number;
  endPort?: number;
  protocol?: Protocol;
  /** Who can reach it, from the mention's text (read by the card part from `context`); ports opened from the card itself have none. */
  exposure?: Exposure;
  /**
   * The text the mention is in and its place there. The card part reads the
   * exposure from it, so the exposure reading loads with the card, not with
   * the scanner part.
   */
  context?: { text: string; mention: { start: number; end: number; host?: string } };
  /** The port is not in the text: a link's scheme (`https`) implies it, the link names none. */
  impliedBy?: string;
}

/** What the card is placed against: a Range, or a point turned into a box. */
export interface Anchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
}

export function pointAnchor(x: number, y: number): Anchor {
  const rect = new DOMRect(x, y, 0, 0);
  return { getBoundingClientRect: () => rect, getClientRects: () => [rect] };
}

export interface OpenRequest {
  anchor: Anchor;
  /** Ports to explain; empty means "no port found" (with `text` quoted). */
  targets: CardTarget[];
  origin: CardOrigin;
  text?: string;
  /** An element of the page near the anchor, for its colours. */
  themeFrom: Element | null;
}

export const HOST_TAG = 'porthole-ui';

export interface CardController {
  open(request: OpenRequest): void;
  close(): void;
  readonly isOpen: boolean;
  readonly origin: CardOrigin | null;
  /** Is the node Porthole's host (or inside it)? */
  isOwn(node: Node): boolean;
  /** Did the event happen inside the card? */
  contains(event: Event): boolean;
  /** The target shown, to tell whether a hover would change anything. */
  readonly current: CardTarget | null;
  readonly host: HTMLElement | null;
}

/** The card as the card part makes it. */
export interface CardPartController extends CardController {
  /**
   * Readies the first card while the frame is idle (card.tsx says how), so
   * that it opens as quickly as the later ones; stops once a card opens.
   */
  prepare(): Promise<void>;
}

export interface CardOptions {
  signal: AbortSignal;
  settings: () => Settings;
  /** Absent where the page has no site to switch off (file:, about:). */
  disableSite?: () => Promise<void>;
  /** Cards for the mentions on screen now, the first ones first (what `prepare` readies). */
  onScreen?: () => OpenRequest[];
}
