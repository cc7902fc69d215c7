// Rule family: ports in code. A host string and a number in a call
// (bind(('127.0.0.1', 8080)), new Socket("db", 5432), connect(6379,
// 'localhost'), Rust's SocketAddr::from(([127, 0, 0, 1], 3000))), calls whose
// first argument is a port (htons(8080), new ServerSocket(6789)), and SQL
// Server connection strings (Server=db.example.net,1433).
import {
  APOS, BACKSLASH, COLON, COMMA, digitsEnd, DOLLAR, DQUOTE, EQUALS, isAsciiAlnum, isAsciiLetter, isDigit, isHostChar,
  isInlineSpace, isQuote, isSpace, LBRACKET, LPAREN, matchesLower, RBRACKET, RPAREN, SEMICOLON, SPACE, UNDERSCORE,
} from '../chars.ts';
import type { TextScan } from '../state.ts';
import { wordHash } from '../hash.ts';
import { CONN_HOST_KEYS, PORT_CALL_HASHES, PORT_CALLS } from '../words.ts';

/** bind(('127.0.0.1', 8080)), new Socket("db", 5432), connect(6379, 'localhost'). */
export function codeCallHost(sc: TextScan, s: number, e: number, c0: number): string | undefined {
  const t = sc.t;
  // Host string before: ("host", N
  let j = s;
  while (j > 0 && isInlineSpace(t.charCodeAt(j - 1))) j--;
  if (t.charCodeAt(j - 1) === COMMA) {
    j--;
    while (j > 0 && isInlineSpace(t.charCodeAt(j - 1))) j--;
    const q = t.charCodeAt(j - 1);
    if (q === RBRACKET) {
      // Rust: SocketAddr::from(([127, 0, 0, 1], 3000)) — an address as an array of four bytes.
      let k = j - 1;
      const lo = k > 24 ? k - 24 : 0;
      while (k > lo && (isDigit(t.charCodeAt(k - 1)) || t.charCodeAt(k - 1) === COMMA || t.charCodeAt(k - 1) === SPACE)) k--;
      if (t.charCodeAt(k - 1) !== LBRACKET || sc.at(k - 2) !== LPAREN) return undefined;
      const parts = t.slice(k, j - 1).split(',');
      if (parts.length !== 4) return undefined;
      for (const p of parts) {
        const x = p.trim();
        if (!/^\d{1,3}$/.test(x) || Number(x) > 255) return undefined;
      }
      const c = sc.at(e);
      if (c !== RPAREN) return undefined;
      if (!/socket|addr|bind|listen|connect/i.test(t.slice(k > 40 ? k - 40 : 0, k))) return undefined;
      return parts.map((p) => p.trim()).join('.');
    }
    if (q === DQUOTE || q === APOS) {
      let k = j - 1;
      while (k > 0 && j - k < 64 && t.charCodeAt(k - 1) !== q && (isHostChar(t.charCodeAt(k - 1)) || t.charCodeAt(k - 1) === COLON)) k--;
      if (t.charCodeAt(k - 1) === q && k < j - 1 && t.charCodeAt(k - 2) === LPAREN) {
        const host = t.slice(k, j - 1);
        if (hostLiteral(sc, host, k - 2)) return host;
      } else if (t.charCodeAt(k - 1) === q && k < j - 1) {
        // socket_bind($s, "0.0.0.0", 51337), socket_connect($sock, "10.0.0.1", 4444): a socket argument first.
        const paren = parenBeforeFirstArg(sc, k - 1);
        const host = t.slice(k, j - 1);
        if (paren >= 0 && /socket|bind|connect/.test(callName(sc, paren)) && hostLiteral(sc, host, paren)) return host;
      } else if (k === j - 1 && t.charCodeAt(k - 1) === q && t.charCodeAt(k - 2) === LPAREN && t.charCodeAt(k - 3) === LPAREN) {
        // bind(('', 50007)): the empty host is every interface.
        if (callName(sc, k - 3) === 'bind') return '';
      }
    }
    return undefined;
  }
  // Host string after: (N, "host")
  if (c0 !== LPAREN) return undefined;
  let i = e;
  if (sc.at(i) !== COMMA) return undefined;
  i++;
  while (isInlineSpace(sc.at(i))) i++;
  const q = sc.at(i);
  if (q !== DQUOTE && q !== APOS) return undefined;
  let k = i + 1;
  while (k < sc.n && k - i < 64 && (isHostChar(t.charCodeAt(k)) || t.charCodeAt(k) === COLON)) k++;
  if (sc.at(k) !== q || k === i + 1) return undefined;
  const host = t.slice(i + 1, k);
  return hostLiteral(sc, host, s - 1) ? host : undefined;
}

