// Rule family: a number right after ':' — host:port (names, IPv4, bracketed
// IPv6, *, :::, ::1), URLs, bare :port, socket addresses with an interface
// (%lo), Kerberos SPNs, docker's host-IP:host-port:container-port, and the
// keyword-as-key forms (port:8080, tcp:21, dpts:1024:65535). Versions, tags,
// units and passwords after the colon are rejected here.
import type { Protocol } from '../../types.ts';
import { accept, emit, protoWordBefore, reject, suffixProto } from '../accept.ts';
import {
  AT, BACKSLASH, COLON, COMMA, CR, digitsEnd, DOLLAR, DOT, EQUALS, GT, HYPHEN, isAsciiAlnum, isAsciiLetter, isDash,
  isDigit, isGlue, isHex, isHostChar, isInlineSpace, isQuote, isSpace, isWordLetter, LBRACE, LBRACKET, LOWER_I, LOWER_S, LOWER_T, LOWER_U,
  LOWER_A, LOWER_Z, LPAREN, matchesLower, NEWLINE, PERCENT, portValue, RBRACE, RBRACKET, skipChain, skipDotted, SLASH, SPACE, STAR, UNDERSCORE,
} from '../chars.ts';
import { isImageContext, lineProtocol } from '../context.ts';
import { classifyHost, HOST_ADDRESS, HOST_KEYWORD, HOST_REJECT, HOST_WORD, isIPv4 } from '../host.ts';
import { classifyWord, KW_DPORT, KW_NONE, KW_OPT_P, KW_PORT, KW_PORTS, KW_PROTO } from '../keywords.ts';
import { M_ARROW, M_LIST, setList } from '../lists.ts';
import { ruleCode } from '../rules.ts';
import type { TextScan } from '../state.ts';
import { CREDENTIAL_BEFORE, SPN_CLASSES } from '../words.ts';
import { keywordBefore } from './keyword.ts';
import { composeItem } from './lines.ts';
import { colonPair } from './pairs.ts';
import {
  addressFamilyBefore, busPort, hostVariableBefore, pNotPort, sshForwardArg, mayBeSocatType, optionOfToken, protocolPrefixedSpec, socatAddressType,
} from './specs.ts';

// Rule codes (rules.ts) of the rules decided here.
const R_REJECT_VERSION = ruleCode('reject.version');
const R_REJECT_PASSWORD = ruleCode('reject.password');
const R_REJECT_UNIT = ruleCode('reject.unit');
const R_REJECT_TAG = ruleCode('reject.tag');
const R_BRACKETED_HOST = ruleCode('hostport.bracketed-host');
const R_IPV6 = ruleCode('hostport.ipv6');
const R_WILDCARD = ruleCode('hostport.wildcard');
const R_IPV6_LOOPBACK = ruleCode('hostport.ipv6-loopback');
const R_IPV6_ANY = ruleCode('hostport.ipv6-any');
const R_QUOTED_KEY = ruleCode('hostport.quoted-key');
const R_BARE_COLON = ruleCode('hostport.bare-colon');
const R_REJECT_EMOJI_CODE = ruleCode('reject.emoji-code');
const R_REJECT_REPLY_OR_DISPLAY = ruleCode('reject.reply-or-display');
const R_HOST_VARIABLE = ruleCode('hostport.host-variable');
const R_DNS_ROOT_ZONE = ruleCode('hostport.dns-root-zone');
const R_BRACKETED_PLACEHOLDER = ruleCode('hostport.bracketed-placeholder');
const R_LSOF_I = ruleCode('hostport.lsof-i');
const R_INTERFACE = ruleCode('hostport.interface');
const R_FORWARDED_NODE = ruleCode('hostport.forwarded-node');
const R_SOCAT = ruleCode('specs.socat');
const R_REJECT_NOT_A_HOST = ruleCode('reject.not-a-host');
const R_REJECT_PORT_0_PLACEHOLDER = ruleCode('reject.port-0-placeholder');
const R_SSH_FORWARD_SPEC = ruleCode('specs.ssh-forward-spec');
const R_IPV4 = ruleCode('hostport.ipv4');
const R_IP_MAP = ruleCode('hostport.ip-map');
const R_SSH_BIND = ruleCode('hostport.ssh-bind');
const R_SPN = ruleCode('hostport.spn');
const R_PROXY_PATH = ruleCode('hostport.proxy-path');
const R_LABELLED_LOCALHOST = ruleCode('hostport.labelled-localhost');
const R_REJECT_PATH = ruleCode('reject.path');
const R_SSH_FORWARD = ruleCode('hostport.ssh-forward');
const R_CURL_RESOLVE = ruleCode('specs.curl-resolve');
const R_KEY_RANGE = ruleCode('hostport.key-range');
const R_KEY = ruleCode('hostport.key');
const R_TWO_PORTS = ruleCode('hostport.two-ports');
const R_REJECT_IMAGE_TAG = ruleCode('reject.image-tag');
const R_NAME = ruleCode('hostport.name');
const R_REJECT_OUT_OF_RANGE = ruleCode('reject.out-of-range');
const R_REJECT_COLON_CHAIN = ruleCode('reject.colon-chain');
const R_REJECT_PORT_0 = ruleCode('reject.port-0');









