// Decides whether the word before ":digits" is a host (db.internal:5432,
// 10.0.0.1:22, redis:6379) or a look-alike (main.ts:42, node:20, status:200).
import { isAsciiLetter, isDigit } from './chars.ts';
import {
  FILE_EXTENSIONS, HOST_NAMES, IMAGE_NAMES, KW_DPORT, KW_LISTEN, KW_PORT, KW_PORTS, KW_PROTO, NON_HOST_PARTS,
  classifyWord,
} from './words.ts';

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
export function classifyHost(text: string, h: number, colon: number, v: number, url: boolean): number {
  const first = text.charCodeAt(h);
  if (isDigit(first)) return isIPv4(text, h, colon) ? HOST_ADDRESS : HOST_REJECT;
  if (!isAsciiLetter(first)) return HOST_REJECT;
  const last = text.charCodeAt(colon - 1);
  if (last === 46 || last === 45) return HOST_REJECT;
  const name = text.slice(h, colon);
  const kw = classifyWord(name, 0);
  if (kw === KW_PORT || kw === KW_PORTS || kw === KW_DPORT || kw === KW_PROTO || kw === KW_LISTEN) return HOST_KEYWORD;
  const dot = name.lastIndexOf('.');
  if (dot >= 0) {
    const ext = name.slice(dot + 1).toLowerCase();
    if (FILE_EXTENSIONS.has(ext) || ext.length < 2) return HOST_REJECT;
    for (let i = 0; i < ext.length; i++) if (!isAsciiLetter(ext.charCodeAt(i))) return HOST_REJECT;
    if (name.includes('..')) return HOST_REJECT;
    return HOST_ADDRESS;
  }
  const lower = name.toLowerCase();
  if (url) return HOST_WORD;
  if (lower === 'localhost') return HOST_ADDRESS;
  if (name.length < 2 || v < 0) return HOST_REJECT;
  if (isNonHostKey(name)) return HOST_REJECT;
  if (IMAGE_NAMES.has(lower) && v < 1024 && v !== 80 && v !== 443) return HOST_REJECT;
  if (v < 100) return SMALL_PORTS.has(v) ? HOST_WORD : HOST_REJECT;
  if (v < 1024) {
    if (HOST_NAMES.has(lower) || COMMON_LOW.has(v) || /[-_0-9]/.test(name)) return HOST_WORD;
    return HOST_REJECT;
  }
  return HOST_WORD;
}

function isIPv4(text: string, h: number, colon: number): boolean {
  let parts = 0;
  let val = 0;
  let digits = 0;
  for (let i = h; i <= colon; i++) {
    const c = i < colon ? text.charCodeAt(i) : 46;
    if (isDigit(c)) {
      val = val * 10 + (c - 48);
      digits++;
      if (digits > 3 || val > 255) return false;
    } else if (c === 46) {
      if (digits === 0) return false;
      parts++;
      val = 0;
      digits = 0;
    } else return false;
  }
  return parts === 4;
}

/** status:200, user_id:1234, maxAge:3600 — keys made of words that are not host names. */
function isNonHostKey(name: string): boolean {
  // Split on - _ . and camel-case humps; any part from the list rejects.
  let start = 0;
  for (let i = 1; i <= name.length; i++) {
    const c = i < name.length ? name.charCodeAt(i) : 45;
    const sep = c === 45 || c === 95 || c === 46;
    const hump = c >= 65 && c <= 90 && i > 0 && name.charCodeAt(i - 1) >= 97 && name.charCodeAt(i - 1) <= 122;
    if (sep || hump) {
      if (i > start && NON_HOST_PARTS.has(name.slice(start, i).toLowerCase())) return true;
      start = sep ? i + 1 : i;
    }
  }
  return false;
}
