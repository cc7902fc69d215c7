// List continuation: after a mention announced by a keyword, the numbers
// joined to it by commas, "and", slashes or a bracketed note are mentions too.
// Modes (bits) say how the numbers after a mention may continue it.
import type { Protocol } from '../types.ts';
import { suffixProto } from './accept.ts';
import {
  AMP, BACKTICK, COLON, COMMA, CR, digitsEnd, DOT, EQUALS, GT, HYPHEN, isAsciiLetter, isDigit, isGlue, isInlineSpace, isQuote,
  isWordLetter, LPAREN, matchesLower, NEWLINE, portValue, RPAREN, SEMICOLON, SLASH,
} from './chars.ts';
import { portWordAfter } from './rules/after.ts';
import { hashSet, wordHash } from './hash.ts';
import type { TextScan } from './state.ts';
import { LIST_WORDS } from './words.ts';

/** After this mention, more numbers joined by commas/"and" are mentions too. */
export const M_LIST = 1;
/** "to" joins a range (plural keyword or "range"). */
export const M_TO_RANGE = 2;
/** "to", "->", "==>" join a second mention (a change of port). */
export const M_CHANGE = 4;
/** Spaces alone separate list items (EXPOSE 80 443, nc host 22 80). */
export const M_SPACE_LIST = 8;
/** Two numbers separated by spaces form a range (PassivePorts 49152 65534). */
export const M_SPACE_RANGE = 16;
/** Only an arrow continues: "127.0.0.1:8080 -> 80" (kubectl port-forward). */
export const M_ARROW = 32;
/** "between" was read before the number: "and" makes a range (ports between 6000 and 6063). */
export const M_BETWEEN = 64;

export function setList(sc: TextScan, end: number, proto: Protocol | undefined, mode: number, isMap: boolean): void {
  if (mode & (M_LIST | M_ARROW)) {
    sc.list.end = end;
    sc.list.proto = proto;
    sc.list.mode = mode;
    sc.list.isMap = isMap;
  } else {
    sc.list.end = -1;
  }
}

export function listContinues(sc: TextScan, s: number): boolean {
  return sc.list.end >= 0 && s - sc.list.end <= 64 && s > sc.list.end - 1 && gapIsListSep(sc, sc.list.end, s, sc.list.mode);
}

/** Every word gapIsListSep accepts between list items (keep in step with it), by wordHash. */
const GAP_WORD_HASHES = hashSet([
  ...LIST_WORDS, 'for', 'für', 'pour', 'para', 'per', 'instead', 'rather', 'statt', 'anstatt', 'to', 'then', 'auf', 'nach', 'на', 'vers', 'à', 'a',
]);

/** Whether text[a, b) only joins list items: ", ", " and ", "/", " (SSH), ", " or ". */
export function gapIsListSep(sc: TextScan, a: number, b: number, mode: number): boolean {
  const t = sc.t;
  let sep = false;
  let i = a;
  if (mode === M_ARROW) {
    // host:port -> N, the number ending the line.
    while (i < b && isInlineSpace(t.charCodeAt(i))) i++;
    const c = t.charCodeAt(i);
    if (c === 0x2192) i++;
    else if ((c === HYPHEN || c === EQUALS) && t.charCodeAt(i + 1) === GT) i += 2;
    else return false;
    while (i < b && isInlineSpace(t.charCodeAt(i))) i++;
    if (i !== b || i === a) return false;
    let k = digitsEnd(t, b);
    while (k < sc.n && isInlineSpace(t.charCodeAt(k))) k++;
    return k === sc.n || t.charCodeAt(k) === NEWLINE || t.charCodeAt(k) === CR;
  }
  while (i < b) {
    const c = t.charCodeAt(i);
    if (isInlineSpace(c) || isQuote(c) || c === RPAREN) { i++; continue; }
    if (c === COMMA || c === SLASH || c === SEMICOLON || c === AMP || c === 0x3001 || c === 0xff0c || c === 0x548c || c === 0x4e0e || c === 0x53ca || c === 0x6216 || c === 0x3068 || c === 0x3084 || c === 0xbc0f) {
      sep = true; i++; continue;
    }
    if (c === LPAREN) {
      // A short note in brackets: 22 (SSH), 80 (HTTP).
      let k = i + 1;
      while (k < b && k - i < 40 && t.charCodeAt(k) !== RPAREN && !isDigit(t.charCodeAt(k)) && t.charCodeAt(k) !== NEWLINE) k++;
      if (k >= b || t.charCodeAt(k) !== RPAREN) return false;
      i = k + 1;
      continue;
    }
    if ((mode & M_CHANGE) && (c === 0x2192 || c === 0x21d2 || c === GT || c === EQUALS || c === HYPHEN)) {
      // -> ==> => →
      let k = i;
      while (k < b && (t.charCodeAt(k) === HYPHEN || t.charCodeAt(k) === EQUALS)) k++;
      if (k < b && (t.charCodeAt(k) === GT || t.charCodeAt(k) === 0x2192 || t.charCodeAt(k) === 0x21d2)) { sep = true; i = k + 1; continue; }
      return false;
    }
    if (isWordLetter(c)) {
      let k = i;
      let ascii = true;
      while (k < b && isWordLetter(t.charCodeAt(k))) { if (t.charCodeAt(k) >= 128) ascii = false; k++; }
      if (k - i > 8) return false;
      // An ASCII word that none of the words below can be: no need to slice it.
      if (ascii && !GAP_WORD_HASHES.has(wordHash(t, i, k))) return false;
      const w = t.slice(i, k).toLowerCase();
      if (!sep && (mode & M_LIST) && (w === 'for' || w === 'für' || w === 'pour' || w === 'para' || w === 'per') && isInlineSpace(t.charCodeAt(k))) {
        // "port 8500 for HTTP, 8600 for DNS": a short note of up to three words, then a separator.
        let words = 0;
        let m = k;
        while (m < b && words < 4) {
          while (m < b && isInlineSpace(t.charCodeAt(m))) m++;
          const w0 = m;
          while (m < b && (isWordLetter(t.charCodeAt(m)) || isDigit(t.charCodeAt(m)) || t.charCodeAt(m) === HYPHEN || t.charCodeAt(m) === SLASH)) m++;
          if (m === w0) break;
          words++;
        }
        if (words === 0 || words > 3 || (t.charCodeAt(m) !== COMMA && t.charCodeAt(m) !== SEMICOLON)) return false;
        // The next item must look like a port, not a small count ("…, 3 for nothing").
        if (b < sc.n && portValue(t, b, digitsEnd(t, b)) < 100) return false;
        i = m;
        continue;
      }
      if ((mode & M_CHANGE) && !sep && (w === 'instead' || w === 'rather' || w === 'statt' || w === 'anstatt')) {
        // "port (9464) instead of 8080", "rather than 80": the port it replaces.
        let m = k;
        while (m < b && isInlineSpace(t.charCodeAt(m))) m++;
        if (w === 'instead' || w === 'rather') {
          const w2 = w === 'instead' ? 'of' : 'than';
          if (!matchesLower(t, m, w2) || isAsciiLetter(sc.at(m + w2.length))) return false;
          m += w2.length;
        }
        sep = true; i = m; continue;
      }
      if (LIST_WORDS.has(w) || ((mode & M_CHANGE) && (w === 'to' || w === 'then' || w === 'auf' || w === 'nach' || w === 'para' || w === 'на' || w === 'vers' || w === 'à' || w === 'a'))) {
        sep = true; i = k; continue;
      }
      return false;
    }
    return false;
  }
  return sep || ((mode & M_SPACE_LIST) !== 0 && b > a);
}