/** A digit run right after ':' — host:port, URL, :port, [::1]:22, key:value. */
export function colonCase(sc: TextScan, s: number, e: number, c1: number): number {
  if (c1 === AT) return busPort(sc, s, e); // user:1234@host is a password; 10.0.0.1:6379@16379 a cluster node
  if (c1 === DOT && isDigit(sc.at(e + 1))) return reject(sc, R_REJECT_VERSION, skipDotted(sc.t, e)); // redis:7.2, 00:01:45.120
  if (isGlue(c1)) return reject(sc, R_REJECT_UNIT, e); // took:35ms, 10:30am
  if (isDash(c1) && isWordLetter(sc.at(e + 1))) return reject(sc, R_REJECT_TAG, e); // postgres:16-alpine
  const chained = c1 === COLON && isDigit(sc.at(e + 1));
  const v = portValue(sc.t, s, e);
  const colon = s - 1;
  const cp = sc.at(colon - 1);

  if (cp === RBRACKET) return bracketHost(sc, s, e, v, colon, chained);
  if (cp === STAR) {
    if (isGlue(sc.at(colon - 2)) || chained || v <= 0) return e;
    return hostPort(sc, R_WILDCARD, s, e, v, '*', colon - 1, true);
  }
  if (cp === COLON) {
    // ":::80" (any IPv6 address) — but not "fe80::1:80"-style unbracketed addresses.
    const b = sc.at(colon - 2);
    const bb = sc.at(colon - 3);
    if (chained && v === 1 && !(isHex(b) || b === COLON || isGlue(b) || b === DOT)) {
      // ::1:27017 — the IPv6 loopback with a port.
      const s2 = e + 1;
      const e2 = digitsEnd(sc.t, s2);
      const c = sc.at(e2);
      const v2 = portValue(sc.t, s2, e2);
      if (c === COLON || c === DOT || isGlue(c) || v2 <= 0) return reject(sc, R_REJECT_COLON_CHAIN, skipChain(sc.t, e2));
      return hostPort(sc, R_IPV6_LOOPBACK, s2, e2, v2, '::1', colon - 1, true);
    }
    if (b === COLON && !(isHex(bb) || bb === COLON || isGlue(bb) || bb === DOT) && !chained && v > 0) {
      return hostPort(sc, R_IPV6_ANY, s, e, v, '::', colon - 2, true);
    }
    return chained ? reject(sc, R_REJECT_COLON_CHAIN, skipChain(sc.t, e)) : e;
  }
  if (isQuote(cp)) {
    const before = sc.at(colon - 2);
    if (isGlue(before)) {
      // "port":8080 (a quoted key) — only when the key names a port.
      let k = colon - 2;
      const lim = Math.max(0, colon - 40);
      while (k > lim && (isGlue(sc.at(k - 1)) || sc.at(k - 1) === HYPHEN || sc.at(k - 1) === DOT)) k--;
      const kw = classifyWord(sc.t.slice(k, colon - 1), 0);
      if ((kw === KW_PORT || kw === KW_PORTS) && v >= 0 && !chained) return accept(sc, R_QUOTED_KEY, s, e, v, undefined, M_LIST, undefined);
      return e;
    }
    return bareColon(sc, s, e, v, chained);
  }
  if (cp === -1 || isSpace(cp) || cp === EQUALS || cp === LPAREN || cp === COMMA || cp === GT) {
    return bareColon(sc, s, e, v, chained);
  }
  if (cp === AT && addressFamilyBefore(sc, colon - 1)) return bareColon(sc, s, e, v, chained); // HAProxy's bind ipv6@:80
  if (cp === RBRACE && !chained && v > 0 && hostVariableBefore(sc, colon)) { emit(sc, R_HOST_VARIABLE, s, e, v, v, undefined, undefined); return e; } // ${host}:443
  if (cp === DOT && !chained && v > 0 && dnsRootZone(sc, colon, e)) return hostPort(sc, R_DNS_ROOT_ZONE, s, e, v, '.', colon - 1, false); // .:53 {
  if (isHostChar(cp)) {
    const lc = cp | 32;
    if ((lc === LOWER_U || lc === LOWER_T || lc === LOWER_S) && !chained && v >= 0) {
      // -p U:53,111,T:80 (nmap's protocol prefixes)
      const r = protocolPrefixedSpec(sc, s, e, v, colon, lc);
      if (r >= 0) return r;
    }
    return namedHost(sc, s, e, v, colon, chained);
  }
  if (cp === SLASH && sc.at(colon - 2) === SLASH && sc.at(colon - 3) === COLON && isAsciiAlnum(sc.at(colon - 4))) {
    // CONTROLLER://:9093, tcp4://:22000 — a URL with an empty host (every interface).
    return bareColon(sc, s, e, v, chained);
  }
  return chained ? reject(sc, R_REJECT_COLON_CHAIN, skipChain(sc.t, e)) : e;
}

