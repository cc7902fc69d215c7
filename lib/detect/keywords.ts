// Keywords that announce a port (port, ports, tcp, listen, -p, --dport …),
// the linking words that may stand between a keyword and its number, and how
// a word before a number is classified (classifyWord). All entries are lower case.
import {
  DOT, HASH, HYPHEN, isAsciiAlnum, isDigit, LOWER_A, LOWER_L, LOWER_P, LOWER_R, LOWER_S, LOWER_Z, matchesLower, UNDERSCORE,
  UPPER_A, UPPER_Z,
} from './chars.ts';
import { hashOf, wordHash } from './hash.ts';

/** What a word before a number says about it (see classifyWord). */
/** not a keyword */
export const KW_NONE = 0;
/** port, Port, containerPort, DB_PORT, --port, puerto, порт … */
export const KW_PORT = 1;
/** ports, puertos, порты … (plural: "to" makes a range) */
export const KW_PORTS = 2;
/** a configuration key naming a range: ip_local_port_range, PassivePorts */
export const KW_RANGE_KEY = 3;
/** tcp, udp, sctp, dccp */
export const KW_PROTO = 4;
/** listen (nginx, Apache, server.listen(…)) */
export const KW_LISTEN = 5;
/** EXPOSE (Dockerfile); its list is separated by spaces */
export const KW_EXPOSE = 6;
/** -p (ssh, psql, nmap, docker, nc) */
export const KW_OPT_P = 7;
/** -P: a port for scp, sftp and mysql only */
export const KW_OPT_BIG_P = 8;
/** --dport, dport, dpt, spt, dports: colon pairs are ranges */
export const KW_DPORT = 9;
/** a linking word between keyword and number */
export const KW_LINK = 10;
/** "range": turns "to" into a range */
export const KW_LINK_RANGE = 11;
/** "from": "port from 8080 to 8081" is a change, two mentions */
export const KW_LINK_FROM = 12;
/** -L / -R / -D of ssh: a forwarded port follows */
export const KW_OPT_SSH = 13;
/** -l, -lvnp, -nlvp: netcat's listen options (and serve's -l): a port follows */
export const KW_OPT_NC = 14;
/** -s: hydra's port option */
export const KW_OPT_S = 15;
/** e.g., ex:, for example: the number after is an example of the port's value */
export const KW_LINK_EXAMPLE = 16;

const KEYWORDS = new Map<string, number>();
function kw(kind: number, words: string): void {
  for (const w of words.trim().split(/\s+/)) KEYWORDS.set(w, kind);
}

kw(KW_PORT, `
  port portnumber portno portnum portnummer port# port-number port_number
  puerto porta poort porcie portu portti porten porty
  standaardpoort poortnummer numero_porta portanummer
  port_value portvalue port-value toport localforward remoteforward dynamicforward
  listenstream listendatagram http.server simplehttpserver runserver
  порт порта порту портом порте
  standardport zielport quellport serverport
  localport remoteport listenport connectport hostport containerport targetport nodeport
  serverport clientport srcport dstport destport sourceport publicport privateport
  externalport internalport lport rport bindport httpport httpsport sshport baseport portid
  proxyport adminport apiport webport dbport rpcport grpcport peerport metricsport dashboardport
  cổng
`);
kw(KW_PORTS, `
  ports puertos portas poorten portar porte
  порты портов портах портами
`);
kw(KW_PROTO, 'tcp udp sctp dccp');
kw(KW_LISTEN, 'listen listener listening listens');
kw(KW_EXPOSE, 'expose');
kw(KW_DPORT, 'dport dports dpt spt dpts spts multiport');
kw(KW_LINK_RANGE, 'range ranges rango intervalo plage bereich диапазон between');
kw(KW_LINK_FROM, 'from von de desde da с');
kw(KW_LINK_EXAMPLE, 'e.g. eg ex example z.b. p.ex. 例如');
kw(KW_LINK, `
  is was are be been becomes set to at on of in the a an number no nr nº no. num
  default defaults by using uses use via as value currently usually normally
  typically often other now still changed change it's its which that here there used must should
  ist auf standardmäßig standard die der den dem nummer lautet wird wurde war verwendet
  est par défaut le la les du numéro sur utilise utilisé
  es el los las por defecto predeterminado número en del usa
  é padrão o os número na no em do usa
  è predefinita il numero sulla
  по умолчанию номер на это равен используется
  op het standaard
  those these di van für del for such under than lower below above higher less greater either not
  là mặc định trên
`);

/**
 * Keywords by wordHash, for the ASCII keywords whose hash no other keyword
 * shares (a hit is then confirmed character by character).
 */
const KEYWORD_BY_HASH = new Map<number, string>();
export const KEYWORD_KIND_BY_HASH = new Map<number, number>();
{
  const seen = new Map<number, number>();
  for (const w of KEYWORDS.keys()) { const h = hashOf(w); seen.set(h, (seen.get(h) ?? 0) + 1); }
  for (const [w, k] of KEYWORDS) {
    const h = hashOf(w);
    if (seen.get(h) !== 1 || !/^[\x00-\x7f]+$/.test(w) || w !== w.toLowerCase()) continue;
    KEYWORD_BY_HASH.set(h, w);
    KEYWORD_KIND_BY_HASH.set(h, k);
  }
}

