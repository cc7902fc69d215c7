// Character classes and named character codes used by the detector.
// Everything works on UTF-16 code units (charCodeAt) so that no scan step
// allocates.

/** Character codes by name. Letters are compared as UPPER_/LOWER_ (LOWER_ also after `| 32`, which lower-cases ASCII letters). */
export const TAB = 9;
export const NEWLINE = 10;
export const VTAB = 11;
export const FORM_FEED = 12;
export const CR = 13;
export const SPACE = 32;
export const DQUOTE = 34;
export const HASH = 35;
export const DOLLAR = 36;
export const PERCENT = 37;
export const AMP = 38;
export const APOS = 39;
export const LPAREN = 40;
export const RPAREN = 41;
export const STAR = 42;
export const PLUS = 43;
export const COMMA = 44;
export const HYPHEN = 45;
export const DOT = 46;
export const SLASH = 47;
export const DIGIT_0 = 48;
export const DIGIT_3 = 51;
export const DIGIT_4 = 52;
export const DIGIT_6 = 54;
export const DIGIT_8 = 56;
export const DIGIT_9 = 57;
export const COLON = 58;
export const SEMICOLON = 59;
export const LT = 60;
export const EQUALS = 61;
export const GT = 62;
export const AT = 64;
export const UPPER_A = 65;
export const UPPER_D = 68;
export const UPPER_L = 76;
export const UPPER_P = 80;
export const UPPER_R = 82;
export const UPPER_Z = 90;
export const LBRACKET = 91;
export const BACKSLASH = 92;
export const RBRACKET = 93;
export const UNDERSCORE = 95;
export const BACKTICK = 96;
export const LOWER_A = 97;
export const LOWER_C = 99;
export const LOWER_D = 100;
export const LOWER_E = 101;
export const LOWER_F = 102;
export const LOWER_G = 103;
export const LOWER_I = 105;
export const LOWER_L = 108;
export const LOWER_N = 110;
export const LOWER_O = 111;
export const LOWER_P = 112;
export const LOWER_R = 114;
export const LOWER_S = 115;
export const LOWER_T = 116;
export const LOWER_U = 117;
export const LOWER_Z = 122;
export const LBRACE = 123;
export const PIPE = 124;
export const RBRACE = 125;
export const TILDE = 126;

export function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9;
}

/** { } ; [ ]: what bounds a block or a statement. */
export function isBlockChar(c: number): boolean {
  return c === LBRACE || c === RBRACE || c === SEMICOLON || c === LBRACKET || c === RBRACKET;
}

export function isAsciiLetter(c: number): boolean {
  const l = c | 32;
  return l >= LOWER_A && l <= LOWER_Z;
}

export function isAsciiAlnum(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c);
}

export function isHex(c: number): boolean {
  const l = c | 32;
  return isDigit(c) || (l >= LOWER_A && l <= LOWER_F);
}

/**
 * Letters of alphabetic scripts (Latin, Latin-1/Extended, Greek, Cyrillic).
 * CJK and kana are left out on purpose: in Chinese or Japanese a number
 * written right after a word (端口22) is not glued to it.
 */
export function isWordLetter(c: number): boolean {
  if (c < 128) return isAsciiLetter(c);
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x52f) || (c >= 0x1e00 && c <= 0x1eff);
}

/** A character that glues a number into a larger word (`v2`, `db1`, `x_3`). */
export function isGlue(c: number): boolean {
  return c === UNDERSCORE || isDigit(c) || isWordLetter(c);
}

/** Spaces, including no-break, narrow no-break, thin and ideographic ones. */
export function isSpace(c: number): boolean {
  return (
    c === SPACE || c === TAB || c === NEWLINE || c === CR || c === VTAB || c === FORM_FEED ||
    c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007 || c === 0x200a ||
    c === 0x2002 || c === 0x2003 || c === 0x3000
  );
}

/** Spaces that do not end a line. */
export function isInlineSpace(c: number): boolean {
  return c !== NEWLINE && c !== CR && isSpace(c);
}

/** Every dash that may join the two ends of a range. */
export function isDash(c: number): boolean {
  return (
    c === HYPHEN || c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 ||
    c === 0x2014 || c === 0x2212 || c === 0xfe63 || c === 0xff0d
  );
}

/** Range tildes used in Chinese and Japanese text: ~ ～ 〜. */
export function isTilde(c: number): boolean {
  return c === TILDE || c === 0xff5e || c === 0x301c;
}

export function isQuote(c: number): boolean {
  return c === DQUOTE || c === APOS || c === BACKTICK || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xab || c === 0xbb || c === 0x300c || c === 0x300d;
}

/** Characters of a host name or dotted address (`db.internal`, `10.0.0.1`, `web_1`). */
export function isHostChar(c: number): boolean {
  return isAsciiAlnum(c) || c === DOT || c === HYPHEN || c === UNDERSCORE;
}

/** Reads the decimal value of text[s, e); -1 when it cannot be a port number. */
export function portValue(text: string, s: number, e: number): number {
  const len = e - s;
  if (len > 5 || len < 1) return -1;
  // Leading zeros (08, 0080) are clock times or padded counters, not ports.
  if (len > 1 && text.charCodeAt(s) === DIGIT_0) return -1;
  let v = 0;
  for (let i = s; i < e; i++) v = v * 10 + (text.charCodeAt(i) - DIGIT_0);
  return v <= 65535 ? v : -1;
}

/** Lower-cased ASCII comparison of text[s, s + word.length) with `word` (already lower case). */
export function matchesLower(text: string, s: number, word: string): boolean {
  if (s < 0 || s + word.length > text.length) return false;
  for (let i = 0; i < word.length; i++) {
    let c = text.charCodeAt(s + i);
    if (c >= UPPER_A && c <= UPPER_Z) c |= 32;
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}

/** End of the digit run that starts at s. */
export function digitsEnd(text: string, s: number): number {
  const n = text.length;
  let e = s;
  while (e < n && isDigit(text.charCodeAt(e))) e++;
  return e;
}

/** Capital letters of the alphabets the keyword look-back reads (ASCII, Latin-1, Cyrillic). */
export function isUpper(c: number): boolean {
  return (c >= UPPER_A && c <= UPPER_Z) || (c >= 0xc0 && c <= 0xde) || (c >= 0x410 && c <= 0x42f);
}

/** End of the dotted number from i (version, IPv4 address, decimal); stops before a colon. */
export function skipDotted(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigit(c) || (c === DOT && isDigit(text.charCodeAt(i + 1)))) i++;
    else break;
  }
  return i;
}

/** End of the run of digits and colons from i (1:1:1…, 10:15:30). */
export function skipChain(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigit(c) || c === COLON) i++;
    else break;
  }
  return i;
}
