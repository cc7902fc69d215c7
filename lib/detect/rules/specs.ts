// Rule family: port specs of scanners and network tools, found on real
// documentation (shared/spec/port-mentions.md, round 2): nmap/masscan
// protocol prefixes (-p U:53,T:80), scanner-script port lists
// (shortport.port_or_service({25, 465})), socat address types (TCP4:host:80),
// curl --resolve/--connect-to, Redis Cluster ip:port@busport, nmap's grepable
// output (22/open/tcp//ssh///), kubectl port-forward arguments, a `name: N`
// under a `ports:` map, HAProxy address families (ipv6@:80), host variables
// (${host}:443), and whether -p means something else than a port.
import type { Protocol } from '../../types.ts';
import { accept, emit, reject, suffixProto } from '../accept.ts';
import {
  AT, BACKTICK, COLON, COMMA, CR, DIGIT_4, DIGIT_6, DIGIT_8, digitsEnd, DOLLAR, DOT, EQUALS, GT, HASH, HYPHEN,
  isAsciiAlnum, isAsciiLetter, isDigit, isGlue, isInlineSpace, isQuote, isSpace, LBRACE, LBRACKET, LOWER_C, LOWER_D,
  LOWER_F, LOWER_O, LOWER_P, LOWER_S, LOWER_T, LOWER_U, LPAREN, LT, matchesLower, NEWLINE, PIPE, portValue, RBRACKET,
  SLASH, SPACE, UNDERSCORE, UPPER_L, UPPER_R,
} from '../chars.ts';
import { commandWordEnd, commandWordStart, lineStart } from '../context.ts';
import { isIPv4 } from '../host.ts';
import { KW_OPT_P, KW_PORT, KW_PORTS } from '../keywords.ts';
import { listContinues, M_LIST } from '../lists.ts';
import { ruleCode } from '../rules.ts';
import { CMD_IDS, CMD_KUBECTL, type KeywordLook, type TextScan } from '../state.ts';
import { BIG_P_PORT, H_ANY, P_NOT_PORT, TOOL_PORT_OPTIONS } from '../words.ts';
import { keywordBefore } from './keyword.ts';

// Rule codes (rules.ts) of the rules decided here.
const R_BUS_PORT = ruleCode('specs.bus-port');
const R_REJECT_PASSWORD = ruleCode('reject.password');
const R_NMAP_PREFIX = ruleCode('specs.nmap-prefix');









/** Functions of scanner scripts whose first argument is a list of ports (nmap's shortport). */
const PORT_LIST_CALLS = new Set(['port_or_service', 'portnumber', 'port_range']);

/**
 * Whether -p before pos means something else than a port for the command it
 * belongs to: the line's command, or the command after the last pipe
 * (`echo pw | argon2 salt -p 2`).
 */
/** -p glued to its value (-p80, -p5432:5432) where it is no port: pNotPort, -P port commands, mysql's -pSECRET. */
export function gluedPNotPort(sc: TextScan, s: number): boolean {
  const cmd = sc.line.command(s);
  return pNotPort(sc, s) || BIG_P_PORT.has(cmd) || cmd.startsWith('mysql') || cmd === 'mariadb';
}

/** The option right before the number at s (one space between) is a port option of the line's command (TOOL_PORT_OPTIONS). */
export function toolPortOption(sc: TextScan, look: KeywordLook, s: number): boolean {
  const a = look.firstA;
  if (a < 1 || look.firstB !== s - 1 || sc.t.charCodeAt(a - 1) !== HYPHEN) return false;
  const options = TOOL_PORT_OPTIONS.get(sc.line.command(s));
  if (options === undefined) return false;
  let k = a - 1;
  if (sc.at(k - 1) === HYPHEN) k--;
  return options.includes(sc.t.slice(k, look.firstB));
}

