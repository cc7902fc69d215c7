// Command references write arguments as placeholders and options as
// alternations: tldr's `{{[-p|--port]}} {{8080}}`, man pages' `[-p|--port]
// 8080`, `-p|--port 8080`, and tldr's mnemonic letters (`[p]orts`).
// stripPlaceholders removes the double braces and the mnemonic's brackets, and
// keeps only the last alternative of an option alternation (the long name),
// so the rules read `--port 8080`; `map` takes an offset in the stripped text
// back to the original one.
import { BACKTICK, HYPHEN, isAsciiAlnum, LBRACE, LBRACKET, NEWLINE, PIPE, RBRACKET, SPACE, TAB, UNDERSCORE } from './chars.ts';

export interface Stripped {
  text: string;
  /** map[i] is the offset in the original text of the stripped text's offset i (map[length] = original length). */
  map: Int32Array;
}

const isOptChar = (c: number) => isAsciiAlnum(c) || c === HYPHEN || c === UNDERSCORE;

/** Start of an option token (-p, --port) ending at end (exclusive), or -1. */
function optionStart(t: string, end: number): number {
  let k = end;
  const lo = end > 40 ? end - 40 : 0;
  while (k > lo && isOptChar(t.charCodeAt(k - 1))) k--;
  if (t.charCodeAt(k) !== HYPHEN || k + 1 >= end) return -1;
  const b = k > 0 ? t.charCodeAt(k - 1) : 32;
  return b === SPACE || b === TAB || b === NEWLINE || b === LBRACKET || b === LBRACE || b === PIPE || b === BACKTICK ? k : -1;
}

/** Ranges [from, to) to drop, in order, or [] when the text has no placeholder. */
function removals(t: string): number[] {
  const cuts: number[] = [];
  const re = /\{\{|\}\}|\|-|(?<![A-Za-z])\[[A-Za-z]\](?=[A-Za-z])/g;
  for (let m = re.exec(t); m !== null; m = re.exec(t)) {
    const at = m.index;
    if (t.charCodeAt(at) === LBRACKET) { cuts.push(at, at + 1, at + 2, at + 3); continue; } // tldr's mnemonic [p]orts: ports
    if (t.charCodeAt(at) !== PIPE) { cuts.push(at, at + 2); continue; }
    // "-p|" before "--port": drop the short alternative and its bar.
    const k = optionStart(t, at);
    if (k < 0) continue;
    const openBracket = k > 0 && t.charCodeAt(k - 1) === LBRACKET;
    cuts.push(openBracket ? k - 1 : k, at + 1);
    if (!openBracket) continue;
    // [-p|--port]: drop the closing bracket after the last alternative.
    let j = at + 1;
    const lim = j + 80 < t.length ? j + 80 : t.length;
    while (j < lim && (isOptChar(t.charCodeAt(j)) || t.charCodeAt(j) === PIPE)) j++;
    if (t.charCodeAt(j) === RBRACKET) cuts.push(j, j + 1);
  }
  return cuts;
}

export function stripPlaceholders(t: string): Stripped | undefined {
  const cuts = removals(t);
  if (cuts.length === 0) return undefined;
  // Sort the ranges by start (bracket closes come after later bars) and skip overlaps.
  const order: number[] = [];
  for (let i = 0; i < cuts.length; i += 2) order.push(i);
  order.sort((a, b) => cuts[a]! - cuts[b]!);
  let out = '';
  const map = new Int32Array(t.length + 1);
  let pos = 0;
  let n = 0;
  for (const i of order) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    if (to <= pos) continue;
    const keepTo = from > pos ? from : pos;
    out += t.slice(pos, keepTo);
    for (let k = pos; k < keepTo; k++) map[n++] = k;
    pos = to;
  }
  out += t.slice(pos);
  for (let k = pos; k < t.length; k++) map[n++] = k;
  map[n] = t.length;
  return { text: out, map: map.subarray(0, n + 1) };
}
