// Command references write arguments as placeholders and options as
// alternations: tldr's `{{[-p|--port]}} {{8080}}`, man pages' `[-p|--port]
// 8080`, `-p|--port 8080`, and tldr's mnemonic letters (`[p]orts`).
// stripPlaceholders removes the double braces and the mnemonic's brackets, and
// keeps only the last alternative of an option alternation (the long name),
// so the rules read `--port 8080`; `map` takes an offset in the stripped text
// back to the original one.
import { BACKTICK, HYPHEN, isAsciiAlnum, isAsciiLetter, LBRACE, LBRACKET, NEWLINE, PIPE, RBRACE, RBRACKET, SPACE, TAB, UNDERSCORE } from './chars.ts';

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

/** Ranges [from, to) to drop as pairs of offsets, in a typed array that doubles when full (a page of tldr pages has many). */
class Cuts {
  at = new Int32Array(64);
  length = 0;

  push(from: number, to: number): void {
    if (this.length + 2 > this.at.length) {
      const grown = new Int32Array(this.at.length * 2);
      grown.set(this.at);
      this.at = grown;
    }
    this.at[this.length++] = from;
    this.at[this.length++] = to;
  }
}

/** Ranges [from, to) to drop, in order of finding (none when the text has no placeholder). */
function removals(t: string): Cuts {
  const cuts = new Cuts();
  // One walk that stops at "{{", "}}", "|-" and "[x]" before a letter (not after one), leftmost first.
  const n = t.length;
  let at = 0;
  while (at < n - 1) {
    const c = t.charCodeAt(at);
    const d = t.charCodeAt(at + 1);
    if ((c === LBRACE && d === LBRACE) || (c === RBRACE && d === RBRACE)) { cuts.push(at, at + 2); at += 2; continue; }
    if (c === LBRACKET && isAsciiLetter(d) && t.charCodeAt(at + 2) === RBRACKET && isAsciiLetter(t.charCodeAt(at + 3)) && !(at > 0 && isAsciiLetter(t.charCodeAt(at - 1)))) {
      cuts.push(at, at + 1); // tldr's mnemonic [p]orts: ports
      cuts.push(at + 2, at + 3);
      at += 3;
      continue;
    }
    if (c !== PIPE || d !== HYPHEN) { at++; continue; }
    // "-p|" before "--port": drop the short alternative and its bar.
    const bar = at;
    at += 2;
    const k = optionStart(t, bar);
    if (k < 0) continue;
    const openBracket = k > 0 && t.charCodeAt(k - 1) === LBRACKET;
    cuts.push(openBracket ? k - 1 : k, bar + 1);
    if (!openBracket) continue;
    // [-p|--port]: drop the closing bracket after the last alternative.
    let j = bar + 1;
    const lim = j + 80 < n ? j + 80 : n;
    while (j < lim && (isOptChar(t.charCodeAt(j)) || t.charCodeAt(j) === PIPE)) j++;
    if (t.charCodeAt(j) === RBRACKET) cuts.push(j, j + 1);
  }
  return cuts;
}

export function stripPlaceholders(t: string): Stripped | undefined {
  const found = removals(t);
  if (found.length === 0) return undefined;
  const cuts = found.at;
  // Sort the ranges by start (bracket closes come after later bars) and skip
  // overlaps. Mostly they come in order already: then no sort (a stable sort
  // would keep that order anyway).
  let order: number[] | null = null;
  for (let i = 2; i < found.length && order === null; i += 2) {
    if (cuts[i]! < cuts[i - 2]!) {
      order = [];
      for (let k = 0; k < found.length; k += 2) order.push(k);
      order.sort((a, b) => cuts[a]! - cuts[b]!);
    }
  }
  let out = '';
  const map = new Int32Array(t.length + 1);
  let pos = 0;
  let n = 0;
  for (let r = 0; r < found.length; r += 2) {
    const i = order === null ? r : order[r >> 1]!;
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
