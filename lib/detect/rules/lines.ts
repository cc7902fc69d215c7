// Rule family: line shapes. A compose list item under ports:/expose:
// (- 5432, - "3000:3000"), a number under a bare ports:/port: key, ufw status
// rows, a value whose key names a port (-Value 5985 after …\Port, value: under
// - name: DB_PORT), name = N inside a ports { } block, form labels that start
// with Port, and host-then-port arguments of nc/telnet/docker port and of
// redis/OpenVPN directives.
import { accept } from '../accept.ts';
import {
  COLON, COMMA, CR, DIGIT_3, DOLLAR, DOT, EQUALS, GT, HASH, HYPHEN, isAsciiAlnum, isAsciiLetter, isDigit, isGlue,
  isHostChar, isInlineSpace, isQuote, isSpace, LBRACE, LBRACKET, LOWER_C, LOWER_G, LOWER_T, LPAREN, matchesLower,
  NEWLINE, PIPE, RBRACE, RBRACKET, RPAREN, SEMICOLON, SPACE, TAB, UNDERSCORE, UPPER_A, UPPER_D, UPPER_L, UPPER_P, UPPER_R,
  UPPER_Z,
} from '../chars.ts';
import { lineStart, wordAfter, wordBeforeHash } from '../context.ts';
import { wordHash } from '../hash.ts';
import { classifyHost, HOST_ADDRESS, HOST_WORD } from '../host.ts';
import { classifyWord, KW_NONE, KW_PORT, mayBeKeyword } from '../keywords.ts';
import { M_LIST, M_SPACE_LIST } from '../lists.ts';
import { ruleCode } from '../rules.ts';
import { CMD_DIRECTIVE, CMD_DOCKER, CMD_HOST_PORT, type TextScan } from '../state.ts';
import { H_ALLOW, H_DENY, H_IN, H_LIMIT, H_OUT, H_REJECT, H_STATIC, H_TO, HOST_PORT_CMD_HASHES, LABEL_NOT_PORT, LIST_WORDS } from '../words.ts';
import { countedAfter } from './vetting.ts';

// Rule codes (rules.ts) of the rules decided here.
const R_DIRECTIVE = ruleCode('lines.directive');
const R_HOST_PORT_COMMAND = ruleCode('lines.host-port-command');









/** A compose list item under ports:/expose: — `- 5432`, `- "3000:3000"`. s is the first char of the value. */
export function composeItem(sc: TextScan, s: number): boolean {
  const t = sc.t;
  let i = s;
  while (i > 0 && isInlineSpace(t.charCodeAt(i - 1))) i--;
  if (t.charCodeAt(i - 1) !== HYPHEN) return false;
  i--;
  let ls = i;
  while (ls > 0 && isInlineSpace(t.charCodeAt(ls - 1))) ls--;
  if (ls > 0 && t.charCodeAt(ls - 1) !== NEWLINE && t.charCodeAt(ls - 1) !== CR) return false;
  return inPortsBlock(sc, ls);
}

