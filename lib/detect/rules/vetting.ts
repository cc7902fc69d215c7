// Rule family: vetting a number found after a keyword, and the rejections
// that keep hardware ports and counts out: USB port 2, port 3 of the switch,
// a switch's uplinks, on 5 servers, a price after "port", listen(5)'s
// backlog, the per-command meaning of -p/-P/-s/-l, and the protocol an
// option names on the line (-p tcp, --protocol udp, PROTO=TCP).
import type { Protocol } from '../../types.ts';
import { accept, reject } from '../accept.ts';
import {
  BACKTICK, COLON, COMMA, CR, digitsEnd, DOLLAR, DOT, EQUALS, GT, HYPHEN, isAsciiAlnum, isAsciiLetter, isDash, isDigit,
  isInlineSpace, isQuote, isSpace, LOWER_E, LOWER_P, LOWER_T, LOWER_U, LOWER_Z, LPAREN, LT, matchesLower, NEWLINE, PERCENT,
  portValue, SLASH, SPACE, UNDERSCORE,
} from '../chars.ts';
import { wordAfter, wordAfterHash, wordBefore } from '../context.ts';
import { wordHash } from '../hash.ts';
import {
  KW_DPORT, KW_EXPOSE, KW_LISTEN, KW_OPT_BIG_P, KW_OPT_NC, KW_OPT_P, KW_OPT_S, KW_OPT_SSH, KW_PORT, KW_PORTS, KW_PROTO, KW_RANGE_KEY,
} from '../keywords.ts';
import { M_TO_RANGE } from '../lists.ts';
import { ruleCode } from '../rules.ts';
import type { KeywordLook, TextScan } from '../state.ts';
import {
  BIG_P_PORT, COUNT_NOUN_HASHES, H_ANY, HTTP_STATUS_WORDS, H_TIMES, NC_CMDS, NET_CONTEXT, PHYSICAL_AFTER, PHYSICAL_BEFORE, PHYSICAL_BEFORE_HASHES,
  RUNNERS, S_PORT, STRONG_NET_HASHES, SWITCH_WORD_HASHES,
} from '../words.ts';
import { lineArgIs } from './lines.ts';
import { publishedRangeMap } from './pairs.ts';
import { pNotPort, wordRangeEnd } from './specs.ts';

// Rule codes (rules.ts) of the rules decided here.
const R_REJECT_COUNT = ruleCode('reject.count');
const R_REJECT_PORT_0 = ruleCode('reject.port-0');
const R_REJECT_NETSTAT_QUEUE = ruleCode('reject.netstat-queue');
const R_REJECT_STATUS_CODE = ruleCode('reject.status-code');
const R_REJECT_NC_OPTION = ruleCode('reject.nc-option');
const R_DPORT = ruleCode('keyword.dport');
const R_REJECT_PRICE = ruleCode('reject.price');
const R_UFW_PROTO = ruleCode('keyword.ufw-proto');
const R_REJECT_DEVICE_PORT = ruleCode('reject.device-port');
const R_REJECT_HARDWARE = ruleCode('reject.hardware');
const R_REJECT_SWITCH = ruleCode('reject.switch');
const R_REJECT_BACKLOG = ruleCode('reject.backlog');
const R_REJECT_P_NOT_PORT = ruleCode('reject.p-not-port');
const R_REJECT_OPTION_NOT_PORT = ruleCode('reject.option-not-port');
const R_HYDRA_S = ruleCode('keyword.hydra-s');
const R_SSH_P = ruleCode('keyword.ssh-p');
const R_EXAMPLE = ruleCode('keyword.example');
const R_MNEMONIC = ruleCode('keyword.mnemonic');
const R_NMAP_XML = ruleCode('specs.nmap-xml-port');









/** The rule code (rules.ts) that accepts a number after each keyword kind (KW_*). */
const KEYWORD_RULE: number[] = [];
KEYWORD_RULE[KW_PORT] = KEYWORD_RULE[KW_PORTS] = ruleCode('keyword.port');
KEYWORD_RULE[KW_RANGE_KEY] = ruleCode('keyword.range-key');
KEYWORD_RULE[KW_PROTO] = ruleCode('keyword.protocol');
KEYWORD_RULE[KW_LISTEN] = ruleCode('keyword.listen');
KEYWORD_RULE[KW_EXPOSE] = ruleCode('keyword.expose');
KEYWORD_RULE[KW_OPT_P] = KEYWORD_RULE[KW_OPT_BIG_P] = ruleCode('keyword.option-p');
const R_PUBLISHED_RANGE_MAP = ruleCode('pairs.published-range-map');
KEYWORD_RULE[KW_DPORT] = ruleCode('keyword.dport');
KEYWORD_RULE[KW_OPT_NC] = ruleCode('keyword.nc-listen');

