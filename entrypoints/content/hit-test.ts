// Which mention is under the pointer, without touching the DOM: ask the
// highlight registry first (it returns our very Range objects); when it is
// missing or finds none of ours (a range not in the highlight yet, a browser
// that misses it), take the caret position at the point and check that the
// point really lies in one of the mention's boxes (the caret snaps to the
// nearest line end).
import { blockOffset } from '@/lib/text-blocks';
import type { Mention, PageTextScanner } from './scanner';

interface HighlightHit {
  highlight: Highlight;
  ranges: AbstractRange[];
}

type HitTestingRegistry = HighlightRegistry & {
  highlightsFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => HighlightHit[];
};

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** Is (x, y) inside one of the range's boxes (with a pixel of slack)? */
export function pointInRange(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

export function createHitTester(scanner: PageTextScanner, highlight: () => Highlight | null, shadowRoots: () => ShadowRoot[]) {
  function viaHighlights(x: number, y: number): Mention | null {
    const registry = (typeof CSS !== 'undefined' ? CSS.highlights : undefined) as HitTestingRegistry | undefined;
    const own = highlight();
    if (!registry?.highlightsFromPoint || !own) return null;
    let hits: HighlightHit[];
    try {
      hits = registry.highlightsFromPoint(x, y, { shadowRoots: shadowRoots() });
    } catch {
      return null;
    }
    for (const hit of hits) {
      if (hit.highlight !== own) continue;
      for (const r of hit.ranges) {
        const m = scanner.mentionOfRange(r);
        if (m && pointInRange(m.range, x, y)) return m;
      }
    }
    return null;
  }

  function viaCaret(x: number, y: number): Mention | null {
    const doc = document as CaretDocument;
    let node: Node | null = null;
    let offset = 0;
    if (doc.caretPositionFromPoint) {
      const pos = doc.caretPositionFromPoint(x, y, { shadowRoots: shadowRoots() });
      if (pos) ({ offsetNode: node, offset } = pos);
    } else if (doc.caretRangeFromPoint) {
      const r = doc.caretRangeFromPoint(x, y);
      if (r) ({ startContainer: node, startOffset: offset } = r);
    }
    if (!node) return null;
    const m = mentionAtNode(scanner, node, offset);
    return m && pointInRange(m.range, x, y) ? m : null;
  }

  return {
    /** The mention under (x, y) in viewport coordinates, if any. */
    mentionAt(x: number, y: number): Mention | null {
      return viaHighlights(x, y) ?? viaCaret(x, y);
    },
  };
}

/** The mention holding a caret position (node, offset), ends included. */
export function mentionAtNode(scanner: PageTextScanner, node: Node, offset: number): Mention | null {
  const state = scanner.blockOfNode(node);
  if (!state) return null;
  const at = blockOffset(state.block, node, offset);
  if (at < 0) return null;
  return state.mentions.find((m) => at >= m.mention.start && at <= m.mention.end) ?? null;
}
