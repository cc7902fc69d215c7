// Writes public/data/ports.json, the database the extension ships and loads
// into IndexedDB on install or update. Run by `npm run build`, `dev`, `test`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildDataset } from './dataset.ts';

const out = fileURLToPath(new URL('../public/data/ports.json', import.meta.url));
const dataset = buildDataset();
mkdirSync(fileURLToPath(new URL('../public/data', import.meta.url)), { recursive: true });
writeFileSync(out, JSON.stringify(dataset));
// A small file the background reads on every start to see whether to repopulate.
writeFileSync(fileURLToPath(new URL('../public/data/version.json', import.meta.url)), JSON.stringify({ version: dataset.version }));
const curated = dataset.records.filter((r) => r.source === 'curated').length;
console.log(`ports.json: ${dataset.records.length} records (${curated} curated), version ${dataset.version}`);
