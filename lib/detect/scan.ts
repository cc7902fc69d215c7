// The pass: one walk over the text that stops at each run of digits and
// hands it to the rule family its surroundings call for (rules.ts lists the
// rules and their order). See ../../../shared/spec/port-mentions.md for the
// contract and README.md beside this file for the rules.
import { COLON, DIGIT_0, DIGIT_9, digitsEnd, isDigit, LBRACE, RBRACE, RBRACKET, SPACE } from './chars.ts';
import { stripPlaceholders } from './placeholders.ts';
import { colonCase } from './rules/hostport.ts';
import { chainCase } from './rules/pairs.ts';
import { plainCase } from './rules/plain.ts';
import { R_NO_RULE } from './rules.ts';
import { ScanTrace, TextScan } from './state.ts';
import type { PortMention } from './types.ts';

export function findPortMentions(text: string): PortMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const scan = scanAll(text, false);
  if (scan.map !== undefined) for (const m of scan.out) mapBack(m, scan.map);
  return scan.out;
}

/**
 * Scans text; when a number stood inside {{…}} or after an option
 * alternation, reads the text again without the placeholders and returns
 * that scan with the map from its offsets back to text's (spans not yet
 * mapped). traced: record the rules' decisions (traceMentions).
 */
export function scanAll(text: string, traced: boolean): TextScan {
  const scan = new TextScan(text);
  if (traced) scan.trace = new ScanTrace();
  // The pass pauses at the first sign of a placeholder: when the text is
  // to be read again without them, the rest of this pass would be thrown away.
  const paused = scanText(scan, 0, true);
  if (!scan.placeholders) return scan;
  const stripped = stripPlaceholders(text);
  if (stripped === undefined) {
    scanText(scan, paused, false);
    return scan;
  }
  const again = new TextScan(stripped.text);
  if (traced) again.trace = new ScanTrace();
  again.map = stripped.map; // set before the pass: a rule may ask where a word came from ([p]orts)
  scanText(again);
  return again;
}

/** Moves a span found in the stripped text back to the original text. */
export function mapBack(span: { start: number; end: number }, map: Int32Array): void {
  span.end = map[span.end - 1]! + 1;
  span.start = map[span.start]!;
}

/**
 * Runs the pass over sc.t from `from`, adding the mentions to sc.out.
 * Returns where it stopped: the text's end, or with pauseAtPlaceholder where
 * a digit run first set sc.placeholders (calling it again from there with
 * the same sc goes on as if it had not stopped).
 */
export function scanText(sc: TextScan, from = 0, pauseAtPlaceholder = false): number {
  const t = sc.t;
  const n = sc.n;
  // A sticky skip over non-digits: it always matches (maybe empty), and
  // lastIndex lands on the next digit, or on n when there is none.
  const re = /[^0-9]*/y;
  const trace = sc.trace;
  let i = from;
  while (i < n) {
    // The next digit is often the next character but one (10.0.0.1,
    // 2024-01-12): look there first, and call the regex only beyond.
    let s = i;
    let d = t.charCodeAt(s);
    if (!(d >= DIGIT_0 && d <= DIGIT_9) && s + 1 < n) d = t.charCodeAt(++s);
    if (!(d >= DIGIT_0 && d <= DIGIT_9)) {
      re.lastIndex = s;
      re.test(t);
      s = re.lastIndex;
      if (s >= n) break;
    }
    const e = digitsEnd(t, s + 1);
    let next: number;
    if (trace === null) next = digitRun(sc, s, e);
    else {
      const before = sc.out.length;
      sc.rule = R_NO_RULE;
      next = digitRun(sc, s, e);
      trace.runs.push(s, e, before, sc.out.length, sc.rule);
    }
    i = next > e ? next : e;
    if (pauseAtPlaceholder && sc.placeholders) return i;
  }
  return n;
}

/** Decides the digit run [s, e) by what stands around it; returns where the pass goes on. */
function digitRun(sc: TextScan, s: number, e: number): number {
  const c0 = sc.at(s - 1);
  const c1 = sc.at(e);
  if (c0 === LBRACE || c1 === RBRACE || (c0 === SPACE && (sc.at(s - 2) === RBRACKET || sc.at(s - 2) === RBRACE))) sc.placeholders = true;
  if (c0 === COLON) return colonCase(sc, s, e, c1);
  if (c1 === COLON && isDigit(sc.at(e + 1))) return chainCase(sc, s, e, c0);
  return plainCase(sc, s, e, c0, c1);
}
