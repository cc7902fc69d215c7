// Proves that the detector in the working tree gives exactly the output of
// the detector at an earlier commit: both are run over the same texts and
// every mention of every text is compared field by field.
//   node --experimental-strip-types scripts/detect-identity.ts --base REV [--trace]
// Texts: every *.txt corpus file under lib/detect (fixtures, held-out sets)
// whole, line by line and case by case; the bench texts (web-like mix and
// technical only, whole and line by line); the adversarial inputs; and 100,000 seeded random strings
// made of the detector's own vocabulary. Prints the number of texts and the
// differences (the first ten with context); exits 1 on any difference.
// With --trace, traceMentions is compared too, entry by entry (span, port,
// verdict and rule id of every digit run), so that speed work is shown not to
// move a decision from one rule to another.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realisticText } from '../bench/detect.ts';
import { adversarialInputs } from '../lib/detect/adversarial.ts';
import { parseFixtureFile } from '../lib/detect/fixtures/load.ts';
import { findPortMentions, traceMentions } from '../lib/detect/index.ts';
import type { TraceEntry } from '../lib/detect/trace.ts';
import type { PortMention } from '../lib/detect/types.ts';
import { detectorAt, type Detect, type Trace } from './detector-at.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DETECT_DIR = join(ROOT, 'lib/detect');
const RANDOM_TEXTS = 100_000;

/** Every corpus file (*.txt) under lib/detect, in a stable order. */
function corpusFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...corpusFiles(path));
    else if (name.endsWith('.txt')) out.push(path);
  }
  return out;
}

/** Pieces the random strings are made of: what the detector reads, and what it must tell apart. */
const VOCABULARY = [
  // digits and numbers, in and out of range, padded
  '0', '1', '2', '7', '9', '20', '22', '25', '53', '80', '100', '443', '1023', '1024', '2222', '3000', '3306', '5432',
  '6379', '8080', '9092', '27017', '30080', '49152', '65535', '65536', '70000', '123456', '08', '0080', '2024', '10.0.0.1',
  '127.0.0.1', '0.0.0.0', '192.168.1.10', '1.21', '7.2',
  // separators and punctuation
  ':', '::', ':::', '/', '//', '-', '--', '–', '—', '−', '‐', '~', '～', '〜', '.', ',', ';', '=', '"', "'", '`', '(', ')',
  '[', ']', '{', '}', '*', '@', '#', '$', '%', '+', '>', '->', '=>', '→', '|', '?', '!', '\\', '_', '&', '€', '°',
  // spaces and line breaks
  ' ', ' ', ' ', '  ', '\t', '\n', '\n', '\r\n', '\u00a0', '\u202f', '\u2009', '\u3000',
  // port words and keys
  'port', 'ports', 'Port', 'PORT', 'Ports', 'port:', 'ports:', 'port=', '--port', '--port=', 'containerPort', 'targetPort',
  'DB_PORT', 'server.port', 'tls-port', 'port_range', 'PassivePorts', 'ip_local_port_range', 'RCONPort', 'UDP-Port',
  'puerto', 'porta', 'poort', 'порт', 'порты', '端口', 'ポート', '포트', '번', '番', 'から', 'まで', '和', '、', 'cổng',
  'portunu', 'numaralı', 'number', 'range', 'from', 'to', 'through', 'bis', 'and', 'or', 'und', 'et', 'y', 'и', 'is',
  'the', 'default', 'set to', 'of', 'on', 'for', 'instead of', 'rather than', 'such as', 'par défaut', 'по умолчанию',
  // protocols, options, commands
  'tcp', 'udp', 'TCP', 'UDP', '/tcp', '/udp', '/TCP', 'sctp', 'tcp:', 'udp/', 'proto', '-p', '-P', '-p ', '-L', '-R', '-l',
  '-lvnp', '-s', '-i', '-iTCP', '--dport', '--dports', '--sport', 'dpt:', 'spt:', 'DPT=', 'multiport', 'EXPOSE', 'listen',
  'LISTEN', 'Listen', 'ssh', 'ssh -p', 'scp', 'mysql', 'psql', 'nmap', 'nc', 'nc -zv', 'ncat', 'telnet', 'socat', 'curl',
  'docker', 'docker run', 'docker port', 'kubectl', 'port-forward', 'ufw', 'ufw allow', 'allow', 'deny', 'iptables',
  'sudo', '$ ', 'ps', 'xargs', 'hydra', 'serve', 'npx', 'replicaof', 'sentinel', 'remote', 'publish', 'target',
  'published', 'value', '-Value', 'name:', 'value:', 'image:', 'FROM', 'expose:', '  - ', '- ', 'bind((', 'htons(',
  'ServerSocket(', 'listen(', 'new Socket(', 'Server=', 'Data Source=', 'SocketAddr::from(([',
  // hosts and host-like words
  'localhost', 'localhost:', 'db.internal', 'db.internal:', 'db', 'db:', 'es:', 'redis', 'redis:', 'web', 'web:', 'app', 'app:', 'api.example.com', 'example.com',
  'host', 'node', 'node:', 'postgres', 'nginx', 'main.ts', 'app.py', 'src/app.rs', 'status', 'user_id', 'user', 'http://',
  'https://', 'postgres://', 'u:p@', 'ws://', '[::1]', '[2001:db8::1]', 'fe80::1', '*', 'MSSQLSvc/', '%lo', 'github.com',
  // hardware, counts, units, services
  'USB', 'usb', 'serial', 'HDMI', 'switch', 'uplinks', 'SFP', 'into', 'plug', 'servers', 'times', 'times out', 'ms',
  'seconds', 'MB', '%', 'px', 'x', 'others', 'a', 'an', 'single', 'SSH', '(SSH)', 'HTTP', 'PostgreSQL', 'Kafka',
  'Prometheus', 'Redis', 'Windows Server', 'network', 'firewall', 'kernel', 'price', '€', 'EUR', 'John', 'RFC',
  'Version', 'v', 'am', 'pm', 'T', 'Z',
  // plain letters and words
  'a', 'x', 'e', 'ab', 'word', 'Lorem ipsum', 'moved', 'services', 'le', "d'écoute", 'de', 'à', '和', '是', 'は', '는',
];

