// Rule family dispatch for a number with no colon around it: the cheap
// rejections first (glued to a word, a version, a unit, a date), then the
// rules in their accepted order (the order of RULE_IDS in ../rules.ts; trace.test.ts checks they agree).
import type { Protocol } from '../../types.ts';
import { accept, emit, reject, suffixProto } from '../accept.ts';
import {
  AT, BACKTICK, COLON, COMMA, DIGIT_0, DIGIT_3, digitsEnd, DOLLAR, DOT, EQUALS, GT, HASH, HYPHEN, isAsciiLetter, isDash,
  isDigit, isGlue, isInlineSpace, isQuote, isSpace, isWordLetter, LBRACE, LBRACKET, LOWER_A, LOWER_C, LOWER_G, LOWER_N,
  LOWER_O, LOWER_P, LOWER_R, LOWER_S, LOWER_T, LOWER_Z, LPAREN, PERCENT, PLUS, portValue, RBRACKET, skipDotted, SLASH, SPACE,
} from '../chars.ts';
import { wordBefore } from '../context.ts';
import { isIPv4 } from '../host.ts';
import { KW_NONE, KW_OPT_SSH, KW_PORT, KW_PORTS } from '../keywords.ts';
import { listContinues, listSuffixProto, listThenPortWord, M_LIST, M_SPACE_LIST } from '../lists.ts';
import { ruleCode } from '../rules.ts';
import type { KeywordLook, TextScan } from '../state.ts';
import {
  ALL_SERVICE_PORTS, H_ALLOW, H_ANY, H_DENY, H_LIMIT, H_NUMBER, H_PUBLISHED, H_REJECT, H_TARGET, H_VALUE, mayBeService,
} from '../words.ts';
import { publishedRangeMap } from './pairs.ts';
import { portAppositive, portWordAfter, serviceAround, serviceNearby } from './after.ts';
import { codeCallHost, connStringHost, portCall } from './code.ts';
import { defaultAfterPortSentence, defaultNote, docbookPortDefault, exampleNote } from './defaults.ts';
import { keywordBefore } from './keyword.ts';
import { composeItem, hostPortCommand, inPortBlock, inPortsBraces, portLabel, ufwRulePort, ufwStatusRow, underPortsKey, valueOfPortKey } from './lines.ts';
import { zookeeperKeyAt, zookeeperServer } from './servers.ts';
import { gluedPNotPort, grepableProto, hpingScan, idsRulePort, ipfwPort, portForwardLine, portListCall, toolPortOption, underPortsMap } from './specs.ts';
import { countedAfter, keywordMention } from './vetting.ts';

