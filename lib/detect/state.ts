// The state of one pass over a text (TextScan): the text, the mentions found
// so far, and named parts that rules read and update — the list a mention
// may continue, the record a keyword look-back returns, the current line and its
// command, and small caches that keep the looks linear. One TextScan per
// findPortMentions call: nothing is kept between calls.
import type { Protocol } from '../types.ts';
import { isBlockChar, matchesLower, PIPE } from './chars.ts';
import { commandWordEnd, commandWordStart, LINE_LOOKBACK, lineStart, wordAt } from './context.ts';
import { hashOf, wordHash } from './hash.ts';
import type { PortMention } from './types.ts';
import { HOST_PORT_CMDS, HOST_PORT_DIRECTIVES, IDS_ACTIONS } from './words.ts';

/** Kinds of a line's command (bits of LineState.commandKind), worked out once per line. */
/** replicaof, slaveof, sentinel, remote: an address then a port. */
export const CMD_DIRECTIVE = 1;
/** nc, telnet, socat …: host then port arguments. */
export const CMD_HOST_PORT = 2;
/** docker (docker port web 80). */
export const CMD_DOCKER = 4;
/** kubectl, oc (kubectl port-forward svc/x 3000:80). */
export const CMD_KUBECTL = 8;
/** alert, drop, pass …: the action of a Suricata/Snort rule header. */
export const CMD_IDS = 16;

/** CMD_* kind of each command word that has one, and those words by wordHash (a hash is confirmed by its characters). */
const CMD_KIND = new Map<string, number>();
for (const w of HOST_PORT_DIRECTIVES) CMD_KIND.set(w, (CMD_KIND.get(w) ?? 0) | CMD_DIRECTIVE);
for (const w of HOST_PORT_CMDS) CMD_KIND.set(w, (CMD_KIND.get(w) ?? 0) | CMD_HOST_PORT);
CMD_KIND.set('docker', (CMD_KIND.get('docker') ?? 0) | CMD_DOCKER);
CMD_KIND.set('kubectl', CMD_KUBECTL);
CMD_KIND.set('oc', CMD_KUBECTL);
for (const w of IDS_ACTIONS) CMD_KIND.set(w, (CMD_KIND.get(w) ?? 0) | CMD_IDS);
const CMD_KIND_WORDS = new Map<number, string>();
for (const w of CMD_KIND.keys()) {
  const h = hashOf(w);
  if (CMD_KIND_WORDS.has(h)) throw new Error(`command words ${w} and ${CMD_KIND_WORDS.get(h)} share a hash`);
  CMD_KIND_WORDS.set(h, w);
}

/** The list the last listable mention may continue: ports 80, 443 and 8080. */
export class ListState {
  /** Where the last listable mention ended (-1: no list open). */
  end = -1;
  /** Its protocol, lent to the items that follow. */
  proto: Protocol | undefined = undefined;
  /** M_* bits (lists.ts): how items may follow. */
  mode = 0;
  /** The list is one of port maps (ports: ["8080:80", "443:443"]). */
  isMap = false;
  /** listThenPortWord's memory: list items in (noWordFrom, noWordTo] have no port word after them. */
  noWordFrom = -1;
  noWordTo = -1;
}

/**
 * What a keyword look-back (rules/keyword.ts, keywordBefore) found before a
 * number: keywordBefore returns it. One record per TextScan is reused, so a
 * look-back allocates nothing; it holds the answer of the latest look-back.
 */
export class KeywordLook {
  /** KW_* kind of the keyword found (KW_NONE: none). */
  kind = 0;
  /** Start of the keyword. */
  start = 0;
  /** The keyword was a plain port word (port, porta, ポート), not a key like DB_PORT. */
  plain = false;
  /** wordHash of the word before a port keyword (0 if none). */
  beforeHash = 0;
  /** The protocol the keyword names or that stands before it (TCP port 445). */
  proto: Protocol | undefined = undefined;
  /** M_* bits for the mention and the list it starts. */
  mode = 0;
  /** The number was given as an example of the port's value: port (e.g., 16379), port (ex: '80'). */
  example = false;
  /** Bounds and hash of the first word before the number, keyword or not (-1: none). */
  firstA = -1;
  firstB = -1;
  firstHash = 0;
  /** That word in lower case once read (firstWordLower). */
  firstWord = '';

  /** The first word before the number, lower case, whether or not it was a keyword. */
  firstWordLower(t: string): string {
    if (this.firstWord === '' && this.firstA >= 0) this.firstWord = t.slice(this.firstA, this.firstB).toLowerCase();
    return this.firstWord;
  }
}

/**
 * The line a position is on, and its command (first word after a prompt
 * and sudo), cached per line. Looks back only as far as the furthest
 * position asked before, so all looks add up to one pass.
 */