/** Whether the list item line starting at ls belongs to a `ports:` or `expose:` key. */
export function inPortsBlock(sc: TextScan, ls: number): boolean {
  if (ls === sc.compose.line) return sc.compose.inPorts;
  const t = sc.t;
  let cur = ls;
  let result = false;
  for (let steps = 0; steps < 64 && cur > 0; steps++) {
    // The previous line [ps, pe).
    let pe = cur - 1;
    if (pe > 0 && t.charCodeAt(pe - 1) === CR) pe--;
    let ps = pe;
    while (ps > 0 && pe - ps < 400 && t.charCodeAt(ps - 1) !== NEWLINE) ps--;
    if (ps > 0 && t.charCodeAt(ps - 1) !== NEWLINE) break;
    if (ps === sc.compose.line) { result = sc.compose.inPorts; break; }
    let f = ps;
    while (f < pe && isInlineSpace(t.charCodeAt(f))) f++;
    const c = f < pe ? t.charCodeAt(f) : -1;
    if (c === -1 || c === HASH || c === HYPHEN) { cur = ps; continue; } // blank, comment, another item
    // A key line: ports: / expose: / "ports":
    let q = f;
    if (isQuote(c)) q++;
    let isPorts = matchesLower(t, q, 'ports');
    const isExpose = matchesLower(t, q, 'expose');
    if (!isPorts && !isExpose) {
      // udp_ports:, tcp-ports:, extraPorts: — a key that ends in ports.
      let r = q;
      while (r < pe && r - q < 40 && (isAsciiAlnum(t.charCodeAt(r)) || t.charCodeAt(r) === UNDERSCORE || t.charCodeAt(r) === HYPHEN)) r++;
      const sep = sc.at(r - 6);
      if (r - q > 6 && matchesLower(t, r - 5, 'ports') && (sep === UNDERSCORE || sep === HYPHEN || t.charCodeAt(r - 5) === UPPER_P)) { isPorts = true; q = r - 5; }
    }
    if (isPorts || isExpose) {
      let r = q + (isPorts ? 5 : 6);
      if (isQuote(sc.at(r))) r++;
      if (sc.at(r) === COLON) {
        r++;
        while (r < pe && isInlineSpace(t.charCodeAt(r))) r++;
        result = r === pe || t.charCodeAt(r) === HASH;
      }
    }
    break;
  }
  sc.compose.line = ls;
  sc.compose.inPorts = result;
  return result;
}

/** Whether one of the few lines above s is a bare `ports:` or `port:` key. */
export function underPortsKey(sc: TextScan, s: number): boolean {
  const t = sc.t;
  let cur = sc.line.startWithin(s);
  for (let steps = 0; steps < 6 && cur > 0; steps++) {
    const ps = lineStart(t, cur - 1, 200);
    if (ps < 0) return false;
    let f = ps;
    while (f < cur && (isInlineSpace(t.charCodeAt(f)) || t.charCodeAt(f) === HYPHEN)) f++;
    let r = f;
    if (matchesLower(t, f, 'ports:')) r += 6;
    else if (matchesLower(t, f, 'port:')) r += 5;
    else { cur = ps; continue; }
    while (r < cur && isSpace(t.charCodeAt(r))) r++;
    return r === cur;
  }
  return false;
}

/** A ufw status row: "[ 2] 443     ALLOW IN    Anywhere", "8080      DENY        Anywhere". */
export function ufwStatusRow(sc: TextScan, s: number, e: number): boolean {
  const t = sc.t;
  let i = e;
  const lim = e + 40 < sc.n ? e + 40 : sc.n;
  while (i < lim && t.charCodeAt(i) === SPACE) i++;
  const c = sc.at(i);
  if (c !== UPPER_A && c !== UPPER_D && c !== UPPER_R && c !== UPPER_L) return false; // A D R L
  let k = i;
  while (k < sc.n && k - i < 7 && t.charCodeAt(k) >= UPPER_A && t.charCodeAt(k) <= UPPER_Z) k++;
  if (isAsciiLetter(sc.at(k))) return false;
  const w = t.slice(i, k);
  if (w !== 'ALLOW' && w !== 'DENY' && w !== 'REJECT' && w !== 'LIMIT') return false;
  // The number starts the row, after an optional "[ 2]" rule number.
  let j = s;
  while (j > 0 && isInlineSpace(t.charCodeAt(j - 1))) j--;
  if (sc.at(j - 1) === RBRACKET) {
    j--;
    while (j > 0 && (isDigit(t.charCodeAt(j - 1)) || t.charCodeAt(j - 1) === SPACE)) j--;
    if (sc.at(j - 1) !== LBRACKET) return false;
    j--;
  }
  return j === 0 || t.charCodeAt(j - 1) === NEWLINE;
}

function isUfwVerb(h: number): boolean {
  return h === H_ALLOW || h === H_DENY || h === H_LIMIT || h === H_REJECT;
}

/**
 * A ufw rule's port: the number right after allow/deny/limit/reject, or after
 * the direction word that may follow the verb (ufw allow out 53, ufw deny in 23),
 * on a line that names ufw. fw is the hash of the word before the number, at a.
 */
