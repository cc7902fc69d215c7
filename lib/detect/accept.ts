// Acceptance: emits a mention and what extends it — a range (135-139, 6667
// through 7000, ports 6000 to 6063, から…まで), a protocol suffix (/tcp) or
// word (53 udp) — and remembers the list it may start. Also the protocol
// words written before an address (listen tcp :8080).
import type { Protocol } from '../types.ts';
import {
  AMP, COLON, digitsEnd, DOT, HYPHEN, isAsciiLetter, isDash, isDigit, isGlue, isInlineSpace, isTilde, isWordLetter,
  LOWER_P, LOWER_T, LOWER_U, matchesLower, NEWLINE, portValue, SLASH, SPACE,
} from './chars.ts';
import { wordAfter, wordBeforeHash } from './context.ts';
import { hashSet, wordHash } from './hash.ts';
import { M_BETWEEN, M_CHANGE, M_SPACE_RANGE, M_TO_RANGE, setList } from './lists.ts';
import { grepableProto } from './rules/specs.ts';
import type { TextScan } from './state.ts';
import type { PortMention } from './types.ts';
import { LIST_WORDS, PROTOCOL_HASHES, RANGE_WORDS } from './words.ts';

/** Every word accept reads after a number as joining a range (keep in step with it), by wordHash. */
const RANGE_AFTER_HASHES = hashSet([...RANGE_WORDS, 'through', 'thru', 'bis', 'hasta', 'até', 'до', 'till', 'until', 'to', 'and', 'up']);

/** Adds a mention to sc.out; rule is the code (rules.ts) of the rule that accepted it. */
export function emit(sc: TextScan, rule: number, start: number, end: number, port: number, endPort: number, host: string | undefined, protocol: Protocol | undefined): void {
  // One object literal per shape: no property added after allocation.
  let m: PortMention;
  if (endPort > port) {
    if (host !== undefined) m = protocol !== undefined ? { start, end, port, endPort, host, protocol } : { start, end, port, endPort, host };
    else m = protocol !== undefined ? { start, end, port, endPort, protocol } : { start, end, port, endPort };
  } else if (host !== undefined) {
    m = protocol !== undefined ? { start, end, port, host, protocol } : { start, end, port, host };
  } else {
    m = protocol !== undefined ? { start, end, port, protocol } : { start, end, port };
  }
  sc.out.push(m);
  if (sc.trace !== null) sc.trace.accepted.push(rule);
}

/** Turns a run down by the rule of that code (rules.ts) and returns pos (where the pass goes on, or the rule's own "no" value). */
export function reject<T>(sc: TextScan, rule: number, pos: T): T {
  sc.rule = rule;
  return pos;
}

/**
 * Emits the mention at [s, e) and what may extend it: a range (135-139,
 * 6667 through 7000, ports 6000 to 6063), a /tcp suffix. Remembers the list
 * so that the next numbers can continue it. rule: the accepting rule's code (rules.ts). protoAfter: a protocol word
 * may follow the number (listen 53 udp).
 */