// Rule codes (rules.ts) of the rules decided here.
const R_REJECT_VERSION = ruleCode('reject.version');
const R_REJECT_UNIT = ruleCode('reject.unit');
const R_REJECT_PATH = ruleCode('reject.path');
const R_IDS_RULE_PORT = ruleCode('specs.ids-rule-port');
const R_REJECT_GLUED = ruleCode('reject.glued');
const R_GLUED_P = ruleCode('specs.glued-p');
const R_PUBLISHED_RANGE_MAP = ruleCode('pairs.published-range-map');
const R_PORT_FLAGS = ruleCode('specs.port-flags');
const R_TCPDUMP_ADDRESS = ruleCode('specs.tcpdump-address');
const R_REJECT_COMPOUND = ruleCode('reject.compound');
const R_REJECT_THOUSANDS = ruleCode('reject.thousands');
const R_REJECT_SYMBOL_BEFORE = ruleCode('reject.symbol-before');
const R_REJECT_ARRAY_INDEX = ruleCode('reject.array-index');
const R_REJECT_NEGATIVE = ruleCode('reject.negative');
const R_REJECT_OUT_OF_RANGE = ruleCode('reject.out-of-range');
const R_CONTINUE = ruleCode('list.continue');
const R_REJECT_COUNT = ruleCode('reject.count');
const R_REJECT_DATE = ruleCode('reject.date');
const R_PROTO_SLASH = ruleCode('plain.proto-slash');
const R_REJECT_PORT_0 = ruleCode('reject.port-0');
const R_REJECT_P_NOT_PORT = ruleCode('reject.p-not-port');
const R_REJECT_PROSE_NUMBER = ruleCode('reject.prose-number');
const R_PROTO_SUFFIX = ruleCode('after.proto-suffix');
const R_RANGE_PROTO = ruleCode('after.range-proto');
const R_GREPABLE = ruleCode('specs.grepable');
const R_PORT_WORD = ruleCode('after.port-word');
const R_LIST_THEN_PORT_WORD = ruleCode('after.list-then-port-word');
const R_LIST_PROTO = ruleCode('after.list-proto');
const R_SERVICE = ruleCode('after.service');
const R_APPOSITIVE = ruleCode('after.appositive');
const R_SERVICE_NEARBY = ruleCode('after.service-nearby');
const R_DEFAULT_NOTE = ruleCode('defaults.note');
const R_DEFAULT_AFTER_PORT_SENTENCE = ruleCode('defaults.after-port-sentence');
const R_EXAMPLE_NOTE = ruleCode('defaults.example-note');
const R_DOCBOOK_DEFAULT = ruleCode('defaults.docbook');
const R_PORTS_KEY = ruleCode('lines.ports-key');
const R_UFW_ROW = ruleCode('lines.ufw-row');
const R_VALUE_OF_PORT_KEY = ruleCode('lines.value-of-port-key');
const R_UFW_ALLOW = ruleCode('lines.ufw-allow');
const R_PORTS_BRACES = ruleCode('lines.ports-braces');
const R_PORT_BLOCK = ruleCode('lines.port-block');
const R_PORT_LABEL = ruleCode('lines.port-label');
const R_PORTS_MAP = ruleCode('specs.ports-map');
const R_COMPOSE_ITEM = ruleCode('lines.compose-item');
const R_CALL_HOST = ruleCode('code.call-host');
const R_PORT_CALL = ruleCode('code.port-call');
const R_PORT_LIST_CALL = ruleCode('specs.port-list-call');
const R_HPING_SCAN = ruleCode('specs.hping-scan');
const R_TOOL_PORT_OPTION = ruleCode('specs.tool-port-option');
const R_IPFW_PORT = ruleCode('specs.ipfw-port');
const R_PORT_FORWARD = ruleCode('specs.port-forward');
const R_CONN_STRING = ruleCode('code.conn-string');









