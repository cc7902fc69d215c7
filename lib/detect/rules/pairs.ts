// Rule family: a:b pairs without a host (8080:80, 6000:6063). Taken only
// with a reason, which decides between a port map (two mentions) and a range
// (one mention): -p/--publish/ports:, --dport/dpts:/ufw allow, a compose list
// item, a /tcp suffix, kubectl port-forward. Longer colon chains (10:15:30)
// are skipped whole.
import type { Protocol } from '../../types.ts';
import { emit, reject, suffixProto } from '../accept.ts';
import {
  COLON, COMMA, digitsEnd, DOT, HYPHEN, isAsciiAlnum, isAsciiLetter, isDash, isDigit, isGlue, isInlineSpace, isQuote,
  isSpace, LOWER_P, matchesLower, portValue, skipChain, skipDotted,
} from '../chars.ts';
import { KW_DPORT, KW_EXPOSE, KW_OPT_P, KW_PORT, KW_PORTS } from '../keywords.ts';
import { gapIsListSep, M_LIST, setList } from '../lists.ts';
import { ruleCode } from '../rules.ts';
import type { KeywordLook, TextScan } from '../state.ts';
import { LIST_WORDS } from '../words.ts';
import { keywordBefore } from './keyword.ts';
import { composeItem } from './lines.ts';
import { firewallLine, gluedPNotPort, idsRulePort, pNotPort, sshForwardArg } from './specs.ts';

// Rule codes (rules.ts) of the rules decided here.
const R_GLUED_P_MAP = ruleCode('pairs.glued-p-map');
const R_SSH_FORWARD_SPEC = ruleCode('specs.ssh-forward-spec');
const R_REJECT_IN_HOST = ruleCode('reject.in-host');
const R_REJECT_CLOCK_TIME = ruleCode('reject.clock-time');
const R_REJECT_VERSE = ruleCode('reject.verse');
const R_MAP_LIST = ruleCode('pairs.map-list');
const R_MAP = ruleCode('pairs.map');
const R_RANGE = ruleCode('pairs.range');
const R_BY_SUFFIX = ruleCode('pairs.by-suffix');
const R_IDS_RULE_PORT = ruleCode('specs.ids-rule-port');
const R_REJECT_PAIR_NO_REASON = ruleCode('reject.pair-no-reason');
const R_REJECT_OUT_OF_RANGE = ruleCode('reject.out-of-range');









/** A number followed by ':' and a number, not after a host: 8080:80, 6000:6063, 10:15. */
export function chainCase(sc: TextScan, s: number, e: number, c0: number): number {
  if (c0 === LOWER_P && sc.at(s - 2) === HYPHEN && isInlineSpace(sc.at(s - 3)) && !gluedPNotPort(sc, s)) {
    return colonPair(sc, R_GLUED_P_MAP, s, e, 1, undefined); // docker run -p5432:5432
  }
  if (isGlue(c0) || c0 === DOT) return reject(sc, R_REJECT_IN_HOST, e); // db1:5432 / 10.0.0.1:22 — the next run sees the host
  if (c0 === HYPHEN && isAsciiAlnum(sc.at(s - 2))) return reject(sc, R_REJECT_IN_HOST, e); // kafka-0:9092
  const s1 = e + 1;
  const e1 = digitsEnd(sc.t, s1);
  const c2 = sc.at(e1);
  if (c2 === COLON && isDigit(sc.at(e1 + 1))) return reject(sc, R_REJECT_CLOCK_TIME, skipChain(sc.t, e1)); // 10:15:30, 1:1:1…
  if (c2 === DOT && isDigit(sc.at(e1 + 1))) {
    // ssh -L 1080:127.0.0.1:1080: the local port of a forward spec; the address and its port are read next.
    const v = portValue(sc.t, s, e);
    if (v > 0 && sshForwardArg(sc, s)) { emit(sc, R_SSH_FORWARD_SPEC, s, e, v, v, undefined, undefined); return e; }
    return reject(sc, R_REJECT_CLOCK_TIME, skipDotted(sc.t, e1)); // 00:01.5
  }
  // 10:30am; a colon after is a chain, unless it ends the sentence (ports in range 8412:8500:).
  if (isGlue(c2) || (c2 === COLON && !colonEndsSentence(sc, e1))) return reject(sc, R_REJECT_CLOCK_TIME, e1);
  if (isDash(c2) && isDigit(sc.at(e1 + 1))) return reject(sc, R_REJECT_VERSE, e1); // Genesis 1:1-3
  const j = isQuote(c0) ? s - 1 : s;
  // A list of maps: ports: ["8080:80", "443:443"], -p 80:80 -p 443:443 (handled by -p).
  if (sc.list.end >= 0 && sc.list.isMap && j - sc.list.end <= 16 && gapIsListSep(sc, sc.list.end, j, M_LIST)) return colonPair(sc, R_MAP_LIST, s, e, 1, undefined);
  const look = keywordBefore(sc, j);
  const kind = chainContext(sc, s, c0, look);
  if (kind !== 0) return colonPair(sc, kind === 1 ? R_MAP : kind === 2 ? R_RANGE : R_BY_SUFFIX, s, e, kind, kind === 2 ? look.proto : undefined);
  // alert tcp any any -> any [8000:8100]: a range in a Suricata/Snort rule header.
  if (idsRulePort(sc, s)) return colonPair(sc, R_IDS_RULE_PORT, s, e, 2, undefined);
  return reject(sc, R_REJECT_PAIR_NO_REASON, e1);
}