export function pNotPort(sc: TextScan, pos: number): boolean {
  if (P_NOT_PORT.has(sc.line.command(pos))) return true;
  const t = sc.t;
  const ls = sc.line.startOf(pos);
  const lo = pos - 200 > ls ? pos - 200 : ls;
  const bar = sc.pipe.find(t, lo, pos); // the last '|' before pos on the line
  if (bar < 0) return false;
  let k = bar + 1;
  while (k < pos && isInlineSpace(t.charCodeAt(k))) k++;
  let w = k;
  while (w < pos && w - k < 16 && (isAsciiAlnum(t.charCodeAt(w)) || t.charCodeAt(w) === HYPHEN || t.charCodeAt(w) === UNDERSCORE)) w++;
  return w > k && P_NOT_PORT.has(t.slice(k, w).toLowerCase());
}

/**
 * nmap/masscan port specs with a protocol prefix: -p U:53,111,T:21-25,80,
 * -pT:443, --ports U:53, a list item ",u:53", a "-p" that ends the line
 * before. lc is the lower-cased letter before the colon (u udp, t tcp,
 * s sctp). Returns -1 when it is not one.
 */
export function protocolPrefixedSpec(sc: TextScan, s: number, e: number, v: number, colon: number, lc: number): number {
  const letter = colon - 1;
  const b = sc.at(letter - 1);
  let ok = false;
  if (b === COMMA) ok = listContinues(sc, letter);
  else if (b === LOWER_P && sc.at(letter - 2) === HYPHEN && (letter < 3 || isSpace(sc.at(letter - 3)))) ok = !pNotPort(sc, s); // -pT:443
  else if (b === -1 || isSpace(b)) {
    const kw = keywordBefore(sc, letter).kind;
    ok = kw === KW_PORTS || kw === KW_PORT || (kw === KW_OPT_P && !pNotPort(sc, s));
    if (!ok) {
      // "-p" at the end of the line before (a wrapped command in a manual).
      let k = letter;
      while (k > 0 && letter - k < 40 && isSpace(sc.t.charCodeAt(k - 1))) k--;
      const pb = sc.at(k - 3);
      ok = k < letter && sc.at(k - 1) === LOWER_P && sc.at(k - 2) === HYPHEN && (pb === -1 || isSpace(pb) || pb === GT);
    }
  }
  if (!ok) return -1;
  const proto: Protocol = lc === LOWER_U ? 'udp' : lc === LOWER_T ? 'tcp' : 'sctp';
  return accept(sc, R_NMAP_PREFIX, s, e, v, proto, M_LIST, undefined);
}

/** A scanner script's port rule given a list: shortport.port_or_service({25, 465, 587}, …), portnumber({8611, 8612}). paren is the '('. */
export function portListCall(sc: TextScan, paren: number): boolean {
  const t = sc.t;
  let k = paren;
  while (k > 0 && paren - k < 20 && (isAsciiAlnum(t.charCodeAt(k - 1)) || t.charCodeAt(k - 1) === UNDERSCORE)) k--;
  return PORT_LIST_CALLS.has(t.slice(k, paren).toLowerCase());
}

/** The option right before the space-separated token holding pos (--resolve, -L), lower case, or ''. */
export function optionOfToken(sc: TextScan, pos: number): string {
  const t = sc.t;
  let k = pos;
  const lo = pos > 200 ? pos - 200 : 0;
  while (k > lo && !isSpace(t.charCodeAt(k - 1))) k--;
  let j = k;
  while (j > lo && isInlineSpace(t.charCodeAt(j - 1))) j--;
  if (j === k) return '';
  let a = j;
  while (a > lo && j - a < 24 && !isSpace(t.charCodeAt(a - 1))) a--;
  return t.charCodeAt(a) === HYPHEN ? t.slice(a, j).toLowerCase() : '';
}

/** The protocol of a socat address type ending at the ':' at colon (TCP4:, UDP-SENDTO:, OPENSSL:), or undefined. */
export function socatAddressType(sc: TextScan, colon: number): Protocol | undefined {
  const t = sc.t;
  let k = colon;
  while (k > 0 && colon - k < 16 && (isAsciiAlnum(t.charCodeAt(k - 1)) || t.charCodeAt(k - 1) === HYPHEN)) k--;
  const b = sc.at(k - 1);
  if (!(b === -1 || isSpace(b) || isQuote(b) || b === EQUALS || b === BACKTICK)) return undefined;
  const m = /^(tcp|udp|sctp|openssl|socks4a?|socks5|proxy|dccp)[46]?(-[a-z]+)?$/.exec(t.slice(k, colon).toLowerCase());
  if (m === null) return undefined;
  const kind = m[1]!;
  if (kind !== 'tcp' && kind !== 'udp' && kind !== 'sctp' && kind !== 'dccp' && !sc.line.hasWord(colon, 'socat')) return undefined;
  return kind === 'udp' ? 'udp' : kind === 'sctp' ? 'sctp' : kind === 'dccp' ? 'dccp' : 'tcp';
}