export function ufwRulePort(sc: TextScan, s: number, fw: number, a: number): boolean {
  if (!isUfwVerb(fw) && !((fw === H_IN || fw === H_OUT) && isUfwVerb(wordBeforeHash(sc.t, a)))) return false;
  return sc.line.hasWord(s, 'ufw');
}

/**
 * A value whose key names a port though the key is not right before it:
 * PowerShell's `…\Listener\Port -Value 5985` / `-Name PortNumber -Value 3390`,
 * and a Kubernetes env entry `- name: DB_PORT` with `value: "5432"` on the next line.
 * a is the start of the word "value".
 */
export function valueOfPortKey(sc: TextScan, a: number): boolean {
  const t = sc.t;
  if (sc.at(a - 1) === HYPHEN) {
    // -Value: the argument before it ends in a port key.
    let j = a - 1;
    if (!isInlineSpace(sc.at(j - 1))) return false;
    while (j > 0 && isInlineSpace(t.charCodeAt(j - 1))) j--;
    let k = j;
    while (k > 0 && j - k < 40 && (isAsciiAlnum(t.charCodeAt(k - 1)) || t.charCodeAt(k - 1) === UNDERSCORE || t.charCodeAt(k - 1) === HYPHEN)) k--;
    if (k === j || t.charCodeAt(k) === HYPHEN) return false;
    const kw = classifyWord(t.slice(k, j), 0);
    return kw === KW_PORT;
  }
  // value: "5432" right under "- name: DB_PORT".
  let i = a;
  while (i > 0 && isInlineSpace(t.charCodeAt(i - 1))) i--;
  if (i > 0 && t.charCodeAt(i - 1) !== NEWLINE) return false;
  let pe = i - 1;
  if (pe > 0 && t.charCodeAt(pe - 1) === CR) pe--;
  let q = pe;
  while (q > 0 && isInlineSpace(t.charCodeAt(q - 1))) q--;
  if (isQuote(sc.at(q - 1))) q--;
  let k = q;
  while (k > 0 && q - k < 40 && (isAsciiAlnum(t.charCodeAt(k - 1)) || t.charCodeAt(k - 1) === UNDERSCORE || t.charCodeAt(k - 1) === HYPHEN || t.charCodeAt(k - 1) === DOT)) k--;
  if (k === q) return false;
  let m = k;
  if (isQuote(sc.at(m - 1))) m--;
  while (m > 0 && isInlineSpace(t.charCodeAt(m - 1))) m--;
  if (sc.at(m - 1) !== COLON || m < 5 || !matchesLower(t, m - 5, 'name')) return false;
  const kw = classifyWord(t.slice(k, q), 0);
  return kw === KW_PORT;
}

/** Inside a block keyed ports/port: `ports { http = 8500 }`. s is a number after "name =". */
export function inPortsBraces(sc: TextScan, s: number): boolean {
  const t = sc.t;
  let j = s;
  while (j > 0 && isInlineSpace(t.charCodeAt(j - 1))) j--;
  const eq = t.charCodeAt(j - 1);
  if (eq !== EQUALS && eq !== COLON) return false;
  j--;
  // The nearest { } ; [ ] at most 200 back must be the block's '{'.
  const b = sc.block.find(t, j > 200 ? j - 200 : 0, j);
  if (b < 0 || t.charCodeAt(b) !== LBRACE) return false;
  j = b;
  while (j > 0 && (isSpace(t.charCodeAt(j - 1)) || t.charCodeAt(j - 1) === EQUALS || t.charCodeAt(j - 1) === COLON || isQuote(t.charCodeAt(j - 1)))) j--;
  let k = j;
  while (k > 0 && j - k < 6 && isAsciiLetter(t.charCodeAt(k - 1))) k--;
  if (isGlue(sc.at(k - 1)) && sc.at(k - 1) !== UNDERSCORE) return false;
  return (j - k === 5 && matchesLower(t, k, 'ports')) || (j - k === 4 && matchesLower(t, k, 'port'));
}

/**
 * A number after "static =" or "to =" inside a labelled port block of a
 * Nomad job (network { port "http" { static = 8080  to = 80 } }). s is the number.
 */
