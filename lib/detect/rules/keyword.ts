// Rule family: the keyword look-back. From a number, reads backwards over
// linking punctuation and words (is, default, set to, par défaut …, at most
// five, and one name after of/de) to a keyword that announces a port, and
// works out the keyword's kind, protocol and list mode. Chinese, Japanese and
// Korean port words and linking words are read here too.
import type { Protocol } from '../../types.ts';
import { protoWordBefore, reject } from '../accept.ts';
import {
  APOS, BACKSLASH, BACKTICK, COLON, COMMA, DOLLAR, DOT, GT, isAsciiAlnum, LT, HASH, HYPHEN, isAsciiLetter, isDigit, isGlue, isInlineSpace, isQuote, isUpper, isWordLetter,
  isSpace, LBRACKET, LOWER_D, LOWER_O, matchesLower, NEWLINE, RBRACKET, STAR,
} from '../chars.ts';
import { wordBefore, wordBeforeHash } from '../context.ts';
import { hashBack, nextPow, wordHash } from '../hash.ts';
import {
  asciiKeywordAt, asciiKeywordKind, classifyWord, KEYWORD_KIND_BY_HASH, KW_DPORT, KW_EXPOSE, KW_LINK, KW_LINK_EXAMPLE, KW_LINK_FROM, KW_LINK_RANGE, KW_LISTEN, KW_NONE,
  KW_OPT_BIG_P, KW_OPT_NC, KW_OPT_P, KW_OPT_S, KW_OPT_SSH, KW_PORT, KW_PORTS, KW_PROTO, KW_RANGE_KEY, LINK_PUNCT, linkWordAt,
  mayBeKeyword, TOKEN_CHAR,
} from '../keywords.ts';
import { M_BETWEEN, M_CHANGE, M_LIST, M_SPACE_LIST, M_SPACE_RANGE, M_TO_RANGE } from '../lists.ts';
import { ruleCode } from '../rules.ts';
import type { KeywordLook, TextScan } from '../state.ts';
import { H_BETWEEN, OF_WORDS, PLAIN_PORT_WORDS, PROTOCOL_HASHES, SERVICE_PORTS } from '../words.ts';
import { physicalBefore } from './vetting.ts';

// Rule codes (rules.ts) of the rules decided here.
const R_REJECT_HARDWARE = ruleCode('reject.hardware');








/**
 * Looks backwards from s over linking punctuation and words for a keyword.
 * Returns what it found: the keyword's kind (KW_NONE: none), start, mode and
 * protocol, and the first word before s.
 */