export class LineState {
  private readonly t: string;
  private readonly n: number;
  /** Start of the line of the furthest position asked for. */
  private start = 0;
  private maxPos = 0;
  /** The first newline at or after maxPos when last searched. */
  private nextNl = -1;
  /** The line whose command is cached, and the command word's bounds. */
  private cmdLine = -1;
  private cmdA = 0;
  private cmdB = 0;
  private cmdWord = '';
  /** cmdWord is read from [cmdA, cmdB) only when asked for. */
  private cmdWordStale = false;
  /** CMD_* bits of the command. */
  private cmdKind = 0;
  /** newlineFrom's last answer: the first '\n' at or after nlFrom (n when none). */
  private nlFrom = -1;
  private nlAt = -1;
  /** Whether the text holds a carriage return (read once, when first asked): without one, '\n' alone ends lines. */
  private cr = -1;
  /** hasWord's memory, per word: the line it read, how far, and where the word stands first on it. */
  private readonly words = new Map<string, WordMemo>();

  constructor(text: string) {
    this.t = text;
    this.n = text.length;
  }

  /**
   * Start of the line holding pos (after the last '\n' before pos). Looks
   * backwards only as far as the furthest position asked before, whose line
   * start is cached, so the looks add up to one pass at most and usually stop
   * at the nearest newline.
   */
  startOf(pos: number): number {
    if (pos < this.maxPos) {
      if (pos >= this.start) return this.start;
      const ls = lineStart(this.t, pos, pos + 1);
      return ls < 0 ? 0 : ls;
    }
    const t = this.t;
    const stop = this.maxPos;
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
      this.start = t.lastIndexOf('\n', pos - 1) + 1;
    }
    this.maxPos = pos;
    return this.start;
  }

  /** The first '\n' at or after pos, or the text's length when there is none. */
  newlineFrom(pos: number): number {
    if (pos < this.nlFrom || pos > this.nlAt) {
      const nl = this.t.indexOf('\n', pos);
      this.nlAt = nl < 0 ? this.n : nl;
      this.nlFrom = pos;
    }
    return this.nlAt;
  }

  /**
   * Start of the line holding pos (after the last '\n' or '\r' before it),
   * or -1 when that is more than `bound` characters back: context.ts's
   * lineStart, answered from the cached line start when the text has no
   * '\r', so a long line is not walked back for each number on it.
   */
  startWithin(pos: number, bound = LINE_LOOKBACK): number {
    if (this.cr < 0) this.cr = this.t.indexOf('\r') >= 0 ? 1 : 0;
    if (this.cr === 1) return lineStart(this.t, pos, bound);
    const ls = this.startOf(pos);
    if (ls === 0) return pos <= bound ? 0 : -1;
    return pos - ls < bound ? ls : -1;
  }

  /**
   * Whether the line before pos (its start at most LINE_LOOKBACK back)
   * holds `word` (lower case) as a whole word, not joined by letters or '-'.
   * Remembers per word how far the line was read and where the word first
   * stands, so each line is read at most once per word.
   */
  hasWord(pos: number, word: string): boolean {
    const ls = this.startWithin(pos);
    if (ls < 0) return false;
    let memo = this.words.get(word);
    if (memo === undefined) {
      memo = { line: -1, readTo: 0, at: -1 };
      this.words.set(word, memo);
    }
    if (memo.line !== ls) {
      memo.line = ls;
      memo.readTo = ls;
      memo.at = -1;
    }
    const last = pos - word.length;
    if (memo.at < 0 && memo.readTo <= last) {
      const at = wordAt(this.t, memo.readTo, last, word);
      memo.readTo = last + 1;
      memo.at = at;
    }
    return memo.at >= 0 && memo.at <= last;
  }

  /** First word of the line holding pos (after a prompt and sudo), lower case, cached per line. */
  command(pos: number): string {
    const ls = this.startOf(pos);
    if (ls !== this.cmdLine) this.readCommand(ls);
    if (this.cmdWordStale) {
      this.cmdWordStale = false;
      this.cmdWord = this.cmdA < this.cmdB ? this.t.slice(this.cmdA, this.cmdB).toLowerCase() : '';
    }
    return this.cmdWord;
  }

  /** CMD_* bits of the command of the line holding pos, without reading the word into a string. */
  commandKind(pos: number): number {
    const ls = this.startOf(pos);
    if (ls !== this.cmdLine) this.readCommand(ls);
    return this.cmdKind;
  }

  private readCommand(ls: number): void {
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
}

/**
 * The last character of a class before a position, found again by reading
 * on from the previous answer when the position has moved forward a little,
 * so numbers close together do not read the same stretch back each time.
 */
export class LastCharRead {
  private readonly isClass: (c: number) => boolean;
  /** [from, to) has been read; last: the last character of the class in it (-1: none). */
  private from = -1;
  private to = -1;
  private last = -1;

  constructor(isClass: (c: number) => boolean) {
    this.isClass = isClass;
  }

  /** The last i in [lo, j) where t holds a character of the class, or -1; reads at most j - lo characters. */
  find(t: string, lo: number, j: number): number {
    if (this.to >= 0 && this.to <= j && j - this.to <= j - lo) {
      for (let i = this.to; i < j; i++) if (this.isClass(t.charCodeAt(i))) this.last = i;
      this.to = j;
      // Known when one was found (none can stand between it and j) or the reading covers [lo, j).
      if (this.last >= 0 || this.from <= lo) return this.last >= lo ? this.last : -1;
    }
    let i = j;
    while (i > lo && !this.isClass(t.charCodeAt(i - 1))) i--;
    const last = i > lo ? i - 1 : -1;
    this.from = last >= 0 ? last : lo;
    this.to = j;
    this.last = last;
    return last;
  }
}

