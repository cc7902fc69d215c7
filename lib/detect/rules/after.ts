// Rule family: something after the number that makes it a port. A port
// word after it (the 8080 port, 22端口, 8080番ポート, 8080 포트를, Turkish
// 8080 portunu), a known service beside it with one of its usual ports
// (22 (SSH), PostgreSQL (5432)), an appositive (the exporter's port, 9100,)
// and a service's usual port with a port or default cue close by.
import {
  BACKTICK, COLON, CR, DOT, EQUALS, HYPHEN, isAsciiLetter, isDigit, isGlue, isInlineSpace, isSpace, isWordLetter, LOWER_A, LOWER_I, LOWER_N, LOWER_P,
  LOWER_S, LPAREN, matchesLower, NEWLINE, portValue, RPAREN, SEMICOLON,
} from '../chars.ts';
import { wordAfter, wordBefore, wordBeforeHash } from '../context.ts';
import { wordHash } from '../hash.ts';
import type { KeywordLook, TextScan } from '../state.ts';
import {
  ALL_SERVICE_PORTS, COUNTED_AFTER, mayBeService, SERVICE_DEFAULT_CUES, SERVICE_PORTS, TR_PORT_SHORT, TR_PORT_SUFFIXES,
} from '../words.ts';
import { countedAfter, physicalBefore } from './vetting.ts';

/**
 * "8222 is an HTTP management port", "6222 is a routing port for …": after
 * "is", an article, at most three words and the singular port word (not
 * "a port of" a program, not a count after it); for numbers of 100 and up.
 */
export function isAPort(sc: TextScan, s: number, e: number, i: number): boolean {
  const t = sc.t;
  if (portValue(t, s, e) < 100) return false;
  const the = matchesLower(t, i, 'the ');
  if (matchesLower(t, i, 'a ')) i += 2;
  else if (matchesLower(t, i, 'an ')) i += 3;
  else if (the) i += 4;
  else return false;
  for (let words = 0; words <= 3; words++) {
    if (matchesLower(t, i, 'port') && !isGlue(sc.at(i + 4)) && sc.at(i + 4) !== HYPHEN) {
      const next = wordAfter(t, i + 4);
      return (the || next !== 'of') && !COUNTED_AFTER.has(next); // "a port of the engine" is a program
    }
    const w = i;
    while (i - w < 16 && (isAsciiLetter(sc.at(i)) || sc.at(i) === HYPHEN)) i++;
    if (i === w || !isInlineSpace(sc.at(i))) return false;
    i++;
  }
  return false;
}

