// Marks mentions with CSS Custom Highlight API ranges: no node is added,
// split or wrapped. One Highlight holds every range; switching the underline
// off re-registers it under an unstyled name so hit-testing keeps working.
export const HIGHLIGHT_NAME = 'porthole-port';
export const QUIET_HIGHLIGHT_NAME = 'porthole-port-quiet';

export interface Highlighter {
  readonly highlight: Highlight | null;
  /**
   * The ranges in the highlight, kept on our side too: Firefox's content
   * scripts cannot iterate the Highlight (a page object behind an Xray).
   */
  readonly ranges: ReadonlySet<Range>;
  add(range: Range): void;
  delete(range: Range): void;
  clear(): void;
  setUnderline(on: boolean): void;
  /** Unregisters the highlight (site switched off, script invalidated). */
  dispose(): void;
}

export function highlightsSupported(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

export function createHighlighter(underline: boolean): Highlighter {
  if (!highlightsSupported()) {
    return { highlight: null, ranges: new Set(), add() {}, delete() {}, clear() {}, setUnderline() {}, dispose() {} };
  }
  const highlight = new Highlight();
  // Below the page's own highlights (search-result marks and the like).
  highlight.priority = -1;
  let name = underline ? HIGHLIGHT_NAME : QUIET_HIGHLIGHT_NAME;
  CSS.highlights.set(name, highlight);
  const ranges = new Set<Range>();
  return {
    highlight,
    ranges,
    add: (range) => {
      highlight.add(range);
      ranges.add(range);
    },
    delete: (range) => {
      highlight.delete(range);
      ranges.delete(range);
    },
    clear: () => {
      highlight.clear();
      ranges.clear();
    },
    setUnderline(on) {
      const next = on ? HIGHLIGHT_NAME : QUIET_HIGHLIGHT_NAME;
      if (next === name) return;
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
      name = next;
      CSS.highlights.set(name, highlight);
    },
    dispose() {
      highlight.clear();
      ranges.clear();
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
    },
  };
}

/**
 * Keeps only mentions near the viewport in the highlight. Chromium repaints
 * every range of a highlight on each frame that changes the page, so 10,000
 * registered ranges cost ~40 ms a frame; a few hundred cost nothing. An
 * IntersectionObserver on each block's element adds and removes its ranges
 * as the reader scrolls.
 */
export interface HighlightWindow {
  track(key: object, el: Element | null): void;
  /** A range of a tracked block: highlighted now if the block is near the viewport. */
  added(key: object, range: Range): void;
  untrack(key: object, ranges: Range[]): void;
  reset(): void;
}

export function createHighlightWindow(highlighter: Highlighter, rangesOf: (key: object) => Range[], signal: AbortSignal): HighlightWindow {
  const keysByEl = new Map<Element, Set<object>>();
  const elOfKey = new WeakMap<object, Element | null>();
  let near = new WeakSet<Element>();
  const io =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const e of entries) {
              const keys = keysByEl.get(e.target);
              if (!keys) continue;
              if (e.isIntersecting) {
                if (near.has(e.target)) continue;
                near.add(e.target);
                for (const k of keys) for (const r of rangesOf(k)) highlighter.add(r);
              } else if (near.has(e.target)) {
                near.delete(e.target);
                for (const k of keys) for (const r of rangesOf(k)) highlighter.delete(r);
              }
            }
          },
          { rootMargin: '100% 0px 100% 0px' },
        )
      : null;
  signal.addEventListener('abort', () => io?.disconnect(), { once: true });
  const isNear = (el: Element | null | undefined) => !io || !el || near.has(el);

  return {
    track(key, el) {
      elOfKey.set(key, el);
      if (!el || !io) return;
      let keys = keysByEl.get(el);
      if (!keys) {
        keys = new Set();
        keysByEl.set(el, keys);
        io.observe(el);
      }
      keys.add(key);
    },
    added(key, range) {
      if (isNear(elOfKey.get(key))) highlighter.add(range);
    },
    untrack(key, ranges) {
      for (const r of ranges) highlighter.delete(r);
      const el = elOfKey.get(key);
      elOfKey.delete(key);
      if (!el || !io) return;
      const keys = keysByEl.get(el);
      keys?.delete(key);
      if (keys && keys.size === 0) {
        keysByEl.delete(el);
        near.delete(el);
        io.unobserve(el);
      }
    },
    reset() {
      io?.disconnect();
      keysByEl.clear();
      near = new WeakSet();
      highlighter.clear();
    },
  };
}
