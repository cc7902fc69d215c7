// Rule family dispatch for a number with no colon around it: the cheap
// rejections first (glued to a word, a version, a unit, a date), then the
// rules in their accepted order (see PLAIN_RULES in ../rules.ts).
import type { Protocol } from '../../types.ts';
import { accept, emit, suffixProto } from '../accept.ts';
import {
  AT, BACKTICK, COLON, COMMA, DIGIT_0, DIGIT_3, digitsEnd, DOLLAR, DOT, EQUALS, GT, HASH, HYPHEN, isAsciiLetter, isDash,
  isDigit, isGlue, isInlineSpace, isQuote, isSpace, isWordLetter, LBRACE, LBRACKET, LOWER_A, LOWER_C, LOWER_G, LOWER_N,
  LOWER_P, LOWER_T, LOWER_Z, LPAREN, PERCENT, PLUS, portValue, RBRACKET, skipDotted, SLASH, SPACE, UNDERSCORE,
} from '../chars.ts';
import { lineHasWord, wordBefore } from '../context.ts';
import { isIPv4 } from '../host.ts';
import { KW_NONE, KW_OPT_SSH } from '../keywords.ts';
import { listContinues, listSuffixProto, listThenPortWord, M_LIST, M_SPACE_LIST } from '../lists.ts';
import type { KeywordLook, TextScan } from '../state.ts';
import {
  ALL_SERVICE_PORTS, BIG_P_PORT, H_ALLOW, H_DENY, H_LIMIT, H_NUMBER, H_PUBLISHED, H_REJECT, H_TARGET, H_VALUE, mayBeService,
} from '../words.ts';
import { portAppositive, portWordAfter, serviceAround, serviceNearby } from './after.ts';
import { codeCallHost, connStringHost, portCall } from './code.ts';
import { keywordBefore } from './keyword.ts';
import { composeItem, hostPortCommand, inPortsBraces, portLabel, ufwStatusRow, underPortsKey, valueOfPortKey } from './lines.ts';
import { grepableProto, pNotPort, portForwardLine, portListCall, underPortsMap } from './specs.ts';
import { countedAfter, keywordMention } from './vetting.ts';