/**
 * Seeded random strings of 1–40 vocabulary pieces, joined by a space half of
 * the time (so that words stay words), sometimes with one random code unit.
 */
function randomTexts(count: number, seed: number): string[] {
  let s = seed;
  const rand = () => (s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x80000000;
  const out: string[] = [];
  for (let round = 0; round < count; round++) {
    const len = 1 + Math.floor(rand() * 40);
    let text = '';
    for (let i = 0; i < len; i++) text += (i > 0 && rand() < 0.5 ? ' ' : '') + VOCABULARY[Math.floor(rand() * VOCABULARY.length)]!;
    if (rand() < 0.1) text += String.fromCharCode(Math.floor(rand() * 0xd7ff));
    out.push(text);
  }
  return out;
}

/** The texts both detectors read, each with a label saying where it comes from. */
function* texts(): Generator<[string, string]> {
  for (const path of corpusFiles(DETECT_DIR)) {
    const name = relative(ROOT, path);
    const content = readFileSync(path, 'utf8');
    yield [name, content];
    const lines = content.split('\n');
    for (let i = 0; i < lines.length; i++) if (lines[i] !== '') yield [`${name}:${i + 1}`, lines[i]!];
    let cases: { line: number; text: string }[] = [];
    try {
      cases = parseFixtureFile(name, content);
    } catch {
      // Not in the fixture format: the file and its lines are read all the same.
    }
    for (const c of cases) yield [`${name}:${c.line} (case)`, c.text];
  }
  for (const [label, share] of [['mix', 0.6], ['technical', 0]] as const) {
    const text = realisticText(2e6, share);
    yield [`bench ${label} (2 MB)`, text];
    const small = realisticText(1e6, share, 7);
    const lines = small.split('\n');
    for (let i = 0; i < lines.length; i++) yield [`bench ${label} line ${i + 1}`, lines[i]!];
  }
  for (const [name, text] of adversarialInputs()) yield [`adversarial ${name} (1 MB)`, text];
  for (const [name, text] of adversarialInputs(997)) yield [`adversarial ${name} (997 chars)`, text];
  const random = randomTexts(RANDOM_TEXTS, 20261202);
  for (let i = 0; i < random.length; i++) yield [`random #${i}`, random[i]!];
}

type Outcome = { mentions: PortMention[] } | { error: string };

function run(detect: Detect, text: string): Outcome {
  try {
    return { mentions: detect(text) };
  } catch (err) {
    return { error: String(err) };
  }
}

/** Whether two objects have the same fields with the same (primitive) values; an object-valued field is compared the same way. */
function sameFields(x: Record<string, unknown>, y: Record<string, unknown>): boolean {
  const kx = Object.keys(x).sort();
  const ky = Object.keys(y).sort();
  if (kx.join() !== ky.join()) return false;
  for (const k of kx) {
    const a = x[k];
    const b = y[k];
    if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
      if (!sameFields(a as Record<string, unknown>, b as Record<string, unknown>)) return false;
    } else if (a !== b) return false;
  }
  return true;
}