export function accept(sc: TextScan, rule: number, s: number, e: number, v: number, proto: Protocol | undefined, mode: number, host: string | undefined, protoAfter = false): number {
  const t = sc.t;
  let endPort = v;
  let end = e;
  // A range?
  let i = e;
  let sp = 0;
  while (isInlineSpace(sc.at(i)) && sp < 3) { i++; sp++; }
  const c = sc.at(i);
  let k = -1;
  let byWord = false;
  if (isDash(c) || isTilde(c) || (c === 0x5230 || c === 0x81f3)) {
    k = i + 1;
  } else if (c === 0x304b && sc.at(i + 1) === 0x3089) {
    k = i + 2; // から
  } else if (sp > 0 && isWordLetter(c)) {
    let w = i;
    let ascii = true;
    while (w < sc.n && w - i < 9 && isWordLetter(t.charCodeAt(w))) { if (t.charCodeAt(w) >= 128) ascii = false; w++; }
    // An ASCII word that none of the words below can be is not sliced.
    const word = ascii && !RANGE_AFTER_HASHES.has(wordHash(t, i, w)) ? '' : t.slice(i, w).toLowerCase();
    const strong = word === 'through' || word === 'thru' || word === 'bis' || word === 'hasta' || word === 'até' || word === 'до' || word === 'till' || word === 'until';
    if (strong || (RANGE_WORDS.has(word) || word === 'to') && (mode & M_TO_RANGE)) { k = w; byWord = true; }
    else if (word === 'and' && (mode & M_BETWEEN)) k = w; // between 6000 and 6063
    else if (word === 'up' && (mode & (M_TO_RANGE | M_CHANGE)) && sc.at(w) === SPACE && matchesLower(t, w + 1, 'to') && !isAsciiLetter(sc.at(w + 3))) k = w + 3; // from 1024 up to 65535
  } else if (sp > 0 && (mode & M_SPACE_RANGE) && isDigit(c)) {
    k = i;
  }
  if (k >= 0) {
    let r = k;
    let sp2 = 0;
    while (isInlineSpace(sc.at(r)) && sp2 < 3) { r++; sp2++; }
    if (byWord && sp2 < 3 && sc.at(r) === NEWLINE) {
      // "ports from 1 through⏎65535": the line wraps after the range word.
      r++;
      for (sp2 = 0; isInlineSpace(sc.at(r)) && sp2 < 12; sp2++) r++;
    }
    if (isDigit(sc.at(r))) {
      const re = digitsEnd(t, r);
      const ca = sc.at(re);
      const v2 = portValue(t, r, re);
      if (v2 > v && !isGlue(ca) && !(ca === DOT && isDigit(sc.at(re + 1))) && !(ca === COLON && isDigit(sc.at(re + 1)))) {
        endPort = v2;
        end = re;
      }
    }
  }
  let consumed = end;
  if (sc.at(consumed) === 0x307e && sc.at(consumed + 1) === 0x3067) consumed += 2; // まで
  const sfx = suffixProto(sc, consumed);
  if (sfx !== undefined) {
    proto = sfx;
    consumed += 1 + sfx.length;
  } else if (proto === undefined && endPort === v && sc.at(consumed) === SLASH && grepableProto(sc, consumed) !== undefined) {
    proto = grepableProto(sc, consumed); // Ports: 22/open/tcp//ssh///
  } else if (protoAfter) {
    // listen 53 udp; ports 2456-2458 UDP — a protocol word after the number (not "TCP and UDP", "TCP/UDP").
    if (proto === undefined) proto = protoWordAfter(sc, end);
  }
  emit(sc, rule, s, end, v, endPort, host, proto);
  setList(sc, consumed, proto, mode, false);
  return consumed;
}

/** Protocol written as a suffix at i: /tcp, /UDP. The suffix ends at i + 1 + protocol.length. */
export function suffixProto(sc: TextScan, i: number): Protocol | undefined {
  if (sc.at(i) !== SLASH) return undefined;
  const t = sc.t;
  let p: Protocol | undefined;
  let len = 3;
  if (matchesLower(t, i + 1, 'tcp')) p = 'tcp';
  else if (matchesLower(t, i + 1, 'udp')) p = 'udp';
  else if (matchesLower(t, i + 1, 'sctp')) { p = 'sctp'; len = 4; }
  else if (matchesLower(t, i + 1, 'dccp')) { p = 'dccp'; len = 4; }
  else return undefined;
  const after = sc.at(i + 1 + len);
  if (isAsciiLetter(after) || isDigit(after)) return undefined; // tcp6 is fine below
  return p;
}

/** "53 udp reuseport", "2456-2458 UDP forwarded": tcp/udp as the next word, alone. */
export function protoWordAfter(sc: TextScan, end: number): Protocol | undefined {
  const t = sc.t;
  if (!isInlineSpace(sc.at(end))) return undefined;
  const i = end + 1;
  const c = sc.at(i) | 32;
  if (c !== LOWER_T && c !== LOWER_U) return undefined;
  let p: Protocol | undefined;
  if (matchesLower(t, i, 'tcp')) p = 'tcp';
  else if (matchesLower(t, i, 'udp')) p = 'udp';
  else return undefined;
  const d = sc.at(i + 3);
  if (isGlue(d) || d === SLASH || d === AMP || d === HYPHEN) return undefined;
  const w = wordAfter(t, i + 3);
  if (LIST_WORDS.has(w)) return undefined;
  return p;
}

export function protoWordBefore(sc: TextScan, k: number): Protocol | undefined {
  // tcp, udp, sctp and dccp all end in "p": most looks stop here.
  let j = k;
  while (j > 0 && k - j < 3 && (isInlineSpace(sc.t.charCodeAt(j - 1)) || sc.t.charCodeAt(j - 1) === HYPHEN)) j--;
  if ((sc.at(j - 1) | 32) !== LOWER_P) return undefined;
  const h = wordBeforeHash(sc.t, k);
  return h === 0 ? undefined : PROTOCOL_HASHES.get(h);
}
