// The rule trace: it agrees with findPortMentions, every rule id is reached
// by some fixture case, and the rule list's order is the dispatch's order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainTable } from '../../scripts/explain-detect.ts';
import { FIXTURE_DIR, loadFixtures } from './fixtures/load.ts';
import { findPortMentions, RULE_IDS, traceMentions } from './index.ts';

const fixtures = loadFixtures();
const fixtureFiles = [...new Set(fixtures.map((f) => f.file))];

describe('traceMentions', () => {
  it('accepts exactly what findPortMentions finds, on every fixture case and whole fixture file', () => {
    const texts = [...fixtures.map((f) => f.text), ...fixtureFiles.map((f) => readFileSync(join(FIXTURE_DIR, f), 'utf8'))];
    for (const text of texts) {
      const accepted = traceMentions(text).filter((e) => e.accepted).map((e) => e.mention);
      expect(accepted, text.slice(0, 80)).toEqual(findPortMentions(text));
    }
  });

  it('names a rule for the turned-down runs too', () => {
    const trace = traceMentions('meet at 12:30 on USB port 2, db at db.internal:5432');
    expect(trace.map((e) => [e.port, e.accepted, e.rule])).toEqual([
      [12, false, 'reject.pair-no-reason'],
      [2, false, 'reject.hardware'],
      [5432, true, 'hostport.name'],
    ]);
  });

  it('maps spans back when placeholders were stripped', () => {
    const text = 'serve {{[-p|--port]}} {{8080}}';
    const [entry] = traceMentions(text).filter((e) => e.accepted);
    expect(text.slice(entry!.start, entry!.end)).toBe('8080');
    expect(entry!.rule).toBe('keyword.port');
  });

  it('reaches every rule id from some fixture case (a new rule needs its fixture)', () => {
    const hit = new Set<string>();
    for (const f of fixtures) for (const e of traceMentions(f.text)) hit.add(e.rule);
    expect(RULE_IDS.filter((id) => !hit.has(id))).toEqual([]);
  });
});

/** The non-reject rule ids a dispatch function of a rule file names, in the order its code names them. */
function acceptingOrder(file: string, fn: string): string[] {
  const src = readFileSync(join(FIXTURE_DIR, '..', 'rules', file), 'utf8');
  const codes = new Map<string, string>();
  for (const m of src.matchAll(/^const (R_\w+) = ruleCode\('([^']+)'\);$/gm)) codes.set(m[1]!, m[2]!);
  const start = src.indexOf(`export function ${fn}(`);
  const body = src.slice(start, src.indexOf('\n}\n', start));
  const seen: string[] = [];
  for (const m of body.matchAll(/\bR_\w+\b/g)) {
    const id = codes.get(m[0]);
    if (id !== undefined && !id.startsWith('reject.') && !seen.includes(id)) seen.push(id);
  }
  return seen;
}

describe('the rule list (rules.ts)', () => {
  it('has unique ids', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  for (const [file, fn] of [['plain.ts', 'plainCase'], ['pairs.ts', 'chainCase'], ['hostport.ts', 'colonCase'], ['hostport.ts', 'namedHost']] as const) {
    it(`lists the accepting rules of ${fn} in the order ${fn} tries them`, () => {
      const order = acceptingOrder(file, fn);
      expect(order.length).toBeGreaterThan(1);
      const listed = RULE_IDS.filter((id) => order.includes(id));
      expect(order).toEqual(listed);
    });
  }
});

describe('scripts/explain-detect.ts', () => {
  it('prints the trace as a table', () => {
    const lines = explainTable('ports 80 and 443 at 12:30');
    expect(lines[0]).toMatch(/^span\s+port\s+verdict\s+rule\s+context$/);
    expect(lines.slice(2).map((l) => l.split(/\s{2,}/).slice(0, 4))).toEqual([
      ['6-8', '80', 'port', 'keyword.port'],
      ['13-16', '443', 'port', 'list.continue'],
      ['20-22', '12', 'no', 'reject.pair-no-reason'],
    ]);
  });
});