export function bareColon(sc: TextScan, s: number, e: number, v: number, chained: boolean): number {
  // ssh -R :80:127.0.0.1:8080: a forward spec with an empty bind address; the address after it is read next.
  if (v > 0 && sc.at(e) === COLON && sshForwardArg(sc, s - 1)) { emit(sc, R_SSH_FORWARD_SPEC, s, e, v, v, undefined, undefined); return e; }
  if (chained) return reject(sc, R_REJECT_COLON_CHAIN, skipChain(sc.t, e));
  if (v <= 0) return e;
  const proto = protoWordBefore(sc, s - 1); // listen tcp :8080
  if (sc.at(e) === COLON && proto === undefined) return reject(sc, R_REJECT_EMOJI_CODE, e); // :100: is an emoji code
  if (proto === undefined) {
    const c = sc.at(e);
    const lineOnly = (s === 1 || sc.at(s - 2) === NEWLINE) && (c === -1 || c === NEWLINE || c === CR);
    // A line that is only ":N" is a reply (Redis integers); ":0"…":19" with
    // no port word before are X displays (DISPLAY=:1, Xvfb :7).
    if (lineOnly || (v < 20 && keywordBefore(sc, s - 1).kind === KW_NONE)) return reject(sc, R_REJECT_REPLY_OR_DISPLAY, e);
  }
  // --listen :2000-2004: a range of listeners.
  const e2 = rangeEnd(sc, e, v);
  emit(sc, R_BARE_COLON, s, e2, v, e2 === e ? v : portValue(sc.t, e + 1, e2), undefined, proto);
  return e2;
}