/** Whether the name [h, colon) may be a socat address type (TCP-LISTEN, UDP4): a cheap test before socatAddressType. */
export function mayBeSocatType(t: string, h: number, colon: number): boolean {
  const f = t.charCodeAt(h) | 32;
  if (f !== LOWER_T && f !== LOWER_U && f !== LOWER_S && f !== LOWER_O && f !== LOWER_P && f !== LOWER_D) return false; // t u s o p d
  const last = t.charCodeAt(colon - 1);
  if (last === DIGIT_4 || last === DIGIT_6) return true; // TCP4, UDP6
  for (let i = h; i < colon; i++) if (t.charCodeAt(i) === HYPHEN) return true;
  return false;
}

/** Redis Cluster's ip:port@busport: two mentions after an address; anything else before '@' is a password. */
export function busPort(sc: TextScan, s: number, e: number): number {
  const t = sc.t;
  if (!isDigit(sc.at(e + 1))) return reject(sc, R_REJECT_PASSWORD, e);
  const e2 = digitsEnd(t, e + 1);
  const c = sc.at(e2);
  if (isGlue(c) || c === DOT || c === COLON || c === AT) return reject(sc, R_REJECT_PASSWORD, e2);
  let h = s - 1;
  const lo = h > 64 ? h - 64 : 0;
  while (h > lo && (isDigit(t.charCodeAt(h - 1)) || t.charCodeAt(h - 1) === DOT)) h--;
  const b = sc.at(h - 1);
  if (!isIPv4(t, h, s - 1) || !(b === -1 || isSpace(b) || isQuote(b) || b === COMMA)) return reject(sc, R_REJECT_PASSWORD, e2);
  const v = portValue(t, s, e);
  const v2 = portValue(t, e + 1, e2);
  if (v <= 0 || v2 <= 0) return e2;
  const host = t.slice(h, s - 1);
  emit(sc, R_BUS_PORT, s, e, v, v, host, undefined);
  emit(sc, R_BUS_PORT, e + 1, e2, v2, v2, host, undefined);
  return e2;
}

/** An address family prefix ending at the '@' at at: ipv4@, ipv6@, quic4@, udp@, tcp6@ (HAProxy addresses). */
export function addressFamilyBefore(sc: TextScan, at: number): boolean {
  const t = sc.t;
  let k = at;
  while (k > 0 && at - k < 8 && isAsciiAlnum(t.charCodeAt(k - 1))) k--;
  const b = sc.at(k - 1);
  if (at - k < 3 || !(b === -1 || isSpace(b) || isQuote(b) || b === COMMA)) return false;
  return /^(ipv[46]|quic[46]?|tcp[46]?|udp[46]?|mptcp[46]?|stream|dgram)$/i.test(t.slice(k, at));
}

/** A variable that names a host closing at the ':' at colon: ${_host}:443, {{ db_host }}:5432. */
export function hostVariableBefore(sc: TextScan, colon: number): boolean {
  const t = sc.t;
  let k = colon - 1;
  const lo = k > 48 ? k - 48 : 0;
  while (k > lo && t.charCodeAt(k - 1) !== LBRACE && t.charCodeAt(k - 1) !== NEWLINE) k--;
  if (t.charCodeAt(k - 1) !== LBRACE || !(t.charCodeAt(k - 2) === DOLLAR || t.charCodeAt(k - 2) === LBRACE)) return false;
  return /host|addr|server|domain|remote|target|(^|[^a-z])ip([^a-z]|$)/.test(t.slice(k, colon - 1).toLowerCase());
}

