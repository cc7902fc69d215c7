// Decides whether the word before ":digits" is a host (db.internal:5432,
// 10.0.0.1:22, redis:6379) or a look-alike (main.ts:42, node:20, status:200).
import { DOT, HYPHEN, isAsciiLetter, isDigit, LOWER_A, LOWER_Z, matchesLower, UNDERSCORE, UPPER_A, UPPER_Z } from './chars.ts';
import { hashSet, wordHash } from './hash.ts';
import { classifyWord, KW_DPORT, KW_LISTEN, KW_PORT, KW_PORTS, KW_PROTO, mayBeKeyword } from './keywords.ts';
import { FILE_EXTENSION_HASHES, HOST_NAMES, IMAGE_NAMES, NON_HOST_HASHES } from './words.ts';

export const HOST_REJECT = 0;
/** An address or a dotted name: 10.0.0.1, db.internal, localhost. */
export const HOST_ADDRESS = 1;
/** A keyword used as a key: port:8080, dpt:22, tcp:21. */
export const HOST_KEYWORD = 2;
/** A single word that passes the checks: redis:6379, web:80. */
export const HOST_WORD = 3;

/** Ports below 100 that a single word may carry (ssh:22, web:80); other small numbers are tags. */
const SMALL_PORTS = new Set([20, 21, 22, 23, 25, 53, 80, 88]);
/** Well-known ports 100–1023 that make any single word a host (mail:587, ldap:389). */
const COMMON_LOW = new Set([110, 111, 119, 123, 135, 137, 138, 139, 143, 161, 162, 389, 443, 445, 465, 514, 587, 636, 993, 995]);

/**
 * text[h, colon) is a run of host characters right before ':' and a number v
 * (v < 0 when the number is out of range). `url` tells that the host follows
 * "//" or "@".
 */
export function classifyHost(text: string, h: number, colon: number, v: number, url: boolean, wordHashOf?: number): number {
  const first = text.charCodeAt(h);
  if (isDigit(first)) return isIPv4(text, h, colon) || digitLabelName(text, h, colon) ? HOST_ADDRESS : HOST_REJECT;
  if (!isAsciiLetter(first)) return HOST_REJECT;
  const last = text.charCodeAt(colon - 1);
  if (last === DOT || last === HYPHEN) return HOST_REJECT;
  // wordHashOf: wordHash(text, h, colon) when the caller has it already.
  const hash = wordHashOf === undefined ? wordHash(text, h, colon) : wordHashOf;
  if (mayBeKeyword(text, h, colon, hash)) {
    const kw = classifyWord(text.slice(h, colon), 0);
    if (kw === KW_PORT || kw === KW_PORTS || kw === KW_DPORT || kw === KW_PROTO || kw === KW_LISTEN) return HOST_KEYWORD;
  }
  let dot = -1;
  let hump = false;
  for (let i = colon - 1; i > h; i--) {
    const c = text.charCodeAt(i);
    if (c === DOT) { dot = i; break; }
    if (c === HYPHEN || c === UNDERSCORE || isDigit(c)) hump = true;
  }
  if (dot >= 0) {
    // A dotted name; its last label must not be a file extension (main.ts, app.py).
    // A one-letter last label is a placeholder address in a URL (http://x.x.x.x:6000)
    // or in a name of three letter labels with a registered port (db.d.x:5432).
    if (colon - dot - 1 < 2 && !(url || (v >= 1024 && letterLabels(text, h, colon) >= 3))) return HOST_REJECT;
    if (FILE_EXTENSION_HASHES.has(wordHash(text, dot + 1, colon))) return HOST_REJECT;
    for (let i = dot + 1; i < colon; i++) if (!isAsciiLetter(text.charCodeAt(i))) return HOST_REJECT;
    for (let i = h + 1; i < colon; i++) if (text.charCodeAt(i) === DOT && text.charCodeAt(i - 1) === DOT) return HOST_REJECT;
    return HOST_ADDRESS;
  }
  if (url) return HOST_WORD;
  if (colon - h === 9 && matchesLower(text, h, 'localhost')) return HOST_ADDRESS;
  if (colon - h < 2 || v < 0) return HOST_REJECT;
  if (isNonHostKey(text, h, colon)) return HOST_REJECT;
  // A bare capitalised code (EPSG:4326, CRS:84, BID:40403) names a thing unless it is a known host role or protocol.
  if (colon - h >= 3 && isUpperWord(text, h, colon) && !HOST_HASHES.has(hash) && !SCHEME_HASHES.has(hash)) return HOST_REJECT;
  if (v < 1024 && v !== 80 && v !== 443 && IMAGE_HASHES.has(hash)) return HOST_REJECT;
  if (v < 100) return SMALL_PORTS.has(v) ? HOST_WORD : HOST_REJECT;
  if (v < 1024) return HOST_HASHES.has(hash) || COMMON_LOW.has(v) || hump ? HOST_WORD : HOST_REJECT;
  return HOST_WORD;
}