/** The end of "-M" after a port v ending at e when M is a larger port (8001-8006), else e. */
export function rangeEnd(sc: TextScan, e: number, v: number): number {
  if (sc.at(e) !== HYPHEN || !isDigit(sc.at(e + 1))) return e;
  const e2 = digitsEnd(sc.t, e + 1);
  const after = sc.at(e2);
  return portValue(sc.t, e + 1, e2) > v && !isGlue(after) && after !== DOT && after !== COLON ? e2 : e;
}

/** CoreDNS's server block for the root zone: ".:53 {" (the dot starts a line or follows dns://; a brace or the line's end after). */
export function dnsRootZone(sc: TextScan, colon: number, e: number): boolean {
  const b = sc.at(colon - 2);
  if (!(b === -1 || isSpace(b) || (b === SLASH && sc.at(colon - 3) === SLASH))) return false;
  let i = e;
  while (isInlineSpace(sc.at(i))) i++;
  const c = sc.at(i);
  return c === -1 || c === NEWLINE || c === CR || c === LBRACE;
}

export function bracketHost(sc: TextScan, s: number, e: number, v: number, colon: number, chained: boolean): number {
  const rb = colon - 1;
  const lim = Math.max(0, rb - 48);
  let k = rb - 1;
  let colons = 0;
  while (k >= lim) {
    const c = sc.t.charCodeAt(k);
    if (c === LBRACKET) break;
    if (c === COLON) colons++;
    else if (!(isHex(c) || c === DOT || c === PERCENT || isAsciiLetter(c) || isDigit(c) || c === HYPHEN)) return e;
    k--;
  }
  if (k >= lim && colons === 0 && !chained && v > 0 && k + 1 < rb && classifyHost(sc.t, k + 1, rb, v, false) === HOST_ADDRESS) {
    // [smtp.example.com]:587 (Postfix's bracketed next hop), [10.0.0.1]:22
    return hostPort(sc, R_BRACKETED_HOST, s, e, v, sc.t.slice(k + 1, rb), k, true);
  }
  if (k >= lim && colons === 0 && !chained && v > 0 && k + 1 < rb && bracketedPlaceholder(sc, k, rb)) {
    // http://[serverAddr]:7500, "[ipv6-host%zone]:80": a placeholder that stands for an address.
    return hostPort(sc, R_BRACKETED_PLACEHOLDER, s, e, v, sc.t.slice(k + 1, rb), k, false);
  }
  // docker -p [::1]:8080:80: a bracketed IPv6 host address, then a port map.
  if (k >= lim && colons >= 2 && chained && v > 0 && publishBefore(sc, isQuote(sc.at(k - 1)) ? k - 1 : k)) return ipMap(sc, s, e, v, sc.t.slice(k + 1, rb));
  if (k < lim || colons < 2 || chained || v <= 0) return chained ? reject(sc, R_REJECT_COLON_CHAIN, skipChain(sc.t, e)) : e;
  return hostPort(sc, R_IPV6, s, e, v, sc.t.slice(k + 1, rb), k, true);
}

/** The word in [ ] at lb..rb names an address (serverAddr, ipv6-host, remote_ip), or stands where a URL's host goes (http://[name]:port). */
export function bracketedPlaceholder(sc: TextScan, lb: number, rb: number): boolean {
  if (sc.at(lb - 1) === SLASH && sc.at(lb - 2) === SLASH) return isAsciiLetter(sc.at(lb + 1));
  return /host|addr|server|(^|[^a-z])ip([^a-z]|$)/.test(sc.t.slice(lb + 1, rb).toLowerCase());
}

