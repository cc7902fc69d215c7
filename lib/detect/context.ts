// Bounded looks around a position: the line a number sits on, the command
// that starts it, the word before or after it. Every helper reads at most a
// fixed number of characters, so the scan stays linear.
import type { Protocol } from '../types.ts';
import {
  APOS, BACKTICK, COLON, CR, DIGIT_4, DIGIT_6, DOLLAR, DOT, DQUOTE, EQUALS, GT, HASH, HYPHEN, isAsciiLetter, isDigit,
  isInlineSpace, isSpace, isWordLetter, LT, matchesLower, NEWLINE, PERCENT, PLUS, STAR, UNDERSCORE,
} from './chars.ts';
import { wordHash } from './hash.ts';

/** How far back the line looks read: a line start further back than this counts as none. */
export const LINE_LOOKBACK = 240;

/** Start of the line holding pos, or -1 when it is further back than the bound. */
export function lineStart(text: string, pos: number, bound = LINE_LOOKBACK): number {
  const lim = pos - bound;
  for (let i = pos - 1; i >= 0; i--) {
    if (i < lim) return -1;
    const c = text.charCodeAt(i);
    if (c === NEWLINE || c === CR) return i + 1;
  }
  return 0;
}

/** ASCII word text[a, b) equals `lower` (lower case) ignoring ASCII case. */
function isWordLower(text: string, a: number, b: number, lower: string): boolean {
  return b - a === lower.length && matchesLower(text, a, lower);
}

/**
 * Start of the line's command word: the first word of the line from ls,
 * read no further than pos, after a shell prompt (`$ `, `# `, `> `…),
 * backticks and sudo/doas/exec/time. Its end is commandWordEnd(text, start, pos).
 */
export function commandWordStart(text: string, ls: number, pos: number): number {
  let i = ls;
  for (;;) {
    while (i < pos && isInlineSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (i < pos && (c === DOLLAR || c === HASH || c === GT || c === PERCENT || c === BACKTICK || c === STAR || c === HYPHEN) && i + 1 < pos && isInlineSpace(text.charCodeAt(i + 1))) {
      i += 2;
      continue;
    }
    if (c === BACKTICK && i + 1 < pos) { i++; continue; }
    // A REPL prompt ending in '>': redis-cli's "127.0.0.1:6379> ", "mysql> " (not an HTML tag).
    let p = i;
    while (p < pos && p - i < 40 && !isSpace(text.charCodeAt(p)) && text.charCodeAt(p) !== LT) p++;
    if (p - i >= 2 && p < pos && text.charCodeAt(p - 1) === GT && isInlineSpace(text.charCodeAt(p))) { i = p + 1; continue; }
    break;
  }
  const j = commandWordEnd(text, i, pos);
  if (j - i === 4 && (isWordLower(text, i, j, 'sudo') || isWordLower(text, i, j, 'doas') || isWordLower(text, i, j, 'exec') || isWordLower(text, i, j, 'time'))) {
    i = j;
    while (i < pos && isInlineSpace(text.charCodeAt(i))) i++;
  }
  return i;
}

/** End of the command word that starts at i (letters, digits, - _ .), at most at limit. */
export function commandWordEnd(text: string, i: number, limit: number): number {
  let j = i;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (isAsciiLetter(c) || isDigit(c) || c === HYPHEN || c === UNDERSCORE || c === DOT) j++;
    else break;
  }
  return j;
}

/**
 * The first i in [from, last] where `word` (lower case) stands as a whole
 * word (not joined to letters or '-'), or -1. LineState.hasWord reads lines with it.
 */
export function wordAt(text: string, from: number, last: number, word: string): number {
  for (let i = from; i <= last; i++) {
    if (matchesLower(text, i, word)) {
      const b = i > 0 ? text.charCodeAt(i - 1) : 32;
      const a = i + word.length < text.length ? text.charCodeAt(i + word.length) : 32;
      if (!isAsciiLetter(b) && !isAsciiLetter(a) && b !== HYPHEN && a !== HYPHEN) return i;
    }
  }
  return -1;
}