/** The protocol of nmap's grepable "/state/proto/" after a port at e (22/open/tcp//ssh///), or undefined. */
export function grepableProto(sc: TextScan, e: number): Protocol | undefined {
  const t = sc.t;
  const f = sc.at(e + 1) | 32;
  if (f !== LOWER_O && f !== LOWER_C && f !== LOWER_F && f !== LOWER_U) return undefined; // open closed filtered unfiltered
  let i = e + 1;
  const lim = i + 16 < sc.n ? i + 16 : sc.n;
  while (i < lim && (isAsciiLetter(t.charCodeAt(i)) || t.charCodeAt(i) === PIPE)) i++;
  const state = t.slice(e + 1, i).toLowerCase();
  if (state !== 'open' && state !== 'closed' && state !== 'filtered' && state !== 'unfiltered' && state !== 'open|filtered' && state !== 'closed|filtered') return undefined;
  const p = suffixProto(sc, i);
  return p !== undefined && sc.at(i + 1 + p.length) === SLASH ? p : undefined;
}

/**
 * ipfw's port after an address: "ipfw add deny tcp from any to any 40000 in",
 * "from me 22 to any": the word before the number is any or me, the one
 * before that from or to, and the line's command is ipfw.
 */
export function ipfwPort(sc: TextScan, look: KeywordLook, s: number): boolean {
  const t = sc.t;
  const a = look.firstA;
  if (look.firstB !== s - 1 || !(look.firstHash === H_ANY || (look.firstB - a === 2 && matchesLower(t, a, 'me')))) return false;
  let b = a;
  while (b > 0 && a - b < 3 && isInlineSpace(t.charCodeAt(b - 1))) b--;
  const toWord = b - 2 >= 0 && matchesLower(t, b - 2, 'to') && isInlineSpace(sc.at(b - 3));
  const fromWord = b - 4 >= 0 && matchesLower(t, b - 4, 'from') && isInlineSpace(sc.at(b - 5));
  return (toWord || fromWord) && sc.line.command(s) === 'ipfw';
}

/** kubectl/oc port-forward on the line: its bare numbers are ports (local, or local and remote). */
export function portForwardLine(sc: TextScan, s: number): boolean {
  return (sc.line.commandKind(s) & CMD_KUBECTL) !== 0 && sc.line.hasWord(s, 'port-forward');
}

/** hping3's --scan (-8) list: "hping3 --scan 80,3000,9000 -S host" — the word before the number is "--scan" or "-8" on an hping line. */
export function hpingScan(sc: TextScan, look: KeywordLook, s: number): boolean {
  const t = sc.t;
  const a = look.firstA;
  if (a < 2 || look.firstB !== s - 1 || sc.at(a - 1) !== HYPHEN) return false;
  const scan = look.firstB - a === 4 && sc.at(a - 2) === HYPHEN && matchesLower(t, a, 'scan');
  const eight = look.firstB - a === 1 && sc.at(a) === DIGIT_8 && isSpace(sc.at(a - 2));
  if (!scan && !eight) return false;
  const cmd = sc.line.command(s);
  return cmd === 'hping3' || cmd === 'hping' || cmd === 'hping2';
}

/** The token starting at k is the argument of ssh's -L or -R (a forward spec: port:host:port); the line names ssh. */
export function sshForwardArg(sc: TextScan, k: number): boolean {
  const b = sc.at(k - 4);
  const o = sc.at(k - 2);
  return sc.at(k - 1) === SPACE && sc.at(k - 3) === HYPHEN && (o === UPPER_L || o === UPPER_R) && (b === -1 || isSpace(b)) &&
    sc.line.hasWord(k, 'ssh');
}

/** The protocol field of a Suricata/Snort rule header (its action: IDS_ACTIONS, CMD_IDS). */
const IDS_PROTOCOLS = new Set(['tcp', 'udp', 'icmp', 'ip', 'http', 'http2', 'tls', 'dns', 'smtp', 'ftp', 'ssh', 'smb', 'dcerpc', 'quic', 'sip', 'ntp', 'dhcp', 'snmp', 'tcp-pkt', 'tcp-stream']);

