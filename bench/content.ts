// Content-script benchmark in real Chromium: a 1 MB page with 10,000 port
// mentions, loaded with and without the built extension. A PerformanceObserver
// installed before any page script records every long task (> 50 ms); the
// figures printed are the long tasks after the page's load event (when the
// content script runs at document_idle) and how long marking took.
//
// The content script's cost, measured three ways on fresh loads of the page:
// - scripting ms: CDP Performance.getMetrics ScriptDuration (all JavaScript run
//   in the page's frame, content-script isolated world included) sampled once
//   the scan has settled, with the extension minus without; median of LOADS.
// - its tasks: a CDP trace (devtools.timeline) of TRACES further loads; a
//   main-thread task counts as the content script's when it runs any frame of
//   the content script (its loader or its parts); the page's own parser tasks
//   (the loader evaluates in one, its load listener runs in the parse-end task
//   whose layout is the page's) count for our script's time in them only.
//   Longest task, tasks over 50 ms, their total.
// - load time: navigation timing loadEventEnd, median of LOADS loads each,
//   the same browser flags and a fresh profile for both; with/without ratio.
//
// - first underline, broken down: on TRACES further traced loads, from the
//   load event (the trace's MarkLoad) to the loader's decision, the scanner
//   part's request and evaluation, its first request to the background
//   (runtime message: the text to detect), and the first underline (polled in
//   the page, after its load event).
//
//   npm run build && node --experimental-strip-types bench/content.ts
import { createServer } from 'node:http';
import { rmSync } from 'node:fs';
/// <reference types="chrome" />
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { chromiumPath, launchWithExtension, newProfileDir, stopWorker, watchWorker, type Launched, type WorkerWatch } from '../tests/e2e/harness.ts';
import { loadLine, median } from './stats.ts';

const TARGET_BYTES = 1_000_000;
const MENTIONS = 10_000;
/** Fresh loads per browser for scripting ms and load time (plus one warm-up load, not counted). */
const LOADS = 7;
/** Fresh loads for the time to the first underline, with the worker running and with it stopped before the load (each). */
const FIRST_LOADS = 7;
/** Traced loads with the extension, for the content script's tasks. */
const TRACES = 3;
/** How long after load every figure is taken: the full scan ends about 2.2 s after load on the reference machine. */
const SETTLE_MS = 4000;
/** The content script's files: the manifest's loader and the parts it imports. */
const CONTENT_FILES = ['/content-loader.js', '/scanner-part.js', '/card-part.js'];

