// Reads data/curated/*.json for the build script and the schema test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readCuratedFiles(dir: string): { name: string; content: unknown }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      try {
        return { name, content: JSON.parse(text) as unknown };
      } catch (err) {
        // Reported by the schema check like any other problem of the file.
        return { name, content: { invalidJson: (err as Error).message } };
      }
    });
}