/**
 * The number at s stands in a port field of a Suricata/Snort rule header
 * ("alert tcp any any -> $HOME_NET [80:82,!8080] (msg:…)"): the line starts
 * with a rule action and a protocol, s is before the options' '(', and s is in
 * the 4th field (a direction arrow after it) or the 7th (one before it);
 * fields split by spaces outside [ ]. Reads at most 240 characters back.
 * The fields are read once per line (sc.ids goes on from where the last
 * number of the line left it), so a long port list is not read again per number.
 */
export function idsRulePort(sc: TextScan, s: number): boolean {
  if ((sc.line.commandKind(s) & CMD_IDS) === 0) return false;
  const t = sc.t;
  const ls = sc.line.startOf(s);
  if (s - ls > 240) return false;
  const h = sc.ids;
  const from = ruleHeaderStart(sc, ls, s);
  if (h.line !== ls || h.from !== from || h.to > s) h.restart(ls, from);
  for (let i = h.to; i < s && !h.paren; i++) {
    const c = t.charCodeAt(i);
    if (c === LPAREN) { h.paren = true; h.to = i + 1; break; }
    if (c === LBRACKET) h.depth++;
    else if (c === RBRACKET) h.depth--;
    if (isInlineSpace(c) && h.depth <= 0) { h.inField = false; continue; }
    if (!h.inField) {
      h.inField = true;
      h.field++;
      if (h.field === 2) h.protoAt = i;
      if (h.field === 5) h.arrow = (c === HYPHEN || c === LT) && sc.at(i + 1) === GT;
    }
  }
  if (h.paren) return false; // s is after the '(' (h.to)
  h.to = s;
  const f = h.inField ? h.field - 1 : h.field;
  if ((f !== 3 && f !== 6) || h.protoAt < 0) return false;
  // The protocol field ended before s (s is in a later field): read it once.
  if (h.proto < 0) {
    let pe = h.protoAt;
    while (pe < s && !isSpace(t.charCodeAt(pe))) pe++;
    h.proto = IDS_PROTOCOLS.has(t.slice(h.protoAt, pe).toLowerCase()) ? 1 : 0;
  }
  if (h.proto === 0) return false;
  if (f === 6) return h.arrow;
  // The source port: a direction arrow follows the field (looked for at
  // most 80 characters on). Read on from where an earlier number of the
  // field stopped: no end before there, or the end found.
  if (!(h.fieldFrom >= 0 && h.fieldFrom <= s && s <= (h.fieldEnd >= 0 ? h.fieldEnd : h.fieldTo))) {
    h.fieldFrom = s;
    h.fieldTo = s;
    h.fieldDepth = h.depth;
    h.fieldEnd = -1;
  }
  if (h.fieldEnd < 0) {
    const lim = s + 80;
    let depth = h.fieldDepth;
    let j = h.fieldTo;
    while (j < lim && j < sc.n && (depth > 0 || !isSpace(t.charCodeAt(j)))) {
      const c = t.charCodeAt(j);
      if (c === LBRACKET) depth++;
      else if (c === RBRACKET) depth--;
      j++;
    }
    h.fieldTo = j;
    h.fieldDepth = depth;
    if (j < lim) h.fieldEnd = j;
  }
  let i = h.fieldEnd >= 0 ? h.fieldEnd : s + 80;
  while (isInlineSpace(sc.at(i))) i++;
  const a = sc.at(i);
  return (a === HYPHEN || a === LT) && sc.at(i + 1) === GT;
}

/**
 * commandWordStart(sc.t, ls, s) for idsRulePort, read once per line: an
 * answer that read nothing at or beyond s (the word it found and its first
 * 40 characters end before s) holds for every later number of the line too.
 */
function ruleHeaderStart(sc: TextScan, ls: number, s: number): number {
  const m = sc.ids.command;
  if (m.line === ls && s >= m.validFrom) return m.start;
  const from = commandWordStart(sc.t, ls, s);
  if (from + 41 < s && commandWordEnd(sc.t, from, s) < s) {
    m.line = ls;
    m.start = from;
    m.validFrom = s;
  }
  return from;
}