export function plainCase(sc: TextScan, s: number, e: number, c0: number, c1: number): number {
  const t = sc.t;
  // Glued to a word or a dotted number: v2, x_3, 1.5, 192.168.…
  if (isGlue(c0)) {
    if (c0 === LOWER_P && sc.at(s - 2) === HYPHEN && isInlineSpace(sc.at(s - 3))) return gluedOptP(sc, s, e);
    return reject(sc, R_REJECT_GLUED, e);
  }
  if (c0 === DOT && (isAsciiLetter(sc.at(s - 2)) || isDigit(sc.at(s - 2)))) {
    if (zookeeperKeyAt(sc, s)) { // server.5=10.0.0.5:2888:3888;2181
      const r = zookeeperServer(sc, e);
      if (r >= 0) return r;
    }
    return reject(sc, R_REJECT_GLUED, e);
  }
  if (c1 === DOT && isDigit(sc.at(e + 1))) return dotted(sc, s, e, c0);
  if ((c1 === LOWER_O || c1 === LOWER_R || c1 === LOWER_S) && portFlagsEnd(sc, e) > 0) return flaggedPort(sc, s, e, c0); // "80r,443s"
  if (isGlue(c1)) return reject(sc, R_REJECT_UNIT, e); // 80ms, 3rd, 5x
  if (isDash(c1) && isWordLetter(sc.at(e + 1))) return reject(sc, R_REJECT_COMPOUND, e); // 48-port, 3-way
  if (c1 === PERCENT || c1 === AT || c1 === 0xb0 /* ° */) return reject(sc, R_REJECT_UNIT, e); // 80%, 5@, 22°
  if (c1 === COMMA && sc.at(e + 1) === DIGIT_0 && sc.at(e + 2) === DIGIT_0 && sc.at(e + 3) === DIGIT_0 && !isDigit(sc.at(e + 4))) return reject(sc, R_REJECT_THOUSANDS, e + 4); // 100,000 packets
  const slashDigit = c1 === SLASH && isDigit(sc.at(e + 1)); // 1/0/1, 14/10/2016 — unless a list: ports 80/443
  if (c0 === HASH || c0 === DOLLAR || c0 === PLUS || c0 === 0x2116 || c0 === 0x20ac || c0 === 0xa3 || c0 === 0xa5) return reject(sc, R_REJECT_SYMBOL_BEFORE, e); // #22 $5 +1 №3 €80
  if (c0 === LBRACKET && c1 === RBRACKET && isGlue(sc.at(s - 2))) return reject(sc, R_REJECT_ARRAY_INDEX, e); // ports[0]: an array index
  let dashVar = false;
  if (c0 === HYPHEN) {
    // ${PORT:-3000} is a default value; other glued dashes are negative numbers or range tails.
    if (sc.at(s - 2) === COLON && isGlue(sc.at(s - 3))) dashVar = true;
    else if (isGlue(sc.at(s - 2)) || isDigit(sc.at(s - 2))) return reject(sc, R_REJECT_NEGATIVE, e);
  }
  const v = portValue(t, s, e);
  if (v < 0) return skipInvalid(sc, e);

  // 1. The next item of a list announced before: ports 80, 443 and 8080.
  if (listContinues(sc, s)) {
    if (countedAfter(sc, e)) return reject(sc, R_REJECT_COUNT, e);
    if (slashDigit && !(sc.list.mode & M_LIST)) return reject(sc, R_REJECT_DATE, e);
    if ((sc.list.mode & M_SPACE_LIST) && isDash(c1) && !(portValue(t, e + 1, digitsEnd(t, e + 1)) > v)) return reject(sc, R_REJECT_DATE, e); // a date, not a range
    return accept(sc, R_CONTINUE, s, e, v, sc.list.proto, sc.list.mode, undefined);
  }
  if (c0 === SLASH) {
    // tcp/445, udp/161
    const w = wordBefore(t, s - 1);
    const k = s - 1 - w.length;
    if ((w === 'tcp' || w === 'udp' || w === 'sctp' || w === 'dccp') && !isGlue(sc.at(k - 1)) && sc.at(k - 1) !== SLASH && v > 0) {
      return accept(sc, R_PROTO_SLASH, s, e, v, w as Protocol, M_LIST, undefined);
    }
    return reject(sc, R_REJECT_PATH, e);
  }

  // The year of an ISO date (2024-05-01), frequent in logs: no rule takes it.
  if (c1 === HYPHEN && e - s === 4 && isoDateTail(sc, e)) return reject(sc, R_REJECT_DATE, e);

  // 2. A keyword before: port 22, TCP 445, --port=3000, listen 80, EXPOSE 3000, -p 5432.
  const look = keywordBefore(sc, dashVar ? s - 2 : s);
  const kw = look.kind;
  if (slashDigit && (kw === KW_NONE || kw === KW_OPT_SSH)) return reject(sc, R_REJECT_DATE, e);
  if (kw !== KW_NONE) {
    // keywordMention accepts, or names the rejection.
    const r = keywordMention(sc, s, e, v, look);
    return r >= 0 ? r : e;
  }
  // A number in running prose ("moved 5 services"): between two lower-case
  // words, neither a keyword nor a service, and no rule below can take it.
  if (c0 === SPACE && c1 === SPACE && proseNumber(sc, s, e, v, look)) return reject(sc, R_REJECT_PROSE_NUMBER, e);

  // 3. Something after: 445/tcp, 8080 port, 22端口, 8080番ポート, 22 (SSH).
  const proto = suffixProto(sc, e);
  if (proto !== undefined) {
    if (v === 0) return reject(sc, R_REJECT_PORT_0, e);
    return accept(sc, R_PROTO_SUFFIX, s, e, v, proto, M_LIST, undefined);
  }
  if (isDash(c1) && isDigit(sc.at(e + 1)) && suffixProto(sc, digitsEnd(t, e + 1)) !== undefined) {
    return accept(sc, R_RANGE_PROTO, s, e, v, undefined, M_LIST, undefined); // 80-81/tcp (docker ps), 6000-6063/udp
  }
  if (c1 === SLASH && v > 0) {
    // nmap's grepable output: 22/open/tcp//ssh///, 53/open|filtered/udp//domain///
    const gp = grepableProto(sc, e);
    if (gp !== undefined) return accept(sc, R_GREPABLE, s, e, v, gp, M_LIST, undefined);
  }
  if (portWordAfter(sc, s, e)) return accept(sc, R_PORT_WORD, s, e, v, undefined, 0, undefined);
  if (v > 0 && (c1 === COMMA || c1 === 0x3001 || c1 === 0x548c || c1 === 0x3068 || (c1 === BACKTICK && c0 === BACKTICK) || (isInlineSpace(c1) && (!isAsciiLetter(sc.at(e + 1)) || sc.at(e + 2) === SPACE || sc.at(e + 3) === SPACE || sc.at(e + 4) === SPACE || sc.at(e + 5) === SPACE))) && listThenPortWord(sc, e)) {
    return accept(sc, R_LIST_THEN_PORT_WORD, s, e, v, undefined, 0, undefined); // 80 和 443 端口, 80、443 番ポート
  }
  if (c1 === COMMA && v > 0) {
    // 80,443/tcp (ufw status): the protocol after the list covers every item.
    const lp = listSuffixProto(sc, e);
    if (lp !== undefined) return accept(sc, R_LIST_PROTO, s, e, v, lp, M_LIST, undefined);
  }
  if (v > 0 && serviceAround(sc, s, e, v, look)) return accept(sc, R_SERVICE, s, e, v, undefined, M_LIST, undefined);
  if (v >= 100 && ((c1 === COMMA && sc.at(s - 2) === COMMA && c0 === SPACE && portAppositive(sc, s - 2)) ||
    (c0 === BACKTICK && c1 === BACKTICK && sc.at(e + 1) === COMMA && sc.at(s - 2) === SPACE && sc.at(s - 3) === COMMA && portAppositive(sc, s - 3)))) {
    return accept(sc, R_APPOSITIVE, s, e, v, undefined, 0, undefined); // the exporter's port, 9100, is scraped
  }
  if (v >= 100 && ALL_SERVICE_PORTS.has(v) && serviceNearby(sc, s, e, v)) return accept(sc, R_SERVICE_NEARBY, s, e, v, undefined, 0, undefined);
  if (v > 0 && look.firstA >= 0 && defaultNote(sc, look)) return accept(sc, R_DEFAULT_NOTE, s, e, v, undefined, 0, undefined);
  if (v > 0 && look.firstA >= 0 && defaultAfterPortSentence(sc, look)) return accept(sc, R_DEFAULT_AFTER_PORT_SENTENCE, s, e, v, undefined, 0, undefined);
  if (v > 0 && (c0 === LPAREN || c0 === SPACE) && exampleNote(sc, s, e)) return accept(sc, R_EXAMPLE_NOTE, s, e, v, undefined, M_LIST, undefined);
  if (v > 0 && c0 === GT && docbookPortDefault(sc, s)) return accept(sc, R_DOCBOOK_DEFAULT, s, e, v, undefined, 0, undefined);
  const fw = look.firstA >= 0 ? look.firstHash : 0;
  if ((fw === H_TARGET || fw === H_PUBLISHED || fw === H_NUMBER) && underPortsKey(sc, s)) {
    return accept(sc, R_PORTS_KEY, s, e, v, undefined, 0, undefined); // compose long form, k8s port: number:
  }
  if (v > 0 && c1 === SPACE && sc.at(e + 1) === SPACE && ufwStatusRow(sc, s, e)) return accept(sc, R_UFW_ROW, s, e, v, undefined, M_LIST, undefined);
  if (v > 0 && fw === H_VALUE && valueOfPortKey(sc, look.firstA)) return accept(sc, R_VALUE_OF_PORT_KEY, s, e, v, undefined, 0, undefined);
  if (v > 0 && fw !== 0 && ufwRulePort(sc, s, fw, look.firstA)) {
    return accept(sc, R_UFW_ALLOW, s, e, v, undefined, M_LIST, undefined); // ufw allow 443, ufw allow out 53
  }
  if (v > 0 && fw !== 0) {
    let pj = s;
    while (pj > 0 && isInlineSpace(t.charCodeAt(pj - 1))) pj--;
    const pc = sc.at(pj - 1);
    if ((pc === EQUALS || pc === COLON) && inPortsBraces(sc, s)) return accept(sc, R_PORTS_BRACES, s, e, v, undefined, 0, undefined); // ports { http = 8500 }
    if (pc === EQUALS && inPortBlock(sc, s, fw)) return accept(sc, R_PORT_BLOCK, s, e, v, undefined, 0, undefined); // port "http" { static = 8080 }
    if (pc === COLON && pj < s && portLabel(sc, s)) return accept(sc, R_PORT_LABEL, s, e, v, undefined, 0, undefined); // Port used for incoming connections: 6881
    if (pc === COLON && underPortsMap(sc, pj - 1, e)) return accept(sc, R_PORTS_MAP, s, e, v, undefined, 0, undefined); // ports:\n  http: 9121
  }

  // 4. Line shapes: compose "- 5432", code calls, nc/telnet host port.
  if (v > 0 && composeItem(sc, isQuote(c0) ? s - 1 : s)) return accept(sc, R_COMPOSE_ITEM, s, e, v, suffixProto(sc, e), M_LIST, undefined);
  if (v > 0) {
    const host = codeCallHost(sc, s, e, c0);
    if (host !== undefined) return accept(sc, R_CALL_HOST, s, e, v, undefined, 0, host === '' ? undefined : host);
    if (c0 === LPAREN && portCall(sc, s)) return accept(sc, R_PORT_CALL, s, e, v, undefined, 0, undefined);
    if (c0 === LBRACE && sc.at(s - 2) === LPAREN && portListCall(sc, s - 2)) return accept(sc, R_PORT_LIST_CALL, s, e, v, undefined, M_LIST, undefined); // port_or_service({25, 465})
    if (c0 === SPACE && hpingScan(sc, look, s)) return accept(sc, R_HPING_SCAN, s, e, v, undefined, M_LIST, undefined); // hping3 --scan 80,443
    if (c0 === SPACE && toolPortOption(sc, look, s)) return accept(sc, R_TOOL_PORT_OPTION, s, e, v, undefined, 0, undefined); // nats-server -m 8222
    if (c0 === SPACE && ipfwPort(sc, look, s)) return accept(sc, R_IPFW_PORT, s, e, v, undefined, M_LIST, undefined); // ipfw … to any 40000
    if (c0 === SPACE && (c1 === -1 || isSpace(c1) || c1 === BACKTICK) && portForwardLine(sc, s)) return accept(sc, R_PORT_FORWARD, s, e, v, undefined, M_LIST | M_SPACE_LIST, undefined); // kubectl port-forward pod/x 5000 6000
    if (c0 === COMMA) {
      const ch = connStringHost(sc, s);
      if (ch !== undefined) return accept(sc, R_CONN_STRING, s, e, v, undefined, 0, ch);
    }
    const hp = hostPortCommand(sc, s, e, v);
    if (hp >= 0) return hp;
    if (idsRulePort(sc, s)) return idsPort(sc, s, e, v);
  }
  return e;
}

