import { UPPER_A, UPPER_Z } from './chars.ts';
// The detector's one word hash. Words in the text are compared with word
// lists by hash first, so that most checks read a word once and allocate
// nothing. A word can be hashed forwards (wordHash) or, while a rule reads it
// backwards from its end, one character at a time (hashBack): both give the
// same number (hash.test.ts).

/** Multiplier of the hash polynomial. */
export const HASH_BASE = 31;

/** The lower-casing the hash applies: ASCII, Latin-1 and basic Cyrillic capitals. */
export function foldCase(c: number): number {
  if (c < 128) return c >= UPPER_A && c <= UPPER_Z ? c + 32 : c;
  if ((c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c >= 0x410 && c <= 0x42f)) return c + 32;
  if (c >= 0x400 && c <= 0x40f) return c + 80;
  return c;
}

/** Lower-cased hash of text[a, b): the same for "Port", "PORT" and "port". */
export function wordHash(text: string, a: number, b: number): number {
  let h = 0;
  for (let i = a; i < b; i++) h = (Math.imul(h, HASH_BASE) + foldCase(text.charCodeAt(i))) | 0;
  return h;
}

/**
 * The hash of a word read backwards: adds character c, which stands `pow`
 * places from the word's end (pow = HASH_BASE ** places, advanced with
 * nextPow), to the hash of the characters after it.
 */
export function hashBack(hash: number, c: number, pow: number): number {
  return (hash + Math.imul(foldCase(c), pow)) | 0;
}

/** The power for the character before: pow * HASH_BASE. */
export function nextPow(pow: number): number {
  return Math.imul(pow, HASH_BASE);
}

export function hashOf(word: string): number {
  return wordHash(word, 0, word.length);
}

/** Hashes (wordHash) of the words of a set, to test words in text without slicing them. */
export function hashSet(words: Iterable<string>): Set<number> {
  const out = new Set<number>();
  for (const w of words) out.add(hashOf(w));
  return out;
}
