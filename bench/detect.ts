// Throughput of the port-mention detector on several MB of realistic text,
// side by side with (a) one plain host:port regex over the same text — the
// practical ceiling of a scanner — and (b) linkify-it, the link scanner of
// markdown-it. Also times each adversarial 1 MB input.
//   node --experimental-strip-types bench/detect.ts
import { LinkifyIt } from 'linkify-it';
import { findPortMentions } from '../lib/detect/index.ts';
import { adversarialInputs } from '../lib/detect/adversarial.ts';
import { loadLine } from './stats.ts';

/** Snippet templates; {n} becomes a random number, {p} a likely port, {h} a host. */
const TEMPLATES = [
  '[{date}T{time}Z] INFO  server: listening on http://0.0.0.0:{p} (pid {n})\n',
  '{date} {time},{n} WARN  db: slow query took {n} ms (rows={n})\n',
  '{date} {time} ERROR cache: connect ECONNREFUSED 127.0.0.1:{p}\n',
  'tcp        0      0 0.0.0.0:{p}              0.0.0.0:*               LISTEN      {n}/sshd\n',
  '  TCP    192.168.1.{b}:{n}     140.82.113.{b}:443      ESTABLISHED     {n}\n',
  '{p}/tcp   open     http     nginx 1.18.{b}\n',
  'services:\n  web:\n    image: shop/web:1.4.{b}\n    ports:\n      - "{p}:{p}"\n    environment:\n      - DATABASE_URL=postgres://shop:shop@db:5432/shop\n',
  'server {\n    listen {p};\n    server_name example.com;\n    location / { proxy_pass http://127.0.0.1:{p}; proxy_read_timeout {n}; }\n}\n',
  'The default port is {p}, but you can change it with --port {p} if it is taken.\n',
  'Open ports 80, 443 and {p} in the security group, then restart the service (it takes about {n} seconds).\n',
  'Der Server lauscht auf Port {p}. Die Anwendung startet in {n} ms.\n',
  'サーバーはポート {p} で待ち受けています。会議は10:30からです。\n',
  '    at Object.<anonymous> (/home/dev/app/index.js:{n}:{b})\n    at Module._compile (node:internal/modules/cjs/loader:{n}:{b})\n',
  'FROM node:{b}-alpine\nWORKDIR /app\nRUN npm ci\nEXPOSE {p}\nCMD ["node", "server.js"]\n',
  'Version {b}.{b}.{b} was released on {date}; see RFC {n} and issue #{n} for details. Score {b}:{b}.\n',
  'kubectl get svc: web NodePort 10.96.{b}.{b} <none> 80:3{b}{b}0/TCP 4d\n',
  'Mar  2 03:14:07 bastion sshd[{n}]: Failed password for invalid user admin from 45.33.{b}.{b} port {n} ssh2\n',
  'This paragraph is plain prose without any numbers at all, the kind of text that fills most web pages and articles about software.\n',
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\n',
  'In {n}, the team moved {b} services to Kubernetes and cut costs by {b}% over {b} months.\n',
  'a:hover { color: #{n}; } li:nth-child({b}) { margin: {b}px; } @media (max-width: {n}px) {}\n',
  'ssh -p {p} deploy@{h} && curl -sS https://{h}:{p}/healthz && nc -zv {h} {p}\n',
];
const HOSTS = ['db.internal', 'api.example.com', 'localhost', 'cache', '10.0.0.5', 'redis', 'web-1'];
const PORTS = [22, 80, 443, 3000, 3306, 5432, 6379, 8080, 8443, 9090, 27017];

