// Tells whether a port mention sits in a container port publish, read from
// the text around it: `docker run -p [ip:]8080:80`, `--publish`, a compose
// `ports:` list item ("5432:5432", or the long syntax with `target:`,
// `published:` and `host_ip:` keys), or docker ps output
// (`0.0.0.0:8080->80/tcp`), and which container engine the command names
// (Docker, Podman and nerdctl share these syntaxes but not how they open the
// port on the host). Works beside the detector, not inside it: the
// detector's mentions stay as they are.

/** Container engines told apart by how they open a published port on the host. */
export const CONTAINER_ENGINES = ['docker', 'podman', 'nerdctl'] as const;
export type ContainerEngine = (typeof CONTAINER_ENGINES)[number];

export interface PublishContext {
  /**
   * How the publish was written: a docker run flag, a compose list item
   * (`"8080:80"`), a compose long-syntax item (`target:`/`published:` keys),
   * docker ps output.
   */
  source: 'run' | 'compose' | 'compose-long' | 'ps';
  /** The engine the command names (`podman run`, `podman-compose`, `nerdctl ps`); absent when the text names none. */
  engine?: ContainerEngine;
  /** Which side of the map the mention is: the host port or the container port. */
  side: 'host' | 'container';
  /** The host address the publish binds, when written (brackets removed). */
  hostIp?: string;
  /** The host port or range as written: `5432`, `8081-8082`. */
  hostSpec: string;
  containerSpec: string;
}

/** Longest token read as a port map; anything longer is something else. */
const MAX_TOKEN = 80;
/** Lines walked up from a list item to find its `ports:` key. */
const MAX_LINES_UP = 200;

const IP = String.raw`(\[[0-9A-Fa-f:.]+(?:%[\w.-]+)?\]|\d{1,3}(?:\.\d{1,3}){3}|::)`;
const PORTS = String.raw`(\d{1,5}(?:-\d{1,5})?)`;
/** `[ip:]host:container[/proto]` (docker run, compose). */
const MAP = new RegExp(`^(?:${IP}:)?${PORTS}:${PORTS}(?:/(?:tcp|udp|sctp))?$`, 'di');
/** `ip:host->container/proto` (docker ps PORTS column). */
const PS = new RegExp(`^(?:${IP}:)?${PORTS}->${PORTS}/(?:tcp|udp|sctp)$`, 'di');