/** Checks the number found after the keyword look; returns the scan position, or -1 to reject. */
export function keywordMention(sc: TextScan, s: number, e: number, v: number, look: KeywordLook): number {
  const t = sc.t;
  const kw = look.kind;
  const mode = look.mode;
  const proto = look.proto;
  const rangeNext = isDash(sc.at(e)) && isDigit(sc.at(e + 1));
  if (v === 0 && kw !== KW_PORT && kw !== KW_PORTS && kw !== KW_RANGE_KEY && !rangeNext && !(kw === KW_LISTEN && socketPathAfter(sc, e))) return reject(sc, R_REJECT_PORT_0, -1);
  // "port 53 of the remote host": after a singular port word, "of" does not count (hardware is vetted below).
  if (countedAfter(sc, e) && !(kw === KW_PORT && wordAfter(t, e) === 'of')) return reject(sc, R_REJECT_COUNT, -1);
  let protoAfter = false;
  switch (kw) {
    case KW_PROTO: {
      // "UDP 401 Unauthorized responses": an HTTP status after the protocol word, not a port.
      if (v >= 100 && v < 600 && e - s === 3 && HTTP_STATUS_WORDS.has(wordAfter(t, e))) return reject(sc, R_REJECT_STATUS_CODE, -1);
      // netstat columns: "tcp 0 0 0.0.0.0:22" — the number is a queue size
      // (but "TCP 22 0.0.0.0/0", a security-group row, is a port before an address).
      let i = e;
      while (isInlineSpace(sc.at(i))) i++;
      if (i > e && isDigit(sc.at(i))) {
        const ie = digitsEnd(t, i);
        if (sc.at(ie) !== DOT) return reject(sc, R_REJECT_NETSTAT_QUEUE, -1);
      }
      break;
    }
    case KW_OPT_NC: {
      // nc -l 4444, ncat -lvnp 4444, npx serve -l 5000
      const cmd = sc.line.command(s);
      const w = look.firstWordLower(t);
      if (NC_CMDS.has(cmd) || cmdEarlierOnLine(sc, look.start, NC_CMDS)) break;
      if (w === 'l' && (cmd === 'serve' || (RUNNERS.has(cmd) && lineArgIs(sc, s, 'serve')))) break;
      return reject(sc, R_REJECT_NC_OPTION, -1);
    }
    case KW_DPORT: {
      // iptables -p tcp -m multiport --dports 80,443; PROTO=TCP SPT=… DPT=3389
      if (proto === undefined) return accept(sc, R_DPORT, s, e, v, lineProtoOption(sc, s), mode, undefined);
      break;
    }
    case KW_PORT:
    case KW_PORTS: {
      if (priceAfter(sc, e)) return reject(sc, R_REJECT_PRICE, -1); // frais de port : 4,90 €
      if (proto === undefined && look.beforeHash === H_ANY && sc.line.command(s) === 'ufw') {
        // ufw allow proto udp to any port 51820
        const p = lineProtoOption(sc, s);
        if (p !== undefined) return accept(sc, R_UFW_PROTO, s, e, v, p, mode, undefined);
      }
      if (v > 0 && v < 10 && look.plain) {
        // "Port 4 … Switch", "porta 3", "USBポート2", "ports 1-4": ports below 10 are
        // sockets on a device unless the line speaks of networking.
        let endV = 0;
        if (rangeNext) endV = portValue(t, e + 1, digitsEnd(t, e + 1));
        else if (mode & M_TO_RANGE) endV = wordRangeEnd(sc, e); // ports from 1 to 65535
        if (endV < 10 && !netContext(sc, s)) return reject(sc, R_REJECT_DEVICE_PORT, -1);
      }
      if (v <= 64) {
        const w1 = wordAfter(t, e);
        if (w1 === 'of' || w1 === 'on' || w1 === 'at' || w1 === 'in' || w1 === 'der' || w1 === 'du' || w1 === 'del' || w1 === 'do' || w1 === 'da') {
          const w2 = nthWordAfter(sc, e, 2);
          const w3 = nthWordAfter(sc, e, 3);
          if (PHYSICAL_AFTER.has(w2) || PHYSICAL_AFTER.has(w3)) return reject(sc, R_REJECT_HARDWARE, -1);
        }
        if (look.plain && switchContext(sc, look.start)) return reject(sc, R_REJECT_SWITCH, -1); // the switch has 48 ports …; port 48 goes to …
        const before = wordBefore(t, look.start);
        if (before === 'into' || before === 'in') {
          const w0 = wordBefore(t, look.start - before.length - 1);
          if (w0 === 'plug' || w0 === 'plugged' || w0 === 'it' || w0 === 'cable' || w0 === 'inserted' || w0 === 'insert') return reject(sc, R_REJECT_HARDWARE, -1);
        }
      }
      if (proto === undefined && matchesLower(t, look.start, 'portid=')) {
        // nmap's XML: <port protocol="tcp" portid="22">
        const p = xmlProtocolBefore(sc, look.start);
        if (p !== undefined) return accept(sc, R_NMAP_XML, s, e, v, p, mode, undefined);
      }
      protoAfter = proto === undefined;
      break;
    }
    case KW_LISTEN: {
      // listen(5) in Python/C is the backlog, not a port.
      if (v < 64 && v !== 21 && v !== 22 && v !== 23 && v !== 25 && v !== 53 && !(v === 0 && socketPathAfter(sc, e))) return reject(sc, R_REJECT_BACKLOG, -1);
      protoAfter = proto === undefined;
      break;
    }
    case KW_OPT_P: {
      if (pNotPort(sc, s)) return reject(sc, R_REJECT_P_NOT_PORT, -1);
      const ranges = publishedRangeMap(sc, R_PUBLISHED_RANGE_MAP, s, e);
      if (ranges >= 0) return ranges;
      break;
    }
    case KW_OPT_BIG_P: {
      if (!BIG_P_PORT.has(sc.line.command(s)) && !cmdEarlierOnLine(sc, look.start, BIG_P_PORT)) return reject(sc, R_REJECT_OPTION_NOT_PORT, -1);
      break;
    }
    case KW_OPT_S: {
      // hydra -s 2222: the target's port.
      if (!S_PORT.has(sc.line.command(s)) && !cmdEarlierOnLine(sc, look.start, S_PORT)) return reject(sc, R_REJECT_OPTION_NOT_PORT, -1);
      return accept(sc, R_HYDRA_S, s, e, v, undefined, 0, undefined);
    }
    case KW_OPT_SSH: {
      const c = sc.at(e);
      if (!(c === COLON || c === -1 || isSpace(c) || c === BACKTICK || isQuote(c)) || !sc.line.hasWord(s, 'ssh')) return reject(sc, R_REJECT_OPTION_NOT_PORT, -1);
      return accept(sc, R_SSH_P, s, e, v, undefined, 0, undefined);
    }
    default:
      break;
  }
  return accept(sc, look.example ? R_EXAMPLE : mnemonicKeyword(sc, look) ? R_MNEMONIC : KEYWORD_RULE[kw]!, s, e, v, proto, mode, undefined, protoAfter);
}