/** Paragraphs of the prose that fills most pages: docs, blog posts, answers, news. */
const PROSE = [
  'Before you start, make sure the service account has permission to read the bucket. The setup wizard asks for the region, the project name and an email address for alerts; you can change all three later from the settings page. ',
  'Most teams begin with a single node and grow from there. When the load rises, add a second replica behind the load balancer and watch the error rate for a day before you add more. Scaling too early mostly adds cost and moving parts. ',
  'The release notes list every change since version {b}.{b}, including the removal of the legacy importer. If you still depend on it, pin the previous release until you have moved your jobs to the new pipeline. ',
  'We interviewed {n} developers for this survey. About {b} in {b} said they read the documentation before asking a colleague, and most of them preferred short examples over long reference pages. ',
  'Thanks for the detailed answer! I tried the second approach and it works, although I had to restart the machine twice before the change was picked up. Is there a way to apply it without a reboot? ',
  'The city council approved the budget on Tuesday after a long debate about public transport, parks and the renovation of the old library, which is expected to reopen in {n}. ',
  'Caching is not free: every cache needs a way to expire old entries, and every expiry rule is a small promise about how stale the data may be. Write that promise down next to the code that relies on it. ',
  'To reproduce the bug, open the editor, paste a long paragraph, and press undo several times in a row. The cursor jumps to the start of the document instead of staying where it was. ',
  'Our support team answers within {b} business days. For urgent problems with billing, use the phone number on your invoice; for everything else, the contact form is the fastest way to reach us. ',
  'Good logs answer three questions: what happened, to which request, and why it matters. Everything else is noise that makes the important lines harder to find during an incident at night. ',
  'The migration took {b} weeks, most of it spent on tests rather than code. In the end the old and new systems ran side by side for a month so we could compare their results every morning. ',
  'Keep secrets out of the repository. Use environment variables or a secret manager, rotate the keys regularly, and make sure your continuous integration logs never print them. ',
];

export interface BenchText {
  text: string;
  proseShare: number;
}

/**
 * Several MB of text made of realistic pieces: prose paragraphs (the bulk of
 * real pages) and technical snippets (logs, configs, CLI output, code).
 * proseShare is the share of prose by length; 0 gives technical text only.
 */
export function realisticText(bytes: number, proseShare = 0.6, seed = 42): string {
  let s = seed;
  const rand = (k: number) => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s % k; };
  const fill = (tpl: string) => tpl
    .replace(/\{date\}/g, () => `2024-0${1 + rand(9)}-1${rand(10)}`)
    .replace(/\{time\}/g, () => `1${rand(10)}:${10 + rand(50)}:${10 + rand(50)}`)
    .replace(/\{p\}/g, () => String(PORTS[rand(PORTS.length)]))
    .replace(/\{n\}/g, () => String(1 + rand(99999)))
    .replace(/\{b\}/g, () => String(1 + rand(9)))
    .replace(/\{h\}/g, () => HOSTS[rand(HOSTS.length)]!);
  const parts: string[] = [];
  let size = 0;
  let prose = 0;
  while (size < bytes) {
    const wantProse = prose < proseShare * size;
    const out = wantProse ? fill(PROSE[rand(PROSE.length)]!) + (rand(4) === 0 ? '\n\n' : '') : fill(TEMPLATES[rand(TEMPLATES.length)]!);
    if (wantProse) prose += out.length;
    parts.push(out);
    size += out.length;
  }
  return parts.join('');
}

/** The plain single-regex host:port scan used as the speed ceiling. */
const PLAIN = /\b[A-Za-z0-9][\w.-]*:(\d{1,5})\b/g;
function plainScan(text: string): number {
  let count = 0;
  PLAIN.lastIndex = 0;
  while (PLAIN.exec(text) !== null) count++;
  return count;
}

function linkifyScan(linkify: LinkifyIt, text: string): number {
  return linkify.match(text)?.length ?? 0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * Times several scanners over the same text fairly: two warm-up runs each,
 * then `rounds` rounds in which each scanner runs once, in turn (so load
 * changes on the machine hit all of them alike). Returns each one's median
 * time in ms.
 */
function timeAll(fns: (() => unknown)[], rounds = 11): { medians: number[]; times: number[][] } {
  for (const fn of fns) { fn(); fn(); }
  const times = fns.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      times[k]!.push(performance.now() - t0);
    });
  }
  return { medians: times.map(median), times };
}