/** A port of a Suricata/Snort rule header, or the first of a range written "80: 82" (80:82 is read by chainCase). */
export function idsPort(sc: TextScan, s: number, e: number, v: number): number {
  if (sc.at(e) === COLON) {
    let i = e + 1;
    while (isInlineSpace(sc.at(i)) && i - e < 4) i++;
    if (isDigit(sc.at(i))) {
      const e2 = digitsEnd(sc.t, i);
      const v2 = portValue(sc.t, i, e2);
      if (v2 > v) { emit(sc, R_IDS_RULE_PORT, s, e2, v, v2, undefined, undefined); return e2; }
    }
  }
  return accept(sc, R_IDS_RULE_PORT, s, e, v, undefined, 0, undefined);
}

/**
 * Cheap rejection of a number between two lower-case words (c0 and c1 are
 * spaces, no keyword before): true when none of the later rules can apply —
 * no port word, list word or bracket after, no service or key word before,
 * not a usual service port, and the line is not an nc/telnet/docker-port command.
 */
export function proseNumber(sc: TextScan, s: number, e: number, v: number, look: KeywordLook): boolean {
  const b = sc.at(s - 2);
  if (b < LOWER_A || b > LOWER_Z || look.firstA < 0 || look.firstB !== s - 1) return false;
  const a = sc.at(e + 1);
  // The word after: lower case, not port/numaralı/… (p, n), four letters or more (not and/or/y/und …).
  if (a < LOWER_A || a > LOWER_Z || a === LOWER_P || a === LOWER_N) return false;
  if (!isAsciiLetter(sc.at(e + 2)) || !isAsciiLetter(sc.at(e + 3)) || !isAsciiLetter(sc.at(e + 4))) return false;
  if (sc.at(e + 5) === SPACE) return false;
  if (v >= 100 && ALL_SERVICE_PORTS.has(v)) return false;
  const fw = look.firstHash;
  if (fw === H_ANY) return false; // ipfw: from any to any 40000 in
  if (fw === H_TARGET || fw === H_PUBLISHED || fw === H_NUMBER || fw === H_ALLOW || fw === H_DENY || fw === H_LIMIT ||
    fw === H_REJECT || fw === H_VALUE || mayBeService(sc.t, look.firstA, look.firstB, fw)) return false;
  if (ufwRulePort(sc, s, fw, look.firstA)) return false; // ufw allow out 53 comment 'DNS'
  // hostPortCommand: telnet/nc before the word, or such a command starting the line.
  const k = look.firstA;
  if (!isInlineSpace(sc.at(k - 1))) return false;
  let pw = k;
  while (pw > 0 && k - pw < 3 && isInlineSpace(sc.t.charCodeAt(pw - 1))) pw--;
  const pc = pw < k ? sc.t.charCodeAt(pw - 1) | 32 : 0;
  if (pc === LOWER_T || pc === LOWER_C || pc === LOWER_G || pc === DIGIT_3) return false;
  return sc.line.commandKind(s) === 0;
}