/** "the 8080 port", "22端口", "8080番ポート", "22번 포트" — but not "a 24 port switch". */
export function portWordAfter(sc: TextScan, s: number, e: number): boolean {
  const t = sc.t;
  let i = e;
  if (sc.at(i) === BACKTICK && sc.at(s - 1) === BACKTICK) i++; // `443` ports: the number in a code span
  let spaces = 0;
  while (isInlineSpace(sc.at(i)) && spaces < 2) { i++; spaces++; }
  const c = sc.at(i);
  if (spaces > 0 && c === LOWER_A && sc.at(i + 1) === LOWER_S && isInlineSpace(sc.at(i + 2))) {
    // "using 7006 as port number", "8080 as the port"
    let j = i + 3;
    if (matchesLower(t, j, 'the ')) j += 4;
    return matchesLower(t, j, 'port') && !isGlue(sc.at(j + 4));
  }
  if (spaces > 0 && c === LOWER_I && sc.at(i + 1) === LOWER_S && isInlineSpace(sc.at(i + 2))) return isAPort(sc, s, e, i + 3);
  // Every other form starts with n, p (numaralı, port) or a CJK/Hangul character.
  if (c < 128 && (c | 32) !== LOWER_N && (c | 32) !== LOWER_P) return false;
  if (spaces > 0 && matchesLower(t, i, 'numaralı') && isInlineSpace(sc.at(i + 8))) {
    // Turkish "443 numaralı port(u)": the numbered port.
    i += 9;
    return matchesLower(t, i, 'port') && (!isGlue(sc.at(i + 4)) || turkishPortSuffix(sc, i + 4, true));
  }
  if (spaces > 0 && matchesLower(t, i, 'port') && isAsciiLetter(sc.at(i + 4)) && turkishPortSuffix(sc, i + 4, false)) {
    // Turkish "8080 portunu dinler": port with a case suffix.
    const prev = wordBefore(t, s);
    return !(prev === 'bir' || prev === 'a');
  }
  if (spaces > 0 && c === 0xd3ec && sc.at(i + 1) === 0xd2b8) {
    // Korean "8080 포트를 열어" — not "24 포트 스위치" (a switch with 24 ports).
    let k = i + 2;
    while (isInlineSpace(sc.at(k))) k++;
    const d = sc.at(k);
    return !(d === 0xc2a4 || d === 0xd5c8 || d === 0xb77c);
  }
  // "the local 8080 port:" ending a sentence; "8080 port: 22" stays out.
  const endColon = sc.at(i + 4) === COLON && (sc.at(i + 5) === -1 || sc.at(i + 5) === NEWLINE || sc.at(i + 5) === CR);
  if (spaces > 0 && matchesLower(t, i, 'port') && !isGlue(sc.at(i + 4)) && sc.at(i + 4) !== EQUALS && (sc.at(i + 4) !== COLON || endColon)) {
    const next = wordAfter(t, i + 4);
    if (COUNTED_AFTER.has(next)) return false;
    const prev = wordBefore(t, s);
    if (prev === 'a' || prev === 'an' || prev === 'one' || prev === 'single') return false;
    return true;
  }
  if (c === 0x7aef && sc.at(i + 1) === 0x53e3) {
    // 端口 — not 端口交换机 (a switch with N ports)
    const d = sc.at(i + 2);
    return !(d === 0x4ea4 || d === 0x4ea6 || d === 0x96c6);
  }
  if (c === 0x756a && sc.at(i + 1) === 0x30dd && sc.at(i + 2) === 0x30fc && sc.at(i + 3) === 0x30c8) return true; // 番ポート
  if (c === 0xbc88) {
    // 번 포트
    let k = i + 1;
    while (isInlineSpace(sc.at(k))) k++;
    return sc.at(k) === 0xd3ec && sc.at(k + 1) === 0xd2b8;
  }
  return false;
}

/** Turkish case suffixes of "port" at i: portu, portunu, portuna, portta, portundan … (then no letter). */
export function turkishPortSuffix(sc: TextScan, i: number, numbered: boolean): boolean {
  const t = sc.t;
  let k = i;
  while (k < sc.n && k - i < 6 && isWordLetter(t.charCodeAt(k))) k++;
  if (isWordLetter(sc.at(k))) return false;
  const w = t.slice(i, k).toLowerCase();
  return TR_PORT_SUFFIXES.has(w) || (numbered && TR_PORT_SHORT.has(w));
}