const IMAGE_HASHES = hashSet(IMAGE_NAMES);
const HOST_HASHES = hashSet(HOST_NAMES);
/** Protocols written in capitals before a port (HTTPS:443 listener, AMQP:5672). */
const SCHEME_HASHES = hashSet(new Set([
  'http', 'https', 'ws', 'wss', 'grpc', 'amqp', 'amqps', 'mqtt', 'mqtts', 'imap', 'imaps', 'smtps', 'ldaps',
  'rdp', 'vnc', 'sip', 'sips', 'ntp', 'snmp', 'nfs', 'smb', 'rtsp', 'rtmp', 'irc', 'xmpp', 'stomp',
]));

export function isIPv4(text: string, h: number, colon: number): boolean {
  let parts = 0;
  let val = 0;
  let digits = 0;
  for (let i = h; i <= colon; i++) {
    const c = i < colon ? text.charCodeAt(i) : 46;
    if (isDigit(c)) {
      val = val * 10 + (c - 48);
      digits++;
      if (digits > 3 || val > 255) return false;
    } else if (c === DOT) {
      if (digits === 0) return false;
      parts++;
      val = 0;
      digits = 0;
    } else return false;
  }
  return parts === 4;
}

/**
 * A dotted name whose first label is a number and whose last two labels are
 * words: a tunnel or cloud host name (0.tcp.ngrok.io, 2.tcp.eu.ngrok.io), not
 * a version (1.0.final) or an address.
 */
function digitLabelName(text: string, h: number, colon: number): boolean {
  // The last two dots of the name, looked for within it only (a search
  // beyond h could read back to the text's start for each number).
  const last = lastDotAfter(text, h, colon - 1);
  if (last <= h) return false;
  const prev = lastDotAfter(text, h, last - 1);
  if (prev < h || last - prev - 1 < 2 || colon - last - 1 < 2) return false;
  for (let i = prev + 1; i < colon; i++) {
    const c = text.charCodeAt(i);
    if (!(isAsciiLetter(c) || c === HYPHEN || (c === DOT && i === last))) return false;
  }
  for (let i = h; i < prev; i++) {
    const c = text.charCodeAt(i);
    if (!(isAsciiLetter(c) || isDigit(c) || c === HYPHEN || c === DOT) || (c === DOT && text.charCodeAt(i - 1) === DOT)) return false;
  }
  return true;
}

/** The last '.' at or before i and at or after h, or -1. */
function lastDotAfter(text: string, h: number, i: number): number {
  for (; i >= h; i--) if (text.charCodeAt(i) === DOT) return i;
  return -1;
}

/** The number of labels of text[h, colon) when each is made of letters only (db.d.x: 3), else 0. */
function letterLabels(text: string, h: number, colon: number): number {
  let labels = 1;
  let len = 0;
  for (let i = h; i < colon; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT) { if (len === 0) return 0; labels++; len = 0; } else if (isAsciiLetter(c)) len++; else return 0;
  }
  return len === 0 ? 0 : labels;
}

function isUpperWord(text: string, h: number, colon: number): boolean {
  for (let i = h; i < colon; i++) {
    const c = text.charCodeAt(i);
    if (c < UPPER_A || c > UPPER_Z) return false;
  }
  return true;
}

/** status:200, user_id:1234, maxAge:3600 — keys made of words that are not host names. */
function isNonHostKey(text: string, h: number, colon: number): boolean {
  // Split on - _ . and camel-case humps; any part from the list rejects.
  let start = h;
  for (let i = h + 1; i <= colon; i++) {
    const c = i < colon ? text.charCodeAt(i) : 45;
    const sep = c === HYPHEN || c === UNDERSCORE || c === DOT;
    const p = text.charCodeAt(i - 1);
    const hump = c >= UPPER_A && c <= UPPER_Z && p >= LOWER_A && p <= LOWER_Z;
    if (sep || hump) {
      if (i > start && NON_HOST_HASHES.has(wordHash(text, start, i))) return true;
      start = sep ? i + 1 : i;
    }
  }
  return false;
}
