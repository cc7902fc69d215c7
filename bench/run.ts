// `npm run bench`: every benchmark in one run, printed one after the other.
// Each bench file is also runnable alone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { loadLine } from './stats.ts';

const benches = ['bench/detect.ts', 'bench/publish.ts', 'bench/db.ts', 'bench/search.ts', 'bench/content.ts', 'bench/frames.ts', 'bench/hover.ts', 'bench/bundle.ts'];
console.log(`# Porthole benchmarks — ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${loadLine()}`);
let failed = 0;
for (const file of benches) {
  if (!existsSync(file)) continue;
  const run = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', file], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.log(`(${file} failed with status ${run.status})`);
  }
}
console.log(`\nend: ${loadLine()}`);
process.exit(failed ? 1 : 0);
