// Keyboard and screen-reader access to the page's mentions, which CSS
// highlights keep out of the accessibility tree: next/previous (shortcuts)
// moves a focus ring to a mention, scrolls it into view and announces it
// ("Port 5432, PostgreSQL, 3 of 41") in a live region inside Porthole's own
// shadow root; Enter opens its card. Nothing is added to the page until the
// first move. It loads with the card part, on the first move (nav-keys.ts
// holds what the scanner part needs before that).
import { nameOf, portLabel } from '@/lib/format';
import { applyLocale, formatNumber, ltr, t } from '@/utils/i18n';
import { portApi } from '@/utils/port-api';
import { portTitle, portsTitle } from '@/components/labels';
import type { CardController, CardOrigin } from './card-types';
import { NAV_HOST_TAG, type NavDirection } from './nav-keys';
import type { Mention } from './scanner';
import { attachShadowHost } from './shadow-host';

/** Space between the mention's text and its ring, in CSS pixels. */
const RING_GAP = 3;

const NAV_CSS = `
:host { all: initial; }
.ring {
  position: fixed; z-index: 2147483646; pointer-events: none; display: none;
  border-radius: 4px; outline: 3px solid #1a73e8; outline-offset: 0;
  box-shadow: 0 0 0 5px rgba(255, 255, 255, 0.9);
}
.ring.on { display: block; }
@media (forced-colors: active) { .ring { outline-color: Highlight; } }
.live { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

function isEditable(el: Element | null): boolean {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);
}

/** Document order; mentions in different trees (shadow roots) keep their scan order. */
function byPosition(a: Mention, b: Mention): number {
  const position = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
  if (position & Node.DOCUMENT_POSITION_DISCONNECTED) return 0;
  if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export interface MentionNav {
  /** Moves to the next or previous mention; false when the page has none. */
  move(direction: NavDirection): Promise<boolean>;
}

export function createMentionNav(opts: {
  signal: AbortSignal;
  /** Every mention of the page once its scan has caught up (none while Porthole is off on the site). */
  mentions: () => Promise<Iterable<Mention>>;
  card: CardController;
  openMention: (m: Mention, origin: CardOrigin) => void;
}): MentionNav {
  let host: HTMLElement | null = null;
  let ring: HTMLDivElement | null = null;
  let live: HTMLDivElement | null = null;
  let current: Mention | null = null;
  let ringOn = false;

  function ensureHost(): void {
    if (host?.isConnected) return;
    ring = document.createElement('div');
    ring.className = 'ring';
    ring.setAttribute('aria-hidden', 'true');
    live = document.createElement('div');
    live.className = 'live';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('aria-atomic', 'true');
    applyLocale(live);
    host = attachShadowHost(NAV_HOST_TAG, NAV_CSS, ring, live);
  }

  function placeRing(): void {
    if (!ring || !current || !ringOn) return;
    const box = current.range.getBoundingClientRect();
    Object.assign(ring.style, {
      left: `${box.left - RING_GAP}px`,
      top: `${box.top - RING_GAP}px`,
      width: `${box.width + 2 * RING_GAP}px`,
      height: `${box.height + 2 * RING_GAP}px`,
    });
    ring.classList.add('on');
  }

  function hideRing(): void {
    ringOn = false;
    ring?.classList.remove('on');
  }

  async function describe(m: Mention, index: number, total: number): Promise<string> {
    const { port, endPort } = m.mention;
    const isRange = endPort !== undefined && endPort !== port;
    const label = isRange ? portsTitle(portLabel(port, endPort)) : portTitle(port);
    const name = isRange ? undefined : await portApi.lookup({ port }).then(nameOf, () => undefined);
    const counts = { index: formatNumber(index + 1), total: formatNumber(total) };
    return name ? t('nav.announce', { port: label, name: ltr(name), ...counts }) : t('nav.announceNoName', { port: label, ...counts });
  }

  async function move(direction: NavDirection): Promise<boolean> {
    ensureHost();
    const list = [...(await opts.mentions())].filter((m) => m.range.startContainer.isConnected).sort(byPosition);
    if (list.length === 0) {
      hideRing();
      current = null;
      live!.textContent = t('nav.none');
      return false;
    }
    const at = current ? list.indexOf(current) : -1;
    const index = direction === 'next' ? (at + 1) % list.length : at <= 0 ? list.length - 1 : at - 1;
    const m = list[index]!;
    current = m;
    opts.card.close();
    m.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    ringOn = true;
    placeRing();
    const text = await describe(m, index, list.length);
    // A later move may have overtaken this lookup.
    if (current === m) live!.textContent = text;
    return true;
  }

  const listen = { capture: true, signal: opts.signal } as const;
  window.addEventListener('scroll', placeRing, { ...listen, passive: true });
  window.addEventListener('resize', placeRing, { ...listen, passive: true });
  window.addEventListener('pointerdown', hideRing, { ...listen, passive: true });
  window.addEventListener(
    'keydown',
    (e) => {
      if (!ringOn || !current || opts.card.contains(e)) return;
      if (e.key === 'Escape') hideRing();
      if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isEditable(document.activeElement)) return;
      e.preventDefault();
      e.stopPropagation();
      opts.openMention(current, 'keyboard');
    },
    listen,
  );
  opts.signal.addEventListener(
    'abort',
    () => {
      host?.remove();
      host = null;
      current = null;
    },
    { once: true },
  );

  return { move };
}