/** LineState.hasWord's memory of one word. */
interface WordMemo {
  /** The line start read. */
  line: number;
  /** Starts before readTo have been looked at. */
  readTo: number;
  /** The first start where the word stands, or -1 (none before readTo). */
  at: number;
}

/**
 * How far idsRulePort (rules/specs.ts) has read the fields of a line's
 * Suricata/Snort rule header, so that the next number on the line goes on
 * from there.
 */
export class IdsHeaderRead {
  /** The line start and the first field's start read from (-1: none). */
  line = -1;
  from = -1;
  /** Characters before `to` are read. */
  to = 0;
  field = 0;
  /** Bracket depth at `to`. */
  depth = 0;
  inField = false;
  /** The 5th field is a direction arrow. */
  arrow = false;
  /** Start of the protocol field (-1: not reached). */
  protoAt = -1;
  /** The protocol field is a header's protocol: 1 yes, 0 no, -1 not read. */
  proto = -1;
  /** An options '(' was met (right before `to`): no port field after it. */
  paren = false;
  /** The source-port field read from fieldFrom: no end before fieldTo (bracket depth there fieldDepth), or its end (-1: not found yet). */
  fieldFrom = -1;
  fieldTo = -1;
  fieldDepth = 0;
  fieldEnd = -1;
  /** The start of the line's command word (after prompts and sudo) as found for a number at validFrom, which holds for every later number of that line (-1: none). */
  readonly command = { line: -1, start: 0, validFrom: 0 };

  restart(line: number, from: number): void {
    this.line = line;
    this.from = from;
    this.to = from;
    this.field = 0;
    this.depth = 0;
    this.inField = false;
    this.arrow = false;
    this.protoAt = -1;
    this.proto = -1;
    this.paren = false;
    this.fieldFrom = -1;
    this.fieldEnd = -1;
  }
}

/** What a traced pass records, as numbers only (rule codes of rules.ts). */
export class ScanTrace {
  /** The code of the rule that accepted each mention of TextScan.out, in the same order. */
  readonly accepted: number[] = [];
  /** Per digit run the pass stopped at: start, end, out.length before and after it, and the rejecting rule's code. */
  readonly runs: number[] = [];
}

/** The state of one pass over a text; every rule receives it. */
export class TextScan {
  readonly t: string;
  readonly n: number;
  readonly out: PortMention[] = [];
  readonly list = new ListState();
  /** The record keywordBefore fills and returns (read it through the returned value). */
  readonly look = new KeywordLook();
  readonly line: LineState;
  /** Cache of the compose "ports:" block lookup: the item line last asked about and the answer. */
  readonly compose = { line: -2, inPorts: false };
  /** inPortsBraces' look back for { } ; [ ] (rules/lines.ts). */
  readonly block = new LastCharRead(isBlockChar);
  /** pNotPort's look back for a pipe (rules/specs.ts). */
  readonly pipe = new LastCharRead((c) => c === PIPE);
  /** underPortsMap's last walk up (rules/specs.ts): the item line and indent it started from, its answer, and the step that decided it (-1: none did). */
  readonly portsMap = { line: -1, indent: -1, result: false, step: -1 };
  /** netContext's reading (rules/vetting.ts): words starting before `to` are read; `last`, the start of the last networking word among them (-1: none). */
  readonly net = { to: -1, last: -1 };
  /** listSuffixProto's run of commas and digits (lists.ts): read from `from`, none other before `to`, and its end (-1: not found yet). */
  readonly commaRun = { from: -1, to: -1, end: -1 };
  /** idsRulePort's reading of the current line's rule header. */
  readonly ids = new IdsHeaderRead();
  /** DocBook parameter names (rules/defaults.ts): the last one found before the search point, the search point, the next one after it (-2: not searched). */
  readonly docbook = { paramAt: -1, from: 0, next: -2 };
  /** The last mention written with a host: where it ended and its protocol (lsof's peer shares it). */
  readonly host = { lastEnd: -1, lastProto: undefined as Protocol | undefined };
  /** Code of the rule that last turned a run down (rules.ts; reject() sets it). Read only when tracing. */
  rule = 0;
  /** When the text read is another with its placeholders stripped (scanAll): offsets back to that text. */
  map: Int32Array | undefined = undefined;
  /** What traceMentions records; null (nothing recorded) for findPortMentions. */
  trace: ScanTrace | null = null;
  /** A number was seen next to {{ }} or after "] " (a placeholder or an option alternation): findPortMentions reads the text again without them. */
  placeholders = false;

  constructor(text: string) {
    this.t = text;
    this.n = text.length;
    this.line = new LineState(text);
  }

  /** The character code at i, or -1 outside the text. */
  at(i: number): number {
    return i >= 0 && i < this.n ? this.t.charCodeAt(i) : -1;
  }
}