/** Emits a mention written with a host; netstat lines lend their protocol. */
export function hostPort(sc: TextScan, rule: number, s: number, e0: number, v: number, host: string, hostStart: number, address: boolean): number {
  // localhost:8001-8006, 0.0.0.0:8081-8082->80-81/tcp: a range after the host.
  const e = rangeEnd(sc, e0, v);
  const endPort = e === e0 ? v : portValue(sc.t, e0 + 1, e);
  let proto = suffixProto(sc, e);
  let end = e;
  if (proto !== undefined) end = e + 1 + proto.length;
  else if (address) {
    // lineProtocol only reads lines whose start is at most 160 back: look no further.
    // (the cached line start: no walk back over the line for each address).
    const ls = sc.line.startOf(hostStart);
    if (hostStart - ls <= 160) proto = lineProtocol(sc.t, ls, hostStart);
  }
  // dial tcp 10.0.0.1:53, listen tcp :8080, lsof's "TCP *:3000"
  if (proto === undefined) proto = protoWordBefore(sc, hostStart);
  if (proto === undefined && sc.at(e) === HYPHEN) proto = arrowProto(sc, e);
  // lsof's "TCP 10.0.0.2:60212->140.82.112.26:443": the peer shares the protocol.
  if (proto === undefined && hostStart >= 2 && hostStart - 2 === sc.host.lastEnd && sc.at(hostStart - 1) === GT && sc.at(hostStart - 2) === HYPHEN) proto = sc.host.lastProto;
  sc.host.lastEnd = end;
  sc.host.lastProto = proto;
  emit(sc, rule, s, e, v, endPort, host, proto);
  // "127.0.0.1:8080 -> 80": only an arrow right after lets a number continue.
  let a = end;
  if (sc.at(a) === SPACE) a++;
  const c = sc.at(a);
  if (c === 0x2192 || ((c === HYPHEN || c === EQUALS) && sc.at(a + 1) === GT)) setList(sc, end, undefined, M_ARROW, false);
  return end;
}

/** docker ps: 0.0.0.0:5432->5432/tcp — the published side shares the container port's protocol. */
export function arrowProto(sc: TextScan, e: number): Protocol | undefined {
  if (sc.at(e + 1) !== GT || !isDigit(sc.at(e + 2))) return undefined;
  const e2 = digitsEnd(sc.t, e + 2);
  return e2 - e <= 7 ? suffixProto(sc, e2) : undefined;
}

