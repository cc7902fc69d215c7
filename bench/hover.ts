// Hover→card latency in real Chromium with the built extension: from the
// pointer arriving on an underlined mention (one page.mouse.move straight onto
// it) until the card's dialog is in the page, visible, placed and showing the
// port's content (not "Looking it up…"), measured inside the page:
// - start: the timeStamp of the pointermove event that arrives on the mention;
// - dom: a MutationObserver (document and the card's shadow root) sees the
//   finished card; frame: the next requestAnimationFrame after that, i.e. the
//   frame that paints it (the figure reported first).
// The configured hover delay is set to 0 through the options' storage key
// (`local:settings`) and whatever delay is stored is subtracted anyway.
// Also: host, when the card's host element entered the page (the hover's
// hit test and delay, and open() up to its first render) and whether the
// card showed "Looking it up…" on the way (a first paint without the record).
// Warm: the service worker running and its database open (a warm-up hover
// first). First hover: the first card on a freshly loaded page (the worker
// warm), hovered as soon as every mention is underlined, and again on other
// fresh pages hovered READER_PAUSE_MS later (a reader's first move rarely
// comes sooner). The card part loads at idle after the first mention is
// marked and then readies the first card (card.tsx `prepare`), or loads on the
// hover intent if idle has not come yet; the bench counts the first hovers
// that began with the part already fetched. Cold: the service worker stopped
// before every hover with CDP ServiceWorker.stopAllWorkers, on a page whose
// mentions lie below the fold (none was looked up ahead at idle: a card shows
// a record it already has at once), each scrolled into view before its
// hover; each stop is verified (CDP reports the
// worker's version `stopped`) and the hover must start it again (CDP reports
// exactly one `starting` between the stop and the finished card).
//
//   npm run build && node --experimental-strip-types bench/hover.ts
/// <reference types="chrome" />
import { createServer } from 'node:http';
import type { Page } from 'playwright-core';
import { launchWithExtension, stopWorker, watchWorker } from '../tests/e2e/harness.ts';
import { loadLine, summarize } from './stats.ts';

const SAMPLES = 20;
/** The second set of first hovers waits this long after the underlines. */
const READER_PAUSE_MS = 1000;
const PORTS = [22, 25, 53, 80, 110, 143, 443, 445, 993, 1433, 1521, 2049, 3000, 3306, 3389, 5432, 5672, 5900, 6379, 8080, 8443, 9092, 9200, 11211, 27017];

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>hover bench</title>
<style>body{font:16px/1.4 sans-serif;margin:20px;width:520px} p{margin:0 0 6px}</style></head><body>
${PORTS.map((p) => `<p>The service listens on port ${p} by default.</p>`).join('\n')}
</body></html>`;

/** Below the fold of COLD_PAGE, one mention each: the first hovered warm (the card part loaded), the others with the worker stopped. */
const COLD_PORTS = [20, 21, 23, 111, 123, 135, 137, 139, 161, 389, 636, 873, 1194, 1723, 1883, 2375, 5000, 5601, 6443, 8000, 8888];
const COLD_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>hover bench, below the fold</title>
<style>body{font:16px/1.4 sans-serif;margin:20px;width:520px} p{margin:0 0 400px}</style></head><body>
<div style="height:3000px">Nothing to see here.</div>
${COLD_PORTS.map((p) => `<p id="p${p}">The service listens on port ${p} by default.</p>`).join('\n')}
</body></html>`;

interface Sample {
  /** pointermove timeStamp → card complete in the DOM. */
  dom: number;
  /** pointermove timeStamp → the animation frame after that. */
  frame: number;
  /** pointermove timeStamp → the card's host element in the page. */
  host: number;
  /** The card said "Looking it up…" before its content came. */
  sawLoading: boolean;
}

interface Timing {
  start: number;
  dom: number;
  frame: number;
  host: number;
  sawLoading: boolean;
}

