// A/B speed of the port-mention detector: the working tree's against the one
// at an earlier commit, on the bench texts (web-like mix and technical only),
// run alternately (A, B, A, B …) so that load on the machine hits both alike.
// Times are CPU time of this process (other work on the machine hardly
// changes them), medians of all rounds.
//   node --experimental-strip-types bench/detect-ab.ts --base REV [--rounds 21] [--megabytes 4]
import { findPortMentions } from '../lib/detect/index.ts';
import { detectorAt } from '../scripts/detector-at.ts';
import { realisticText } from './detect.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
};
const rev = option('--base', '');
const rounds = Number(option('--rounds', '21'));
const megabytes = Number(option('--megabytes', '4'));
if (rev === '' || !(rounds >= 1) || !(megabytes > 0)) {
  console.error('usage: node --experimental-strip-types bench/detect-ab.ts --base REV [--rounds 21] [--megabytes 4]');
  process.exit(2);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const base = await detectorAt(rev);
try {
  for (const [label, share] of [['web-like mix', 0.6], ['technical only', 0]] as const) {
    const text = realisticText(megabytes * 1e6, share);
    const fns = [base.detect, findPortMentions];
    for (const fn of fns) { fn(text); fn(text); }
    const times: number[][] = [[], []];
    for (let r = 0; r < rounds; r++) {
      // Alternate which one goes first, too.
      const order = r % 2 === 0 ? [0, 1] : [1, 0];
      for (const k of order) {
        const before = process.cpuUsage();
        fns[k]!(text);
        const d = process.cpuUsage(before);
        times[k]!.push((d.user + d.system) / 1000);
      }
    }
    const [a, b] = times.map(median) as [number, number];
    const spread = (xs: number[]) => { const s = [...xs].sort((x, y) => x - y); return `${s[Math.floor(s.length / 4)]!.toFixed(1)}–${s[Math.floor((3 * s.length) / 4)]!.toFixed(1)}`; };
    console.log(`${label} (${megabytes} MB, ${rounds} alternating rounds each):`);
    console.log(`  A ${rev.padEnd(10)} median ${a.toFixed(1)} ms (quartiles ${spread(times[0]!)})`);
    console.log(`  B working tree median ${b.toFixed(1)} ms (quartiles ${spread(times[1]!)})`);
    console.log(`  B/A time ${(b / a).toFixed(3)}`);
  }
} finally {
  base.cleanup();
}