/**
 * Whether text[a, b), an ASCII word, is a linking word (KW_LINK, KW_LINK_RANGE,
 * KW_LINK_FROM, KW_LINK_EXAMPLE): what classifyWord(text.slice(a, b), 0) would say, without
 * slicing. False means "not known here" (ask classifyWord).
 */
export function linkWordAt(text: string, a: number, b: number, hash: number): boolean {
  const k = KEYWORD_KIND_BY_HASH.get(hash);
  if (k !== KW_LINK && k !== KW_LINK_RANGE && k !== KW_LINK_FROM && k !== KW_LINK_EXAMPLE) return false;
  const w = KEYWORD_BY_HASH.get(hash)!;
  if (w.length !== b - a) return false;
  for (let i = 0; i < w.length; i++) {
    let c = text.charCodeAt(a + i);
    if (c >= 128) return false;
    if (c >= UPPER_A && c <= UPPER_Z) c += 32;
    if (c !== w.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * The ASCII keyword text[a, b) is, known by its hash and confirmed character
 * by character (lower case), or undefined when it is none of them. For such a
 * word read after no dash, classifyWord's answer is asciiKeywordKind's, so
 * the word need not be sliced.
 */
export function asciiKeywordAt(text: string, a: number, b: number, hash: number): string | undefined {
  const w = KEYWORD_BY_HASH.get(hash);
  return w !== undefined && w.length === b - a && matchesLower(text, a, w) ? w : undefined;
}

/** classifyWord(text.slice(a, b), 0) for a word asciiKeywordAt found (hash: its hash): the keyword's kind, but for a protocol in mixed case and LISTEN in capitals (none). */
export function asciiKeywordKind(text: string, a: number, b: number, hash: number): number {
  const k = KEYWORD_KIND_BY_HASH.get(hash)!;
  if (k !== KW_PROTO && k !== KW_LISTEN) return k;
  let upper = 0;
  for (let i = a; i < b; i++) { const c = text.charCodeAt(i); if (c >= UPPER_A && c <= UPPER_Z) upper++; }
  // Tcp (not tcp, TCP); LISTEN, LISTENING (a socket state; not LISTENER, LISTENS).
  if (k === KW_PROTO) return upper > 0 && upper < b - a ? KW_NONE : k;
  return upper === b - a && (b - a === 6 || b - a === 9) ? KW_NONE : k;
}

/** The keyword kind (KW_*) of word, read after `dashes` dashes; lower: word.toLowerCase(), when the caller has it already. */
export function classifyWord(word: string, dashes: number, lower = word.toLowerCase()): number {
  if (dashes === 1 && word.length === 1) {
    if (word === 'p') return KW_OPT_P;
    if (word === 'P') return KW_OPT_BIG_P;
    if (word === 'L' || word === 'R' || word === 'D') return KW_OPT_SSH;
    if (word === 'l') return KW_OPT_NC;
    if (word === 's') return KW_OPT_S;
    return KW_NONE;
  }
  if (dashes === 1 && word.length <= 6 && /^[a-z]+$/.test(word) && (word.endsWith('p') || word.includes('l'))) return KW_OPT_NC;
  if (dashes === 1 && lower === 'oport') return KW_PORT; // ssh -oPort=2222: an -o option glued to its name
  const k = KEYWORDS.get(lower);
  if (k !== undefined) {
    // Words that are keywords only as options or in firewall rules.
    if (dashes === 0 && (k === KW_PROTO) && word !== lower && word !== word.toUpperCase()) return KW_NONE;
    if (dashes > 0 && (k === KW_LINK || k === KW_LINK_FROM || k === KW_LINK_RANGE || k === KW_LINK_EXAMPLE)) return KW_NONE;
    // LISTEN in capitals is a socket state in netstat/ss output, not nginx's directive.
    if (k === KW_LISTEN && (word === 'LISTEN' || word === 'LISTENING')) return KW_NONE;
    return k;
  }
  if (lower === 'sport' || lower === 'sports') return dashes >= 2 ? KW_DPORT : KW_NONE;
  const dot = lower.lastIndexOf('.');
  if (dot > 0 && dot < lower.length - 1) {
    // server.listen(…), config.ports
    const last = KEYWORDS.get(lower.slice(dot + 1));
    if (last === KW_PORT || last === KW_PORTS || last === KW_LISTEN) return last;
  }
  if (dot > 0 && (lower.startsWith('ports.') || lower.startsWith('port.') || lower.includes('.ports.') || lower.includes('.port.'))) {
    // master.service.ports.redis, ports.http: a key under a ports map.
    const last = lower.slice(dot + 1);
    if (/^[a-z][a-z0-9_-]*$/.test(last) && last !== 'protocol' && last !== 'name' && last !== 'count') return KW_PORT;
  }
  if (lower.includes('port_range') || lower.includes('portrange') || lower.includes('port-range') || lower.includes('ports_range')) return KW_RANGE_KEY;
  // Compound keys: server.port, DB_PORT, tls-port, pasv_min_port, containerPort.
  const n = word.length;
  if (n > 5) {
    if (lower.endsWith('_port') || lower.endsWith('-port') || lower.endsWith('.port')) return KW_PORT;
    if (lower.endsWith('_ports') || lower.endsWith('-ports') || lower.endsWith('.ports')) return KW_PORTS;
    if (!CAMEL_EXCLUDED.has(lower)) {
      const p = word.endsWith('Port') ? n - 4 : word.endsWith('Ports') ? n - 5 : -1;
      if (p > 0) {
        const c = word.charCodeAt(p - 1);
        if ((c >= LOWER_A && c <= LOWER_Z) || isDigit(c)) return p === n - 4 ? KW_PORT : KW_RANGE_KEY;
        // RCONPort, SSHPort, HTTPPort: an acronym before Port; vhostHTTPPort, dashboardTLSPort: a key ending in one.
        if (p >= 2 && p <= 6 && p === n - 4 && /^[A-Z]+$/.test(word.slice(0, p))) return KW_PORT;
        if (p === n - 4 && /^[a-z][a-z0-9]*[A-Z]{2,5}$/.test(word.slice(0, p))) return KW_PORT;
      }
      if (word.endsWith('PORT') && word === word.toUpperCase()) return KW_PORT;
    }
  }
  return KW_NONE;
}

/** Camel-case words that end in "Port" but name hardware or something else. */
const CAMEL_EXCLUDED = new Set([
  'displayport', 'airport', 'passport', 'transport', 'viewport', 'comport', 'switchport', 'teleport',
  'thunderport', 'usbport', 'serialport', 'hdmiport', 'lightport', 'deport', 'newport', 'davenport',
  'sfpport', 'lanport', 'poeport', 'wanport', 'dvport', 'vgaport', 'midiport', 'gpioport',
]);

const KEYWORD_HASHES = new Set<number>();
for (const w of KEYWORDS.keys()) KEYWORD_HASHES.add(hashOf(w));
for (const w of ['sport', 'sports', 'p', 'l', 'r', 'd', 's']) KEYWORD_HASHES.add(hashOf(w));

function endsWithLower(text: string, b: number, len: number, word: string): boolean {
  if (b - len < 0) return false;
  for (let i = 0; i < len; i++) {
    let c = text.charCodeAt(b - len + i);
    if (c >= UPPER_A && c <= UPPER_Z) c += 32;
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Cheap test, without allocating, of whether text[a, b) can be a keyword or
 * linking word; classifyWord gives the answer only when this says maybe.
 */
export function mayBeKeyword(text: string, a: number, b: number, hash = wordHash(text, a, b)): boolean {
  if (KEYWORD_HASHES.has(hash)) return true;
  const n = b - a;
  if (n < 5) {
    if (n >= 2 && a > 0 && text.charCodeAt(a - 1) === HYPHEN && text.charCodeAt(a - 2) !== HYPHEN) {
      const last = text.charCodeAt(b - 1);
      if (last === LOWER_P) return true;
      for (let i = a; i < b; i++) if (text.charCodeAt(i) === LOWER_L) return true;
    }
    return false;
  }
  if (endsWithLower(text, b, 4, 'port') || endsWithLower(text, b, 5, 'ports') || endsWithLower(text, b, 6, 'listen')) return true;
  for (let i = a; i + 5 <= b; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c === LOWER_R && endsWithLower(text, i + 5, 5, 'range')) return true;
    if (c === LOWER_P && endsWithLower(text, i + 4, 4, 'port')) {
      const d = text.charCodeAt(i + 4);
      if (d === DOT || ((d | 32) === LOWER_S && text.charCodeAt(i + 5) === DOT)) return true; // ports.redis
    }
  }
  if (n <= 6 && a > 1 && text.charCodeAt(a - 1) === HYPHEN && text.charCodeAt(a - 2) !== HYPHEN) {
    // -lvnp, -nlvp (netcat)
    const last = text.charCodeAt(b - 1);
    if (last === LOWER_P || last === LOWER_L) return true;
    for (let i = a; i < b; i++) if (text.charCodeAt(i) === LOWER_L) return true;
  }
  return false;
}

/** ASCII punctuation that may stand between a keyword and its number: space = : " ' ` ( [ { @ | ? */
export const LINK_PUNCT = new Uint8Array(128);
for (const c of ' \t=:"\'`([{@|?<') LINK_PUNCT[c.charCodeAt(0)] = 1;
/** ASCII characters of a keyword token: letters, digits, _ - . # */
export const TOKEN_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (isAsciiAlnum(c) || c === UNDERSCORE || c === HYPHEN || c === DOT || c === HASH) TOKEN_CHAR[c] = 1;
