// Rule family: a port's default value written apart from its port word, in
// reference documentation (round 4). Takes a "(default: N)" note at the end
// of a clause about a port ("TURN listener port for UDP and TCP (Default:
// 3478)"), a sentence "Default is N." / "The default is N." / "Defaults to
// N." right after a sentence about a port ("Specifies the port number that
// sshd listens on. The default is 22."), and a DocBook parameter's default
// value when the parameter is named as a port (<samba:parameter name="krb5
// port"> … <value type="default">88</value>); and examples of ports in a
// bracket closing a clause about ports ("ports to scan (e.g., 80,443)",
// round 5). Rejects those shapes when the
// clause or sentence speaks of a count, a size or a time (timeout, number
// of, max, interval …), and port 0 (a default of 0 is "disabled").
import { COLON, COMMA, HYPHEN, SPACE, isAsciiLetter, isDigit, isInlineSpace, isSpace, DOT, GT, LPAREN, matchesLower, NEWLINE, RPAREN } from '../chars.ts';
import type { KeywordLook, TextScan } from '../state.ts';

/** Words in a clause or sentence about a port that make its default a count, a size or a time. */
const NOT_A_PORT_VALUE = new Set([
  'timeout', 'timeouts', 'interval', 'count', 'counts', 'max', 'maximum', 'min', 'minimum', 'limit', 'limits', 'size',
  'retries', 'seconds', 'milliseconds', 'backlog', 'buffer', 'threads', 'workers', 'connections', 'many', 'range',
  'probes', 'attempts',
]);

/** Bounds of the word that ends at b (letters only), as [a, b), or a = b when there is none. */
function wordStartBefore(t: string, b: number, lo: number): number {
  let a = b;
  while (a > lo && isAsciiLetter(t.charCodeAt(a - 1))) a--;
  return a;
}

/** The start of the word before position p (inline spaces skipped), or -1. */
function prevWordStart(t: string, p: number, lo: number): [number, number] {
  let b = p;
  while (b > lo && isInlineSpace(t.charCodeAt(b - 1))) b--;
  const a = wordStartBefore(t, b, lo);
  return [a, b];
}

function isWord(t: string, a: number, b: number, w: string): boolean {
  return b - a === w.length && matchesLower(t, a, w);
}

/**
 * "(Default: 3478)", "(default 3480)", "(default is 7000)" after a clause on
 * the same line whose port word comes before the bracket with no number
 * between, and no count word in the clause.
 */
export function defaultNote(sc: TextScan, look: KeywordLook): boolean {
  const t = sc.t;
  let a = look.firstA;
  if (a >= 1 && isWord(t, a, look.firstB, 'is')) {
    // "(default is 7000)", "(default value is 7000)"
    let [pa, pb] = prevWordStart(t, a, a > 24 ? a - 24 : 0);
    if (isWord(t, pa, pb, 'value')) [pa, pb] = prevWordStart(t, pa, pa > 24 ? pa - 24 : 0);
    if (!isWord(t, pa, pb, 'default')) return false;
    a = pa;
  } else if (a < 1 || !(isWord(t, a, look.firstB, 'default') || isWord(t, a, look.firstB, 'defaults'))) return false;
  return t.charCodeAt(a - 1) === LPAREN && portClauseBefore(t, a - 1, false);
}

/**
 * The clause before the bracket at paren, back to the line's start: a port
 * word in it (with plural, "ports" too), no number between it and the
 * bracket, and nothing that makes the value a count (Number of probes per
 * IP/Port pair, number of retries for the port scan).
 */
function portClauseBefore(t: string, paren: number, plural: boolean): boolean {
  const lo = paren > 160 ? paren - 160 : 0;
  let k = paren;
  let port = false;
  while (k > lo) {
    const c = t.charCodeAt(k - 1);
    if (c === NEWLINE) break;
    if (isDigit(c) || c === DOT || c === COLON) {
      if (!port) return false;
      break; // the clause's start
    }
    if (!isAsciiLetter(c)) { k--; continue; }
    const w = wordStartBefore(t, k, lo);
    if (isWord(t, w, k, 'port') || (plural && isWord(t, w, k, 'ports'))) port = true;
    else if (NOT_A_PORT_VALUE.has(t.slice(w, k).toLowerCase()) || (isWord(t, w, k, 'number') && isWord(t, k + 1, k + 3, 'of'))) return false;
    k = w;
  }
  return port;
}

/**
 * Examples of the ports a clause speaks of, in a bracket closing it: "ports
 * and/or port ranges to scan (e.g., 80,443,100-105)", "ports to scan (80,443,
 * 100-200)". A bare bracket must hold a list (a comma after the first number).
 */
