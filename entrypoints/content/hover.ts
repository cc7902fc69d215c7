// Hover: a mention under a resting pointer opens its card after the hover
// delay; leaving both the mention and the card closes it after a grace
// period long enough to move the pointer onto the card.
import type { CardController } from './card-types';
import type { Mention } from './scanner';
import { pointInRange } from './hit-test';

const GRACE_MS = 350;

export function watchHover(opts: {
  signal: AbortSignal;
  card: CardController;
  mentionAt: (x: number, y: number) => Mention | null;
  hoverDelay: () => number;
  open: (mention: Mention) => void;
}): { lastPoint: () => { x: number; y: number } | null } {
  const { card, signal } = opts;
  let pending: { mention: Mention; timer: ReturnType<typeof setTimeout> } | null = null;
  let shownFor: Mention | null = null;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let last: { x: number; y: number; overCard: boolean } | null = null;

  const cancelPending = () => {
    if (pending) clearTimeout(pending.timer);
    pending = null;
  };
  const cancelGrace = () => {
    clearTimeout(graceTimer);
    graceTimer = undefined;
  };

  function check(): void {
    frame = 0;
    if (!last || signal.aborted) return;
    const { x, y, overCard } = last;
    if (!card.isOpen) shownFor = null;
    if (overCard) {
      cancelPending();
      cancelGrace();
      return;
    }
    const m = opts.mentionAt(x, y);
    // Still on the mention whose card is open: nothing to do.
    if (card.isOpen && shownFor && (m === shownFor || pointInRange(shownFor.range, x, y))) {
      cancelGrace();
      cancelPending();
      return;
    }
    if (m) {
      if (pending?.mention !== m) {
        cancelPending();
        const mention = m;
        pending = {
          mention,
          timer: setTimeout(() => {
            pending = null;
            if (signal.aborted || !mention.range.startContainer.isConnected) return;
            cancelGrace();
            shownFor = mention;
            opts.open(mention);
          }, opts.hoverDelay()),
        };
      }
    } else {
      cancelPending();
    }
    // Off the mention and off the card: a hover card closes after a grace period.
    if (card.isOpen && card.origin === 'hover' && graceTimer === undefined) {
      graceTimer = setTimeout(() => {
        graceTimer = undefined;
        if (card.origin === 'hover') {
          card.close();
          shownFor = null;
        }
      }, GRACE_MS);
    }
  }

  window.addEventListener(
    'pointermove',
    (e) => {
      if (e.pointerType === 'touch') return;
      last = { x: e.clientX, y: e.clientY, overCard: card.contains(e) };
      frame ||= requestAnimationFrame(check);
    },
    { capture: true, passive: true, signal },
  );
  document.addEventListener(
    'pointerleave',
    () => {
      cancelPending();
      last = null;
    },
    { passive: true, signal },
  );
  signal.addEventListener(
    'abort',
    () => {
      cancelPending();
      cancelGrace();
      if (frame) cancelAnimationFrame(frame);
    },
    { once: true },
  );
  return { lastPoint: () => (last ? { x: last.x, y: last.y } : null) };
}