export function namedHost(sc: TextScan, s: number, e: number, v: number, colon: number, chained: boolean): number {
  const t = sc.t;
  let h = colon;
  const lim = Math.max(0, colon - 253);
  // Not hashed on the way: classifyHost hashes only names that start with a
  // letter, and most hosts here are addresses or timestamps (10.0.0.1, 2024-05-12T13).
  while (h > lim && isHostChar(t.charCodeAt(h - 1))) h--;
  if (h === lim && h > 0 && isHostChar(t.charCodeAt(h - 1))) return e;
  const p0 = sc.at(h - 1);
  if (isGlue(p0)) return e;
  const url = (p0 === SLASH && sc.at(h - 2) === SLASH) || p0 === AT;
  if (t.charCodeAt(h) === HYPHEN && sc.at(h + 1) === LOWER_I) {
    // lsof -i :8080, -iTCP:8080, -iudp:53
    const rest = t.slice(h + 2, colon).toLowerCase();
    if ((rest === 'tcp' || rest === 'udp' || rest === '4tcp' || rest === '6tcp') && v > 0 && !chained) {
      return accept(sc, R_LSOF_I, s, e, v, rest.endsWith('udp') ? 'udp' : 'tcp', 0, undefined);
    }
  }
  if (p0 === PERCENT && !chained && v > 0) {
    // 127.0.0.53%lo:53, [fe80::1]%eth0:546 (ss): an address with its interface.
    let a = h - 1;
    const lo = a > 48 ? a - 48 : 0;
    if (sc.at(a - 1) === RBRACKET) {
      let b = a - 2;
      while (b > lo && t.charCodeAt(b) !== LBRACKET) b--;
      if (t.charCodeAt(b) === LBRACKET && b < a - 2) return hostPort(sc, R_INTERFACE, s, e, v, t.slice(b + 1, a - 1), b, true);
      return e;
    }
    let b = a;
    while (b > lo && (isDigit(t.charCodeAt(b - 1)) || t.charCodeAt(b - 1) === DOT)) b--;
    if (b < a && isIPv4(t, b, a) && !isGlue(sc.at(b - 1))) return hostPort(sc, R_INTERFACE, s, e, v, t.slice(b, a), b, true);
    return e;
  }
  if (t.charCodeAt(h) === UNDERSCORE && !chained && v > 0 && forwardedNode(sc, h)) return hostPort(sc, R_FORWARDED_NODE, s, e, v, t.slice(h, colon), h, false);
  if (!url && !chained && v > 0 && mayBeSocatType(t, h, colon)) {
    // socat's TCP-LISTEN:8080, UDP4-RECVFROM:53: an address type, not a host.
    const proto = socatAddressType(sc, colon);
    if (proto !== undefined) { emit(sc, R_SOCAT, s, e, v, v, undefined, proto); return e; }
  }
  const kind = classifyHost(t, h, colon, v, url);
  if (kind === HOST_REJECT) {
    // ssh -L 9051:db.d.x:5432: in a forward spec the word between the ports is a host by its place.
    if (p0 === COLON && !chained && v > 0 && sshForwardTarget(sc, h - 1)) return hostPort(sc, R_SSH_FORWARD_SPEC, s, e, v, t.slice(h, colon), h, false);
    return reject(sc, R_REJECT_NOT_A_HOST, chained ? skipChain(sc.t, e) : e);
  }
  if (kind === HOST_WORD && !url && p0 === SPACE && credentialBefore(sc, h - 1)) return reject(sc, R_REJECT_PASSWORD, e); // addauth digest user1:12345
  const first = t.charCodeAt(h);
  if (isDigit(first) && isDigit(t.charCodeAt(colon - 1))) {
    // IPv4 host (classifyHost accepted it; a name like 0.tcp.ngrok.io ends in a letter).
    if (v <= 0) return reject(sc, R_REJECT_PORT_0_PLACEHOLDER, chained ? skipChain(sc.t, e) : e); // 0.0.0.0:0 is a placeholder
    if (chained) return ipMap(sc, s, e, v, t.slice(h, colon));
    const socat = p0 === COLON ? socatAddressType(sc, h - 1) : undefined; // socat - TCP4:10.0.0.1:80
    if (socat !== undefined) { emit(sc, R_SOCAT, s, e, v, v, t.slice(h, colon), socat); return e; }
    return hostPort(sc, R_IPV4, s, e, v, t.slice(h, colon), h, true);
  }
  // A single word or a dotted name.
  if (p0 === SLASH && !url) {
    // Kerberos SPN: MSSQLSvc/sql01.corp.local:1433, HTTP/web.corp.example:8080.
    if (kind === HOST_ADDRESS && !chained && v > 0 && spnClassBefore(sc, h - 1)) return hostPort(sc, R_SPN, s, e, v, t.slice(h, colon), h, false);
    // …/namespaces/x/services/spark-master:8080/proxy: a service and port in a Kubernetes API proxy path.
    if (!chained && v > 0 && proxySegmentBefore(sc, h - 1)) return hostPort(sc, R_PROXY_PATH, s, e, v, t.slice(h, colon), h, false);
    return reject(sc, R_REJECT_PATH, chained ? skipChain(sc.t, e) : e); // a path: src/app.rs:17
  }
  if (p0 === COLON && isDigit(sc.at(h - 2)) && kind === HOST_ADDRESS && !chained && v > 0 && (sc.line.hasWord(h, 'ssh') || optionOfToken(sc, h) === '--connect-to')) {
    // ssh -L 8080:localhost:80 — the forwarded-to port; curl --connect-to a:443:b:8443.
    return hostPort(sc, R_SSH_FORWARD, s, e, v, t.slice(h, colon), h, false);
  }
  if (p0 === COLON && kind !== HOST_REJECT && !chained && v > 0) {
    // socat TCP4:host:80, OPENSSL-CONNECT:host:443: the address type names the protocol.
    const proto = socatAddressType(sc, h - 1);
    if (proto !== undefined) { emit(sc, R_SOCAT, s, e, v, v, t.slice(h, colon), proto); return e; }
  }
  if (chained && v > 0 && p0 !== COLON) {
    // curl --resolve example.com:443:127.0.0.1, --connect-to a.example:443:b.example:8443.
    const opt = optionOfToken(sc, h);
    if (opt === '--resolve' || opt === '--connect-to') { emit(sc, R_CURL_RESOLVE, s, e, v, v, t.slice(h, colon), undefined); return e; }
  }
  // [myid:localhost:2181]: a log label before localhost and its port.
  if (p0 === COLON && !chained && v > 0 && colon - h === 9 && matchesLower(t, h, 'localhost') && labelBefore(sc, h - 1)) return hostPort(sc, R_LABELLED_LOCALHOST, s, e, v, t.slice(h, colon), h, false);
  if (p0 === COLON || p0 === BACKSLASH || p0 === DOLLAR || p0 === PERCENT) return chained ? reject(sc, R_REJECT_COLON_CHAIN, skipChain(sc.t, e)) : e;
  const name = t.slice(h, colon);
  if (kind === HOST_KEYWORD) {
    // The word is a keyword: port:8080, dpt:22, tcp:21, dpts:1024:65535.
    const kw = classifyWord(name, 0);
    const proto = kw === KW_PROTO ? (name.toLowerCase() as Protocol) : protoWordBefore(sc, h);
    if (chained) {
      if (kw !== KW_DPORT) return reject(sc, R_REJECT_COLON_CHAIN, skipChain(sc.t, e));
      return colonPair(sc, R_KEY_RANGE, s, e, 2, proto);
    }
    if (v < 0) return e;
    if (kw === KW_PROTO && v === 0) return e;
    return accept(sc, R_KEY, s, e, v, proto, M_LIST, undefined);
  }
  if (chained && p0 === EQUALS && v >= 1024) {
    // server.1=zk1:2888:3888 — a host with two ports (ZooKeeper's peer and election ports).
    const s2 = e + 1;
    const e2 = digitsEnd(t, s2);
    const v2 = portValue(t, s2, e2);
    const c = sc.at(e2);
    if (v2 >= 1024 && c !== COLON && c !== DOT && !isGlue(c) && !isImageContext(t, sc.line.startWithin(h), h)) {
      const hostName = t.slice(h, colon);
      emit(sc, R_TWO_PORTS, s, e, v, v, hostName, undefined);
      emit(sc, R_TWO_PORTS, s2, e2, v2, v2, hostName, undefined);
      return e2;
    }
  }
  if (chained || v <= 0) return reject(sc, chained ? R_REJECT_COLON_CHAIN : v < 0 ? R_REJECT_OUT_OF_RANGE : R_REJECT_PORT_0, chained ? skipChain(sc.t, e) : e);
  if (kind === HOST_WORD && !url) {
    // A single word needs more evidence: not an image line, and a port-like number.
    if (isImageContext(t, sc.line.startWithin(h), h)) return reject(sc, R_REJECT_IMAGE_TAG, e);
  }
  return hostPort(sc, R_NAME, s, e, v, name, h, false);
}