export function plainCase(sc: TextScan, s: number, e: number, c0: number, c1: number): number {
  const t = sc.t;
  // Glued to a word or a dotted number: v2, x_3, 1.5, 192.168.…
  if (isGlue(c0)) {
    if (c0 === LOWER_P && sc.at(s - 2) === HYPHEN && isInlineSpace(sc.at(s - 3))) return gluedOptP(sc, s, e);
    return e;
  }
  if (c0 === DOT && (isAsciiLetter(sc.at(s - 2)) || isDigit(sc.at(s - 2)))) return e;
  if (c1 === DOT && isDigit(sc.at(e + 1))) return dotted(sc, s, e, c0);
  if (isGlue(c1)) return e; // 80ms, 3rd, 5x
  if (isDash(c1) && isWordLetter(sc.at(e + 1))) return e; // 48-port, 3-way
  if (c1 === PERCENT || c1 === AT || c1 === 0xb0 /* ° */) return e; // 80%, 5@, 22°
  if (c1 === COMMA && sc.at(e + 1) === DIGIT_0 && sc.at(e + 2) === DIGIT_0 && sc.at(e + 3) === DIGIT_0 && !isDigit(sc.at(e + 4))) return e + 4; // 100,000 packets
  const slashDigit = c1 === SLASH && isDigit(sc.at(e + 1)); // 1/0/1, 14/10/2016 — unless a list: ports 80/443
  if (c0 === HASH || c0 === DOLLAR || c0 === PLUS || c0 === 0x2116 || c0 === 0x20ac || c0 === 0xa3 || c0 === 0xa5) return e; // #22 $5 +1 №3 €80
  if (c0 === LBRACKET && c1 === RBRACKET && isGlue(sc.at(s - 2))) return e; // ports[0]: an array index
  let dashVar = false;
  if (c0 === HYPHEN) {
    // ${PORT:-3000} is a default value; other glued dashes are negative numbers or range tails.
    if (sc.at(s - 2) === COLON && isGlue(sc.at(s - 3))) dashVar = true;
    else if (isGlue(sc.at(s - 2)) || isDigit(sc.at(s - 2))) return e;
  }
  const v = portValue(t, s, e);
  if (v < 0) return skipInvalid(sc, e);

  // 1. The next item of a list announced before: ports 80, 443 and 8080.
  if (listContinues(sc, s)) {
    if (countedAfter(sc, e) || (slashDigit && !(sc.list.mode & M_LIST))) return e;
    if ((sc.list.mode & M_SPACE_LIST) && isDash(c1) && !(portValue(t, e + 1, digitsEnd(t, e + 1)) > v)) return e; // a date, not a range
    return accept(sc, s, e, v, sc.list.proto, sc.list.mode, undefined);
  }
  if (c0 === SLASH) {
    // tcp/445, udp/161
    const w = wordBefore(t, s - 1);
    const k = s - 1 - w.length;
    if ((w === 'tcp' || w === 'udp' || w === 'sctp' || w === 'dccp') && !isGlue(sc.at(k - 1)) && sc.at(k - 1) !== SLASH && v > 0) {
      return accept(sc, s, e, v, w as Protocol, M_LIST, undefined);
    }
    return e;
  }

  // 2. A keyword before: port 22, TCP 445, --port=3000, listen 80, EXPOSE 3000, -p 5432.
  const look = keywordBefore(sc, dashVar ? s - 2 : s);
  const kw = look.kind;
  if (slashDigit && (kw === KW_NONE || kw === KW_OPT_SSH)) return e;
  if (kw !== KW_NONE) {
    const r = keywordMention(sc, s, e, v, look);
    if (r >= 0) return r;
    return e;
  }
  // A number in running prose ("moved 5 services"): between two lower-case
  // words, neither a keyword nor a service, and no rule below can take it.
  if (c0 === SPACE && c1 === SPACE && proseNumber(sc, s, e, v, look)) return e;

  // 3. Something after: 445/tcp, 8080 port, 22端口, 8080番ポート, 22 (SSH).
  const proto = suffixProto(sc, e);
  if (proto !== undefined) {
    if (v === 0) return e;
    return accept(sc, s, e, v, proto, M_LIST, undefined);
  }
  if (isDash(c1) && isDigit(sc.at(e + 1)) && suffixProto(sc, digitsEnd(t, e + 1)) !== undefined) {
    return accept(sc, s, e, v, undefined, M_LIST, undefined); // 80-81/tcp (docker ps), 6000-6063/udp
  }
  if (c1 === SLASH && v > 0) {
    // nmap's grepable output: 22/open/tcp//ssh///, 53/open|filtered/udp//domain///
    const gp = grepableProto(sc, e);
    if (gp !== undefined) return accept(sc, s, e, v, gp, M_LIST, undefined);
  }
  if (portWordAfter(sc, s, e)) return accept(sc, s, e, v, undefined, 0, undefined);
  if (v > 0 && (c1 === COMMA || c1 === 0x3001 || c1 === 0x548c || c1 === 0x3068 || (isInlineSpace(c1) && (!isAsciiLetter(sc.at(e + 1)) || sc.at(e + 2) === SPACE || sc.at(e + 3) === SPACE || sc.at(e + 4) === SPACE || sc.at(e + 5) === SPACE))) && listThenPortWord(sc, e)) {
    return accept(sc, s, e, v, undefined, 0, undefined); // 80 和 443 端口, 80、443 番ポート
  }
  if (c1 === COMMA && v > 0) {
    // 80,443/tcp (ufw status): the protocol after the list covers every item.
    const lp = listSuffixProto(sc, e);
    if (lp !== undefined) return accept(sc, s, e, v, lp, M_LIST, undefined);
  }
  if (v > 0 && serviceAround(sc, s, e, v, look)) return accept(sc, s, e, v, undefined, M_LIST, undefined);
  if (v >= 100 && c1 === COMMA && sc.at(s - 2) === COMMA && c0 === SPACE && portAppositive(sc, s - 2)) {
    return accept(sc, s, e, v, undefined, 0, undefined); // the exporter's port, 9100, is scraped
  }
  if (v >= 100 && ALL_SERVICE_PORTS.has(v) && serviceNearby(sc, s, e, v)) return accept(sc, s, e, v, undefined, 0, undefined);
  const fw = look.firstA >= 0 ? look.firstHash : 0;
  if ((fw === H_TARGET || fw === H_PUBLISHED || fw === H_NUMBER) && underPortsKey(sc, s)) {
    return accept(sc, s, e, v, undefined, 0, undefined); // compose long form, k8s port: number:
  }
  if (v > 0 && c1 === SPACE && sc.at(e + 1) === SPACE && ufwStatusRow(sc, s, e)) return accept(sc, s, e, v, undefined, M_LIST, undefined);
  if (v > 0 && fw === H_VALUE && valueOfPortKey(sc, look.firstA)) return accept(sc, s, e, v, undefined, 0, undefined);
  if (v > 0 && (fw === H_ALLOW || fw === H_DENY || fw === H_LIMIT || fw === H_REJECT) && lineHasWord(t, s, 'ufw')) {
    return accept(sc, s, e, v, undefined, M_LIST, undefined); // ufw allow 443
  }
  if (v > 0 && fw !== 0) {
    let pj = s;
    while (pj > 0 && isInlineSpace(t.charCodeAt(pj - 1))) pj--;
    const pc = sc.at(pj - 1);
    if ((pc === EQUALS || pc === COLON) && inPortsBraces(sc, s)) return accept(sc, s, e, v, undefined, 0, undefined); // ports { http = 8500 }
    if (pc === COLON && pj < s && portLabel(sc, s)) return accept(sc, s, e, v, undefined, 0, undefined); // Port used for incoming connections: 6881
    if (pc === COLON && underPortsMap(sc, pj - 1, e)) return accept(sc, s, e, v, undefined, 0, undefined); // ports:\n  http: 9121
  }

  // 4. Line shapes: compose "- 5432", code calls, nc/telnet host port.
  if (v > 0 && composeItem(sc, isQuote(c0) ? s - 1 : s)) return accept(sc, s, e, v, suffixProto(sc, e), M_LIST, undefined);
  if (v > 0) {
    const host = codeCallHost(sc, s, e, c0);
    if (host !== undefined) return accept(sc, s, e, v, undefined, 0, host === '' ? undefined : host);
    if (c0 === LPAREN && portCall(sc, s)) return accept(sc, s, e, v, undefined, 0, undefined);
    if (c0 === LBRACE && sc.at(s - 2) === LPAREN && portListCall(sc, s - 2)) return accept(sc, s, e, v, undefined, M_LIST, undefined); // port_or_service({25, 465})
    if (c0 === SPACE && (c1 === -1 || isSpace(c1) || c1 === BACKTICK) && portForwardLine(sc, s)) return accept(sc, s, e, v, undefined, M_LIST | M_SPACE_LIST, undefined); // kubectl port-forward pod/x 5000 6000
    if (c0 === COMMA) {
      const ch = connStringHost(sc, s);
      if (ch !== undefined) return accept(sc, s, e, v, undefined, 0, ch);
    }
    const hp = hostPortCommand(sc, s, e, v);
    if (hp >= 0) return hp;
  }
  return e;
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
  if (fw === H_TARGET || fw === H_PUBLISHED || fw === H_NUMBER || fw === H_ALLOW || fw === H_DENY || fw === H_LIMIT ||
    fw === H_REJECT || fw === H_VALUE || mayBeService(sc.t, look.firstA, look.firstB, fw)) return false;
  // hostPortCommand: telnet/nc before the word, or such a command starting the line.
  const k = look.firstA;
  if (!isInlineSpace(sc.at(k - 1))) return false;
  let pw = k;
  while (pw > 0 && k - pw < 3 && isInlineSpace(sc.t.charCodeAt(pw - 1))) pw--;
  const pc = pw < k ? sc.t.charCodeAt(pw - 1) | 32 : 0;
  if (pc === LOWER_T || pc === LOWER_C || pc === LOWER_G || pc === DIGIT_3) return false;
  return sc.line.commandKind(s) === 0;
}