/** The port word was written with tldr's mnemonic brackets ([p]orts 80): in the text read again without them, its first letter was cut from the next. */
function mnemonicKeyword(sc: TextScan, look: KeywordLook): boolean {
  const map = sc.map;
  return map !== undefined && look.plain && map[look.start + 1] === map[look.start]! + 2;
}

/** The protocol="tcp|udp|sctp" attribute at most 48 characters before k in the same element (nmap's XML port element), or undefined. */
function xmlProtocolBefore(sc: TextScan, k: number): Protocol | undefined {
  const t = sc.t;
  const lo = k > 48 ? k - 48 : 0;
  for (let i = k - 1; i >= lo; i--) {
    const c = t.charCodeAt(i);
    if (c === NEWLINE || c === LT || c === GT) return undefined; // only inside the same element
    if ((c | 32) !== LOWER_P || !matchesLower(t, i, 'protocol="')) continue;
    if (matchesLower(t, i + 10, 'tcp"')) return 'tcp';
    if (matchesLower(t, i + 10, 'udp"')) return 'udp';
    return matchesLower(t, i + 10, 'sctp"') ? 'sctp' : undefined;
  }
  return undefined;
}

/** "listener 0 /tmp/broker.sock": port 0 then a path (a Unix socket instead of a port). */
function socketPathAfter(sc: TextScan, e: number): boolean {
  return sc.at(e) === SPACE && sc.at(e + 1) === SLASH && isAsciiLetter(sc.at(e + 2));
}