/** An obfuscated node name (RFC 7239: "_" then letters, digits, . _ -) at h after for= or by= of a Forwarded header. */
export function forwardedNode(sc: TextScan, h: number): boolean {
  let k = h;
  if (isQuote(sc.at(k - 1))) k--;
  if (sc.at(k - 1) !== EQUALS) return false;
  return (matchesLower(sc.t, k - 4, 'for') && !isAsciiLetter(sc.at(k - 5))) || (matchesLower(sc.t, k - 3, 'by') && !isAsciiLetter(sc.at(k - 4)));
}

/** The ':' at colon ends "port" of an ssh -L/-R forward spec ("-L 9051:" before a host). */
export function sshForwardTarget(sc: TextScan, colon: number): boolean {
  let k = colon;
  while (k > 0 && colon - k < 5 && isDigit(sc.t.charCodeAt(k - 1))) k--;
  return k < colon && sshForwardArg(sc, k);
}

/** The word ending at the space at sp introduces a credential. */
export function credentialBefore(sc: TextScan, sp: number): boolean {
  let k = sp;
  while (k > 0 && sp - k < 13 && (isAsciiLetter(sc.t.charCodeAt(k - 1)) || sc.t.charCodeAt(k - 1) === HYPHEN)) k--;
  return k < sp && (k === 0 || isSpace(sc.t.charCodeAt(k - 1))) && CREDENTIAL_BEFORE.has(sc.t.slice(k, sp).toLowerCase());
}

