// Marks mentions with CSS Custom Highlight API ranges: no node is added,
// split or wrapped. One Highlight holds every range; switching the underline
// off re-registers it under an unstyled name so hit-testing keeps working.
export const HIGHLIGHT_NAME = 'porthole-port';
export const QUIET_HIGHLIGHT_NAME = 'porthole-port-quiet';

export interface Highlighter {
  readonly highlight: Highlight | null;
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
    return { highlight: null, add() {}, delete() {}, clear() {}, setUnderline() {}, dispose() {} };
  }
  const highlight = new Highlight();
  // Below the page's own highlights (search-result marks and the like).
  highlight.priority = -1;
  let name = underline ? HIGHLIGHT_NAME : QUIET_HIGHLIGHT_NAME;
  CSS.highlights.set(name, highlight);
  return {
    highlight,
    add: (range) => highlight.add(range),
    delete: (range) => highlight.delete(range),
    clear: () => highlight.clear(),
    setUnderline(on) {
      const next = on ? HIGHLIGHT_NAME : QUIET_HIGHLIGHT_NAME;
      if (next === name) return;
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
      name = next;
      CSS.highlights.set(name, highlight);
    },
    dispose() {
      highlight.clear();
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
    },
  };
}
