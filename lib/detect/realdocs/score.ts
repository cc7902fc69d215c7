// Scores the detector on real-documentation samples: a found mention is right
// when a gold mention has the same port (and endPort) and their spans overlap;
// each gold mention is matched at most once.
import type { PortMention } from '../types.ts';
import type { GoldMention, LoadedSample } from './load.ts';

export interface SampleResult {
  sample: LoadedSample;
  got: PortMention[];
  tp: number;
  falsePositives: PortMention[];
  misses: GoldMention[];
}

export function scoreSample(sample: LoadedSample, got: PortMention[]): SampleResult {
  const open = [...sample.gold];
  const falsePositives: PortMention[] = [];
  let tp = 0;
  for (const m of got) {
    const i = open.findIndex((g) => g.port === m.port && g.endPort === m.endPort && g.start < m.end && m.start < g.end);
    if (i < 0) { falsePositives.push(m); continue; }
    open.splice(i, 1);
    tp++;
  }
  return { sample, got, tp, falsePositives, misses: open };
}