export function inPortBlock(sc: TextScan, s: number, key: number): boolean {
  if (key !== H_STATIC && key !== H_TO) return false;
  const t = sc.t;
  let j = s;
  while (j > 0 && isInlineSpace(t.charCodeAt(j - 1))) j--;
  if (t.charCodeAt(j - 1) !== EQUALS) return false;
  j--;
  const lo = j > 120 ? j - 120 : 0;
  while (j > lo && t.charCodeAt(j - 1) !== LBRACE) {
    const c = t.charCodeAt(j - 1);
    if (c === RBRACE || c === SEMICOLON || c === LBRACKET || c === RBRACKET) return false;
    j--;
  }
  if (j <= lo) return false;
  j--;
  while (j > 0 && isInlineSpace(t.charCodeAt(j - 1))) j--;
  // The block's label: "http"
  if (!isQuote(sc.at(j - 1))) return false;
  const q = t.charCodeAt(j - 1);
  let k = j - 1;
  while (k > lo && j - 1 - k < 40 && t.charCodeAt(k - 1) !== q && t.charCodeAt(k - 1) !== NEWLINE) k--;
  if (t.charCodeAt(k - 1) !== q) return false;
  k--;
  while (k > 0 && isInlineSpace(t.charCodeAt(k - 1))) k--;
  return matchesLower(t, k - 4, 'port') && !isGlue(sc.at(k - 5));
}

/** A form label that starts with Port: "Port used for incoming connections: 6881". */
export function portLabel(sc: TextScan, s: number): boolean {
  const t = sc.t;
  let j = s;
  while (j > 0 && isInlineSpace(t.charCodeAt(j - 1))) j--;
  if (j === s || t.charCodeAt(j - 1) !== COLON) return false;
  j--;
  const lo = j > 60 ? j - 60 : 0;
  let k = j;
  let words = 0;
  let lastStart = -1;
  while (k > lo) {
    while (k > lo && isInlineSpace(t.charCodeAt(k - 1))) k--;
    let w = k;
    while (w > lo && isAsciiLetter(t.charCodeAt(w - 1))) w--;
    if (w === k) break;
    if (LABEL_NOT_PORT.has(t.slice(w, k).toLowerCase())) return false;
    words++;
    lastStart = w;
    k = w;
  }
  if (words < 2 || words > 6 || lastStart < 0) return false;
  // The label starts the line or follows a breadcrumb/table separator.
  let b = lastStart;
  while (b > 0 && isInlineSpace(t.charCodeAt(b - 1))) b--;
  const p = b > 0 ? t.charCodeAt(b - 1) : 10;
  if (!(p === NEWLINE || p === CR || p === 0x2192 || p === GT || p === PIPE || p === 0x2022 || p === 0xbb || (b < lastStart && t.charCodeAt(lastStart - 1) === TAB))) return false;
  const lw = sc.t.slice(lastStart, lastStart + 5).toLowerCase();
  if (!(lw.startsWith('port ') || lw === 'ports')) return false;
  return !isAsciiLetter(sc.at(lastStart + (lw === 'ports' ? 5 : 4)));
}

/**
 * nc -zv host 22, telnet mail.example.com 25, docker port web 80 (more
 * numbers separated by spaces follow); replicaof 10.0.0.5 6379, remote
 * vpn.example.com 1194 udp (one port, with its host). Returns the scan
 * position after the accepted mention, or -1.
 */