/** "-MM-DD" at e (after a four-digit year), not followed by another digit. */
export function isoDateTail(sc: TextScan, e: number): boolean {
  return isDigit(sc.at(e + 1)) && isDigit(sc.at(e + 2)) && sc.at(e + 3) === HYPHEN && isDigit(sc.at(e + 4)) && isDigit(sc.at(e + 5)) && !isDigit(sc.at(e + 6));
}

/** The end of one or two port flags after a number at e (r redirect, s TLS, o optional: "80r,443os"), or -1. */
export function portFlagsEnd(sc: TextScan, e: number): number {
  let i = e;
  while (i - e < 2) {
    const c = sc.at(i);
    if (c !== LOWER_O && c !== LOWER_R && c !== LOWER_S) break;
    i++;
  }
  const c = sc.at(i);
  return i > e && (c === -1 || c === COMMA || isQuote(c) || isSpace(c)) ? i : -1;
}

/**
 * A port written with flags (Pi-hole's web server ports, "80r,443s", "8080o"):
 * after a port keyword or key, or as the next item of such a list.
 */
export function flaggedPort(sc: TextScan, s: number, e: number, c0: number): number {
  const v = portValue(sc.t, s, e);
  if (v <= 0) return reject(sc, R_REJECT_UNIT, e);
  let ok = false;
  if (c0 === COMMA) {
    // The item before: digits and flags, accepted as a mention.
    let k = s - 1;
    while (k > s - 4 && (sc.at(k - 1) === LOWER_O || sc.at(k - 1) === LOWER_R || sc.at(k - 1) === LOWER_S)) k--;
    const last = sc.out.length > 0 ? sc.out[sc.out.length - 1]! : undefined;
    ok = k < s - 1 && isDigit(sc.at(k - 1)) && last !== undefined && last.end === k;
  }
  if (!ok) {
    const kw = keywordBefore(sc, s).kind;
    ok = kw === KW_PORT || kw === KW_PORTS;
  }
  if (!ok) return reject(sc, R_REJECT_UNIT, e);
  emit(sc, R_PORT_FLAGS, s, e, v, v, undefined, undefined);
  return portFlagsEnd(sc, e);
}