export function exampleNote(sc: TextScan, s: number, e: number): boolean {
  const t = sc.t;
  const c = sc.at(e);
  const orNext = c === SPACE && (matchesLower(t, e + 1, 'or ') || matchesLower(t, e + 1, 'and '));
  if (c !== COMMA && c !== RPAREN && !orNext && !(c === HYPHEN && isDigit(sc.at(e + 1)))) return false; // a number, not "4 entries"
  let p = s - 1;
  while (p > 0 && s - p < 4 && isInlineSpace(t.charCodeAt(p))) p--;
  if (t.charCodeAt(p) === COMMA || t.charCodeAt(p) === COLON) p--;
  if (t.charCodeAt(p) !== LPAREN) {
    // "(e.g., 80", "(e.g. 80", "(eg 80", "(ex: 80", "(usually 139 or 445)"
    const b = p + 1;
    let a = b;
    while (a > 0 && b - a < 9 && (isAsciiLetter(t.charCodeAt(a - 1)) || t.charCodeAt(a - 1) === DOT)) a--;
    const w = t.slice(a, b).toLowerCase();
    if (w !== 'e.g.' && w !== 'e.g' && w !== 'eg' && w !== 'ex' && w !== 'usually' && w !== 'typically') return false;
    p = a - 1;
    if (t.charCodeAt(p) !== LPAREN) return false;
  } else if (!(t.charCodeAt(e) === COMMA && isDigit(sc.at(e + 1)))) return false;
  return portClauseBefore(t, p, true);
}

/**
 * "Default is N", "The default is N", "The default value [for this
 * property] is N", "Defaults to N" opening a sentence right after a sentence
 * (or ending one after a clause) about a port: "port" among its first six
 * words or its last word, and no count word in it. firstA/firstB: the word before the number (is, to).
 */
export function defaultAfterPortSentence(sc: TextScan, look: KeywordLook): boolean {
  const t = sc.t;
  const is = isWord(t, look.firstA, look.firstB, 'is');
  if (!is && !isWord(t, look.firstA, look.firstB, 'to')) return false;
  const lo = look.firstA > 320 ? look.firstA - 320 : 0;
  let [a, b] = prevWordStart(t, look.firstA, lo);
  if (is && isThing(t, a, b)) {
    // "The default value for this property is 61616."
    const [fa, fb] = prevWordStart(t, a, lo);
    const [ta, tb] = prevWordStart(t, fa, lo);
    if (!isWord(t, fa, fb, 'this') || !isWord(t, ta, tb, 'for')) return false;
    [a, b] = prevWordStart(t, ta, lo);
  }
  if (is && isWord(t, a, b, 'value')) [a, b] = prevWordStart(t, a, lo);
  if (!(is ? isWord(t, a, b, 'default') : isWord(t, a, b, 'defaults'))) return false;
  if (is) {
    const [pa, pb] = prevWordStart(t, a, lo);
    if (isWord(t, pa, pb, 'the')) a = pa;
  }
  // The sentence before ends right before it, or a clause of the same
  // sentence does ("If port is not specified, the default is 8080.").
  let d = a;
  while (d > lo && a - d < 12 && isSpace(t.charCodeAt(d - 1))) d--;
  if (d === a || (t.charCodeAt(d - 1) !== DOT && t.charCodeAt(d - 1) !== COMMA)) return false;
  const end = d - 1;
  // Its start: after ". ", '>' (a DocBook tag) or a blank line, at most 240 back.
  const lim = end > 240 ? end - 240 : 0;
  let st = end;
  while (st > lim) {
    const c = t.charCodeAt(st - 1);
    if (c === GT || (c === DOT && isSpace(t.charCodeAt(st))) || (c === NEWLINE && t.charCodeAt(st - 2) === NEWLINE)) break;
    st--;
  }
  let words = 0;
  let portAt = -1;
  let i = st;
  while (i < end) {
    if (!isAsciiLetter(t.charCodeAt(i))) { i++; continue; }
    let j = i;
    while (j < end && isAsciiLetter(t.charCodeAt(j))) j++;
    const w = t.slice(i, j).toLowerCase();
    if (NOT_A_PORT_VALUE.has(w)) return false;
    if (w === 'port' && (portAt < 0 || j === end)) portAt = words;
    words++;
    i = j;
    if (j === end && w === 'port') return true; // "… listening port."
  }
  return portAt >= 0 && portAt < 6;
}

/** A word naming what a documented setting is: property, option, setting, parameter. */
function isThing(t: string, a: number, b: number): boolean {
  return isWord(t, a, b, 'property') || isWord(t, a, b, 'option') || isWord(t, a, b, 'setting') || isWord(t, a, b, 'parameter');
}

/**
 * <value type="default">88</value> in a DocBook parameter whose name is a
 * port (<samba:parameter name="krb5 port">). s is the number, after '>'.
 * The nearest parameter name before is found from where the last search
 * stopped (sc.docbook keeps the last one found and the next one ahead), so
 * the searches add up to one pass over the text.
 */
export function docbookPortDefault(sc: TextScan, s: number): boolean {
  const t = sc.t;
  if (s < 21 || !matchesLower(t, s - 15, 'type="default">') || !matchesLower(t, s - 21, 'value ')) return false;
  const memo = sc.docbook;
  let next = memo.next;
  for (;;) {
    if (next === -2) next = t.indexOf(PARAMETER, memo.from);
    if (next < 0 || next >= s) break;
    memo.paramAt = next;
    memo.from = next + PARAMETER.length;
    next = -2;
  }
  memo.next = next;
  const p = memo.paramAt;
  if (p < 0) return false;
  const a = p + PARAMETER.length;
  const q = t.indexOf('"', a);
  return q > a + 4 && q - a < 64 && q < s && matchesLower(t, q - 4, 'port') && !isAsciiLetter(t.charCodeAt(q - 5));
}

const PARAMETER = 'parameter name="';