export function hostPortCommand(sc: TextScan, s: number, e: number, v: number): number {
  // The word before the number is a host (not an option or its value):
  // checked first, as it needs no look at the line.
  const t = sc.t;
  let j = s;
  while (j > 0 && isInlineSpace(t.charCodeAt(j - 1))) j--;
  if (j === s) return -1;
  let k = j;
  if (t.charCodeAt(j - 1) === RPAREN) {
    // docker port $(docker ps -lq) 80: a command substitution as the container.
    const lo = j > 64 ? j - 64 : 0;
    k = j - 1;
    while (k > lo && t.charCodeAt(k - 1) !== LPAREN && t.charCodeAt(k - 1) !== NEWLINE) k--;
    if (t.charCodeAt(k - 1) !== LPAREN || sc.at(k - 2) !== DOLLAR) return -1;
    k -= 2;
    return sc.line.command(s) === 'docker' && lineArgIs(sc, s, 'port') ? acceptHostPortArg(sc, s, e, v) : -1;
  }
  while (k > 0 && (isHostChar(t.charCodeAt(k - 1)) || t.charCodeAt(k - 1) === COLON || t.charCodeAt(k - 1) === LBRACKET || t.charCodeAt(k - 1) === RBRACKET)) k--;
  if (k === j) return -1;
  const first = t.charCodeAt(k);
  if (first === HYPHEN) return -1;
  // "… comprueba con telnet servidor 25 …": the command right before the host, inside prose.
  let pw = k;
  while (pw > 0 && k - pw < 3 && isInlineSpace(t.charCodeAt(pw - 1))) pw--;
  const pc = pw < k ? t.charCodeAt(pw - 1) | 32 : 0;
  if (pc === LOWER_T || pc === LOWER_C || pc === LOWER_G || pc === DIGIT_3) { // telnet nc netcat socat tcping nping hping3: t c g 3
    let pa = pw;
    while (pa > 0 && pw - pa < 8 && isAsciiLetter(t.charCodeAt(pa - 1))) pa--;
    if (pa < pw && pw - pa >= 2 && !isGlue(sc.at(pa - 1)) && sc.at(pa - 1) !== HYPHEN && sc.at(pa - 1) !== DOT && HOST_PORT_CMD_HASHES.has(wordHash(t, pa, pw))) {
      const c = sc.at(e);
      const hostWord = t.slice(k, j);
      if ((c === -1 || isSpace(c) || c === COMMA || c === DOT || c === SEMICOLON || c === RPAREN || isQuote(c)) && !countedAfter(sc, e) &&
        (!mayBeKeyword(t, k, j) || classifyWord(hostWord, 0) === KW_NONE) && !LIST_WORDS.has(hostWord.toLowerCase())) return acceptHostPortArg(sc, s, e, v);
    }
  }
  const kind = sc.line.commandKind(s);
  if (kind === 0) return -1;
  const cmd = sc.line.command(s);
  if (kind & CMD_DIRECTIVE) {
    // redis-cli's CONNECT host port takes a single-word host too (CONNECT metal 6379), in capitals, as its help writes it.
    const hk = isGlue(sc.at(k - 1)) ? -1 : classifyHost(t, k, j, v, false);
    if (hk !== HOST_ADDRESS && !(hk === HOST_WORD && cmd === 'connect' && t.startsWith('CONNECT ', k - 8))) return -1;
    const c = sc.at(e);
    if (!(c === -1 || isSpace(c))) return -1;
    const w = wordAfter(t, e);
    return accept(sc, R_DIRECTIVE, s, e, v, w === 'udp' || w === 'tcp' ? w : undefined, 0, t.slice(k, j));
  }
  const isDockerPort = (kind & CMD_DOCKER) !== 0 && lineArgIs(sc, s, 'port');
  if (!(kind & CMD_HOST_PORT) && !isDockerPort) return -1;
  const word = t.slice(k, j).toLowerCase();
  if (word === cmd || word === 'port') return -1;
  // Its own previous word must not be an option taking a value (-w 3 host).
  return acceptHostPortArg(sc, s, e, v);
}

/** A port argument after a host (nc host 22 80): more numbers separated by spaces may follow. */
export function acceptHostPortArg(sc: TextScan, s: number, e: number, v: number): number {
  return accept(sc, R_HOST_PORT_COMMAND, s, e, v, undefined, M_LIST | M_SPACE_LIST, undefined);
}

export function lineArgIs(sc: TextScan, s: number, arg: string): boolean {
  const ls = sc.line.startWithin(s);
  if (ls < 0) return false;
  for (let i = ls; i + arg.length + 2 <= s; i++) {
    if (isInlineSpace(sc.t.charCodeAt(i)) && matchesLower(sc.t, i + 1, arg) && isInlineSpace(sc.t.charCodeAt(i + 1 + arg.length))) return true;
  }
  return false;
}