/** -p80,443 (masscan, nmap): -p glued to its value. mysql's -pSECRET is a password. */
export function gluedOptP(sc: TextScan, s: number, e: number): number {
  const v = portValue(sc.t, s, e);
  if (v < 0) return skipInvalid(sc, e);
  if (gluedPNotPort(sc, s)) return reject(sc, R_REJECT_P_NOT_PORT, e);
  const ranges = publishedRangeMap(sc, R_PUBLISHED_RANGE_MAP, s, e);
  if (ranges >= 0) return ranges;
  const c = sc.at(e);
  if (!(c === -1 || isSpace(c) || c === COMMA || isDash(c))) return reject(sc, R_REJECT_GLUED, e);
  if (v === 0 && !isDash(c)) return reject(sc, R_REJECT_PORT_0, e);
  return accept(sc, R_GLUED_P, s, e, v, undefined, M_LIST, undefined);
}

/** A dotted number at s: a version or address, or tcpdump's address.port (10.0.0.5.51514 > 10.0.0.9.80:). */
export function dotted(sc: TextScan, s: number, e: number, c0: number): number {
  const end = reject(sc, R_REJECT_VERSION, skipDotted(sc.t, e));
  if (c0 !== SPACE) return end;
  const c = sc.at(end);
  const arrowAfter = c === SPACE && sc.at(end + 1) === GT && sc.at(end + 2) === SPACE && isDigit(sc.at(end + 3));
  const arrowBefore = c === COLON && sc.at(s - 2) === GT && sc.at(s - 3) === SPACE;
  if (!arrowAfter && !arrowBefore) return end;
  const t = sc.t;
  let dots = 0;
  let last = -1;
  for (let i = s; i < end; i++) if (t.charCodeAt(i) === DOT) { dots++; last = i; }
  if (dots !== 4 || !isIPv4(t, s, last)) return end;
  const v = portValue(t, last + 1, end);
  if (v <= 0) return end;
  emit(sc, R_TCPDUMP_ADDRESS, last + 1, end, v, v, t.slice(s, last), undefined);
  return end;
}

/** After an invalid number (70000, 123456), skip anything joined to it. */
export function skipInvalid(sc: TextScan, e: number): number {
  sc.rule = R_REJECT_OUT_OF_RANGE;
  const c = sc.at(e);
  if ((c === COLON || isDash(c)) && isDigit(sc.at(e + 1))) return digitsEnd(sc.t, e + 1);
  return e;
}