/**
 * Emits "a:b" starting at s (digits [s,e), then ':' and digits):
 * kind 1 = port map (two mentions), 2 = range (one mention), 3 = decide by line (ufw → range).
 * rule: the code (rules.ts) of the rule that announced it.
 */
export function colonPair(sc: TextScan, rule: number, s: number, e: number, kind: number, proto: Protocol | undefined): number {
  const s1 = e + 1;
  const e1 = digitsEnd(sc.t, s1);
  if ((sc.at(e1) === COLON && !colonEndsSentence(sc, e1)) || isGlue(sc.at(e1))) return skipChain(sc.t, e1);
  const v0 = portValue(sc.t, s, e);
  const v1 = portValue(sc.t, s1, e1);
  const sp = suffixProto(sc, e1);
  const end = sp !== undefined ? e1 + 1 + sp.length : e1;
  if (sp !== undefined) proto = sp;
  if (v0 < 0 || v1 < 0) return reject(sc, R_REJECT_OUT_OF_RANGE, end); // -p 65536:80: nothing at all
  if (kind === 3) {
    // a:b/tcp with nothing before: kubectl's port:nodePort (30000–32767), docker's
    // host:container, or a firewall range (ufw status, allow/deny on the line).
    const nodePort = v1 >= 30000 && v1 <= 32767 && v0 < 30000;
    if (sc.line.hasWord(s, 'ufw') || sc.line.hasWord(s + 1, 'allow') || sc.line.hasWord(s + 1, 'deny')) kind = 2;
    else kind = v0 < v1 && !nodePort ? 2 : 1;
  }
  if (kind === 2) {
    if (v1 < v0) return end;
    emit(sc, rule, s, e1, v0, v1, undefined, proto);
    setList(sc, end, proto, M_LIST, false);
  } else {
    if (v0 === 0 || v1 === 0) return end;
    emit(sc, rule, s, e, v0, v0, undefined, proto);
    emit(sc, rule, s1, e1, v1, v1, undefined, proto);
    setList(sc, end, proto, M_LIST, true);
  }
  return end;
}

/**
 * A published port range "a-b:c-d" starting at s (digits [s,e), then '-'):
 * docker's -p 8080-8083:8080-8083, two ranges (host side, container side).
 * Returns the end, or -1 when the text is not that shape or a range is invalid.
 */
export function publishedRangeMap(sc: TextScan, rule: number, s: number, e: number): number {
  const t = sc.t;
  if (sc.at(e) !== HYPHEN || !isDigit(sc.at(e + 1))) return -1;
  const e1 = digitsEnd(t, e + 1);
  if (sc.at(e1) !== COLON || !isDigit(sc.at(e1 + 1))) return -1;
  const e2 = digitsEnd(t, e1 + 1);
  if (sc.at(e2) !== HYPHEN || !isDigit(sc.at(e2 + 1))) return -1;
  const e3 = digitsEnd(t, e2 + 1);
  const c = sc.at(e3);
  if (c === COLON || c === HYPHEN || isGlue(c)) return -1;
  const a0 = portValue(t, s, e);
  const a1 = portValue(t, e + 1, e1);
  const b0 = portValue(t, e1 + 1, e2);
  const b1 = portValue(t, e2 + 1, e3);
  if (a0 <= 0 || b0 <= 0 || a1 <= a0 || b1 <= b0) return -1;
  const sp = suffixProto(sc, e3);
  const end = sp !== undefined ? e3 + 1 + sp.length : e3;
  emit(sc, rule, s, e1, a0, a1, undefined, sp);
  emit(sc, rule, e1 + 1, e3, b0, b1, undefined, sp);
  setList(sc, end, sp, M_LIST, true);
  return end;
}

