// A scanned frame's mentions as the rest of Porthole sees them: each as a
// card's target, and all of them as the frame's answer to "ports on this
// page". Part of the scanner part: the popup asks every frame with ports, and
// answering must not load the card part.
import type { FrameMentions } from '@/lib/messages';
import { groupMentions } from '@/lib/page-mentions';
import type { SelectedPort } from '@/lib/selection-ports';
import { excerpt } from '@/lib/text-blocks';
import type { CardTarget } from './card-types';
import { frameReport } from './frame-report';
import type { Mention, PageTextScanner } from './scanner';

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

/**
 * Up to `limit` mentions on screen now, read from the ranges in the
 * highlight: it holds the mentions near the viewport (highlighter.ts), a few
 * hundred at most, not the whole page's.
 */
export function mentionsOnScreen(scanner: PageTextScanner, highlighted: Iterable<Range>, limit: number): Mention[] {
  const found: Mention[] = [];
  for (const range of highlighted) {
    const m = scanner.mentionOfRange(range);
    if (!m) continue;
    const r = range.getBoundingClientRect();
    if (r.width === 0 || r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) continue;
    found.push(m);
    if (found.length >= limit) break;
  }
  return found;
}

/** Every mention of the frame once the scan is done (none while the site is switched off), grouped by port. */
export async function frameMentions(scanner: PageTextScanner | null, frameKey: string): Promise<FrameMentions> {
  const found = [];
  if (scanner) {
    await scanner.whenIdle();
    for (const m of scanner.mentions()) {
      found.push({ ...targetOf(m.mention), sample: excerpt(m.block.block.text, m.mention.start, m.mention.end) });
    }
  }
  return frameReport(frameKey, groupMentions(found), found.length);
}
