// The scanner: one pass over the text that stops at each run of digits and
// decides, from a bounded look backwards and forwards, whether the run is a
// port. See ../../../shared/spec/port-mentions.md for the contract and
// README.md beside this file for the rules.
import type { Protocol } from '../types.ts';
import {
  AT, COLON, COMMA, digitsEnd, DOT, EQUALS, HYPHEN, isAsciiLetter, isDash, isDigit, isGlue, isInlineSpace, isQuote, isSpace,
  isTilde, isWordLetter, LPAREN, matchesLower, portValue, RBRACKET, skipDotted, SLASH,
} from './chars.ts';
import { commandWordEnd, commandWordStart, lineHasWord, lineStart, wordAfter, wordBefore, wordBeforeHash } from './context.ts';
import { wordHash } from './hash.ts';
import { isIPv4 } from './host.ts';
import { KW_NONE, KW_OPT_SSH } from './keywords.ts';
import { M_ARROW, M_BETWEEN, M_CHANGE, M_LIST, M_SPACE_LIST, M_SPACE_RANGE, M_TO_RANGE } from './lists.ts';
import { stripPlaceholders } from './placeholders.ts';
import { portAppositive, portWordAfter, serviceAround, serviceNearby } from './rules/after.ts';
import { codeCallHost, connStringHost, portCall } from './rules/code.ts';
import { colonCase } from './rules/hostport.ts';
import { keywordBefore } from './rules/keyword.ts';
import { composeItem, hostPortCommand, inPortsBraces, portLabel, ufwStatusRow, underPortsKey, valueOfPortKey } from './rules/lines.ts';
import { chainCase } from './rules/pairs.ts';
import { grepableProto, pNotPort, portForwardLine, portListCall, underPortsMap } from './rules/specs.ts';
import { countedAfter, keywordMention } from './rules/vetting.ts';
import type { PortMention } from './types.ts';
import {
  ALL_SERVICE_PORTS, BIG_P_PORT, H_ALLOW, H_DENY, H_LIMIT, H_NUMBER, H_PUBLISHED, H_REJECT, H_TARGET, H_VALUE, HOST_PORT_CMDS,
  HOST_PORT_DIRECTIVES, LIST_WORDS, mayBeService, P_NOT_PORT, PROTOCOL_HASHES, RANGE_WORDS,
} from './words.ts';

const EMPTY: PortMention[] = [];
/** Kinds of a line's command (TextScan.cmdKind), worked out once per line. */
export const CMD_DIRECTIVE = 1;
export const CMD_HOST_PORT = 2;
export const CMD_DOCKER = 4;
export const CMD_KUBECTL = 8;


/** CMD_* kind of each command word that has one, and those words by wordHash (a hash is confirmed by its characters). */
const CMD_KIND = new Map<string, number>();
for (const w of HOST_PORT_DIRECTIVES) CMD_KIND.set(w, (CMD_KIND.get(w) ?? 0) | 1);
for (const w of HOST_PORT_CMDS) CMD_KIND.set(w, (CMD_KIND.get(w) ?? 0) | 2);
CMD_KIND.set('docker', (CMD_KIND.get('docker') ?? 0) | 4);
CMD_KIND.set('kubectl', CMD_KUBECTL);
CMD_KIND.set('oc', CMD_KUBECTL);
const CMD_KIND_WORDS = new Map<number, string>();
for (const w of CMD_KIND.keys()) {
  const h = wordHash(w, 0, w.length);
  if (CMD_KIND_WORDS.has(h)) throw new Error(`command words ${w} and ${CMD_KIND_WORDS.get(h)} share a hash`);
  CMD_KIND_WORDS.set(h, w);
}

export function findPortMentions(text: string): PortMention[] {
  if (typeof text !== 'string' || text.length === 0) return EMPTY.slice();
  const scan = new TextScan(text);
  const out = scan.run();
  if (!scan.placeholders) return out;
  // A number inside {{…}} or after an option alternation: read the text
  // again without the placeholders, and map the spans back.
  const stripped = stripPlaceholders(text);
  if (stripped === undefined) return out;
  const again = new TextScan(stripped.text).run();
  const map = stripped.map;
  for (const m of again) {
    m.end = map[m.end - 1]! + 1;
    m.start = map[m.start]!;
  }
  return again;
}

