// Per-keystroke search latency on the full bundled database, through the same
// PortRepository the background uses, over fake-indexeddb.
//
//   node --experimental-strip-types bench/search.ts
//
// Types every query one character at a time ("p", "po", … "postgres") and
// times each search, as the popup does on each keystroke. Target: p95 < 20 ms.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openPortholeDB, populate } from '../lib/db.ts';
import { PortRepository } from '../lib/repository.ts';
import type { PortDataset } from '../lib/types.ts';
import { buildDataset } from '../scripts/dataset.ts';

const TARGET_MS = 20;
const TYPED = [
  'postgres',
  'postgress',
  'netbios',
  'kafka',
  'vite',
  'ssh',
  'windows file sharing',
  'remote desktop',
  'kubernetes api',
  'redis',
  'mongodb',
  'elasticsearch',
  'dns',
  '139',
  '8080',
  '5432',
  '49152',
  '135-139',
  '53/udp',
  '6000-6063',
  'localhost:3000',
];
const ROUNDS = 5;

function loadDataset(): PortDataset {
  try {
    return buildDataset();
  } catch (err) {
    // data/curated may be mid-edit; fall back to the last built bundle.
    console.warn(`buildDataset() failed, using public/data/ports.json instead:\n${err instanceof Error ? err.message : String(err)}\n`);
    return JSON.parse(readFileSync(fileURLToPath(new URL('../public/data/ports.json', import.meta.url)), 'utf8')) as PortDataset;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

const dataset = loadDataset();
const db = await openPortholeDB('porthole-bench');
let t = performance.now();
await populate(db, dataset);
console.log(`populated ${dataset.records.length} records in ${fmt(performance.now() - t)}`);

const repo = new PortRepository(db);
t = performance.now();
await repo.search('p');
console.log(`first search (builds the text index): ${fmt(performance.now() - t)}`);

const all: number[] = [];
const perQuery = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const query of TYPED) {
    const times = perQuery.get(query) ?? [];
    for (let i = 1; i <= query.length; i++) {
      const start = performance.now();
      await repo.search(query.slice(0, i), 20);
      const ms = performance.now() - start;
      times.push(ms);
      all.push(ms);
    }
    perQuery.set(query, times);
  }
}

console.log(`\n${'typed'.padEnd(22)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)}`);
for (const [query, times] of perQuery) {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${query.padEnd(22)} ${fmt(percentile(sorted, 50)).padStart(9)} ${fmt(percentile(sorted, 95)).padStart(9)} ${fmt(sorted.at(-1)!).padStart(9)}`);
}
const sorted = [...all].sort((a, b) => a - b);
const p95 = percentile(sorted, 95);
console.log(`\nall ${all.length} keystrokes: p50 ${fmt(percentile(sorted, 50))}, p95 ${fmt(p95)}, max ${fmt(sorted.at(-1)!)} (target < ${TARGET_MS} ms)`);
db.close();
if (p95 >= TARGET_MS) {
  console.error(`p95 ${fmt(p95)} is over the ${TARGET_MS} ms target`);
  process.exitCode = 1;
}
