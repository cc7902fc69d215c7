// Bundle sizes of the built Chrome extension: each script raw and gzipped.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isMain } from './stats.ts';

const OUT = '.output/chrome-mv3';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function benchBundle(): void {
  console.log('\n## Bundle sizes (.output/chrome-mv3)');
  if (!existsSync(OUT)) {
    console.log('(skipped: run `npm run build` first)');
    return;
  }
  let total = 0;
  const rows = files(OUT)
    .filter((f) => /\.(js|css|html|json)$/.test(f))
    .map((f) => {
      const raw = readFileSync(f);
      total += raw.length;
      return { file: relative(OUT, f), raw: raw.length, gz: gzipSync(raw).length };
    })
    .sort((a, b) => b.raw - a.raw);
  for (const r of rows) {
    console.log(`${r.file.padEnd(44)} ${(r.raw / 1024).toFixed(1).padStart(9)} KiB  gzip ${(r.gz / 1024).toFixed(1).padStart(8)} KiB`);
  }
  console.log(`total ${(total / 1024).toFixed(1)} KiB`);
}

if (isMain(import.meta.url)) benchBundle();