/** Quartiles of the per-round ratios a[r] / b[r] (the spread of a ratio under changing load). */
function ratioQuartiles(a: number[], b: number[]): string {
  const r = a.map((x, i) => x / b[i]!).sort((x, y) => x - y);
  return `${r[r.length >> 2]!.toFixed(2)}–${r[(3 * r.length) >> 2]!.toFixed(2)}`;
}

export async function runDetectBench(options: { megabytes?: number; log?: (line: string) => void } = {}): Promise<void> {
  const log = options.log ?? console.log;
  const mb = options.megabytes ?? 8;
  const linkify = new LinkifyIt();
  log(loadLine());
  const rate = (sizeMB: number, ms: number) => sizeMB / (ms / 1000);
  for (const [label, share] of [['web-like mix: 60% prose, 40% logs/configs/CLI/code', 0.6], ['technical only: logs/configs/CLI/code (dense in ports)', 0]] as const) {
    const text = realisticText(mb * 1e6, share);
    const sizeMB = text.length / 1e6;
    const found = findPortMentions(text).length;
    const plainFound = plainScan(text);
    const timed = timeAll([
      () => findPortMentions(text), () => plainScan(text), () => linkifyScan(linkify, text),
    ]);
    const [detectMs, plainMs, linkifyMs] = timed.medians as [number, number, number];
    const [detectRuns, plainRuns, linkifyRuns] = timed.times as [number[], number[], number[]];
    log(`${sizeMB.toFixed(1)} MB, ${label}`);
    log(`  findPortMentions  ${rate(sizeMB, detectMs).toFixed(1).padStart(7)} MB/s  (${detectMs.toFixed(1)} ms, ${found} mentions)`);
    log(`  plain regex       ${rate(sizeMB, plainMs).toFixed(1).padStart(7)} MB/s  (${plainMs.toFixed(1)} ms, ${plainFound} host:port matches)`);
    log(`  linkify-it        ${rate(sizeMB, linkifyMs).toFixed(1).padStart(7)} MB/s  (${linkifyMs.toFixed(1)} ms)`);
    log(`  ratio vs plain regex: ${(plainMs / detectMs).toFixed(2)}×  (per-round quartiles ${ratioQuartiles(plainRuns, detectRuns)}; target ≥ ${share > 0 ? '0.7' : '0.6'}×)`);
    log(`  ratio vs linkify-it:  ${(linkifyMs / detectMs).toFixed(1)}×  (per-round quartiles ${ratioQuartiles(linkifyRuns, detectRuns)}; target ≥ 6×)`);
  }
  log('(median of 11 interleaved runs after 2 warm-up runs each; same text for all three)');
  log('adversarial inputs, 1 MB each (target < 100 ms, median of 5 runs), with the mentions found and, beside them,');
  log('the time to build that many mention objects alone (what any detector returning them pays at least):');
  for (const [name, input] of adversarialInputs()) {
    findPortMentions(input.slice(0, 1000));
    const found = findPortMentions(input).length;
    const runs: number[] = [];
    const floor: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      findPortMentions(input);
      runs.push(performance.now() - t0);
      const t1 = performance.now();
      buildMentions(found);
      floor.push(performance.now() - t1);
    }
    log(`  ${name.padEnd(28)} ${median(runs).toFixed(1).padStart(7)} ms  ${String(found).padStart(7)} mentions  (objects alone ${median(floor).toFixed(1)} ms)`);
  }
  log(loadLine());
}

/** n objects shaped like mentions, kept in one array as findPortMentions keeps its result. */
function buildMentions(n: number): unknown[] {
  const out: unknown[] = [];
  for (let k = 0; k < n; k++) out.push({ start: k, end: k + 1, port: 1 });
  return out;
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await runDetectBench();
}