/**
 * Whether a command of `cmds` is written as a word earlier on the line,
 * before the option at k ("Connect with: mysql -h db -P 3307"). Reads at most 160 characters back.
 */
export function cmdEarlierOnLine(sc: TextScan, k: number, cmds: Set<string>): boolean {
  const t = sc.t;
  const lo = k > 160 ? k - 160 : 0;
  let i = k;
  while (i > lo) {
    const c = t.charCodeAt(i - 1);
    if (c === NEWLINE || c === CR) return false;
    if (!isAsciiLetter(c)) { i--; continue; }
    let a = i;
    while (a > lo && (isAsciiAlnum(t.charCodeAt(a - 1)) || t.charCodeAt(a - 1) === HYPHEN || t.charCodeAt(a - 1) === UNDERSCORE)) a--;
    if (i - a <= 10 && t.charCodeAt(a) !== HYPHEN && cmds.has(t.slice(a, i).toLowerCase())) {
      const b = sc.at(a - 1);
      if (b === -1 || isSpace(b) || b === DOLLAR || b === BACKTICK || b === COLON || b === LPAREN || b === SLASH || isQuote(b)) return true;
    }
    i = a;
  }
  return false;
}

/** The protocol an option names earlier on the line: -p tcp, --protocol udp, proto udp, PROTO=TCP. */
export function lineProtoOption(sc: TextScan, s: number): Protocol | undefined {
  const t = sc.t;
  const ls = sc.line.startOf(s);
  const lo = s - ls > 240 ? s - 240 : ls;
  for (let i = s - 4; i >= lo; i--) {
    const c = t.charCodeAt(i) | 32;
    if (c !== LOWER_T && c !== LOWER_U) continue; // t, u
    let p: Protocol | undefined;
    if (matchesLower(t, i, 'tcp')) p = 'tcp';
    else if (matchesLower(t, i, 'udp')) p = 'udp';
    else continue;
    if (isAsciiAlnum(sc.at(i + 3))) continue;
    const b = sc.at(i - 1);
    if (b === EQUALS && i >= 6 && matchesLower(t, i - 6, 'proto')) return p;
    if (b !== SPACE) continue;
    if (sc.at(i - 2) === LOWER_P && sc.at(i - 3) === HYPHEN && sc.at(i - 4) === SPACE) return p; // -p tcp
    if (i >= 11 && matchesLower(t, i - 11, '--protocol ')) return p;
    if (i >= 6 && matchesLower(t, i - 6, 'proto ')) return p;
  }
  return undefined;
}

/**
 * Whether the line around pos (at most 160 characters before, 120 after)
 * names something of networking (tcp, ssh, firewall, listen …): a whole word,
 * or the word the window's end cuts. The words are read once: sc.net keeps
 * how far the text is read and the last such word, for the next number.
 */
export function netContext(sc: TextScan, pos: number): boolean {
  const t = sc.t;
  const lo = pos > 160 ? pos - 160 : 0;
  const ls = sc.line.startOf(pos);
  const a = ls > lo ? ls : lo;
  const hi = pos + 120 < sc.n ? pos + 120 : sc.n;
  const nl = sc.line.newlineFrom(pos);
  const b = nl < hi ? nl : hi;
  const m = sc.net;
  if (m.to < a || m.to > b) {
    // Start afresh at a, after the rest of a word that a cuts.
    let i = a;
    if (isAsciiLetter(sc.at(a - 1))) while (i < b && isAsciiLetter(t.charCodeAt(i))) i++;
    m.to = i;
    m.last = -1;
  }
  let i = m.to;
  while (i < b) {
    if (!isAsciiLetter(t.charCodeAt(i))) { i++; continue; }
    let j = i;
    while (j < b && isAsciiLetter(t.charCodeAt(j))) j++;
    if (j === b && isAsciiLetter(sc.at(b))) break; // cut by b: whole only for a later window
    if (j - i <= 10 && !isAsciiLetter(sc.at(i - 1)) && NET_CONTEXT.has(t.slice(i, j).toLowerCase())) m.last = i;
    i = j;
  }
  m.to = i;
  if (m.last >= a) return true;
  return i < b && b - i <= 10 && !isAsciiLetter(sc.at(i - 1)) && NET_CONTEXT.has(t.slice(i, b).toLowerCase());
}

