// Database figures: populating IndexedDB with the full bundled dataset and
// looking ports up, in Node (fake-indexeddb) and in real Chromium.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { buildDataset } from '../scripts/dataset.ts';
import { openPortholeDB, populate } from '../lib/db.ts';
import { PortRepository } from '../lib/repository.ts';
import { isMain, ms, summarize } from './stats.ts';

export async function benchDatabase(): Promise<void> {
  const dataset = buildDataset();
  console.log(`\n## Database (${dataset.records.length} records)`);

  globalThis.indexedDB = new IDBFactory();
  const db = await openPortholeDB('bench');
  let t = performance.now();
  await populate(db, dataset);
  console.log(`populate, fake-indexeddb (Node):     ${ms(performance.now() - t)}`);

  const repo = new PortRepository(db);
  await repo.lookup(80);
  const ports = [22, 80, 139, 443, 445, 3000, 5432, 6010, 8080, 27017, 60000, 9092, 53, 5173, 3389];
  const lookups: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const p of ports) {
      t = performance.now();
      await repo.lookup(p);
      lookups.push(performance.now() - t);
    }
  }
  const l = summarize(lookups);
  console.log(`lookup by port (warm), fake-indexeddb: p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, max ${ms(l.max)}`);
  t = performance.now();
  await repo.lookupRange(135, 139);
  console.log(`lookupRange 135-139:                  ${ms(performance.now() - t)}`);
  db.close();

  await benchChromium();
}

/** Cold start in Chromium: install → first answered lookup, and warm lookups over the protocol. */
async function benchChromium(): Promise<void> {
  const { launchWithExtension, EXTENSION_DIR } = await import('../tests/e2e/harness.ts');
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    console.log('(Chromium figures skipped: run `npm run build` first)');
    return;
  }
  const t0 = performance.now();
  const browser = await launchWithExtension();
  try {
    const page = await browser.openExtensionPage('data/version.json');
    const first = await page.evaluate(async () => {
      const start = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: 'lookup', port: 139 });
      return { ms: performance.now() - start, ok: reply?.ok };
    });
    console.log(`Chromium: first lookup after install (opens DB, populates): ${ms(first.ms)} (ok=${first.ok}); launch to answer ${ms(performance.now() - t0)}`);
    const warm = await page.evaluate(async () => {
      const out: number[] = [];
      for (let i = 0; i < 100; i++) {
        const start = performance.now();
        await chrome.runtime.sendMessage({ type: 'lookup', port: [22, 80, 443, 5432, 6010][i % 5] });
        out.push(performance.now() - start);
      }
      return out;
    });
    const w = summarize(warm);
    console.log(`Chromium: lookup round trip (warm): p50 ${ms(w.p50)}, p95 ${ms(w.p95)}, max ${ms(w.max)}`);
    const searches = await page.evaluate(async () => {
      const out: number[] = [];
      for (const q of ['postgres', 'netbios', 'kafka', 'http', 'vite', 'postgress', 'windows file sharing']) {
        const start = performance.now();
        await chrome.runtime.sendMessage({ type: 'search', query: q });
        out.push(performance.now() - start);
      }
      return out;
    });
    console.log(`Chromium: search round trips (first builds the index): ${searches.map((s) => s.toFixed(1)).join(', ')} ms`);
  } finally {
    await browser.close();
  }
}

if (isMain(import.meta.url)) await benchDatabase();
