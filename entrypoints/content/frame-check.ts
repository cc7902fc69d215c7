// The loader's cheap questions about a frame, before anything large loads:
// is it big enough to read and on screen, and does its text hold anything
// port-shaped? Reading the text walks text nodes (open shadow roots too) in
// slices of a few milliseconds and stops at the first port-shaped stretch.
import { createPortHint } from '@/lib/port-hint';
import { isSkippedElement } from '@/lib/text-blocks';

/** Smaller frames are pixels, spacers and buttons, not text to read. */
export const MIN_FRAME_WIDTH = 100;
export const MIN_FRAME_HEIGHT = 24;
/** Beyond this much text the answer is taken as yes (the scanner reads big pages in slices anyway). */
const MAX_HINT_CHARS = 2_000_000;
const SLICE_MS = 5;

export function isTopFrame(): boolean {
  return window === window.top;
}

export function isBigEnough(): boolean {
  return isTopFrame() || (innerWidth >= MIN_FRAME_WIDTH && innerHeight >= MIN_FRAME_HEIGHT);
}

/**
 * Resolves once the frame is on screen: at once for the top frame; for an
 * iframe when its document intersects the top-level viewport (an
 * IntersectionObserver without a root measures against it, cross-origin too).
 */
export function whenOnScreen(signal: AbortSignal): Promise<void> {
  if (isTopFrame() || typeof IntersectionObserver !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const io = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      io.disconnect();
      resolve();
    });
    io.observe(document.documentElement);
    signal.addEventListener('abort', () => io.disconnect(), { once: true });
  });
}

/** Text nodes under `root` in document order, entering open shadow roots, skipping scripts, styles and editors. */
function* textOf(root: Node): Generator<string> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.nodeType === 1 && isSkippedElement(n as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) yield (n as Text).data;
    else if ((n as Element).shadowRoot) yield* textOf((n as Element).shadowRoot!);
  }
}

/** Does the text under these roots hold anything port-shaped? Reads in slices so no task grows long. */
export async function hasPortShapedText(roots: Iterable<Node>, signal: AbortSignal): Promise<boolean> {
  const hint = createPortHint();
  let read = 0;
  let sliceEnd = performance.now() + SLICE_MS;
  for (const root of roots) {
    if (root.nodeType === 3) {
      if (hint.add((root as Text).data)) return true;
      continue;
    }
    if (root.nodeType === 1 && isSkippedElement(root as Element)) continue;
    for (const text of textOf(root)) {
      if (hint.add(text)) return true;
      read += text.length;
      if (read > MAX_HINT_CHARS) return true;
      if (performance.now() > sliceEnd) {
        await new Promise((r) => setTimeout(r, 0));
        if (signal.aborted) return false;
        sliceEnd = performance.now() + SLICE_MS;
      }
    }
  }
  return false;
}

/**
 * Calls back once text added later (a single-page app rendering after load,
 * a chat widget) looks port-shaped. Records are only queued in the observer
 * callback and read in a later task.
 */
export function watchForPortText(signal: AbortSignal, onFound: () => void): void {
  let queued: Node[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') queued.push(r.target);
      else for (const n of r.addedNodes) queued.push(n);
    }
    timer ??= setTimeout(check, 200);
  });
  const check = async () => {
    timer = undefined;
    const nodes = queued;
    queued = [];
    if (signal.aborted) return;
    if (await hasPortShapedText(nodes, signal)) {
      observer.disconnect();
      if (!signal.aborted) onFound();
    }
  };
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  }, { once: true });
}