export function keywordBefore(sc: TextScan, s: number): KeywordLook {
  const t = sc.t;
  const lim = s > 72 ? s - 72 : 0;
  let j = s;
  let hops = 0;
  let mode = 0;
  let from = false;
  let named = false;
  let wrapped = false;
  let tag = false;
  const look = sc.look;
  look.kind = KW_NONE;
  look.firstWord = '';
  look.firstA = -1;
  look.proto = undefined;
  look.beforeHash = 0;
  look.example = false;
  for (let step = 0; step < 8; step++) {
    // Punctuation between keyword and number: = : " ' ` ( [ { @ | ?  ：＝
    let punct = 0;
    while (j > lim) {
      const c = t.charCodeAt(j - 1);
      if (c < 128 ? LINK_PUNCT[c] === 1 : (isInlineSpace(c) || c === 0xff1a || c === 0xff1d || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb ||
        ((c === 0x2013 || c === 0x2014) && isInlineSpace(t.charCodeAt(j - 2))))) {
        j--; punct++;
      } else if (c === COMMA && (isQuote(t.charCodeAt(j - 2)) || t.charCodeAt(j - 2) === DOT)) {
        j--; punct++; // getenv("PORT", "5001"); (e.g., 16379)
      } else if (c === NEWLINE && !wrapped && isWordLetter(t.charCodeAt(j - 2))) {
        // "the port defaults\n  to 8883", "Port number\n 3401": a sentence wrapped after a word, once
        // (a keyword right before the wrap does not count: "Port\n2" is a heading and a number).
        j--; punct++; wrapped = true;
      } else if (c === RBRACKET && punct > 0 && isDigit(t.charCodeAt(j - 2))) {
        // ports[0] = 8080: an indexed key.
        let r = j - 2;
        while (r > lim && j - r < 5 && isDigit(t.charCodeAt(r - 1))) r--;
        if (t.charCodeAt(r - 1) !== LBRACKET || !isGlue(t.charCodeAt(r - 2))) break;
        punct += j - r + 1; j = r - 1;
      } else if (c === STAR) {
        // **Port:** 5432, **Port**: 5432 — markdown emphasis next to the colon;
        // **Port**   5432 — a bold label closed after its word.
        let r = j - 1;
        while (r > lim && j - r < 3 && t.charCodeAt(r - 1) === STAR) r--;
        // ports from **1-65535**: bold opened right before the number.
        if (t.charCodeAt(r - 1) === COLON || sc.at(j) === COLON || (j - r === 2 && (isWordLetter(t.charCodeAt(r - 1)) || (j === s && isInlineSpace(t.charCodeAt(r - 1)))))) { punct += j - r; j = r; } else break;
      } else if (c === GT && step === 0 && j === s && isAsciiAlnum(sc.at(j - 2))) {
        j--; punct++; tag = true; // <group-port>9876</group-port>: an element named as a port
      } else if (c === BACKSLASH && j < s && LINK_PUNCT[sc.at(j)] === 1) {
        j--; punct++; // port \(4222\): a bracket escaped in markdown
      } else if (isAsciiLetter(c) && sc.at(j) === COLON && sc.at(j + 1) === BACKTICK) {
        // port :code:`31280` — a reStructuredText role before the literal.
        let r = j - 1;
        while (r > lim && j - r < 10 && isAsciiLetter(t.charCodeAt(r - 1))) r--;
        if (t.charCodeAt(r - 1) !== COLON || !isSpace(sc.at(r - 2))) break;
        punct += j - r + 1; j = r - 1;
      } else break;
    }
    if (j <= lim) return look;
    const c = t.charCodeAt(j - 1);
    if (c >= 0x3000 || (c >= 0xac00 && c <= 0xd7a3)) {
      // Chinese, Japanese, Korean: 端口 22, ポート番号は22, 포트 22.
      const r = cjkBefore(sc, j);
      if (r === 1) { look.start = j; look.mode = M_LIST; look.plain = true; look.kind = KW_PORT; return look; }
      if (r > 1) { j -= r - 1; hops++; if (hops > 3) return look; continue; }
      return look;
    }
    // The word is read backwards once: its wordHash is summed on the way
    // (the same polynomial, from its last character up).
    let k = j;
    let wh = 0;
    let pow = 1;
    while (k > lim) {
      const d = t.charCodeAt(k - 1);
      if (d < 128 ? TOKEN_CHAR[d] === 1 || (d === APOS && isAsciiLetter(t.charCodeAt(k - 2))) : isWordLetter(d)) {
        k--;
        wh = hashBack(wh, d, pow);
        pow = nextPow(pow);
      } else break;
    }
    if (k === j) return look;
    if (sc.at(k - 1) === DOLLAR && isAsciiAlnum(sc.at(k - 2))) return look; // QuorumCnxManager$Listener@498: a Java inner class
    if (tag) {
      if (t.charCodeAt(k - 1) !== LT) return look; // a '>' right before the number closes an element's start tag
      tag = false;
    }
    // tldr's mnemonic letter ([p]orts 80): findPortMentions reads the text again without the brackets.
    if (t.charCodeAt(k - 1) === RBRACKET && t.charCodeAt(k - 3) === LBRACKET) sc.placeholders = true;
    const k0 = k;
    while (k < j && t.charCodeAt(k) === HASH) k++; // #Port 22 (a commented-out setting)
    let a = k;
    while (a < j && t.charCodeAt(a) === HYPHEN) a++;
    const dashes = a - k;
    if (dashes === 0 && t.charCodeAt(a) === DOT && isAsciiLetter(sc.at(a + 1))) a++; // VCL's .port = "8080": a key after a dot
    // A word ending in a dot ends a sentence, except no. and e.g.-like abbreviations.
    if (a === j || t.charCodeAt(j - 1) === DOT && !(j - 3 >= a && t.charCodeAt(j - 2) === LOWER_O) && !(j - a === 4 && t.charCodeAt(a + 1) === DOT)) return look;
    const hash = a === k0 ? wh : wordHash(t, a, j);
    const maybe = mayBeKeyword(t, a, j, hash);
    if (step === 0) {
      look.firstA = a;
      look.firstB = j;
      look.firstHash = hash;
    }
    // "the port of Redis is 6379", "le port par défaut de MySQL est 3306": one name after of/de.
    if (!maybe && !named && hops > 0 && dashes === 0 && j - a > 3 && t.charCodeAt(a + 1) === APOS && (t.charCodeAt(a) | 32) === LOWER_D) {
      // French "le port d'écoute de 8080", Italian "porta d'ascolto": a qualifier of the port word before.
      const pw = wordBefore(t, k);
      const pk = pw === '' ? KW_NONE : classifyWord(pw, 0);
      if (pk !== KW_PORT && pk !== KW_PORTS) return look;
      named = true;
      hops++;
      j = k;
      continue;
    }
    if (!maybe && !named && dashes === 0 && hops > 0 && isQuote(t.charCodeAt(k - 1)) && isQuote(t.charCodeAt(j)) && OF_WORDS.has(wordBefore(t, k - 1))) {
      // "the default port for 'nbt' is 139": a quoted name after for/of.
      named = true;
      hops++;
      j = k;
      continue;
    }
    if (!maybe && (named || dashes > 0 || hops === 0 || !(isUpper(t.charCodeAt(a)) || isDigit(t.charCodeAt(a))))) return look;
    if (maybe && dashes === 0 && linkWordAt(t, a, j, hash)) {
      // A linking word (is, the, default …): read without slicing it.
      const lk = KEYWORD_KIND_BY_HASH.get(hash);
      if (lk === KW_LINK_RANGE) mode |= hash === H_BETWEEN ? M_TO_RANGE | M_BETWEEN : M_TO_RANGE;
      else if (lk === KW_LINK_FROM) from = true;
      else if (lk === KW_LINK_EXAMPLE) look.example = true;
      hops++;
      if (hops > 5) return look;
      j = k;
      continue;
    }
    // Not a keyword: a name, sliced only when needed.
    let word = ''; // the word, or its lower case when known by hash: what follows ignores its case
    let lower = ''; // word in lower case (a keyword found below is always the word read here)
    let kw = KW_NONE;
    if (maybe) {
      // A keyword known by its hash is not sliced (later looks need only its lower case).
      const known = dashes === 0 ? asciiKeywordAt(t, a, j, hash) : undefined;
      if (known !== undefined) {
        word = lower = known;
        kw = asciiKeywordKind(t, a, j, hash);
      } else {
        word = t.slice(a, j);
        lower = word.toLowerCase();
        kw = classifyWord(word, dashes, lower);
      }
    }
    if (kw === KW_NONE) {
      if (named || dashes > 0 || hops === 0) return look;
      if (!isUpper(t.charCodeAt(a)) && !(maybe && SERVICE_PORTS.has(lower))) {
        // A version, a year or a lower-case word: only inside a product name of
        // up to three words after of/on/for ("the port range on Windows Server 2022 is …").
        const q = nameRunStart(sc, k, lim);
        if (q < 0) return look;
        named = true;
        hops++;
        j = q;
        continue;
      }
      if (!maybe) word = t.slice(a, j);
      const of = wordBefore(t, k);
      if (!OF_WORDS.has(of)) {
        const q = nameRunStart(sc, k, lim);
        if (q >= 0) { named = true; hops++; j = q; continue; }
        // "Domyślny port PostgreSQL to 5432": a known service right after a port word.
        if (!SERVICE_PORTS.has(word.toLowerCase())) return look;
        const ok = classifyWord(of, 0);
        if (ok !== KW_PORT && ok !== KW_PORTS) return look;
      }
      named = true;
      kw = KW_LINK;
    }
    if (kw === KW_LINK || kw === KW_LINK_RANGE || kw === KW_LINK_FROM || kw === KW_LINK_EXAMPLE) {
      if (dashes > 0) return look;
      if (kw === KW_LINK_RANGE) mode |= M_TO_RANGE;
      if (kw === KW_LINK_FROM) from = true;
      if (kw === KW_LINK_EXAMPLE) look.example = true;
      hops++;
      if (hops > 5) return look;
      j = k;
      continue;
    }
    // A keyword. Work out its mode and protocol.
    look.start = k;
    look.plain = dashes === 0 && PLAIN_PORT_WORDS.has(lower);
    // Across a wrapped line only a port word in prose counts, with a linking word between (not a key: LOC: Config.Port.snmp⏎DEFAULT: 0).
    if (wrapped && (hops === 0 || !look.plain)) return look;
    if ((kw === KW_PORT || kw === KW_PORTS) && hops === 0) mode |= M_SPACE_LIST; // acl Safe_ports port 80 21 443
    if (kw === KW_PORT) {
      mode |= M_LIST;
      if (!(mode & M_TO_RANGE)) mode |= M_CHANGE;
      const hb = wordBeforeHash(t, k); // the word before the keyword, read once
      if (physicalBefore(sc, word, hb, k)) return reject(sc, R_REJECT_HARDWARE, look);
      look.proto = hb === 0 ? undefined : PROTOCOL_HASHES.get(hb);
      if (look.proto === undefined && j - a === 8 && t.charCodeAt(a + 3) === HYPHEN) look.proto = protoPrefix(sc, a); // UDP-Port 500
      look.beforeHash = hb;
    } else if (kw === KW_PORTS) {
      mode |= M_LIST | M_TO_RANGE;
      const hb = wordBeforeHash(t, k); // the word before the keyword, read once
      if (physicalBefore(sc, word, hb, k)) return reject(sc, R_REJECT_HARDWARE, look);
      look.proto = hb === 0 ? undefined : PROTOCOL_HASHES.get(hb);
      if (look.proto === undefined && j - a === 9 && t.charCodeAt(a + 3) === HYPHEN) look.proto = protoPrefix(sc, a); // TCP-Ports 80
    } else if (kw === KW_RANGE_KEY) {
      mode |= M_LIST | M_TO_RANGE | M_SPACE_RANGE;
    } else if (kw === KW_PROTO) {
      mode |= M_LIST;
      look.proto = lower as Protocol;
    } else if (kw === KW_EXPOSE) {
      mode |= M_LIST | M_SPACE_LIST;
    } else if (kw === KW_DPORT) {
      mode |= M_LIST;
      look.proto = protoWordBefore(sc, k);
    } else {
      mode |= M_LIST;
    }
    if (from && kw === KW_PORTS) mode |= M_TO_RANGE;
    look.mode = mode;
    if (hops > 0 && (kw === KW_OPT_P || kw === KW_OPT_BIG_P || kw === KW_OPT_S || kw === KW_OPT_NC || kw === KW_OPT_SSH || kw === KW_DPORT || kw === KW_EXPOSE)) return look;
    if (hops > 1 && kw === KW_LISTEN) return look; // listen 80; listens on 5001
    if (hops > 0 && kw === KW_PROTO) return look;
    look.kind = kw;
    return look;
  }
  return look;
}