/** The '(' of a call when the quote at q follows its first argument, a plain name ($s, sock): "(name, " before q; else -1. */
function parenBeforeFirstArg(sc: TextScan, q: number): number {
  const t = sc.t;
  let k = q;
  while (k > 0 && q - k < 3 && isInlineSpace(t.charCodeAt(k - 1))) k--;
  if (sc.at(k - 1) !== COMMA) return -1;
  k--;
  while (k > 0 && isInlineSpace(t.charCodeAt(k - 1))) k--;
  const end = k;
  while (k > 0 && end - k < 24 && (isAsciiAlnum(t.charCodeAt(k - 1)) || t.charCodeAt(k - 1) === UNDERSCORE || t.charCodeAt(k - 1) === DOLLAR)) k--;
  return k < end && sc.at(k - 1) === LPAREN ? k - 1 : -1;
}

/** The last part of the name of the function called at the '(' at paren (sock.bind → bind), lower case. */
export function callName(sc: TextScan, paren: number): string {
  let k = paren;
  while (k > 0 && paren - k < 24 && (isAsciiAlnum(sc.t.charCodeAt(k - 1)) || sc.t.charCodeAt(k - 1) === UNDERSCORE)) k--;
  return sc.t.slice(k, paren).toLowerCase();
}

/** A quoted host in a call: an address, localhost, a dotted name, or any name given to a socket-like call. */
export function hostLiteral(sc: TextScan, host: string, paren: number): boolean {
  if (host === 'localhost' || host === '::' || host === '::1' || host === '0.0.0.0' || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return true;
  // Name of the function called.
  let j = paren;
  while (j > 0 && sc.t.charCodeAt(j - 1) === LPAREN) j--;
  let k = j;
  while (k > 0 && j - k < 40 && (isHostChar(sc.t.charCodeAt(k - 1)) || sc.t.charCodeAt(k - 1) === COLON)) k--;
  const fn = sc.t.slice(k, j).toLowerCase();
  if (!/^[a-z][a-z0-9.-]*$/.test(host.toLowerCase())) return false;
  return /socket|connect|bind|listen|client|addr|server|dial|smtp|ftp|redis|connection|tcp|udp|telnet|ssh/.test(fn);
}

/** new ServerSocket(6789), htons(8080): calls whose first argument is a port. */
export function portCall(sc: TextScan, s: number): boolean {
  const t = sc.t;
  const j = s - 1;
  let k = j;
  while (k > 0 && j - k < 24 && (isAsciiAlnum(t.charCodeAt(k - 1)) || t.charCodeAt(k - 1) === UNDERSCORE)) k--;
  // The name is sliced only when its hash is one of the calls' (nth-child(2) is not).
  if (k === j || !PORT_CALL_HASHES.has(wordHash(t, k, j)) || !PORT_CALLS.has(t.slice(k, j).toLowerCase())) return false;
  const c = sc.at(digitsEnd(t, s));
  return c === RPAREN || c === COMMA;
}

/** Server=tcp:db.example.net,1433 / Data Source=localhost,1433: the host before the comma. */
export function connStringHost(sc: TextScan, s: number): string | undefined {
  const t = sc.t;
  const comma = s - 1;
  let h = comma;
  const lo = comma > 253 ? comma - 253 : 0;
  while (h > lo && (isHostChar(t.charCodeAt(h - 1)) || t.charCodeAt(h - 1) === BACKSLASH)) h--;
  if (h === comma) return undefined;
  let k = h;
  if (t.charCodeAt(k - 1) === COLON && k >= 4 && (matchesLower(t, k - 4, 'tcp') || matchesLower(t, k - 4, 'np:'))) k -= 4;
  while (k > 0 && isInlineSpace(t.charCodeAt(k - 1))) k--;
  if (t.charCodeAt(k - 1) !== EQUALS) return undefined;
  k--;
  while (k > 0 && isInlineSpace(t.charCodeAt(k - 1))) k--;
  let w = k;
  while (w > 0 && k - w < 16 && (isAsciiLetter(t.charCodeAt(w - 1)) || t.charCodeAt(w - 1) === SPACE)) w--;
  while (w < k && t.charCodeAt(w) === SPACE) w++;
  if (!CONN_HOST_KEYS.has(t.slice(w, k).toLowerCase())) return undefined;
  const c = sc.at(digitsEnd(t, s));
  if (!(c === -1 || c === SEMICOLON || isSpace(c) || isQuote(c))) return undefined;
  const host = t.slice(h, comma);
  const bs = host.indexOf('\\');
  return bs >= 0 ? host.slice(0, bs) : host;
}
