// The rule trace: for every digit run the pass looked at, which rule decided
// it — the first thing to read when a card appears where it should not (or
// not where it should). scripts/explain-detect.ts prints it as a table.
import { portValue } from './chars.ts';
import { RULE_IDS, type RuleId } from './rules.ts';
import { mapBack, scanAll } from './scan.ts';
import type { PortMention } from './types.ts';

export interface TraceEntry {
  /** The span: an accepted mention's, or the digit run turned down. */
  start: number;
  end: number;
  /** The port read (-1 when the digits are no port number, as in 70000). */
  port: number;
  accepted: boolean;
  /** Stable id of the deciding rule (RULE_IDS in rules.ts). */
  rule: RuleId;
  /** The mention, when accepted (as findPortMentions returns it). */
  mention?: PortMention;
}

/** findPortMentions with the reasons: one entry per accepted mention and per digit run turned down, in text order. */
export function traceMentions(text: string): TraceEntry[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const scan = scanAll(text, true);
  const trace = scan.trace!;
  const runs = trace.runs;
  const out: TraceEntry[] = [];
  for (let r = 0; r < runs.length; r += 5) {
    const s = runs[r]!;
    const e = runs[r + 1]!;
    const from = runs[r + 2]!;
    const to = runs[r + 3]!;
    if (to === from) {
      const entry: TraceEntry = { start: s, end: e, port: portValue(scan.t, s, e), accepted: false, rule: RULE_IDS[runs[r + 4]!]! };
      if (scan.map !== undefined) mapBack(entry, scan.map);
      out.push(entry);
      continue;
    }
    for (let k = from; k < to; k++) {
      const m = scan.out[k]!;
      if (scan.map !== undefined) mapBack(m, scan.map);
      out.push({ start: m.start, end: m.end, port: m.port, accepted: true, rule: RULE_IDS[trace.accepted[k]!]!, mention: m });
    }
  }
  return out;
}
