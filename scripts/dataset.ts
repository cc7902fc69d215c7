// Assembles the bundled dataset: IANA (both packages merged) plus data/curated.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { loadCurated } from '../lib/curated.ts';
import { mergeRegistries } from '../lib/iana.ts';
import type { PortDataset } from '../lib/types.ts';
import { readCuratedFiles } from './read-curated.ts';
import { readCurrentRegistry, readFullRegistry } from './iana-sources.ts';

export const CURATED_DIR = fileURLToPath(new URL('../data/curated', import.meta.url));

export function buildDataset(): PortDataset {
  const current = readCurrentRegistry();
  const full = readFullRegistry();
  const iana = mergeRegistries(current.registry, current.info.date, full.rows, full.info.date);
  const ianaPorts = new Set(iana.map((r) => r.port));
  const { records: curated, problems } = loadCurated(readCuratedFiles(CURATED_DIR), (p) => ianaPorts.has(p));
  // The schema test (lib/curated.test.ts) is the gate for these; the build
  // warns and ships only what is sound, so work in progress never blocks it.
  if (problems.length > 0) {
    console.warn(`data/curated has problems (npm test fails until they are fixed):\n${problems.map((p) => `  ${p.file}: ${p.message}`).join('\n')}`);
  }
  const known = new Set([...ianaPorts, ...curated.map((r) => r.port)]);
  for (const r of curated) if (r.related) r.related = r.related.filter((p) => p !== r.port && known.has(p));
  const records = [...curated, ...iana];
  const version = createHash('sha256').update(JSON.stringify(records)).digest('hex').slice(0, 12);
  return {
    version,
    builtFrom: [
      current.info,
      full.info,
      { name: 'Porthole curated notes', version, licence: 'MIT', url: 'data/curated' },
    ],
    records,
  };
}