/** Arms the in-page stopwatch: the next pointermove starts it, the finished card stops it. */
function arm(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __hover: Promise<Timing> };
    w.__hover = new Promise((resolve) => {
      let start: number | null = null;
      let host: number | null = null;
      let sawLoading = false;
      const onMove = (e: PointerEvent) => {
        start ??= e.timeStamp;
      };
      addEventListener('pointermove', onMove, { capture: true, passive: true });
      const watched = new Set<Node>();
      const done = (): boolean => {
        const root = document.querySelector('porthole-ui')?.shadowRoot;
        if (!root) return false;
        host ??= performance.now();
        if (!watched.has(root)) {
          watched.add(root);
          observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
        }
        const dialog = root.querySelector('[role="dialog"]');
        const frame = root.querySelector<HTMLElement>('.frame');
        if (dialog?.textContent?.includes('Looking it up')) sawLoading = true;
        if (!dialog || !frame?.style.transform) return false;
        if (!dialog.querySelector('.body section.block') || dialog.textContent?.includes('Looking it up')) return false;
        const box = dialog.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && getComputedStyle(dialog).visibility !== 'hidden';
      };
      const observer = new MutationObserver(() => {
        if (start === null || !done()) return;
        const dom = performance.now();
        observer.disconnect();
        removeEventListener('pointermove', onMove, { capture: true });
        requestAnimationFrame(() => resolve({ start: start!, dom, frame: performance.now(), host: host!, sawLoading }));
      });
      observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
    });
  });
}