/** "PostgreSQL (5432)", "SSH: 22", "22 (SSH)", "Redis 6379" — only the service's usual ports. */
export function serviceAround(sc: TextScan, s: number, e: number, v: number, look: KeywordLook): boolean {
  if (!ALL_SERVICE_PORTS.has(v)) return false; // both looks below need one of a service's ports
  const t = sc.t;
  // After: " (SSH)"
  let i = e;
  while (isInlineSpace(sc.at(i))) i++;
  if (sc.at(i) === LPAREN && i - e <= 1) {
    let k = i + 1;
    while (k < sc.n && k - i < 20 && (isAsciiLetter(t.charCodeAt(k)) || isDigit(t.charCodeAt(k)) || t.charCodeAt(k) === HYPHEN)) k++;
    if (sc.at(k) === RPAREN && k > i + 1 && mayBeService(t, i + 1, k)) {
      const ports = SERVICE_PORTS.get(t.slice(i + 1, k).toLowerCase());
      if (ports !== undefined && ports.includes(v)) return true;
    }
  }
  // Before: "SSH 22", "PostgreSQL (5432)", "SSH: 22"
  let j = s;
  let p = 0;
  while (j > 0 && p < 3) {
    const c = t.charCodeAt(j - 1);
    if (isInlineSpace(c) || c === LPAREN || c === COLON) { j--; p++; } else break;
  }
  if (p === 0) return false;
  let k = j;
  while (k > 0 && j - k < 20 && (isAsciiLetter(t.charCodeAt(k - 1)) || isDigit(t.charCodeAt(k - 1)) || t.charCodeAt(k - 1) === HYPHEN)) k--;
  if (j - k === 2 && matchesLower(t, k, 'is') && !isGlue(sc.at(k - 1))) {
    // "TELNET is 23, SSH is 22": the service, "is", its usual port.
    j = k;
    while (j > 0 && k - j < 3 && isSpace(t.charCodeAt(j - 1))) j--;
    if (j === k) return false;
    k = j;
    while (k > 0 && j - k < 20 && (isAsciiLetter(t.charCodeAt(k - 1)) || isDigit(t.charCodeAt(k - 1)) || t.charCodeAt(k - 1) === HYPHEN)) k--;
  }
  if (k === j || isGlue(sc.at(k - 1))) return false;
  if (!mayBeService(t, k, j, k === look.firstA && j === look.firstB ? look.firstHash : wordHash(t, k, j))) return false;
  const ports = SERVICE_PORTS.get(t.slice(k, j).toLowerCase());
  return ports !== undefined && ports.includes(v);
}

/** "the exporter's port, 9100, is …": a plain port word right before the comma at c. */
export function portAppositive(sc: TextScan, c: number): boolean {
  const t = sc.t;
  let k = c;
  while (k > 0 && c - k < 6 && isAsciiLetter(t.charCodeAt(k - 1))) k--;
  if (c - k !== 4 || !matchesLower(t, k, 'port') || isGlue(sc.at(k - 1)) || sc.at(k - 1) === HYPHEN) return false;
  return !physicalBefore(sc, 'port', wordBeforeHash(t, k), k);
}

/**
 * A known service's usual port in prose with no keyword right before it,
 * taken only with both a service named close by (Kafka … 9092, 9090 … Prometheus)
 * and a word about ports or defaults earlier in the text ("default", "port").
 */
export function serviceNearby(sc: TextScan, s: number, e: number, v: number): boolean {
  if (countedAfter(sc, e)) return false;
  const t = sc.t;
  const lo = s > 100 ? s - 100 : 0;
  let cue = false;
  let named = false;
  let i = s;
  while (i > lo) {
    const c = t.charCodeAt(i - 1);
    if (!isAsciiLetter(c)) { i--; continue; }
    let a = i;
    while (a > lo && isAsciiLetter(t.charCodeAt(a - 1))) a--;
    const len = i - a;
    if (len >= 3 && len <= 13) {
      const h = wordHash(t, a, i);
      if (SERVICE_DEFAULT_CUES.has(h)) cue = true;
      else if (s - i <= 48 && mayBeService(t, a, i, h)) {
        const ports = SERVICE_PORTS.get(t.slice(a, i).toLowerCase());
        if (ports !== undefined && ports.includes(v)) named = true;
      }
    }
    i = a;
  }
  if (!cue) return false;
  if (named) return true;
  // After, in the same sentence: "Hard-coding 9090 clashes with Prometheus".
  const hi = e + 48 < sc.n ? e + 48 : sc.n;
  i = e;
  while (i < hi) {
    const c = t.charCodeAt(i);
    if (c === DOT || c === NEWLINE || c === SEMICOLON) return false;
    if (!isAsciiLetter(c)) { i++; continue; }
    let b = i;
    while (b < hi && isAsciiLetter(t.charCodeAt(b))) b++;
    if (b - i >= 3 && mayBeService(t, i, b)) {
      const ports = SERVICE_PORTS.get(t.slice(i, b).toLowerCase());
      if (ports !== undefined && ports.includes(v)) return true;
    }
    i = b;
  }
  return false;
}
