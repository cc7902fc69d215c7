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