export class TextScan {
  readonly t: string;
  readonly n: number;
  readonly out: PortMention[] = [];
  // List continuation: where the last listable mention ended and how it was announced.
  listEnd = -1;
  listProto: Protocol | undefined = undefined;
  listMode = 0;
  listIsMap = false;
  // Result of the last keyword lookup.
  kwStart = 0;
  /** The keyword was a plain port word (port, porta, ポート), not a key like DB_PORT. */
  kwPlain = false;
  /** wordHash of the word before a port keyword (0 if none). */
  kwBeforeHash = 0;
  kwProto: Protocol | undefined = undefined;
  kwMode = 0;
  firstWord = '';
  /** Bounds of the first word before the number (firstWordLower() reads it). */
  firstA = -1;
  firstB = -1;
  firstHash = 0;
  // Line tracking: the furthest position asked for and the start of its line.
  curLineStart = 0;
  maxLinePos = 0;
  nextNl = -1;
  cmdLine = -1;
  cmdWord = '';
  /** cmdWord is read from [cmdA, cmdB) only when asked for. */
  cmdWordStale = false;
  cmdA = 0;
  cmdB = 0;
  /** CMD_* bits of cmdWord. */
  cmdKind = 0;
  // Cache of the compose "ports:" block lookup.
  itemLine = -2;
  itemInPorts = false;
  /** A number was seen next to {{ }} or after "] " (a placeholder or an option alternation). */
  placeholders = false;

  constructor(text: string) {
    this.t = text;
    this.n = text.length;
  }

  run(): PortMention[] {
    const t = this.t;
    const n = this.n;
    // A sticky skip over non-digits: it always matches (maybe empty), and
    // lastIndex lands on the next digit, or on n when there is none.
    const re = /[^0-9]*/y;
    // Read before the loop: a property read after it, first reached by
    // on-stack-replaced code, deoptimized run() on every call.
    const out = this.out;
    let i = 0;
    while (i < n) {
      // The next digit is often the next character but one (10.0.0.1,
      // 2024-01-12): look there first, and call the regex only beyond.
      let s = i;
      let d = t.charCodeAt(s);
      if (!(d >= 48 && d <= 57) && s + 1 < n) d = t.charCodeAt(++s);
      if (!(d >= 48 && d <= 57)) {
        re.lastIndex = s;
        re.test(t);
        s = re.lastIndex;
        if (s >= n) break;
      }
      const e = digitsEnd(t, s + 1);
      const next = this.runAt(s, e);
      i = next > e ? next : e;
    }
    return out;
  }

  emit(start: number, end: number, port: number, endPort: number, host: string | undefined, protocol: Protocol | undefined): void {
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
    this.out.push(m);
  }

  at(i: number): number {
    return i >= 0 && i < this.n ? this.t.charCodeAt(i) : -1;
  }

  runAt(s: number, e: number): number {
    const c0 = this.at(s - 1);
    const c1 = this.at(e);
    if (c0 === 123 || c1 === 125 || (c0 === 32 && (this.at(s - 2) === RBRACKET || this.at(s - 2) === 125))) this.placeholders = true;
    if (c0 === COLON) return colonCase(this, s, e, c1);
    if (c1 === COLON && isDigit(this.at(e + 1))) return chainCase(this, s, e, c0);
    return this.plainCase(s, e, c0, c1);
  }

  /** Protocol written as a suffix at i: /tcp, /UDP. The suffix ends at i + 1 + protocol.length. */
  suffixProto(i: number): Protocol | undefined {
    if (this.at(i) !== SLASH) return undefined;
    const t = this.t;
    let p: Protocol | undefined;
    let len = 3;
    if (matchesLower(t, i + 1, 'tcp')) p = 'tcp';
    else if (matchesLower(t, i + 1, 'udp')) p = 'udp';
    else if (matchesLower(t, i + 1, 'sctp')) { p = 'sctp'; len = 4; }
    else if (matchesLower(t, i + 1, 'dccp')) { p = 'dccp'; len = 4; }
    else return undefined;
    const after = this.at(i + 1 + len);
    if (isAsciiLetter(after) || isDigit(after)) return undefined; // tcp6 is fine below
    return p;
  }

  // ---------------------------------------------------------------- colon

  // ---------------------------------------------------------------- chains

  // ---------------------------------------------------------------- plain