/** 80 和 443 端口, 80, 443 port: numbers joined up to one that a port word follows. */
export function listThenPortWord(sc: TextScan, e: number): boolean {
  const t = sc.t;
  let i = e;
  // Items already read from an earlier number of the same list lack a port
  // word: go on from the last of them, so a long list is read once.
  const from = e > sc.list.noWordFrom && e <= sc.list.noWordTo ? sc.list.noWordFrom : e;
  if (from !== e) i = sc.list.noWordTo;
  const budget = from !== e ? 1 : 4;
  for (let items = 0; items < budget; items++) {
    let sep = false;
    const lim = i + 12;
    while (i < lim && i < sc.n) {
      const c = t.charCodeAt(i);
      if (isInlineSpace(c) || c === BACKTICK) { i++; continue; } // `80` and `443` ports: code spans are transparent
      if (c === COMMA || c === 0x3001 || c === 0xff0c || c === 0x548c || c === 0x4e0e || c === 0x53ca || c === 0x3068) { sep = true; i++; continue; }
      if (isAsciiLetter(c)) {
        // and / or / und / et / y … followed by a number
        let k = i;
        while (k < sc.n && k - i < 5 && isAsciiLetter(t.charCodeAt(k))) k++;
        if (k - i > 4 || !isInlineSpace(sc.at(k)) || !isDigit(sc.at(k + 1))) return false;
        if (!LIST_WORDS.has(t.slice(i, k).toLowerCase())) return false;
        sep = true; i = k; continue;
      }
      break;
    }
    if (!sep || !isDigit(sc.at(i))) return false;
    const s2 = i;
    const e2 = digitsEnd(t, s2);
    if (portValue(t, s2, e2) <= 0 || isGlue(sc.at(e2)) || sc.at(e2) === DOT || sc.at(e2) === COLON) return false;
    if (portWordAfter(sc, s2, e2)) return true;
    i = e2;
    sc.list.noWordFrom = from;
    sc.list.noWordTo = e2;
  }
  return false;
}

/** The protocol after a comma list of numbers: ",443,8443/tcp". */
export function listSuffixProto(sc: TextScan, e: number): Protocol | undefined {
  // The run of commas and digits from e, read at most 48 on; an earlier call
  // inside the same run left where it ends or how far it goes on (sc.commaRun).
  const r = sc.commaRun;
  if (!(r.from >= 0 && r.from <= e && e <= (r.end >= 0 ? r.end : r.to))) {
    r.from = e;
    r.to = e;
    r.end = -1;
  }
  const lim = e + 48;
  if (r.end < 0) {
    let i = r.to;
    while (i < lim && (sc.at(i) === COMMA || isDigit(sc.at(i)))) i++;
    r.to = i;
    if (i < lim) r.end = i;
  }
  const i = r.end >= 0 ? r.end : lim;
  return i > e + 1 && isDigit(sc.at(i - 1)) ? suffixProto(sc, i) : undefined;
}