/** Whether two outcomes are the same: the same mentions with the same fields and values, or the same error. */
function same(a: Outcome, b: Outcome): boolean {
  if ('error' in a || 'error' in b) return 'error' in a && 'error' in b && a.error === b.error;
  if (a.mentions.length !== b.mentions.length) return false;
  for (let i = 0; i < a.mentions.length; i++) {
    if (!sameFields(a.mentions[i]! as unknown as Record<string, unknown>, b.mentions[i]! as unknown as Record<string, unknown>)) return false;
  }
  return true;
}

/** The first index where two traces differ (entry fields, the mention included), or -1 when they are equal. */
function traceDiff(a: TraceEntry[], b: TraceEntry[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (!sameFields(a[i]! as unknown as Record<string, unknown>, b[i]! as unknown as Record<string, unknown>)) return i;
  }
  return a.length === b.length ? -1 : n;
}

/** The text around the first place the outcomes differ, and both outcomes there. */
function describeDiff(text: string, a: Outcome, b: Outcome): string {
  const show = (o: Outcome) => ('error' in o ? `throws ${o.error}` : JSON.stringify(o.mentions.slice(0, 8)) + (o.mentions.length > 8 ? ` … (${o.mentions.length})` : ''));
  let at = 0;
  if ('mentions' in a && 'mentions' in b) {
    let i = 0;
    while (i < a.mentions.length && i < b.mentions.length && same({ mentions: [a.mentions[i]!] }, { mentions: [b.mentions[i]!] })) i++;
    const m = a.mentions[i] ?? b.mentions[i];
    at = m?.start ?? 0;
    const from = Math.max(0, i - 1);
    a = { mentions: a.mentions.slice(from, i + 2) };
    b = { mentions: b.mentions.slice(from, i + 2) };
  }
  const lo = Math.max(0, at - 80);
  const context = text.slice(lo, at + 80);
  return `  text (${text.length} chars, from ${lo}): ${JSON.stringify(context)}\n  base: ${show(a)}\n  now:  ${show(b)}`;
}

const args = process.argv.slice(2);
const baseAt = args.indexOf('--base');
const rev = baseAt >= 0 ? args[baseAt + 1] : undefined;
const withTrace = args.includes('--trace');
if (rev === undefined || rev.startsWith('-')) {
  console.error('usage: node --experimental-strip-types scripts/detect-identity.ts --base REV [--trace]');
  process.exit(2);
}

const base = await detectorAt(rev);
try {
  const baseTrace: Trace | undefined = base.trace;
  if (withTrace && baseTrace === undefined) throw new Error(`${rev} has no traceMentions to compare with`);
  let count = 0;
  let differences = 0;
  let traceDifferences = 0;
  for (const [label, text] of texts()) {
    count++;
    const a = run(base.detect, text);
    const b = run(findPortMentions, text);
    if (!same(a, b)) {
      differences++;
      if (differences <= 10) console.log(`difference ${differences}: ${label}\n${describeDiff(text, a, b)}`);
    }
    if (withTrace && baseTrace !== undefined) {
      const ta = baseTrace(text);
      const tb = traceMentions(text);
      const at = traceDiff(ta, tb);
      if (at < 0) continue;
      traceDifferences++;
      if (traceDifferences <= 10) {
        const show = (e: TraceEntry | undefined) => (e === undefined ? 'none' : `${e.start}-${e.end} port ${e.port} ${e.accepted ? 'accepted' : 'turned down'} by ${e.rule}`);
        const pos = (ta[at] ?? tb[at])!.start;
        console.log(`trace difference ${traceDifferences}: ${label}, entry ${at}\n  text: ${JSON.stringify(text.slice(Math.max(0, pos - 60), pos + 60))}\n  base: ${show(ta[at])}\n  now:  ${show(tb[at])}`);
      }
    }
  }
  console.log(`${count} texts compared with ${rev}: ${differences} difference${differences === 1 ? '' : 's'}` +
    (withTrace ? `; traces: ${traceDifferences} difference${traceDifferences === 1 ? '' : 's'}` : ''));
  process.exitCode = differences === 0 && traceDifferences === 0 ? 0 : 1;
} finally {
  base.cleanup();
}