/**
 * k starts a name word (Server, 2022) after which a number followed a linking
 * word. Reads back at most two more capitalized words ("Windows Server")
 * to an of/on/for word and returns the start of the run, or -1.
 */
export function nameRunStart(sc: TextScan, k: number, lim: number): number {
  const t = sc.t;
  let q = k;
  for (let names = 1; names <= 3; names++) {
    let j = q;
    while (j > lim && isInlineSpace(t.charCodeAt(j - 1))) j--;
    if (j === q) return -1;
    let a = j;
    while (a > lim && j - a < 16 && (isWordLetter(t.charCodeAt(a - 1)) || isDigit(t.charCodeAt(a - 1)))) a--;
    if (a === j || isGlue(sc.at(a - 1)) || a <= lim) return -1;
    if (!isUpper(t.charCodeAt(a))) {
      // The word before the run must link it (of, on, for, de …), and the run start with a capital.
      if (!isUpper(t.charCodeAt(q))) return -1;
      return OF_WORDS.has(t.slice(a, j).toLowerCase()) ? q : -1;
    }
    if (names === 3 || mayBeKeyword(t, a, j)) return -1;
    q = a;
  }
  return -1;
}

/** Chinese/Japanese/Korean before j: 1 = a port word ends at j; n > 1 = a linking word of n-1 chars; 0 = neither. */
export function cjkBefore(sc: TextScan, j: number): number {
  const t = sc.t;
  const c = t.charCodeAt(j - 1);
  const b = sc.at(j - 2);
  const bb = sc.at(j - 3);
  if (c === 0x53e3 && b === 0x7aef) return 1; // 端口
  if (c === 0x57e0) return 1; // 埠
  if (c === 0x30c8 && b === 0x30fc && bb === 0x30dd) return 1; // ポート
  if (c === 0xd2b8 && b === 0xd3ec) return 1; // 포트
  if (c === 0x53f7 && b === 0x756a) return 3; // 番号
  if (c === 0xd638 && b === 0xbc88) return 3; // 번호
  if (c === 0x56f4 && b === 0x8303) return 3; // 范围 (range)
  if (c === 0x6539 && (b === 0x4fee || b === 0x66f4)) return 3; // 修改 更改 (change)
  if ((c === 0x7f6e && b === 0x8bbe) || (c === 0x8ba4 && b === 0x9ed8) || (c === 0x7528 && b === 0x4f7f)) return 3; // 设置 默认 使用
  if (c === 0x6539 || c === 0x6210) return 2; // 改 成
  if (c === 0x53f7 || c === 0x865f || c === 0x4e3a || c === 0x70ba || c === 0x662f || c === 0x306f || c === 0x304c ||
    c === 0x3092 || c === 0xff1a || c === 0x3000 || c === 0xb294 || c === 0xc740) return 2; // 号 號 为 為 是 は が を ： 는 은
  return 0;
}

/** tcp or udp written at a (as in "UDP-Port"), else undefined. */
export function protoPrefix(sc: TextScan, a: number): Protocol | undefined {
  if (matchesLower(sc.t, a, 'udp')) return 'udp';
  if (matchesLower(sc.t, a, 'tcp')) return 'tcp';
  return undefined;
}
