// Grouping of a page's mentions for the popup's "Ports on this page".
import type { PageMentionGroup } from './messages.ts';

export interface FoundMention {
  port: number;
  endPort?: number;
  protocol?: string;
  /** Plain text around the mention (see `excerpt`). */
  sample: string;
}

/** One group per port (or range), in port order; protocols as written, lower case, sorted. */
export function groupMentions(found: Iterable<FoundMention>): PageMentionGroup[] {
  const groups = new Map<string, PageMentionGroup & { protocolSet: Set<string> }>();
  for (const m of found) {
    const end = m.endPort !== undefined && m.endPort !== m.port ? m.endPort : undefined;
    const key = end === undefined ? String(m.port) : `${m.port}-${end}`;
    let g = groups.get(key);
    if (!g) {
      g = { port: m.port, protocols: [], count: 0, sample: m.sample, protocolSet: new Set() };
      if (end !== undefined) g.endPort = end;
      groups.set(key, g);
    }
    g.count++;
    if (m.protocol) g.protocolSet.add(m.protocol.toLowerCase());
  }
  return [...groups.values()]
    .map(({ protocolSet, ...g }) => ({ ...g, protocols: [...protocolSet].sort() }))
    .sort((a, b) => a.port - b.port || (a.endPort ?? a.port) - (b.endPort ?? b.port));
}

/** Groups from several frames as one list: counts added, protocols joined, the first frame's sample kept. */
export function mergeGroups<G extends PageMentionGroup>(lists: Iterable<readonly G[]>): G[] {
  const merged = new Map<string, G>();
  for (const list of lists) {
    for (const g of list) {
      const key = `${g.port}-${g.endPort ?? g.port}`;
      const have = merged.get(key);
      if (!have) merged.set(key, { ...g, protocols: [...g.protocols] });
      else {
        have.count += g.count;
        have.protocols = [...new Set([...have.protocols, ...g.protocols])].sort();
      }
    }
  }
  return [...merged.values()].sort((a, b) => a.port - b.port || (a.endPort ?? a.port) - (b.endPort ?? b.port));
}

/** Where a frame sits: its index among its parent's frames, from the top frame down ([] for the top frame). */
interface Placed {
  path: readonly number[];
}

/** Frames in page order: the top frame first, each frame before the frames inside it, siblings in document order. */
export function inPageOrder<F extends Placed>(frames: readonly F[]): F[] {
  const compare = (a: readonly number[], b: readonly number[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  };
  return [...frames].sort((a, b) => compare(a.path, b.path));
}

/**
 * Have all frames answered? Unknown (`false`) until the top frame has; then
 * each answer counts its own child frames, so the page has at least
 * 1 + their sum frames. (Frames no content script runs in never answer: the
 * caller also stops waiting after a quiet spell.)
 */
export function allFramesAnswered(reports: readonly (Placed & { childFrames: number })[]): boolean {
  if (!reports.some((r) => r.path.length === 0)) return false;
  return reports.length >= 1 + reports.reduce((n, r) => n + r.childFrames, 0);
}