const RUN_FLAG_BEFORE = /(?:^|\s)(?:-p|--publish)(?:\s+|=)["']?$/;
/** `-p` glued to its map (`-p5432:5432`): a token starting so, after a space. */
const GLUED_RUN_FLAG = /^-p[\d[]/;
const LIST_ITEM_BEFORE = /^\s*-\s*["']?$/;
const LIST_ITEM_AFTER = /^["']?\s*(?:#.*)?$/;
const FLOW_LIST_BEFORE = /(?:^|\s)ports:\s*\[[^\]]*$/;
const PORTS_KEY = /^(\s*)ports:\s*(?:#.*)?$/;
/** A key line of a compose long-syntax port item: `- target: 80`, `published: "8080"`, `host_ip: 127.0.0.1`. */
const LONG_KEY = /^(\s*)(-\s+)?(target|published|host_ip)\s*:\s*["']?([^"'#\s]+)["']?\s*(?:#.*)?$/;
/** Any `key: value` line of a long-syntax item (`mode: host`, `protocol: tcp`, `name: web`). */
const ITEM_KEY = /^(\s*)(-\s+)?[\w-]+\s*:/;
/** Keys a long-syntax item may have; an item longer than this is something else. */
const MAX_ITEM_LINES = 12;
const LONG_PORTS = new RegExp(`^${PORTS}$`);

/**
 * An engine's command that publishes or lists ports: `docker run`, `podman
 * container create`, `nerdctl compose`, `docker-compose`, `podman ps`. Not a
 * bare engine name: `docker.io/library/postgres` names an image, not a command.
 */
const ENGINE_COMMAND = /\b(docker|podman|nerdctl)(?:-compose\b|[ \t]+(?:(?:container|pod)[ \t]+)?(?:run|create|compose|ps|ls|up)\b)/gi;
/** How far back a publish looks for the command that produced it. */
const ENGINE_REACH = 4000;
/** Lines a `docker run` command may be continued over (`\` at the end of a line). */
const MAX_CONTINUED_LINES = 30;

const isTokenChar = (c: number): boolean =>
  (c >= 48 && c <= 58) || // 0-9 :
  (c >= 65 && c <= 93 && c !== 92) || // A-Z [ ]
  (c >= 97 && c <= 122) || // a-z
  c === 45 || c === 46 || c === 47 || c === 62 || c === 37 || c === 95; // - . / > % _

/** One line of the text: its bounds, and its content without a trailing `\r`. */
interface Line {
  start: number;
  end: number;
  line: string;
}

interface EngineCommand {
  start: number;
  end: number;
  engine: ContainerEngine;
}

/**
 * Reads the publishes of one text. What several mentions of the same text
 * share is found once and kept (where lines start, the engine commands, the
 * `ports:` key above a list), so a paste of thousands of publishes, or of
 * one very long line, stays linear.
 */
export class PublishReader {
  #lineEnds?: Int32Array;
  #engines?: EngineCommand[];
  /** Item line start → whether that list item sits under a `ports:` key. */
  readonly #underPorts = new Map<number, boolean>();

  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  /** The line holding position `at`. */
  lineAt(at: number): Line {
    const ends = (this.#lineEnds ??= newlines(this.text));
    // The first newline at or after `at` ends the line.
    const lo = countBefore(ends.length, (i) => ends[i]! < at);
    const start = lo === 0 ? 0 : ends[lo - 1]! + 1;
    const end = lo < ends.length ? ends[lo]! : this.text.length;
    const cut = end > start && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    return { start, end, line: this.text.slice(start, cut) };
  }

  /** The line before the one starting at `lineStart`. */
  #lineBefore(lineStart: number): Line {
    return this.lineAt(lineStart - 1);
  }

  /** Where the shell command holding `at` starts: its line, and the lines before it that end in a `\` (or PowerShell's `` ` ``, cmd's `^`) continuation. */
  #commandStart(at: number): number {
    let start = this.lineAt(at).start;
    for (let n = 0; n < MAX_CONTINUED_LINES && start > 0; n++) {
      if (!continues(this.text, start - 1)) break;
      start = this.#lineBefore(start).start;
    }
    return start;
  }

  /**
   * The engine a publish of the given source belongs to: named in its own
   * command for `-p`, above it for a compose file or ps output, within a
   * bounded stretch before it.
   */
  #engineOf(source: PublishContext['source'], at: number): { engine: ContainerEngine } | Record<string, never> {
    const engines = (this.#engines ??= [...this.text.matchAll(ENGINE_COMMAND)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      engine: m[1]!.toLowerCase() as ContainerEngine,
    })));
    const from = Math.max(at - ENGINE_REACH, source === 'run' ? this.#commandStart(at) : 0);
    // The last command that ends before `at`.
    const last = engines[countBefore(engines.length, (i) => engines[i]!.end <= at) - 1];
    return last && last.start >= from ? { engine: last.engine } : {};
  }

  /** Is the compose list item on the line starting at `lineStart` under a `ports:` key? */
  #underPortsKey(lineStart: number): boolean {
    const known = this.#underPorts.get(lineStart);
    if (known !== undefined) return known;
    const itemIndent = indentOf(this.lineAt(lineStart).line);
    let answer = false;
    let at = lineStart;
    for (let n = 0; n < MAX_LINES_UP && at > 0; n++) {
      const { start, line } = this.#lineBefore(at);
      at = start;
      const indent = indentOf(line);
      // An earlier item of the same list has the same answer.
      if (indent === itemIndent && /^\s*-/.test(line)) {
        const sibling = this.#underPorts.get(start);
        if (sibling !== undefined) {
          answer = sibling;
          break;
        }
      }
      // Blank lines, comments, sibling items and the key lines of earlier long-syntax items.
      if (/^\s*(?:#.*)?$/.test(line) || /^\s*-/.test(line) || indent > itemIndent) continue;
      const key = PORTS_KEY.exec(line);
      answer = key !== null && key[1]!.length <= itemIndent;
      break;
    }
    this.#underPorts.set(lineStart, answer);
    return answer;
  }

  /**
   * The publish a mention (text[start, end)) belongs to, or null when the
   * text around it is not a container port publish.
   */
  at(start: number, end: number): PublishContext | null {
    const { text } = this;
    let from = start;
    while (from > 0 && start - from < MAX_TOKEN && isTokenChar(text.charCodeAt(from - 1))) from--;
    const glued = GLUED_RUN_FLAG.test(text.slice(from, from + 3)) && (from === 0 || /\s/.test(text[from - 1]!));
    if (glued) from += 2;
    let to = end;
    while (to < text.length && to - end < MAX_TOKEN && isTokenChar(text.charCodeAt(to))) to++;
    const token = text.slice(from, to);
    if (token.length >= MAX_TOKEN || !token.includes(':') && !token.includes('>')) return this.#composeLongSyntaxAt(start, end);

    let source: PublishContext['source'];
    let m = PS.exec(token);
    if (m) {
      source = 'ps';
    } else {
      m = MAP.exec(token);
      if (!m) return null;
      const line = this.lineAt(from);
      const before = text.slice(Math.max(line.start, from - 200), from);
      if (glued || RUN_FLAG_BEFORE.test(before)) source = 'run';
      else if (FLOW_LIST_BEFORE.test(before)) source = 'compose';
      else if (LIST_ITEM_BEFORE.test(text.slice(line.start, from)) && LIST_ITEM_AFTER.test(line.line.slice(to - line.start)) && this.#underPortsKey(line.start)) {
        source = 'compose';
      } else return null;
    }
    const containerAt = from + m.indices![3]![0];
    const ip = m[1]?.replace(/^\[|\]$/g, '');
    return {
      source,
      ...this.#engineOf(source, from),
      side: start >= containerAt ? 'container' : 'host',
      ...(ip !== undefined ? { hostIp: ip } : {}),
      hostSpec: m[2]!,
      containerSpec: m[3]!,
    };
  }

  /**
   * A mention on a `target:` or `published:` line of a compose long-syntax
   * ports item: the item is the `- ` line and the key lines at its key column;
   * it must sit under a `ports:` key and name both ports (without `published`
   * Docker picks a random host port, which says nothing about this one).
   */
  #composeLongSyntaxAt(start: number, end: number): PublishContext | null {
    const own = this.lineAt(start);
    const key = LONG_KEY.exec(own.line);
    if (!key || key[3] === 'host_ip' || own.line.indexOf(key[4]!) + own.start > start || own.line.indexOf(key[4]!) + own.start + key[4]!.length < end) return null;
    const column = key[1]!.length + (key[2]?.length ?? 0);
    // Walk up to the item's `- ` line.
    let item = own;
    for (let n = 0; !/^\s*-\s/.test(item.line); n++) {
      if (n >= MAX_ITEM_LINES || item.start === 0) return null;
      item = this.#lineBefore(item.start);
      const k = ITEM_KEY.exec(item.line);
      if (!k || k[1]!.length + (k[2]?.length ?? 0) !== column) return null;
    }
    if (!this.#underPortsKey(item.start)) return null;
    const keys: Partial<Record<'target' | 'published' | 'host_ip', string>> = {};
    for (let line = item, n = 0; n < MAX_ITEM_LINES; n++) {
      const k = ITEM_KEY.exec(line.line);
      if (!k || k[1]!.length + (k[2]?.length ?? 0) !== column || (n > 0 && k[2] !== undefined)) break;
      const long = LONG_KEY.exec(line.line);
      if (long) keys[long[3] as keyof typeof keys] = long[4];
      if (line.end >= this.text.length) break;
      line = this.lineAt(line.end + 1);
    }
    const { target, published, host_ip: hostIp } = keys;
    if (!target || !published || !LONG_PORTS.test(target) || !LONG_PORTS.test(published)) return null;
    return {
      source: 'compose-long',
      ...this.#engineOf('compose-long', item.start),
      side: key[3] === 'published' ? 'host' : 'container',
      ...(hostIp !== undefined ? { hostIp: hostIp.replace(/^\[|\]$/g, '') } : {}),
      hostSpec: published,
      containerSpec: target,
    };
  }
}

/** The publish one mention belongs to; for many mentions of one text, keep one `PublishReader`. */
export function publishContextAt(text: string, start: number, end: number): PublishContext | null {
  return new PublishReader(text).at(start, end);
}

/** How many of the first `length` items are before a point, when `before(i)` holds for a leading run of them only (a binary search). */
function countBefore(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The offsets of every `\n` in `text`. */
function newlines(text: string): Int32Array {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  const ends = new Int32Array(count);
  for (let at = text.indexOf('\n'), i = 0; at >= 0; at = text.indexOf('\n', at + 1)) ends[i++] = at;
  return ends;
}

/** Does the line ending at `lineEnd` (its newline) end in a `\`, `` ` `` or `^` continuation? Reads back from the end only, so a long line costs nothing. */
function continues(text: string, lineEnd: number): boolean {
  let at = lineEnd - 1;
  if (text.charCodeAt(at) === 13) at--;
  while (at >= 0 && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at--;
  const c = text[at];
  return c === '\\' || c === '`' || c === '^';
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}
