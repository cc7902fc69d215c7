// How long reading the container publishes of a pasted text takes when it
// holds thousands of them (one reader per text, as the paste panel does):
// one long `docker run` line, a long compose ports list, many run lines, a
// long port list that is no publish at all.
//   node --experimental-strip-types bench/publish.ts
import { findPortMentions } from '../lib/detect/index.ts';
import { PublishReader } from '../lib/publish-context.ts';

const maps = (n: number, map: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => map(1000 + (i % 60000)));
const texts: [string, string][] = [
  ['20k -p maps on one docker run line', `docker run ${maps(20000, (p) => `-p ${p}:80`).join(' ')} nginx`],
  ['20k items under one compose ports:', `services:\n  web:\n    ports:\n${maps(20000, (p) => `      - "${p}:80"`).join('\n')}`],
  ['20k docker run lines', maps(20000, (p) => `docker run -p ${p}:80 nginx`).join('\n')],
  ['20k ports in one prose list', `ports ${maps(20000, String).join(', ')}`],
];

console.log('container publishes read around every mention (median of 5 runs):');
for (const [name, text] of texts) {
  const mentions = findPortMentions(text);
  const times: number[] = [];
  let read = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const reader = new PublishReader(text);
    read = mentions.filter((m) => reader.at(m.start, m.end) !== null).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${name.padEnd(38)} ${(text.length / 2 ** 20).toFixed(2)} MB  ${String(mentions.length).padStart(6)} mentions, ${String(read).padStart(6)} publishes  ${times[2]!.toFixed(1).padStart(7)} ms`);
}