/** A packet-filter rule on the line: ufw, pf, iptables, nft words. */
export function firewallLine(sc: TextScan, s: number): boolean {
  return sc.line.hasWord(s, 'ufw') || sc.line.hasWord(s, 'proto') || sc.line.hasWord(s, 'iptables') || sc.line.hasWord(s, 'nft') ||
    sc.line.hasWord(s, 'allow') || sc.line.hasWord(s, 'deny') || sc.line.hasWord(s, 'block') || sc.line.hasWord(s, 'pass');
}

/** The end of a range written with a word after the number at e ("1 to 65535", "1 through 1023"), or 0. */
export function wordRangeEnd(sc: TextScan, e: number): number {
  const t = sc.t;
  let i = e;
  while (isInlineSpace(sc.at(i)) && i - e < 3) i++;
  if (i === e) return 0;
  let w = i;
  while (w < sc.n && w - i < 8 && isAsciiLetter(t.charCodeAt(w))) w++;
  const word = t.slice(i, w).toLowerCase();
  if (word !== 'to' && word !== 'through' && word !== 'thru' && word !== 'till' && word !== 'until') return 0;
  let r = w;
  while (isInlineSpace(sc.at(r)) && r - w < 3) r++;
  if (r - w < 3 && sc.at(r) === NEWLINE) { r++; while (isInlineSpace(sc.at(r)) && r - w < 16) r++; } // through⏎65535
  if (r === w || !isDigit(sc.at(r))) return 0;
  const v = portValue(t, r, digitsEnd(t, r));
  return v > 0 ? v : 0;
}

/**
 * A value at the end of a "key: N" line whose parent key (the nearest line
 * above with less indentation) ends in "ports": a map of port names
 * (`ports:` / `containerPorts:` then `http: 9121`). colon is the key's colon.
 */
export function underPortsMap(sc: TextScan, colon: number, e: number): boolean {
  const t = sc.t;
  let r = e;
  while (r < sc.n && isInlineSpace(t.charCodeAt(r))) r++;
  if (r < sc.n && t.charCodeAt(r) !== NEWLINE && t.charCodeAt(r) !== CR && t.charCodeAt(r) !== HASH) return false;
  let k = colon;
  while (k > 0 && colon - k < 40 && (isAsciiAlnum(t.charCodeAt(k - 1)) || t.charCodeAt(k - 1) === UNDERSCORE || t.charCodeAt(k - 1) === HYPHEN)) k--;
  if (k === colon) return false;
  let ls = k;
  while (ls > 0 && isInlineSpace(t.charCodeAt(ls - 1))) ls--;
  if (ls > 0 && t.charCodeAt(ls - 1) !== NEWLINE) return false;
  const indent = k - ls;
  if (indent === 0) return false;
  // The parent is looked for at most 8 lines up. A walk that reaches the
  // line where the last walk started (same indent) ends as that one did,
  // one step later per line: sc.portsMap keeps it, so a long map is not read again per item.
  const memo = sc.portsMap;
  let cur = ls;
  let result = false;
  let decided = -1;
  for (let steps = 0; steps < 8 && cur > 0; steps++) {
    if (cur === memo.line && indent === memo.indent) {
      if (memo.step >= 0 && memo.step < 8 - steps) { result = memo.result; decided = steps + memo.step; }
      break;
    }
    const ps = lineStart(t, cur - 1, 200);
    if (ps < 0) { decided = steps; break; }
    let f = ps;
    while (f < cur && isInlineSpace(t.charCodeAt(f))) f++;
    if (f >= cur - 1 || t.charCodeAt(f) === HASH) { cur = ps; continue; } // blank line or comment
    if (f - ps >= indent) { cur = ps; continue; } // a sibling
    // The parent: "…ports:" alone on its line.
    decided = steps;
    let q = cur - 1;
    while (q > f && isSpace(t.charCodeAt(q - 1))) q--;
    result = t.charCodeAt(q - 1) === COLON && q - 1 - f >= 5 && matchesLower(t, q - 6, 'ports');
    break;
  }
  memo.line = ls;
  memo.indent = indent;
  memo.result = result;
  memo.step = decided;
  return result;
}