function buildPage(): { html: string; mentions: number } {
  const forms = [
    (n: number) => `the service listens on port ${n} by default`,
    (n: number) => `connect to <code>localhost</code>:<b>${n}</b> from the app`,
    (n: number) => `allow TCP ${n} through the firewall`,
    (n: number) => `set <code>DB_PORT=${n}</code> in the environment`,
  ];
  const filler =
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ';
  const parts: string[] = [];
  let size = 0;
  let mentions = 0;
  // Spread the mentions evenly over the megabyte.
  const perMention = Math.floor(TARGET_BYTES / MENTIONS) + 8;
  let block: string[] = [];
  for (let i = 0; i < MENTIONS; i++) {
    const port = 1024 + ((i * 7919) % 60000);
    let sentence = `${forms[i % forms.length]!(port)}. `;
    while (sentence.length < perMention - 10) sentence += filler.slice(0, Math.min(filler.length, perMention - 10 - sentence.length));
    block.push(sentence);
    mentions++;
    if (block.length === 5) {
      const tag = i % 50 < 5 ? 'pre' : i % 50 < 10 ? 'li' : 'p';
      const html = tag === 'li' ? `<ul><li>${block.join('</li><li>')}</li></ul>` : `<${tag}>${block.join(tag === 'pre' ? '\n' : '')}</${tag}>`;
      parts.push(html);
      size += html.length;
      block = [];
    }
  }
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>${parts.join('\n')}</body></html>`;
  void size;
  return { html, mentions };
}

const OBSERVER = `
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.addEventListener('load', () => { window.__loadedAt = performance.now(); });
`;

interface Figures {
  firstMarkMs: number | null;
  /** Mentions the content script reports (pageMentions), and when it had them all. */
  found: number;
  foundAfterMs: number | null;
  highlighted: number;
  longTasksAfterLoad: number[];
  longTasksBeforeLoad: number[];
}

type PageMentionsReply = { total: number };

async function measure(page: Page, url: string, ext: { worker: Worker } | null): Promise<Figures> {
  await page.addInitScript(OBSERVER);
  await page.goto(url, { waitUntil: 'load' });
  let firstMarkMs: number | null = null;
  let found = 0;
  let foundAfterMs: number | null = null;
  const sinceLoad = () => page.evaluate(() => performance.now() - (window as unknown as { __loadedAt: number }).__loadedAt);
  if (ext) {
    const started = Date.now();
    while (firstMarkMs === null && Date.now() - started < 10_000) {
      const { count, t } = await page.evaluate(() => ({ count: CSS.highlights.get('porthole-port')?.size ?? 0, t: performance.now() - (window as unknown as { __loadedAt: number }).__loadedAt }));
      if (count > 0) firstMarkMs = t;
      else await page.waitForTimeout(10);
    }
    // Let the idle-time scan run as it would for a reader, then ask for the count
    // the way the popup does (the reply waits for the scan to finish).
    await page.waitForTimeout(500);
    const reply = (await ext.worker.evaluate(async (u) => {
      for (const t of await chrome.tabs.query({})) {
        if (t.id === undefined) continue;
        const r = ((await chrome.tabs.sendMessage(t.id, { type: 'pageMentions' }).catch(() => null)) as { value?: PageMentionsReply & { url: string } } | null)?.value;
        if (r?.url === u) return r;
      }
      return null;
    }, url)) as PageMentionsReply | null;
    found = reply?.total ?? 0;
    foundAfterMs = await sinceLoad();
  }
  await page.waitForTimeout(1000);
  const { tasks, loadedAt, highlighted } = await page.evaluate(() => ({
    tasks: (window as unknown as { __longtasks: { start: number; duration: number }[] }).__longtasks,
    loadedAt: (window as unknown as { __loadedAt: number }).__loadedAt,
    highlighted: CSS.highlights.get('porthole-port')?.size ?? 0,
  }));
  return {
    firstMarkMs,
    found,
    foundAfterMs,
    highlighted,
    longTasksAfterLoad: tasks.filter((t) => t.start >= loadedAt).map((t) => Math.round(t.duration)),
    longTasksBeforeLoad: tasks.filter((t) => t.start < loadedAt).map((t) => Math.round(t.duration)),
  };
}

async function mutationPhase(page: Page): Promise<{ added: number; markedAfterMs: number; longTasks: number[] }> {
  return page.evaluate(async () => {
    const w = window as unknown as { __longtasks: { start: number; duration: number }[] };
    const t0 = performance.now();
    // A log viewer: 2,000 lines arrive in 40 bursts of 50.
    for (let b = 0; b < 40; b++) {
      const frag = document.createDocumentFragment();
      for (let i = 0; i < 50; i++) {
        const div = document.createElement('div');
        div.textContent = `12:00:${String(i).padStart(2, '0')} accepted connection on port ${2000 + b * 50 + i}`;
        frag.append(div);
      }
      document.body.append(frag);
      await new Promise((r) => setTimeout(r, 25));
    }
    // The last line is on screen (the page follows the log): wait until it is underlined.
    const last = document.body.lastElementChild!.firstChild!;
    for (;;) {
      window.scrollTo(0, document.body.scrollHeight);
      const h = CSS.highlights.get('porthole-port') as unknown as Set<Range> | undefined;
      if ([...(h ?? [])].some((r) => r.startContainer === last) || performance.now() - t0 > 20_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const markedAfterMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 500));
    return { added: 2000, markedAfterMs, longTasks: w.__longtasks.filter((t) => t.start >= t0).map((t) => Math.round(t.duration)) };
  });
}

/**
 * Load event → first underline on a fresh page (the page polls the highlight
 * registry every 5 ms). With `stopped`, the extension's service worker is
 * stopped first, as Chrome stops an idle one: the frame's first detect
 * request has to start it again.
 */
async function firstUnderlineOnce(launched: Launched, url: string, stopped: { cdp: CDPSession; watch: WorkerWatch } | null): Promise<number> {
  if (stopped) await stopWorker(stopped.cdp, stopped.watch);
  const page = await launched.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(OBSERVER);
  await page.goto(url, { waitUntil: 'load' });
  const at = await page.waitForFunction(
    () => ((CSS.highlights.get('porthole-port')?.size ?? 0) > 0 ? performance.now() - (window as unknown as { __loadedAt: number }).__loadedAt : 0),
    undefined,
    { polling: 5, timeout: 30_000 },
  );
  const ms = (await at.jsonValue()) as number;
  await page.close();
  return ms;
}

interface LoadFigures {
  loadMs: number;
  scriptMs: number;
  taskMs: number;
}

/** One fresh load: navigation-timing load time, and the frame's CDP script/task durations once the scan has settled. */
async function loadOnce(context: BrowserContext, url: string): Promise<LoadFigures> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  const figures = { scriptMs: metric('ScriptDuration'), taskMs: metric('TaskDuration') };
  const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  await cdp.detach();
  await page.close();
  return { loadMs, ...figures };
}

async function loads(context: BrowserContext, url: string): Promise<LoadFigures[]> {
  await loadOnce(context, url); // warm-up: caches, first-run work
  const runs: LoadFigures[] = [];
  for (let i = 0; i < LOADS; i++) runs.push(await loadOnce(context, url));
  return runs;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string; isOutermostMainFrame?: boolean }; fileName?: string };
}

interface Breakdown {
  /** Milliseconds after the load event; null where the trace had no such event. */
  loaderAt: number | null;
  scannerRequestedAt: number | null;
  scannerEvaluatedAt: number | null;
  firstDetectSentAt: number | null;
  firstMarkAt: number | null;
  /** The content script's own script time from the load event to the first underline. */
  ourScriptMs: number;
}

/** One traced load with the extension, polled for its first underline: where the time to it goes. */
async function breakdownOnce(context: BrowserContext, url: string): Promise<Breakdown> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(OBSERVER);
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'extensions', 'ipc'] },
  });
  await page.goto(url, { waitUntil: 'load' });
  let firstMarkAt: number | null = null;
  const started = Date.now();
  while (firstMarkAt === null && Date.now() - started < 15_000) {
    const { count, t } = await page.evaluate(() => ({ count: CSS.highlights.get('porthole-port')?.size ?? 0, t: performance.now() - (window as unknown as { __loadedAt: number }).__loadedAt }));
    if (count > 0) firstMarkAt = t;
    else await page.waitForTimeout(10);
  }
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  await page.close();

  const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? '';
  const load = events.find((e) => e.name === 'MarkLoad' && (e.args?.data as { isOutermostMainFrame?: boolean } | undefined)?.isOutermostMainFrame);
  const t0 = load?.ts ?? NaN;
  const at = (e: TraceEvent | undefined) => (e ? (e.ts - t0) / 1000 : null);
  const after = (e: TraceEvent, from: number) => e.ts >= from;
  const byTime = [...events].sort((a, b) => a.ts - b.ts);
  const scriptOf = (file: string) => (e: TraceEvent) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && urlOf(e).endsWith(file);
  const loader = byTime.find((e) => after(e, t0) && scriptOf('/content-loader.js')(e));
  const requested = byTime.find((e) => e.name === 'ResourceSendRequest' && urlOf(e).endsWith('/scanner-part.js'));
  // import() evaluates the part as a module (v8.evaluateModule), or its first run is a FunctionCall.
  const evaluated = byTime.find((e) => e.ph === 'X' && /valuate|FunctionCall/.test(e.name) && urlOf(e).endsWith('/scanner-part.js'));
  const evalEnd = evaluated ? evaluated.ts + (evaluated.dur ?? 0) : requested ? requested.ts : NaN;
  const sent = byTime.find((e) => e.ts >= evalEnd && e.name.startsWith('MainThreadIPCMessageSender::SendOpenMessageChannel'));
  const ours = byTime.filter((e) => e.ph === 'X' && after(e, t0) && CONTENT_FILES.some((f) => scriptOf(f)(e)));
  const topLevel: TraceEvent[] = [];
  for (const e of ours) {
    const last = topLevel[topLevel.length - 1];
    if (last && last.pid === e.pid && last.tid === e.tid && e.ts < last.ts + (last.dur ?? 0)) continue;
    topLevel.push(e);
  }
  const markTs = firstMarkAt === null ? Infinity : t0 + firstMarkAt * 1000;
  return {
    loaderAt: at(loader),
    scannerRequestedAt: at(requested),
    scannerEvaluatedAt: evaluated ? (evalEnd - t0) / 1000 : null,
    firstDetectSentAt: at(sent),
    firstMarkAt,
    ourScriptMs: topLevel.filter((e) => e.ts < markTs).reduce((a, e) => a + (e.dur ?? 0), 0) / 1000,
  };
}

interface ContentTasks {
  /** Durations (ms) of main-thread tasks that ran content-script code. */
  tasks: number[];
  /** Tasks of the page's parser in which our script also ran (in `tasks` with our script's time only). */
  parserTasks: number;
  /** Time (ms) in the content script's own top-level script events (EvaluateScript, FunctionCall) inside them. */
  scriptMs: number;
}

/** One traced load with the extension; the content script's tasks on the page's main thread. */
async function traceOnce(context: BrowserContext, url: string): Promise<ContentTasks> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] },
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  await page.close();

  const ours = (e: TraceEvent) => {
    const url = e.args?.data?.url ?? e.args?.fileName ?? '';
    return CONTENT_FILES.some((f) => url.endsWith(f));
  };
  const js = events.filter((e) => e.ph === 'X' && ours(e) && (e.name === 'EvaluateScript' || e.name === 'FunctionCall'));
  if (js.length === 0) return { tasks: [], parserTasks: 0, scriptMs: 0 };
  const { pid, tid } = js[0]!;
  const onMain = (e: TraceEvent) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined;
  // Outermost tasks of the renderer main thread.
  const runTasks = events.filter((e) => onMain(e) && e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const outer: TraceEvent[] = [];
  for (const t of runTasks) {
    const last = outer[outer.length - 1];
    if (last && t.ts < last.ts + last.dur!) continue;
    outer.push(t);
  }
  // Top-level script events of ours (a FunctionCall inside another is not counted twice).
  const jsMain = js.filter(onMain).sort((a, b) => a.ts - b.ts);
  const topJs: TraceEvent[] = [];
  for (const e of jsMain) {
    const last = topJs[topJs.length - 1];
    if (last && e.ts < last.ts + last.dur!) continue;
    topJs.push(e);
  }
  const within = (t: TraceEvent) => (e: TraceEvent) => e.ts >= t.ts && e.ts < t.ts + t.dur!;
  // The page's parser tasks (the loader's evaluation at document_start, the
  // parse-end task whose load event runs the loader's listener and is followed
  // by the page's own layout) count only for our script's time inside them.
  const parserWork = events.filter((e) => onMain(e) && e.name === 'ParseHTML');
  const withOurs = outer.filter((t) => topJs.some(within(t)));
  const isParserTask = (t: TraceEvent) => parserWork.some(within(t));
  const tasks = withOurs.map((t) => (isParserTask(t) ? topJs.filter(within(t)).reduce((a, e) => a + e.dur!, 0) : t.dur!) / 1000);
  return { tasks, parserTasks: withOurs.filter(isParserTask).length, scriptMs: topJs.reduce((a, e) => a + e.dur!, 0) / 1000 };
}


const summary = (tasks: number[]) => (tasks.length ? `${tasks.length} (max ${Math.max(...tasks)} ms, total ${tasks.reduce((a, b) => a + b, 0)} ms)` : '0');

async function main(): Promise<void> {
  const { html, mentions } = buildPage();
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  console.log(`Page: ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB, ${mentions} mentions written.`);
  console.log(`start: ${loadLine()}`);

  // Without the extension: the harness's flags and a fresh profile, no extension loaded.
  const profile = newProfileDir();
  const plain = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const basePage = await plain.newPage();
  await basePage.setViewportSize({ width: 1280, height: 800 });
  const base = await measure(basePage, url, null);
  await basePage.close();
  const baseLoads = await loads(plain, url);
  await plain.close();
  rmSync(profile, { recursive: true, force: true });

  const launched = await launchWithExtension();
  const page = await launched.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const ext = await measure(page, url, launched);
  const mut = await mutationPhase(page);
  const cdp = await launched.context.newCDPSession(page);
  const watch = await watchWorker(cdp, launched.extensionId);
  const firstWarm: number[] = [];
  const firstCold: number[] = [];
  for (let i = 0; i < FIRST_LOADS; i++) {
    firstWarm.push(await firstUnderlineOnce(launched, url, null));
    firstCold.push(await firstUnderlineOnce(launched, url, { cdp, watch }));
  }
  await cdp.detach();
  await page.close();
  const extLoads = await loads(launched.context, url);
  const traced: ContentTasks[] = [];
  for (let i = 0; i < TRACES; i++) traced.push(await traceOnce(launched.context, url));
  const breakdowns: Breakdown[] = [];
  for (let i = 0; i < TRACES; i++) breakdowns.push(await breakdownOnce(launched.context, url));
  await launched.close();
  server.close();

  console.log('\nWithout Porthole:');
  console.log(`  long tasks before load (page parse/layout): ${summary(base.longTasksBeforeLoad)}`);
  console.log(`  long tasks after load: ${summary(base.longTasksAfterLoad)}`);
  console.log('\nWith Porthole:');
  console.log(`  long tasks before load (page parse/layout): ${summary(ext.longTasksBeforeLoad)}`);
  console.log(`  long tasks after load (content script at work): ${summary(ext.longTasksAfterLoad)}`);
  console.log(`  first mentions marked ${ext.firstMarkMs?.toFixed(0) ?? '–'} ms after load; all ${ext.found} found ${ext.foundAfterMs?.toFixed(0) ?? '–'} ms after load`);
  console.log(`  ranges in the highlight (near the viewport only): ${ext.highlighted}`);
  const ms = (xs: number[]) => `median ${median(xs).toFixed(0)} ms [${xs.map((x) => x.toFixed(0)).join(', ')}]`;
  console.log(`  first underline after load, ${FIRST_LOADS} fresh loads each: worker running ${ms(firstWarm)}; worker stopped before the load ${ms(firstCold)}`);
  console.log('\nLog-viewer mutations (2,000 new lines in 40 bursts over ~1 s):');
  console.log(`  last new line underlined ${mut.markedAfterMs.toFixed(0)} ms after the first burst; long tasks: ${summary(mut.longTasks)}`);
  const worst = Math.max(0, ...ext.longTasksAfterLoad, ...mut.longTasks);
  console.log(`\nLongest long task while Porthole works (PerformanceObserver, after load): ${worst} ms (0 = none over 50 ms reported)`);

  const m = (runs: LoadFigures[], k: keyof LoadFigures) => median(runs.map((r) => r[k]));
  const list = (runs: LoadFigures[], k: keyof LoadFigures) => runs.map((r) => r[k].toFixed(0)).join(', ');
  console.log(`\nContent-script cost (${LOADS} fresh loads per browser after a warm-up, figures taken ${SETTLE_MS} ms after load):`);
  console.log(`  CDP ScriptDuration without: median ${m(baseLoads, 'scriptMs').toFixed(1)} ms [${list(baseLoads, 'scriptMs')}]`);
  console.log(`  CDP ScriptDuration with:    median ${m(extLoads, 'scriptMs').toFixed(1)} ms [${list(extLoads, 'scriptMs')}]`);
  console.log(`  total scripting ms (ScriptDuration with − without, medians): ${(m(extLoads, 'scriptMs') - m(baseLoads, 'scriptMs')).toFixed(0)} ms`);
  console.log(`  main-thread task time (CDP TaskDuration with − without, medians): ${(m(extLoads, 'taskMs') - m(baseLoads, 'taskMs')).toFixed(0)} ms`);
  const tasksOf = traced.map((t) => t.tasks);
  const longest = traced.map((t) => Math.max(0, ...t.tasks));
  const over50 = traced.map((t) => t.tasks.filter((d) => d > 50).length);
  console.log(`  traced loads (${TRACES}), main-thread tasks that ran the content script: ${tasksOf.map((t) => t.length).join(', ')} tasks, ${tasksOf.map((t) => t.reduce((a, b) => a + b, 0).toFixed(0)).join(', ')} ms in all`);
  console.log(`  of them the page's own parser tasks (the loader's evaluation, its load listener), counted for our script's time only: ${traced.map((t) => t.parserTasks).join(', ')}`);
  console.log(`  the content script's own script time in the trace: ${traced.map((t) => t.scriptMs.toFixed(0)).join(', ')} ms`);
  console.log(`  longest content-script task: median ${median(longest).toFixed(0)} ms [${longest.map((d) => d.toFixed(0)).join(', ')}]`);
  console.log(`  content-script tasks over 50 ms: median ${median(over50)} [${over50.join(', ')}]`);
  const lw = m(extLoads, 'loadMs');
  const lo = m(baseLoads, 'loadMs');
  console.log(`  load time (loadEventEnd) without: median ${lo.toFixed(0)} ms [${list(baseLoads, 'loadMs')}]`);
  console.log(`  load time (loadEventEnd) with:    median ${lw.toFixed(0)} ms [${list(extLoads, 'loadMs')}]`);
  console.log(`  load time ratio with/without: ${(lw / lo).toFixed(2)}`);
  console.log(`\nFirst underline, broken down (${TRACES} traced loads; ms after the load event, median [each]):`);
  const phase = (label: string, k: keyof Breakdown) => {
    const xs = breakdowns.map((b) => b[k]).filter((x): x is number => x !== null);
    console.log(`  ${label}: ${xs.length ? median(xs).toFixed(0) : '–'} [${breakdowns.map((b) => b[k]?.toFixed(0) ?? '–').join(', ')}]`);
  };
  phase("the loader's first run after the load event (then its checks: sites switched off, size, on screen, port-shaped text)", 'loaderAt');
  phase('scanner part requested', 'scannerRequestedAt');
  phase('scanner part fetched and evaluated', 'scannerEvaluatedAt');
  phase('first text sent to the background to detect', 'firstDetectSentAt');
  phase('first underline (polled every ~10 ms)', 'firstMarkAt');
  phase("the content script's own script time until then", 'ourScriptMs');
  console.log(`end: ${loadLine()}`);
}

await main();