/**
 * Whether the text before k on its line (at most 160 characters) speaks of
 * a switch or its uplinks and not of a network protocol: a small number after
 * "port" there is a socket on the device.
 */
export function switchContext(sc: TextScan, k: number): boolean {
  const t = sc.t;
  const lo = k > 160 ? k - 160 : 0;
  let hw = false;
  let i = k;
  while (i > lo) {
    const c = t.charCodeAt(i - 1);
    if (c === NEWLINE) break;
    if (!isAsciiLetter(c)) { i--; continue; }
    let a = i;
    while (a > lo && isAsciiLetter(t.charCodeAt(a - 1))) a--;
    if (i - a <= 8) {
      const h = wordHash(t, a, i);
      if (SWITCH_WORD_HASHES.has(h)) hw = true;
      else if (STRONG_NET_HASHES.has(h)) return false;
    }
    i = a;
  }
  return hw;
}

/** A price: "4,90 €", "5 $", "12.50 EUR". */
export function priceAfter(sc: TextScan, e: number): boolean {
  let i = e;
  const c = sc.at(i);
  if (c !== COMMA && c !== DOT && c !== SPACE && c !== 0xa0 && c < 0xa0) return false;
  if ((c === COMMA || c === DOT) && isDigit(sc.at(i + 1)) && isDigit(sc.at(i + 2)) && !isDigit(sc.at(i + 3))) i += 3;
  if (isInlineSpace(sc.at(i))) i++;
  const d = sc.at(i);
  if (d === 0x20ac || d === DOLLAR || d === 0xa3 || d === 0xa5 || d === 0x20bd) return true;
  const l = d | 32;
  if (l !== LOWER_E && l !== LOWER_U && l !== LOWER_Z) return false;
  return matchesLower(sc.t, i, 'eur') || matchesLower(sc.t, i, 'usd') || matchesLower(sc.t, i, 'zł');
}

/** "USB port 2", "serial-port 1", "the switch's port 3": hardware. */
export function physicalBefore(sc: TextScan, word: string, h: number, k: number): boolean {
  // The last '-' or '_' (after the first character): usb-port, USB_PORT.
  let cut = -1;
  for (let i = word.length - 1; i > 0; i--) {
    const c = word.charCodeAt(i);
    if (c === HYPHEN || c === UNDERSCORE) { cut = i; break; }
  }
  if (cut > 0 && PHYSICAL_BEFORE.has(word.slice(0, cut).toLowerCase())) return true;
  if (h === 0 || !PHYSICAL_BEFORE_HASHES.has(h)) return false;
  // The last label of a host name is not a hardware word: "github.com port 22".
  let j = k;
  while (j > 0 && isInlineSpace(sc.t.charCodeAt(j - 1))) j--;
  while (j > 0 && isAsciiLetter(sc.t.charCodeAt(j - 1))) j--;
  return sc.at(j - 1) !== DOT;
}

/** Whether the number is followed by a count noun: "on 5 servers", "and 3 others". */
export function countedAfter(sc: TextScan, e: number): boolean {
  const c = sc.at(e);
  if (c === PERCENT) return true;
  const h = wordAfterHash(sc.t, e);
  return h !== 0 && COUNT_NOUN_HASHES.has(h) && (h !== H_TIMES || !timesOut(sc, e));
}

/** "port 3232 times out": a verb, not a count. */
export function timesOut(sc: TextScan, e: number): boolean {
  return nthWordAfter(sc, e, 2) === 'out';
}

export function nthWordAfter(sc: TextScan, e: number, nth: number): string {
  let i = e;
  for (let k = 0; k < nth; k++) {
    const w = wordAfter(sc.t, i);
    if (w === '') return '';
    // move past spaces and the word
    while (isInlineSpace(sc.at(i))) i++;
    i += w.length;
    if (k === nth - 1) return w;
  }
  return '';
}
