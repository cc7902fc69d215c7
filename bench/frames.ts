// A page with 20 port-free iframes (advertisement- and widget-like), loaded
// alternately in Chromium with and without the built extension: what
// Porthole costs on a page that has nothing for it (issue 12).
// - long tasks (> 50 ms): a PerformanceObserver installed before any page
//   script in the top frame (the iframes are same-origin, so they share its
//   main thread and its observer sees their tasks), counted from the start of
//   navigation until SETTLE_MS after the load event;
// - first frame after load: performance.now() at the first animation frame
//   after the top frame's load event (every iframe has loaded by then, and
//   each frame's loader decides right after its own load event), printed
//   with its two parts: the load event (loadEventStart) and the gap from it
//   to that frame. The browsers load in rounds, one load each per round in a
//   rotating order, so the ratio to "without" is also taken per round (the
//   loads of one round ran at the same machine load): its median and
//   quartiles say how far the ratio of medians can be trusted;
// - JS heap per iframe: CDP HeapProfiler.collectGarbage, then
//   Runtime.getHeapUsage (the renderer's isolate: the page, its same-origin
//   frames and the content scripts' isolated worlds), with − without, over
//   the 21 frames that each run a loader. A third browser runs an extension
//   whose content script is empty, in every frame: what any content script
//   costs (each frame gets an isolated world with the extension API in it),
//   so the rest is Porthole's own; a fourth, the same empty script with
//   Porthole's stylesheet (the manifest injects highlight.css into every
//   frame), parts the stylesheet's cost from the script's;
// - script bytes per frame: the loader (the only script the manifest injects)
//   plus each part a frame fetched (the network log names the frame), gzipped
//   with Node's zlib at level 6 — for the port-free frames, and for the same
//   page with one port mention in the top frame (a frame with ports, before
//   any hover).
//
//   npm run build && node --experimental-strip-types bench/frames.ts
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { chromiumPath, EXTENSION_DIR, launchWithExtension, newProfileDir } from '../tests/e2e/harness.ts';
import { isMain, loadLine, median } from './stats.ts';

const FRAMES = 20;
/** Fresh loads per browser, alternating with and without (after one warm-up load each). */
const LOADS = 15;
/** How long after load the figures are taken: every frame's loader has decided by then. */
const SETTLE_MS = 2000;
const LOADER = 'content-loader.js';
const PARTS = ['scanner-part.js', 'card-part.js'];
/** The flags every e2e launch uses (tests/e2e/harness.ts). */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const WIDGETS = [
  ['Sponsored', 'Great shoes, half price this week only. Free returns on every order.'],
  ['Weather', 'Light rain in the afternoon, clearing by the evening. Wind from the west.'],
  ['Newsletter', 'Get the best stories of the week in your inbox. Sign up today, unsubscribe at any time.'],
  ['Comments', 'Join the discussion. Be kind, stay on topic, and read the guidelines first.'],
  ['Video', 'Watch next: a walk through the old town, and the best coffee in the harbour.'],
] as const;