  plainCase(s: number, e: number, c0: number, c1: number): number {
    const t = this.t;
    // Glued to a word or a dotted number: v2, x_3, 1.5, 192.168.…
    if (isGlue(c0)) {
      if (c0 === 112 && this.at(s - 2) === 45 && isInlineSpace(this.at(s - 3))) return this.gluedOptP(s, e);
      return e;
    }
    if (c0 === DOT && (isAsciiLetter(this.at(s - 2)) || isDigit(this.at(s - 2)))) return e;
    if (c1 === DOT && isDigit(this.at(e + 1))) return this.dotted(s, e, c0);
    if (isGlue(c1) && !(c1 === 95 && false)) return e; // 80ms, 3rd, 5x
    if (isDash(c1) && isWordLetter(this.at(e + 1))) return e; // 48-port, 3-way
    if (c1 === 37 || c1 === AT || c1 === 0xb0 /* ° */) return e; // 80%, 5@, 22°
    if (c1 === COMMA && this.at(e + 1) === 48 && this.at(e + 2) === 48 && this.at(e + 3) === 48 && !isDigit(this.at(e + 4))) return e + 4; // 100,000 packets
    const slashDigit = c1 === SLASH && isDigit(this.at(e + 1)); // 1/0/1, 14/10/2016 — unless a list: ports 80/443
    if (c0 === 35 || c0 === 36 || c0 === 43 || c0 === 0x2116 || c0 === 0x20ac || c0 === 0xa3 || c0 === 0xa5) return e; // #22 $5 +1 №3 €80
    if (c0 === 91 && c1 === RBRACKET && isGlue(this.at(s - 2))) return e; // ports[0]: an array index
    let dashVar = false;
    if (c0 === 45) {
      // ${PORT:-3000} is a default value; other glued dashes are negative numbers or range tails.
      if (this.at(s - 2) === COLON && isGlue(this.at(s - 3))) dashVar = true;
      else if (isGlue(this.at(s - 2)) || isDigit(this.at(s - 2))) return e;
    }
    const v = portValue(t, s, e);
    if (v < 0) return this.skipInvalid(e);

    // 1. The next item of a list announced before: ports 80, 443 and 8080.
    if (this.listContinues(s)) {
      if (countedAfter(this, e) || (slashDigit && !(this.listMode & M_LIST))) return e;
      if ((this.listMode & M_SPACE_LIST) && isDash(c1) && !(portValue(t, e + 1, digitsEnd(t, e + 1)) > v)) return e; // a date, not a range
      return this.accept(s, e, v, this.listProto, this.listMode, undefined);
    }
    if (c0 === SLASH) {
      // tcp/445, udp/161
      const w = wordBefore(t, s - 1);
      const k = s - 1 - w.length;
      if ((w === 'tcp' || w === 'udp' || w === 'sctp' || w === 'dccp') && !isGlue(this.at(k - 1)) && this.at(k - 1) !== SLASH && v > 0) {
        return this.accept(s, e, v, w as Protocol, M_LIST, undefined);
      }
      return e;
    }

    // 2. A keyword before: port 22, TCP 445, --port=3000, listen 80, EXPOSE 3000, -p 5432.
    const kw = keywordBefore(this, dashVar ? s - 2 : s);
    if (slashDigit && (kw === KW_NONE || kw === KW_OPT_SSH)) return e;
    if (kw !== KW_NONE) {
      const r = keywordMention(this, s, e, v, kw);
      if (r >= 0) return r;
      return e;
    }
    // A number in running prose ("moved 5 services"): between two lower-case
    // words, neither a keyword nor a service, and no rule below can take it.
    if (c0 === 32 && c1 === 32 && this.proseNumber(s, e, v)) return e;

    // 3. Something after: 445/tcp, 8080 port, 22端口, 8080番ポート, 22 (SSH).
    const proto = this.suffixProto(e);
    if (proto !== undefined) {
      if (v === 0) return e;
      return this.accept(s, e, v, proto, M_LIST, undefined);
    }
    if (isDash(c1) && isDigit(this.at(e + 1)) && this.suffixProto(digitsEnd(t, e + 1)) !== undefined) {
      return this.accept(s, e, v, undefined, M_LIST, undefined); // 80-81/tcp (docker ps), 6000-6063/udp
    }
    if (c1 === SLASH && v > 0) {
      // nmap's grepable output: 22/open/tcp//ssh///, 53/open|filtered/udp//domain///
      const gp = grepableProto(this, e);
      if (gp !== undefined) return this.accept(s, e, v, gp, M_LIST, undefined);
    }
    if (portWordAfter(this, s, e)) return this.accept(s, e, v, undefined, 0, undefined);
    if (v > 0 && (c1 === COMMA || c1 === 0x3001 || c1 === 0x548c || c1 === 0x3068 || (isInlineSpace(c1) && (!isAsciiLetter(this.at(e + 1)) || this.at(e + 2) === 32 || this.at(e + 3) === 32 || this.at(e + 4) === 32 || this.at(e + 5) === 32))) && this.listThenPortWord(e)) {
      return this.accept(s, e, v, undefined, 0, undefined); // 80 和 443 端口, 80、443 番ポート
    }
    if (c1 === COMMA && v > 0) {
      // 80,443/tcp (ufw status): the protocol after the list covers every item.
      const lp = this.listSuffixProto(e);
      if (lp !== undefined) return this.accept(s, e, v, lp, M_LIST, undefined);
    }
    if (v > 0 && serviceAround(this, s, e, v)) return this.accept(s, e, v, undefined, M_LIST, undefined);
    if (v >= 100 && c1 === COMMA && this.at(s - 2) === COMMA && c0 === 32 && portAppositive(this, s - 2)) {
      return this.accept(s, e, v, undefined, 0, undefined); // the exporter's port, 9100, is scraped
    }
    if (v >= 100 && ALL_SERVICE_PORTS.has(v) && serviceNearby(this, s, e, v)) return this.accept(s, e, v, undefined, 0, undefined);
    const fw = this.firstA >= 0 ? this.firstHash : 0;
    if ((fw === H_TARGET || fw === H_PUBLISHED || fw === H_NUMBER) && underPortsKey(this, s)) {
      return this.accept(s, e, v, undefined, 0, undefined); // compose long form, k8s port: number:
    }
    if (v > 0 && c1 === 32 && this.at(e + 1) === 32 && ufwStatusRow(this, s, e)) return this.accept(s, e, v, undefined, M_LIST, undefined);
    if (v > 0 && fw === H_VALUE && valueOfPortKey(this, this.firstA)) return this.accept(s, e, v, undefined, 0, undefined);
    if (v > 0 && (fw === H_ALLOW || fw === H_DENY || fw === H_LIMIT || fw === H_REJECT) && lineHasWord(t, s, 'ufw')) {
      return this.accept(s, e, v, undefined, M_LIST, undefined); // ufw allow 443
    }
    if (v > 0 && fw !== 0) {
      let pj = s;
      while (pj > 0 && isInlineSpace(t.charCodeAt(pj - 1))) pj--;
      const pc = this.at(pj - 1);
      if ((pc === EQUALS || pc === COLON) && inPortsBraces(this, s)) return this.accept(s, e, v, undefined, 0, undefined); // ports { http = 8500 }
      if (pc === COLON && pj < s && portLabel(this, s)) return this.accept(s, e, v, undefined, 0, undefined); // Port used for incoming connections: 6881
      if (pc === COLON && underPortsMap(this, pj - 1, e)) return this.accept(s, e, v, undefined, 0, undefined); // ports:\n  http: 9121
    }

    // 4. Line shapes: compose "- 5432", code calls, nc/telnet host port.
    if (v > 0 && composeItem(this, isQuote(c0) ? s - 1 : s)) return this.accept(s, e, v, this.suffixProto(e), M_LIST, undefined);
    if (v > 0) {
      const host = codeCallHost(this, s, e, c0);
      if (host !== undefined) return this.accept(s, e, v, undefined, 0, host === '' ? undefined : host);
      if (c0 === LPAREN && portCall(this, s)) return this.accept(s, e, v, undefined, 0, undefined);
      if (c0 === 123 && this.at(s - 2) === LPAREN && portListCall(this, s - 2)) return this.accept(s, e, v, undefined, M_LIST, undefined); // port_or_service({25, 465})
      if (c0 === 32 && (c1 === -1 || isSpace(c1) || c1 === 96) && portForwardLine(this, s)) return this.accept(s, e, v, undefined, M_LIST | M_SPACE_LIST, undefined); // kubectl port-forward pod/x 5000 6000
      if (c0 === COMMA) {
        const ch = connStringHost(this, s);
        if (ch !== undefined) return this.accept(s, e, v, undefined, 0, ch);
      }
      const hp = hostPortCommand(this, s, e, v);
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
  proseNumber(s: number, e: number, v: number): boolean {
    const b = this.at(s - 2);
    if (b < 97 || b > 122 || this.firstA < 0 || this.firstB !== s - 1) return false;
    const a = this.at(e + 1);
    // The word after: lower case, not port/numaralı/… (p, n), four letters or more (not and/or/y/und …).
    if (a < 97 || a > 122 || a === 112 || a === 110) return false;
    if (!isAsciiLetter(this.at(e + 2)) || !isAsciiLetter(this.at(e + 3)) || !isAsciiLetter(this.at(e + 4))) return false;
    if (this.at(e + 5) === 32) return false;
    if (v >= 100 && ALL_SERVICE_PORTS.has(v)) return false;
    const fw = this.firstHash;
    if (fw === H_TARGET || fw === H_PUBLISHED || fw === H_NUMBER || fw === H_ALLOW || fw === H_DENY || fw === H_LIMIT ||
      fw === H_REJECT || fw === H_VALUE || mayBeService(this.t, this.firstA, this.firstB, fw)) return false;
    // hostPortCommand: telnet/nc before the word, or such a command starting the line.
    const k = this.firstA;
    if (!isInlineSpace(this.at(k - 1))) return false;
    let pw = k;
    while (pw > 0 && k - pw < 3 && isInlineSpace(this.t.charCodeAt(pw - 1))) pw--;
    const pc = pw < k ? this.t.charCodeAt(pw - 1) | 32 : 0;
    if (pc === 116 || pc === 99 || pc === 103 || pc === 51) return false;
    return this.commandKind(s) === 0;
  }

  /** -p80,443 (masscan, nmap): -p glued to its value. mysql's -pSECRET is a password. */
  gluedOptP(s: number, e: number): number {
    const v = portValue(this.t, s, e);
    if (v < 0) return this.skipInvalid(e);
    const cmd = this.command(s);
    if (pNotPort(this, s) || BIG_P_PORT.has(cmd) || cmd.startsWith('mysql') || cmd === 'mariadb') return e;
    const c = this.at(e);
    if (!(c === -1 || isSpace(c) || c === COMMA || isDash(c))) return e;
    if (v === 0 && !isDash(c)) return e;
    return this.accept(s, e, v, undefined, M_LIST, undefined);
  }

  /** A dotted number at s: a version or address, or tcpdump's address.port (10.0.0.5.51514 > 10.0.0.9.80:). */
  dotted(s: number, e: number, c0: number): number {
    const end = skipDotted(this.t, e);
    if (c0 !== 32) return end;
    const c = this.at(end);
    const arrowAfter = c === 32 && this.at(end + 1) === 62 && this.at(end + 2) === 32 && isDigit(this.at(end + 3));
    const arrowBefore = c === COLON && this.at(s - 2) === 62 && this.at(s - 3) === 32;
    if (!arrowAfter && !arrowBefore) return end;
    const t = this.t;
    let dots = 0;
    let last = -1;
    for (let i = s; i < end; i++) if (t.charCodeAt(i) === DOT) { dots++; last = i; }
    if (dots !== 4 || !isIPv4(t, s, last)) return end;
    const v = portValue(t, last + 1, end);
    if (v <= 0) return end;
    this.emit(last + 1, end, v, v, t.slice(s, last), undefined);
    return end;
  }

  /** 80 和 443 端口, 80, 443 port: numbers joined up to one that a port word follows. */
  listThenPortWord(e: number): boolean {
    const t = this.t;
    let i = e;
    // Items already read from an earlier number of the same list lack a port
    // word: go on from the last of them, so a long list is read once.
    const from = e > this.ltpwFrom && e <= this.ltpwTo ? this.ltpwFrom : e;
    if (from !== e) i = this.ltpwTo;
    const budget = from !== e ? 1 : 4;
    for (let items = 0; items < budget; items++) {
      let sep = false;
      const lim = i + 12;
      while (i < lim && i < this.n) {
        const c = t.charCodeAt(i);
        if (isInlineSpace(c)) { i++; continue; }
        if (c === COMMA || c === 0x3001 || c === 0xff0c || c === 0x548c || c === 0x4e0e || c === 0x53ca || c === 0x3068) { sep = true; i++; continue; }
        if (isAsciiLetter(c)) {
          // and / or / und / et / y … followed by a number
          let k = i;
          while (k < this.n && k - i < 5 && isAsciiLetter(t.charCodeAt(k))) k++;
          if (k - i > 4 || !isInlineSpace(this.at(k)) || !isDigit(this.at(k + 1))) return false;
          if (!LIST_WORDS.has(t.slice(i, k).toLowerCase())) return false;
          sep = true; i = k; continue;
        }
        break;
      }
      if (!sep || !isDigit(this.at(i))) return false;
      const s2 = i;
      const e2 = digitsEnd(t, s2);
      if (portValue(t, s2, e2) <= 0 || isGlue(this.at(e2)) || this.at(e2) === DOT || this.at(e2) === COLON) return false;
      if (portWordAfter(this, s2, e2)) return true;
      i = e2;
      this.ltpwFrom = from;
      this.ltpwTo = e2;
    }
    return false;
  }

  /** The first word before the number, lower case, whether or not it was a keyword. */
  firstWordLower(): string {
    if (this.firstWord === '' && this.firstA >= 0) this.firstWord = this.t.slice(this.firstA, this.firstB).toLowerCase();
    return this.firstWord;
  }

  /**
   * Start of the line holding pos (after the last '\n' before pos). Looks
   * backwards only as far as the furthest position asked before, whose line
   * start is cached, so the looks add up to one pass at most and usually stop
   * at the nearest newline.
   */
  lineOf(pos: number): number {
    if (pos < this.maxLinePos) {
      if (pos >= this.curLineStart) return this.curLineStart;
      const ls = lineStart(this.t, pos, pos + 1);
      return ls < 0 ? 0 : ls;
    }
    const t = this.t;
    const stop = this.maxLinePos;
    // nextNl: the first newline at or after stop (a native forward search,
    // reused while it lies beyond the positions asked), so long lines of
    // prose are not walked backwards character by character.
    let nl = this.nextNl;
    if (nl < stop) {
      nl = t.indexOf('\n', stop);
      if (nl < 0) nl = this.n;
      this.nextNl = nl;
    }
    if (nl < pos) {
      // A native backward search; it stops at nl at the latest.
      this.curLineStart = t.lastIndexOf('\n', pos - 1) + 1;
    }
    this.maxLinePos = pos;
    return this.curLineStart;
  }

  /** First word of the line holding pos (after a prompt and sudo), cached per line. */
  command(pos: number): string {
    const ls = this.lineOf(pos);
    if (ls !== this.cmdLine) this.lineKind(ls);
    if (this.cmdWordStale) {
      this.cmdWordStale = false;
      this.cmdWord = this.cmdA < this.cmdB ? this.t.slice(this.cmdA, this.cmdB).toLowerCase() : '';
    }
    return this.cmdWord;
  }

  /** Sets cmdKind (and the bounds of the command word) for the line holding pos, without reading the word into a string. */
  commandKind(pos: number): number {
    const ls = this.lineOf(pos);
    if (ls !== this.cmdLine) this.lineKind(ls);
    return this.cmdKind;
  }

  lineKind(ls: number): void {
    this.cmdLine = ls;
    const limit = ls + 200 < this.n ? ls + 200 : this.n;
    const a = commandWordStart(this.t, ls, limit);
    const b = commandWordEnd(this.t, a, limit);
    this.cmdA = a;
    this.cmdB = b;
    this.cmdWordStale = true;
    let kind = 0;
    if (b > a) {
      const w = CMD_KIND_WORDS.get(wordHash(this.t, a, b));
      if (w !== undefined && w.length === b - a && matchesLower(this.t, a, w)) kind = CMD_KIND.get(w)!;
    }
    this.cmdKind = kind;
  }

  /** The protocol after a comma list of numbers: ",443,8443/tcp". */
  listSuffixProto(e: number): Protocol | undefined {
    let i = e;
    const lim = e + 48;
    while (i < lim && (this.at(i) === COMMA || isDigit(this.at(i)))) i++;
    return i > e + 1 && isDigit(this.at(i - 1)) ? this.suffixProto(i) : undefined;
  }

  /** After an invalid number (70000, 123456), skip anything joined to it. */
  skipInvalid(e: number): number {
    const c = this.at(e);
    if ((c === COLON || isDash(c)) && isDigit(this.at(e + 1))) return digitsEnd(this.t, e + 1);
    return e;
  }

  setList(end: number, proto: Protocol | undefined, mode: number, isMap: boolean): void {
    if (mode & (M_LIST | M_ARROW)) {
      this.listEnd = end;
      this.listProto = proto;
      this.listMode = mode;
      this.listIsMap = isMap;
    } else {
      this.listEnd = -1;
    }
  }

  listContinues(s: number): boolean {
    return this.listEnd >= 0 && s - this.listEnd <= 64 && s > this.listEnd - 1 && this.gapIsListSep(this.listEnd, s, this.listMode);
  }

  /** Whether text[a, b) only joins list items: ", ", " and ", "/", " (SSH), ", " or ". */
  gapIsListSep(a: number, b: number, mode: number): boolean {
    const t = this.t;
    let sep = false;
    let i = a;
    if (mode === M_ARROW) {
      // host:port -> N, the number ending the line.
      while (i < b && isInlineSpace(t.charCodeAt(i))) i++;
      const c = t.charCodeAt(i);
      if (c === 0x2192) i++;
      else if ((c === 45 || c === EQUALS) && t.charCodeAt(i + 1) === 62) i += 2;
      else return false;
      while (i < b && isInlineSpace(t.charCodeAt(i))) i++;
      if (i !== b || i === a) return false;
      let k = digitsEnd(t, b);
      while (k < this.n && isInlineSpace(t.charCodeAt(k))) k++;
      return k === this.n || t.charCodeAt(k) === 10 || t.charCodeAt(k) === 13;
    }
    while (i < b) {
      const c = t.charCodeAt(i);
      if (isInlineSpace(c) || isQuote(c) || c === 41 /* ) */) { i++; continue; }
      if (c === COMMA || c === SLASH || c === 59 || c === 38 || c === 0x3001 || c === 0xff0c || c === 0x548c || c === 0x4e0e || c === 0x53ca || c === 0x6216 || c === 0x3068 || c === 0x3084 || c === 0xbc0f) {
        sep = true; i++; continue;
      }
      if (c === LPAREN) {
        // A short note in brackets: 22 (SSH), 80 (HTTP).
        let k = i + 1;
        while (k < b && k - i < 40 && t.charCodeAt(k) !== 41 && !isDigit(t.charCodeAt(k)) && t.charCodeAt(k) !== 10) k++;
        if (k >= b || t.charCodeAt(k) !== 41) return false;
        i = k + 1;
        continue;
      }
      if ((mode & M_CHANGE) && (c === 0x2192 || c === 0x21d2 || c === 62 || c === EQUALS || c === 45)) {
        // -> ==> => →
        let k = i;
        while (k < b && (t.charCodeAt(k) === 45 || t.charCodeAt(k) === EQUALS)) k++;
        if (k < b && (t.charCodeAt(k) === 62 || t.charCodeAt(k) === 0x2192 || t.charCodeAt(k) === 0x21d2)) { sep = true; i = k + 1; continue; }
        return false;
      }
      if (isWordLetter(c)) {
        let k = i;
        while (k < b && isWordLetter(t.charCodeAt(k))) k++;
        if (k - i > 8) return false;
        const w = t.slice(i, k).toLowerCase();
        if (!sep && (mode & M_LIST) && (w === 'for' || w === 'für' || w === 'pour' || w === 'para' || w === 'per') && isInlineSpace(t.charCodeAt(k))) {
          // "port 8500 for HTTP, 8600 for DNS": a short note of up to three words, then a separator.
          let words = 0;
          let m = k;
          while (m < b && words < 4) {
            while (m < b && isInlineSpace(t.charCodeAt(m))) m++;
            const w0 = m;
            while (m < b && (isWordLetter(t.charCodeAt(m)) || isDigit(t.charCodeAt(m)) || t.charCodeAt(m) === 45 || t.charCodeAt(m) === 47)) m++;
            if (m === w0) break;
            words++;
          }
          if (words === 0 || words > 3 || (t.charCodeAt(m) !== COMMA && t.charCodeAt(m) !== 59)) return false;
          // The next item must look like a port, not a small count ("…, 3 for nothing").
          if (b < this.n && portValue(t, b, digitsEnd(t, b)) < 100) return false;
          i = m;
          continue;
        }
        if ((mode & M_CHANGE) && !sep && (w === 'instead' || w === 'rather' || w === 'statt' || w === 'anstatt')) {
          // "port (9464) instead of 8080", "rather than 80": the port it replaces.
          let m = k;
          while (m < b && isInlineSpace(t.charCodeAt(m))) m++;
          if (w === 'instead' || w === 'rather') {
            const w2 = w === 'instead' ? 'of' : 'than';
            if (!matchesLower(t, m, w2) || isAsciiLetter(this.at(m + w2.length))) return false;
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

  protoWordBefore(k: number): Protocol | undefined {
    // tcp, udp, sctp and dccp all end in "p": most looks stop here.
    let j = k;
    while (j > 0 && k - j < 3 && (isInlineSpace(this.t.charCodeAt(j - 1)) || this.t.charCodeAt(j - 1) === 45)) j--;
    if ((this.at(j - 1) | 32) !== 112) return undefined;
    const h = wordBeforeHash(this.t, k);
    return h === 0 ? undefined : PROTOCOL_HASHES.get(h);
  }

  /** "53 udp reuseport", "2456-2458 UDP forwarded": tcp/udp as the next word, alone. */
  protoWordAfter(end: number): Protocol | undefined {
    const t = this.t;
    if (!isInlineSpace(this.at(end))) return undefined;
    const i = end + 1;
    const c = this.at(i) | 32;
    if (c !== 116 && c !== 117) return undefined;
    let p: Protocol | undefined;
    if (matchesLower(t, i, 'tcp')) p = 'tcp';
    else if (matchesLower(t, i, 'udp')) p = 'udp';
    else return undefined;
    const d = this.at(i + 3);
    if (isGlue(d) || d === SLASH || d === 38 || d === HYPHEN) return undefined;
    const w = wordAfter(t, i + 3);
    if (LIST_WORDS.has(w)) return undefined;
    return p;
  }

  lastHostEnd = -1;
  /** listThenPortWord's memory: list items in (ltpwFrom, ltpwTo] have no port word after them. */
  ltpwFrom = -1;
  ltpwTo = -1;
  lastHostProto: Protocol | undefined = undefined;

  // ---------------------------------------------------------------- accept

  /**
   * Emits the mention at [s, e) and what may extend it: a range (135-139,
   * 6667 through 7000, ports 6000 to 6063), a /tcp suffix. Remembers the list
   * so that the next numbers can continue it. protoAfter: a protocol word
   * may follow the number (listen 53 udp).
   */
  accept(s: number, e: number, v: number, proto: Protocol | undefined, mode: number, host: string | undefined, protoAfter = false): number {
    const t = this.t;
    let endPort = v;
    let end = e;
    // A range?
    let i = e;
    let sp = 0;
    while (isInlineSpace(this.at(i)) && sp < 3) { i++; sp++; }
    const c = this.at(i);
    let k = -1;
    if (isDash(c) || isTilde(c) || (c === 0x5230 || c === 0x81f3)) {
      k = i + 1;
    } else if (c === 0x304b && this.at(i + 1) === 0x3089) {
      k = i + 2; // から
    } else if (sp > 0 && isWordLetter(c)) {
      let w = i;
      while (w < this.n && w - i < 9 && isWordLetter(t.charCodeAt(w))) w++;
      const word = t.slice(i, w).toLowerCase();
      const strong = word === 'through' || word === 'thru' || word === 'bis' || word === 'hasta' || word === 'até' || word === 'до' || word === 'till' || word === 'until';
      if (strong || (RANGE_WORDS.has(word) || word === 'to') && (mode & M_TO_RANGE)) k = w;
      else if (word === 'and' && (mode & M_BETWEEN)) k = w; // between 6000 and 6063
      else if (word === 'up' && (mode & (M_TO_RANGE | M_CHANGE)) && this.at(w) === 32 && matchesLower(t, w + 1, 'to') && !isAsciiLetter(this.at(w + 3))) k = w + 3; // from 1024 up to 65535
    } else if (sp > 0 && (mode & M_SPACE_RANGE) && isDigit(c)) {
      k = i;
    }
    if (k >= 0) {
      let r = k;
      let sp2 = 0;
      while (isInlineSpace(this.at(r)) && sp2 < 3) { r++; sp2++; }
      if (isDigit(this.at(r))) {
        const re = digitsEnd(t, r);
        const ca = this.at(re);
        const v2 = portValue(t, r, re);
        if (v2 > v && !isGlue(ca) && !(ca === DOT && isDigit(this.at(re + 1))) && !(ca === COLON && isDigit(this.at(re + 1)))) {
          endPort = v2;
          end = re;
        }
      }
    }
    let consumed = end;
    if (this.at(consumed) === 0x307e && this.at(consumed + 1) === 0x3067) consumed += 2; // まで
    const sfx = this.suffixProto(consumed);
    if (sfx !== undefined) {
      proto = sfx;
      consumed += 1 + sfx.length;
    } else if (proto === undefined && endPort === v && this.at(consumed) === SLASH && grepableProto(this, consumed) !== undefined) {
      proto = grepableProto(this, consumed); // Ports: 22/open/tcp//ssh///
    } else if (protoAfter) {
      // listen 53 udp; ports 2456-2458 UDP — a protocol word after the number (not "TCP and UDP", "TCP/UDP").
      if (proto === undefined) proto = this.protoWordAfter(end);
    }
    this.emit(s, end, v, endPort, host, proto);
    this.setList(consumed, proto, mode, false);
    return consumed;
  }
}
