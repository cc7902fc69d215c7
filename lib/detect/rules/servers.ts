// Rule family: server lines whose syntax the product documents, read as a
// whole from their key (round 5). Takes ZooKeeper's server lines,
// server.N=host:quorumPort:electionPort[:role][|host:port:port[:role]…]
// [;[clientHost:]clientPort][;[secureHost:]securePort], and the shorthand
// ",N=…" that continues a reconfig list after one: every port field is a
// mention (the quorum and election ports with the address's host, a client
// port with its own host when one is written). Rejects the line whole — and
// leaves it to the other rules — when the value after server.N= is not that
// shape: a single port, a host with no ports, anything out of range or glued
// after the last field.
import { emit } from '../accept.ts';
import {
  COLON, COMMA, digitsEnd, EQUALS, isAsciiAlnum, isAsciiLetter, isDigit, isHex, isHostChar, isInlineSpace, LBRACKET,
  matchesLower, PIPE, portValue, RBRACKET, SEMICOLON, DOT, PERCENT,
} from '../chars.ts';
import { isIPv4 } from '../host.ts';
import { setList } from '../lists.ts';
import { ruleCode } from '../rules.ts';
import type { TextScan } from '../state.ts';

const R_ZOOKEEPER_SERVER = ruleCode('servers.zookeeper');

/** A server line longer than this is not read as one (the look stays bounded). */
const MAX_SPEC = 512;

/** The digit run [s, e) is the N of "server.N" (any case) at a word start. */
export function zookeeperKeyAt(sc: TextScan, s: number): boolean {
  const k = s - 7;
  return k >= 0 && matchesLower(sc.t, k, 'server.') && !isAsciiAlnum(sc.at(k - 1)) && sc.at(k - 1) !== DOT;
}

/**
 * server.N=…: reads the value after N (at e); when it is a ZooKeeper server
 * spec, emits every port in it and returns the position after the spec (and
 * after any ",N=spec" that follows); otherwise -1 and nothing is emitted.
 */
export function zookeeperServer(sc: TextScan, e: number): number {
  const limit = Math.min(sc.n, e + MAX_SPEC);
  const end = serverSpecs(sc, e, limit, false);
  if (end < 0) return -1;
  serverSpecs(sc, e, limit, true);
  setList(sc, end, undefined, 0, false);
  return end;
}

/** "= spec" then any ",N=spec"; with emitting, emits the ports. Returns the end, or -1 when the shape does not hold. */
function serverSpecs(sc: TextScan, from: number, limit: number, emitting: boolean): number {
  let i = afterEquals(sc, from, limit);
  if (i < 0) return -1;
  i = serverSpec(sc, i, limit, emitting);
  while (i >= 0 && sc.at(i) === COMMA && isDigit(sc.at(i + 1))) {
    // ",6=localhost:2114:2115:observer;2116" (the reconfig shorthand for server.6=…)
    const j = afterEquals(sc, digitsEnd(sc.t, i + 1), limit);
    if (j < 0) break;
    const next = serverSpec(sc, j, limit, emitting);
    if (next < 0) break; // the first specs stand; the comma is read by the other rules
    i = next;
  }
  return i;
}

/** The position after " = " at i, or -1. */
function afterEquals(sc: TextScan, i: number, limit: number): number {
  while (i < limit && isInlineSpace(sc.at(i))) i++;
  if (sc.at(i) !== EQUALS) return -1;
  i++;
  while (i < limit && isInlineSpace(sc.at(i))) i++;
  return i < limit ? i : -1;
}

/** One spec: addresses joined by '|', then client ports after ';'. */
function serverSpec(sc: TextScan, i: number, limit: number, emitting: boolean): number {
  for (;;) {
    const h = hostEnd(sc, i, limit);
    if (h <= i || sc.at(h) !== COLON || !isServerHost(sc, i, h)) return -1;
    const host = emitting ? hostName(sc, i, h) : undefined;
    const p1 = portField(sc, h + 1, host, emitting);
    if (p1 < 0 || sc.at(p1) !== COLON) return -1;
    let j = portField(sc, p1 + 1, host, emitting);
    if (j < 0) return -1;
    if (sc.at(j) === COLON && isAsciiLetter(sc.at(j + 1))) {
      j++; // a role: participant, observer
      while (j < limit && isAsciiLetter(sc.at(j))) j++;
    }
    if (sc.at(j) !== PIPE) { i = j; break; }
    i = j + 1;
  }
  while (sc.at(i) === SEMICOLON && i < limit) {
    i++;
    if (sc.at(i) === SEMICOLON) continue; // ";;1237": no plain client port, a secure one
    const h = hostEnd(sc, i, limit);
    if (h <= i) return -1;
    if (sc.at(h) === COLON) {
      if (!isServerHost(sc, i, h)) return -1;
      i = portField(sc, h + 1, emitting ? hostName(sc, i, h) : undefined, emitting);
    } else {
      if (!isDigit(sc.at(i)) || digitsEnd(sc.t, i) !== h) return -1;
      i = portField(sc, i, undefined, emitting);
    }
    if (i < 0) return -1;
  }
  return isHostChar(sc.at(i)) || sc.at(i) === COLON ? -1 : i;
}

/** The end of a host at i: a bracketed IPv6 address or a name/IPv4 address. */
function hostEnd(sc: TextScan, i: number, limit: number): number {
  let k = i;
  if (sc.at(k) === LBRACKET) {
    k++;
    while (k < limit && k - i < 48 && (isHex(sc.at(k)) || sc.at(k) === COLON || sc.at(k) === DOT || sc.at(k) === PERCENT)) k++;
    return sc.at(k) === RBRACKET ? k + 1 : -1;
  }
  while (k < limit && k - i < 253 && isHostChar(sc.at(k))) k++;
  return k;
}

/** A name starting with a letter, an IPv4 address, or a bracketed address (not 12 of a clock 12:30:45, not a version 1.2). */
function isServerHost(sc: TextScan, a: number, b: number): boolean {
  const c = sc.at(a);
  return c === LBRACKET || isAsciiLetter(c) || isIPv4(sc.t, a, b);
}

function hostName(sc: TextScan, a: number, b: number): string {
  return sc.at(a) === LBRACKET ? sc.t.slice(a + 1, b - 1) : sc.t.slice(a, b);
}

/** A port (1–65535) at i; emits it with emitting. Returns its end, or -1. */
function portField(sc: TextScan, i: number, host: string | undefined, emitting: boolean): number {
  if (!isDigit(sc.at(i))) return -1;
  const e = digitsEnd(sc.t, i);
  const v = portValue(sc.t, i, e);
  if (v <= 0) return -1;
  if (emitting) emit(sc, R_ZOOKEEPER_SERVER, i, e, v, v, host, undefined);
  return e;
}