/** -p80,443 (masscan, nmap): -p glued to its value. mysql's -pSECRET is a password. */
export function gluedOptP(sc: TextScan, s: number, e: number): number {
  const v = portValue(sc.t, s, e);
  if (v < 0) return skipInvalid(sc, e);
  const cmd = sc.line.command(s);
  if (pNotPort(sc, s) || BIG_P_PORT.has(cmd) || cmd.startsWith('mysql') || cmd === 'mariadb') return e;
  const c = sc.at(e);
  if (!(c === -1 || isSpace(c) || c === COMMA || isDash(c))) return e;
  if (v === 0 && !isDash(c)) return e;
  return accept(sc, s, e, v, undefined, M_LIST, undefined);
}

/** A dotted number at s: a version or address, or tcpdump's address.port (10.0.0.5.51514 > 10.0.0.9.80:). */
export function dotted(sc: TextScan, s: number, e: number, c0: number): number {
  const end = skipDotted(sc.t, e);
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
  emit(sc, last + 1, end, v, v, t.slice(s, last), undefined);
  return end;
}

/** After an invalid number (70000, 123456), skip anything joined to it. */
export function skipInvalid(sc: TextScan, e: number): number {
  const c = sc.at(e);
  if ((c === COLON || isDash(c)) && isDigit(sc.at(e + 1))) return digitsEnd(sc.t, e + 1);
  return e;
}