/** The ':' at colon ends a lower-case label of 2–16 letters that starts after '[', '(' or a space ([myid:…). */
export function labelBefore(sc: TextScan, colon: number): boolean {
  let k = colon;
  while (k > 0 && colon - k < 16 && sc.t.charCodeAt(k - 1) >= LOWER_A && sc.t.charCodeAt(k - 1) <= LOWER_Z) k--;
  const b = sc.at(k - 1);
  return colon - k >= 2 && (b === LBRACKET || b === LPAREN || b === SPACE);
}

/** The '/' at slash ends a "/services" or "/pods" segment (a Kubernetes API proxy path). */
export function proxySegmentBefore(sc: TextScan, slash: number): boolean {
  const t = sc.t;
  if (matchesLower(t, slash - 8, 'services')) return sc.at(slash - 9) === SLASH;
  return matchesLower(t, slash - 4, 'pods') && sc.at(slash - 5) === SLASH;
}

/** A port-map option or key right before k: -p, --publish, ports: (the maps of docker and compose). */
export function publishBefore(sc: TextScan, k: number): boolean {
  const look = keywordBefore(sc, k);
  if (look.kind === KW_OPT_P) return !pNotPort(sc, k);
  return look.kind === KW_PORTS || look.firstWordLower(sc.t) === 'publish' || composeItem(sc, k);
}

/** A Kerberos service class right before the '/' at slash: MSSQLSvc, HTTP, ldap (not a directory of a path). */
export function spnClassBefore(sc: TextScan, slash: number): boolean {
  const t = sc.t;
  let k = slash;
  while (k > 0 && slash - k < 12 && isAsciiLetter(t.charCodeAt(k - 1))) k--;
  if (slash - k < 2) return false;
  const b = sc.at(k - 1);
  if (!(b === -1 || isSpace(b) || b === DOLLAR || b === STAR || isQuote(b) || b === LPAREN || b === EQUALS)) return false;
  const w = t.slice(k, slash);
  const lower = w.toLowerCase();
  return lower.endsWith('svc') || w === w.toUpperCase() || SPN_CLASSES.has(lower);
}

/** 127.0.0.1:8080:80 — a docker host-IP:host-port:container-port map. */
export function ipMap(sc: TextScan, s: number, e: number, v: number, host: string): number {
  const s2 = e + 1;
  const e2 = digitsEnd(sc.t, s2);
  const c = sc.at(e2);
  if (c === DOT && v > 0 && sc.line.hasWord(s, 'ssh')) {
    // ssh -R 0.0.0.0:9022:10.0.0.5:22: the bind port; the address after it is read next.
    emit(sc, R_SSH_BIND, s, e, v, v, host, undefined);
    return e;
  }
  if (c === COLON || c === DOT || isGlue(c)) return reject(sc, R_REJECT_COLON_CHAIN, skipChain(sc.t, e2));
  const v2 = portValue(sc.t, s2, e2);
  if (v2 <= 0) return e2;
  const proto = suffixProto(sc, e2);
  emit(sc, R_IP_MAP, s, e, v, v, host, proto);
  emit(sc, R_IP_MAP, s2, e2, v2, v2, undefined, proto);
  return proto !== undefined ? e2 + 1 + proto.length : e2;
}