/** Start of the word after pos: pos when no inline space follows pos, else after 1–3 inline spaces. */
function wordAfterStart(text: string, pos: number): number {
  let i = pos;
  const n = text.length;
  let spaces = 0;
  while (i < n && isInlineSpace(text.charCodeAt(i)) && spaces < 3) { i++; spaces++; }
  return i;
}

/** End of the word after pos that starts at i (wordAfterStart): at most 16 letters; i when there is none. */
function wordAfterEnd(text: string, pos: number, i: number): number {
  let j = i;
  const n = text.length;
  if (i > pos) while (j < n && j - i < 16 && (isWordLetter(text.charCodeAt(j)) || text.charCodeAt(j) === APOS)) j++;
  return j;
}

/** End of the word before pos: pos after skipping up to three inline spaces and hyphens backwards. */
function wordBeforeEnd(text: string, pos: number): number {
  let j = pos;
  let skipped = 0;
  while (j > 0 && skipped < 3 && (isInlineSpace(text.charCodeAt(j - 1)) || text.charCodeAt(j - 1) === HYPHEN)) { j--; skipped++; }
  return j;
}

/** Start of the word that ends at j (wordBeforeEnd), at most 16 characters back. */
function wordBeforeStart(text: string, j: number): number {
  let k = j;
  while (k > 0 && j - k < 16) {
    const c = text.charCodeAt(k - 1);
    if (isWordLetter(c) || isDigit(c) || c === HYPHEN || c === PLUS) k--;
    else break;
  }
  return k;
}

/** The lower-cased word that starts after inline spaces at pos ('' if none), read at most 16 letters. */
export function wordAfter(text: string, pos: number): string {
  const a = wordAfterStart(text, pos);
  const b = wordAfterEnd(text, pos, a);
  return a < b ? text.slice(a, b).toLowerCase() : '';
}

/** The word that ends right before pos (after skipping inline spaces and hyphens), lower case. */
export function wordBefore(text: string, pos: number): string {
  const b = wordBeforeEnd(text, pos);
  const a = wordBeforeStart(text, b);
  return a < b ? text.slice(a, b).toLowerCase() : '';
}

/** The transport protocol that starts a netstat/ss line (tcp, tcp6, UDP …). */
export function lineProtocol(text: string, ls: number, pos: number): Protocol | undefined {
  if (pos - ls > 160) return undefined;
  let i = ls;
  while (i < pos && isInlineSpace(text.charCodeAt(i))) i++;
  let p: Protocol | undefined;
  if (matchesLower(text, i, 'tcp')) p = 'tcp';
  else if (matchesLower(text, i, 'udp')) p = 'udp';
  else return undefined;
  let j = i + 3;
  const c = text.charCodeAt(j);
  if (c === DIGIT_4 || c === DIGIT_6) j++; // tcp4, tcp6
  return isInlineSpace(text.charCodeAt(j)) ? p : undefined;
}

/** Whether the line before pos names a container image (FROM …, image: …). ls: the line's start, lineStart(text, pos). */
export function isImageContext(text: string, ls: number, pos: number): boolean {
  if (ls < 0) return false;
  let i = ls;
  while (i < pos && isInlineSpace(text.charCodeAt(i))) i++;
  if (matchesLower(text, i, 'from') && isInlineSpace(text.charCodeAt(i + 4))) return true;
  // "image: redis:7", "--image=node:20", image = "node:20"
  let j = pos;
  let n = 0;
  while (j > ls && n < 6) {
    const c = text.charCodeAt(j - 1);
    if (isInlineSpace(c) || c === DQUOTE || c === APOS || c === COLON || c === EQUALS) { j--; n++; }
    else break;
  }
  return j - 5 >= ls && matchesLower(text, j - 5, 'image');
}

/** wordHash of the word after pos (as wordAfter reads it), or 0 when there is none. */
export function wordAfterHash(text: string, pos: number): number {
  const a = wordAfterStart(text, pos);
  const b = wordAfterEnd(text, pos, a);
  return a < b ? wordHash(text, a, b) : 0;
}

/** wordHash of the word before pos (as wordBefore reads it), or 0 when there is none. */
export function wordBeforeHash(text: string, pos: number): number {
  const b = wordBeforeEnd(text, pos);
  const a = wordBeforeStart(text, b);
  return a < b ? wordHash(text, a, b) : 0;
}