/** Scrolls the paragraph of `port` into view and returns the centre of its underlined mention. */
async function scrolledMention(page: Page, port: number): Promise<{ x: number; y: number }> {
  await page.evaluate((p) => document.getElementById(`p${p}`)!.scrollIntoView({ block: 'center' }), port);
  const until = Date.now() + 10_000;
  for (;;) {
    const point = await page.evaluate((text) => {
      for (const r of (CSS.highlights.get('porthole-port') ?? new Set()) as unknown as Set<Range>) {
        if (r.toString() !== text) continue;
        const b = r.getClientRects()[0];
        if (b && b.top >= 0 && b.bottom <= innerHeight) return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
      return null;
    }, String(port));
    if (point) return point;
    if (Date.now() > until) throw new Error(`port ${port} not underlined on screen`);
    await page.waitForTimeout(50);
  }
}

async function mentionPoints(page: Page): Promise<{ x: number; y: number }[]> {
  const until = Date.now() + 10_000;
  for (;;) {
    const points = await page.evaluate(() =>
      [...((CSS.highlights.get('porthole-port') ?? new Set()) as unknown as Set<Range>)].map((r) => {
        const b = r.getClientRects()[0]!;
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }),
    );
    if (points.length >= PORTS.length) return points.sort((a, b) => a.y - b.y);
    if (Date.now() > until) throw new Error(`only ${points.length} of ${PORTS.length} mentions underlined`);
    await page.waitForTimeout(100);
  }
}

/** Pointer off every mention and the card closed (hover cards close after a grace period). */
async function rest(page: Page): Promise<void> {
  await page.mouse.move(1200, 750);
  await page.waitForFunction(() => !document.querySelector('porthole-ui'), undefined, { timeout: 5000 });
  await page.waitForTimeout(50);
}

async function hoverOnce(page: Page, point: { x: number; y: number }): Promise<Sample> {
  await rest(page);
  await arm(page);
  await page.mouse.move(point.x, point.y);
  const t = await page.evaluate(() => (window as unknown as { __hover: Promise<Timing> }).__hover);
  return { dom: t.dom - t.start, frame: t.frame - t.start, host: t.host - t.start, sawLoading: t.sawLoading };
}

function line(label: string, samples: Sample[]): string {
  const f = summarize(samples.map((s) => s.frame));
  const d = summarize(samples.map((s) => s.dom));
  const h = summarize(samples.map((s) => s.host));
  const loading = samples.filter((s) => s.sawLoading).length;
  return (
    `  ${label}: p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms (max ${f.max.toFixed(1)}) to the painting frame; card in the DOM p50 ${d.p50.toFixed(1)} ms, p95 ${d.p95.toFixed(1)} ms — ${samples.length} samples\n` +
    `    of which to the card's host in the page p50 ${h.p50.toFixed(1)} ms, p95 ${h.p95.toFixed(1)} ms; "Looking it up…" shown on the way in ${loading} of ${samples.length}`
  );
}

async function main(): Promise<void> {
  const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(req.url === '/cold' ? COLD_PAGE : PAGE));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;

  console.log(`start: ${loadLine()}`);
  const browser = await launchWithExtension();
  // The hover delay, through the same storage key the options page writes.
  const options = await browser.openExtensionPage('options.html');
  const delayMs = await options.evaluate(async () => {
    const { settings } = (await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> };
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), hoverDelayMs: 0 } });
    const stored = (await chrome.storage.local.get('settings')) as { settings: { hoverDelayMs: number } };
    return stored.settings.hoverDelayMs;
  });
  await options.close();

  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  const points = await mentionPoints(page);

  // Warm: one hover opens the database, then SAMPLES more.
  await hoverOnce(page, points[0]!);
  const warm: Sample[] = [];
  for (let i = 0; i < SAMPLES; i++) warm.push(await hoverOnce(page, points[(i + 1) % points.length]!));

  // First hover: each on a fresh page, at once after the underlines and, on other pages, a reader's pause later.
  const firstHovers = async (pauseMs: number): Promise<{ samples: Sample[]; cardReadyBefore: number }> => {
    const samples: Sample[] = [];
    let cardReadyBefore = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const fresh = await browser.context.newPage();
      let cardFetched = false;
      // Chrome redirects the per-session URL (use_dynamic_url): the final request is the fetch.
      fresh.on('requestfinished', (r) => {
        if (r.url().endsWith('/card-part.js') && !r.redirectedTo()) cardFetched = true;
      });
      await fresh.setViewportSize({ width: 1280, height: 800 });
      await fresh.goto(url);
      const at = await mentionPoints(fresh);
      if (pauseMs) await fresh.waitForTimeout(pauseMs);
      if (cardFetched) cardReadyBefore++;
      samples.push(await hoverOnce(fresh, at[i % at.length]!));
      await fresh.close();
    }
    return { samples, cardReadyBefore };
  };
  const first = await firstHovers(0);
  const paused = await firstHovers(READER_PAUSE_MS);

  const coldPage = await browser.context.newPage();
  await coldPage.setViewportSize({ width: 1280, height: 800 });
  await coldPage.goto(`${url}cold`);
  await hoverOnce(coldPage, await scrolledMention(coldPage, COLD_PORTS[0]!));
  const cdp = await browser.context.newCDPSession(coldPage);
  const watch = await watchWorker(cdp, browser.extensionId);
  const cold: Sample[] = [];
  let verified = 0;
  for (let i = 0; i < SAMPLES; i++) {
    await rest(coldPage);
    const point = await scrolledMention(coldPage, COLD_PORTS[1 + (i % (COLD_PORTS.length - 1))]!);
    await stopWorker(cdp, watch);
    const before = watch.starts();
    cold.push(await hoverOnce(coldPage, point));
    // The hover itself had to start the worker again (and nothing else did first).
    if (watch.starts() !== before + 1) throw new Error(`cold sample ${i}: expected the hover to start the worker once, saw ${watch.starts() - before} starts`);
    verified++;
  }
  await browser.close();
  server.close();

  const net = (s: Sample): Sample => ({ ...s, dom: s.dom - delayMs, frame: s.frame - delayMs, host: s.host - delayMs });
  console.log('Hover→card latency (pointer arrives on a mention → card visible with the port\'s content):');
  console.log(`  hover delay: set to ${delayMs} ms via local:settings {hoverDelayMs}; ${delayMs} ms subtracted from every sample`);
  console.log(line(`first hover on a fresh page, as soon as it is underlined (worker running; the card part already fetched at idle in ${first.cardReadyBefore} of ${SAMPLES})`, first.samples.map(net)));
  console.log(line(`first hover on a fresh page, ${READER_PAUSE_MS} ms after the underlines (the card part fetched in ${paused.cardReadyBefore} of ${SAMPLES})`, paused.samples.map(net)));
  console.log(line('later hovers, warm (worker running, database open)', warm.map(net)));
  console.log(line(`cold (worker stopped before each hover, ${verified} verified stops and restarts)`, cold.map(net)));
  console.log(`end: ${loadLine()}`);
}

await main();
