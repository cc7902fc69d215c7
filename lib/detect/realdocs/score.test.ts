// Scoring of real-documentation samples and the Wilson interval, on texts of our own.
import { describe, expect, it } from 'vitest';
import { wilson } from '../fixtures/score.ts';
import type { LoadedSample } from './load.ts';
import { scoreSample } from './score.ts';

const sample = (text: string, gold: LoadedSample['gold']): LoadedSample => ({
  id: 't', repo: 'a/b', commit: '0'.repeat(40), path: 'x.md', lines: [1, 1], start: 0, end: text.length, sha256: '', kind: 'test', gold, text,
});

describe('scoreSample', () => {
  const text = 'open ports 80 and 8080, ranges 6000-6063';
  const gold = [{ start: 11, end: 13, port: 80 }, { start: 18, end: 22, port: 8080 }, { start: 31, end: 40, port: 6000, endPort: 6063 }];

  it('matches a found mention to a gold one with the same port whose span overlaps', () => {
    const r = scoreSample(sample(text, gold), [{ start: 11, end: 13, port: 80 }, { start: 18, end: 22, port: 8080 }, { start: 31, end: 40, port: 6000, endPort: 6063 }]);
    expect(r.tp).toBe(3);
    expect(r.falsePositives).toEqual([]);
    expect(r.misses).toEqual([]);
  });

  it('counts a right port at the wrong place, or a range read as one port, as both false and missed', () => {
    const r = scoreSample(sample(text, gold), [{ start: 18, end: 22, port: 80 }, { start: 31, end: 35, port: 6000 }]);
    expect(r.tp).toBe(0);
    expect(r.falsePositives).toHaveLength(2);
    expect(r.misses.map((g) => g.port)).toEqual([80, 8080, 6000]);
  });

  it('matches each gold mention once', () => {
    const r = scoreSample(sample(text, gold), [{ start: 11, end: 13, port: 80 }, { start: 11, end: 13, port: 80 }]);
    expect(r.tp).toBe(1);
    expect(r.falsePositives).toHaveLength(1);
  });
});

describe('wilson', () => {
  it('gives the usual 95% interval', () => {
    const [lo, hi] = wilson(95, 100);
    expect(lo).toBeCloseTo(0.8882, 3);
    expect(hi).toBeCloseTo(0.9785, 3);
  });

  it('stays inside [0, 1] at the edges and is [0, 1] with no trials', () => {
    expect(wilson(10, 10)[1]).toBe(1);
    expect(wilson(10, 10)[0]).toBeCloseTo(0.7225, 3);
    expect(wilson(0, 10)[0]).toBe(0);
    expect(wilson(0, 0)).toEqual([0, 1]);
  });
});