/** The ':' at i ends a sentence or line (nothing, or a space, after it). */
export function colonEndsSentence(sc: TextScan, i: number): boolean {
  const c = sc.at(i + 1);
  return c === -1 || isSpace(c);
}

/** What announces a bare "a:b" after the keyword look: 1 = port map, 2 = range, 3 = by line (suffix /tcp), 0 = nothing. */
export function chainContext(sc: TextScan, s: number, c0: number, look: KeywordLook): number {
  const t = sc.t;
  const j = isQuote(c0) ? s - 1 : s;
  const kw = look.kind;
  if (kw === KW_OPT_P) return pNotPort(sc, s) ? 0 : 1;
  if (kw === KW_EXPOSE) return 1;
  if (kw === KW_DPORT) return 2;
  if (kw === KW_PORT || kw === KW_PORTS) {
    const w = look.firstWordLower(t);
    if (w === 'publish' || w === 'publishport' || w === 'port-forward') return 1; // PublishPort=25:25 (Podman Quadlet)
    // A firewall rule or a range named as such: to any port 8412:8500, ports in range 6000:6063.
    if (firewallLine(sc, s) || sc.line.hasWord(s, 'range')) return 2;
    return kw === KW_PORTS ? 1 : 0;
  }
  const w = look.firstWordLower(t);
  if (w === 'publish') return 1;
  if ((w === 'allow' || w === 'deny' || w === 'limit' || w === 'reject') && sc.line.hasWord(s, 'ufw')) return 2;
  // A protocol suffix makes it a port pair (kubectl 80:30080/TCP, ufw 6000:6063/tcp).
  const e0 = digitsEnd(t, s);
  const e1 = digitsEnd(t, e0 + 1);
  if (suffixProto(sc, e1) !== undefined) return 3;
  if (composeItem(sc, j)) return 1;
  if (isQuote(c0) && quotedMapAhead(sc, e1)) return 1; // mapped "8554:8554" and "8555:8555/udp" 
  const cmd = sc.line.command(s);
  if ((cmd === 'kubectl' || cmd === 'oc') && sc.line.hasWord(s, 'port-forward')) return 1;
  if (portForwardTwoBack(sc, j)) return 1; // "… with kubectl port-forward svc/grafana 3000:80" inside prose
  return 0;
}

/** Whether the word two tokens before j is "port-forward" (kubectl port-forward svc/x 3000:80). */
export function portForwardTwoBack(sc: TextScan, j: number): boolean {
  const t = sc.t;
  let i = j;
  if (!isInlineSpace(sc.at(i - 1))) return false;
  while (i > 0 && isInlineSpace(t.charCodeAt(i - 1))) i--;
  const lo = i > 64 ? i - 64 : 0;
  while (i > lo && !isSpace(t.charCodeAt(i - 1))) i--;
  if (i === lo || !isInlineSpace(t.charCodeAt(i - 1))) return false;
  while (i > 0 && isInlineSpace(t.charCodeAt(i - 1))) i--;
  return i >= 12 && matchesLower(t, i - 12, 'port-forward') && (i === 12 || isSpace(t.charCodeAt(i - 13)));
}

/** After a quoted "a:b" ending at e: a separator, then another quoted "c:d/proto" (a list of port maps). */
export function quotedMapAhead(sc: TextScan, e: number): boolean {
  const t = sc.t;
  if (!isQuote(sc.at(e))) return false;
  let i = e + 1;
  const lim = i + 12 < sc.n ? i + 12 : sc.n;
  let sep = false;
  while (i < lim) {
    const c = t.charCodeAt(i);
    if (isInlineSpace(c)) { i++; continue; }
    if (c === COMMA) { sep = true; i++; continue; }
    if (isAsciiLetter(c)) {
      let k = i;
      while (k < lim && isAsciiLetter(t.charCodeAt(k))) k++;
      if (!LIST_WORDS.has(t.slice(i, k).toLowerCase())) return false;
      sep = true; i = k; continue;
    }
    break;
  }
  if (!sep || !isQuote(sc.at(i)) || !isDigit(sc.at(i + 1))) return false;
  const e2 = digitsEnd(t, i + 1);
  if (sc.at(e2) !== COLON || !isDigit(sc.at(e2 + 1))) return false;
  const e3 = digitsEnd(t, e2 + 1);
  return suffixProto(sc, e3) !== undefined;
}