function widget(i: number): string {
  const [title, text] = WIDGETS[i % WIDGETS.length]!;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{margin:0;font:14px/1.4 sans-serif;background:#f4f1ea} .box{padding:10px} .cta{display:inline-block;padding:6px 12px;background:#c33;color:#fff;border-radius:4px}</style></head>
<body><div class="box"><h3>${title}</h3><p>${text}</p><p>${text}</p><a class="cta" href="#">Find out more</a></div></body></html>`;
}

function top(withPort: boolean): string {
  const prose =
    'The harbour town keeps its old market on the square, where the fishermen sell the morning catch and the bakers open before dawn. ';
  const frames = Array.from({ length: FRAMES }, (_, i) => `<iframe src="/widget/${i}.html" width="300" height="250" title="widget ${i}"></iframe>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frames bench</title>
<style>body{font:16px/1.5 sans-serif;margin:20px} iframe{border:1px solid #ccc;margin:4px}</style></head>
<body><h1>A page with widgets</h1>
${Array.from({ length: 12 }, () => `<p>${prose.repeat(3)}</p>`).join('\n')}
${withPort ? '<p>The database listens on port 5432 by default.</p>' : ''}
${frames}
</body></html>`;
}

/** Top frame only: long tasks from the start, and the first animation frame after load. */
const OBSERVER = `
  if (window === window.top) {
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
    window.addEventListener('load', () => requestAnimationFrame(() => { window.__firstFrame = performance.now(); }));
  }
`;

interface LoadFigures {
  longTasks: number[];
  firstFrameMs: number;
  /** The top frame's loadEventStart. */
  loadMs: number;
  heapBytes: number;
}

/** An extension with an empty content script in every frame, at document_start as Porthole's loader (and, if asked, Porthole's stylesheet). */
async function launchEmptyScript(withCss: boolean): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'porthole-empty-script-'));
  const script = { matches: ['<all_urls>'], all_frames: true, run_at: 'document_start', js: ['empty.js'], ...(withCss ? { css: ['highlight.css'] } : {}) };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'empty content script', version: '1.0', content_scripts: [script] }));
  writeFileSync(join(dir, 'empty.js'), '');
  if (withCss) writeFileSync(join(dir, 'highlight.css'), readFileSync(join(EXTENSION_DIR, 'assets/highlight.css')));
  const profile = newProfileDir();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...FLAGS],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function loadOnce(context: BrowserContext, url: string): Promise<LoadFigures> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(OBSERVER);
  const cdp: CDPSession = await context.newCDPSession(page);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __firstFrame?: number }).__firstFrame !== undefined);
  await page.waitForTimeout(SETTLE_MS);
  const { longTasks, firstFrameMs, loadMs } = await page.evaluate(() => {
    const w = window as unknown as { __longtasks: number[]; __firstFrame: number };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { longTasks: w.__longtasks.map(Math.round), firstFrameMs: w.__firstFrame, loadMs: nav.loadEventStart };
  });
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  await page.close();
  return { longTasks, firstFrameMs, loadMs, heapBytes: usedSize };
}

const gz = (file: string) => gzipSync(readFileSync(join(EXTENSION_DIR, file)), { level: 6 }).length;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** Which of the content script's parts each frame fetched (frame path → part files). */
function watchParts(context: BrowserContext): Map<string, Set<string>> {
  const fetched = new Map<string, Set<string>>();
  context.on('request', (r) => {
    const part = PARTS.find((p) => r.url().endsWith(`/${p}`));
    if (!part) return;
    let frame = '';
    try {
      frame = new URL(r.frame().url()).pathname;
    } catch {
      return;
    }
    fetched.set(frame, (fetched.get(frame) ?? new Set()).add(part));
  });
  return fetched;
}

export async function benchFrames(): Promise<void> {
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const w = /^\/widget\/(\d+)\.html$/.exec(path);
    const html = w ? widget(Number(w[1])) : top(path.startsWith('/ports'));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  console.log(`\n## ${FRAMES} port-free iframes (bench/frames.ts, Chromium)`);
  console.log(`start: ${loadLine()}`);

  const profile = newProfileDir();
  const plain = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: FLAGS,
  });
  const empty = await launchEmptyScript(false);
  const emptyCss = await launchEmptyScript(true);
  const ext = await launchWithExtension();
  const fetched = watchParts(ext.context);

  const browsers = [plain, empty.context, emptyCss.context, ext.context];
  for (const b of browsers) await loadOnce(b, `${origin}/`);
  const runs: LoadFigures[][] = browsers.map(() => []);
  for (let i = 0; i < LOADS; i++) {
    // Rotate which browser goes first, so none always follows another.
    for (let k = 0; k < browsers.length; k++) {
      const b = (i + k) % browsers.length;
      runs[b]!.push(await loadOnce(browsers[b]!, `${origin}/`));
    }
  }
  const [without, emptyScript, emptyWithCss, withP] = runs as [LoadFigures[], LoadFigures[], LoadFigures[], LoadFigures[]];
  const portFreeFetches = [...fetched].filter(([frame]) => frame.startsWith('/widget/') || frame === '/');
  fetched.clear();
  // The same page with one port in the top frame: what a frame with ports evaluates before any hover.
  await loadOnce(ext.context, `${origin}/ports`);
  const withPorts = [...(fetched.get('/ports') ?? [])];
  await ext.close();
  await emptyCss.close();
  await empty.close();
  await plain.close();
  rmSync(profile, { recursive: true, force: true });
  server.close();

  const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  const count = (runs: LoadFigures[]) => runs.map((r) => r.longTasks.length);
  console.log(`${LOADS} fresh loads per browser, alternating, after a warm-up each; figures taken ${SETTLE_MS} ms after load`);
  console.log(`  long tasks (> 50 ms), whole load: without median ${median(count(without))} [${list(count(without))}], with median ${median(count(withP))} [${list(count(withP))}]`);
  console.log(`  longest task: without median ${median(without.map((r) => Math.max(0, ...r.longTasks))).toFixed(0)} ms, with median ${median(withP.map((r) => Math.max(0, ...r.longTasks))).toFixed(0)} ms`);
  const ffWithout = median(without.map((r) => r.firstFrameMs));
  const ffWith = median(withP.map((r) => r.firstFrameMs));
  console.log(`  first frame after load: without median ${ffWithout.toFixed(0)} ms [${list(without.map((r) => r.firstFrameMs))}]`);
  console.log(`  first frame after load: with    median ${ffWith.toFixed(0)} ms [${list(withP.map((r) => r.firstFrameMs))}]`);
  console.log(`  first frame after load, with/without: ${(ffWith / ffWithout).toFixed(3)} (target ≤ 1.05)`);
  const quartiles = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))]!;
    return `median ${median(xs).toFixed(3)} (quartiles ${at(0.25).toFixed(3)}–${at(0.75).toFixed(3)})`;
  };
  const perRound = (rs: LoadFigures[], k: 'firstFrameMs' | 'loadMs') => rs.map((r, i) => r[k] / without[i]![k]);
  const gap = (rs: LoadFigures[]) => median(rs.map((r) => r.firstFrameMs - r.loadMs)).toFixed(0);
  for (const [label, rs] of [['Porthole', withP], ['an empty content script', emptyScript], ['the empty script + highlight.css', emptyWithCss]] as const) {
    console.log(`  ${label}: first frame after load per round / without ${quartiles(perRound(rs, 'firstFrameMs'))}; load event ${median(rs.map((r) => r.loadMs)).toFixed(0)} ms (per round / without ${quartiles(perRound(rs, 'loadMs'))}), load → first frame ${gap(rs)} ms; long tasks median ${median(count(rs))}`);
  }
  console.log(`  without: load event ${median(without.map((r) => r.loadMs)).toFixed(0)} ms, load → first frame ${gap(without)} ms`);
  const heapOf = (rs: LoadFigures[]) => median(rs.map((r) => r.heapBytes));
  const perFrame = (bytes: number) => `${kb(bytes)} in all, ${kb(bytes / (FRAMES + 1))} per frame`;
  console.log(`  JS heap after GC (medians): without ${kb(heapOf(without))}, an empty content script ${kb(heapOf(emptyScript))}, Porthole ${kb(heapOf(withP))} (${FRAMES + 1} frames run a content script)`);
  console.log(`    added by Porthole: ${perFrame(heapOf(withP) - heapOf(without))}; by any content script (empty): ${perFrame(heapOf(emptyScript) - heapOf(without))}; Porthole's own beyond that: ${perFrame(heapOf(withP) - heapOf(emptyScript))}`);
  console.log(`  an empty content script: long tasks median ${median(count(emptyScript))}, first frame after load median ${median(emptyScript.map((r) => r.firstFrameMs)).toFixed(0)} ms (${(median(emptyScript.map((r) => r.firstFrameMs)) / ffWithout).toFixed(3)} of without)`);
  const loader = gz(LOADER);
  console.log(`  script per port-free frame: ${LOADER} ${kb(loader)} gz; parts fetched by port-free frames in ${LOADS + 1} loads: ${portFreeFetches.length ? portFreeFetches.map(([f, p]) => `${f}: ${[...p].join(', ')}`).join('; ') : 'none'} (target ≤ 5 KB)`);
  const partsBytes = withPorts.reduce((a, p) => a + gz(p), 0);
  console.log(`  script in a frame with ports, before any hover: ${LOADER} ${kb(loader)} + ${withPorts.map((p) => `${p} ${kb(gz(p))}`).join(' + ') || 'nothing fetched'} = ${kb(loader + partsBytes)} gz (target ≤ 25 KB)`);
  console.log(`end: ${loadLine()}`);
}

if (isMain(import.meta.url)) await benchFrames();
