import { describe, expect, it } from 'vitest';
import { allFramesAnswered, groupMentions, inPageOrder, mergeGroups } from './page-mentions.ts';

describe('groupMentions', () => {
  it('groups by port and range with counts, protocols and the first sample', () => {
    const groups = groupMentions([
      { port: 8080, sample: 'first 8080' },
      { port: 22, protocol: 'TCP', sample: 'ssh on 22' },
      { port: 8080, protocol: 'tcp', sample: 'second 8080' },
      { port: 135, endPort: 139, sample: 'ports 135-139' },
      { port: 22, protocol: 'udp', sample: 'x' },
      { port: 135, endPort: 135, sample: 'just 135' },
    ]);
    expect(groups).toEqual([
      { port: 22, protocols: ['tcp', 'udp'], count: 2, sample: 'ssh on 22' },
      { port: 135, protocols: [], count: 1, sample: 'just 135' },
      { port: 135, endPort: 139, protocols: [], count: 1, sample: 'ports 135-139' },
      { port: 8080, protocols: ['tcp'], count: 2, sample: 'first 8080' },
    ]);
  });

  it('is empty for no mentions', () => {
    expect(groupMentions([])).toEqual([]);
  });
});

describe('mergeGroups', () => {
  it('adds the counts of the same port from several frames, joins protocols and keeps ranges apart', () => {
    const top = [
      { port: 22, protocols: ['tcp'], count: 2, sample: 'ssh on port 22' },
      { port: 135, endPort: 139, protocols: [], count: 1, sample: 'ports 135-139' },
    ];
    const frame = [
      { port: 22, protocols: ['udp', 'tcp'], count: 1, sample: 'port 22 again' },
      { port: 135, protocols: [], count: 4, sample: 'port 135' },
      { port: 8080, protocols: [], count: 1, sample: ':8080' },
    ];
    expect(mergeGroups([top, frame])).toEqual([
      { port: 22, protocols: ['tcp', 'udp'], count: 3, sample: 'ssh on port 22' },
      { port: 135, protocols: [], count: 4, sample: 'port 135' },
      { port: 135, endPort: 139, protocols: [], count: 1, sample: 'ports 135-139' },
      { port: 8080, protocols: [], count: 1, sample: ':8080' },
    ]);
    // The frames' own lists are left as they were.
    expect(top[0]).toEqual({ port: 22, protocols: ['tcp'], count: 2, sample: 'ssh on port 22' });
  });

  it('is empty for no frames and for frames without mentions', () => {
    expect(mergeGroups([])).toEqual([]);
    expect(mergeGroups([[], []])).toEqual([]);
  });
});

describe('inPageOrder', () => {
  it('puts the top frame first, each frame before the frames inside it, siblings in document order', () => {
    const frames = [[1], [0, 1], [], [0], [0, 0], [2, 0, 3]].map((path) => ({ path }));
    expect(inPageOrder(frames).map((f) => f.path.join('.'))).toEqual(['', '0', '0.0', '0.1', '1', '2.0.3']);
  });
});

describe('allFramesAnswered', () => {
  const top = (childFrames: number) => ({ path: [], childFrames });
  const child = (i: number, childFrames = 0) => ({ path: [i], childFrames });

  it('waits for the top frame whatever else has answered', () => {
    expect(allFramesAnswered([])).toBe(false);
    expect(allFramesAnswered([child(0), child(1)])).toBe(false);
  });

  it('counts the frames each answer says it holds', () => {
    expect(allFramesAnswered([top(0)])).toBe(true);
    expect(allFramesAnswered([top(2), child(0)])).toBe(false);
    expect(allFramesAnswered([top(2), child(0), child(1)])).toBe(true);
    // A nested frame's own frames are waited for once it has answered.
    expect(allFramesAnswered([top(2), child(0, 1), child(1)])).toBe(false);
    expect(allFramesAnswered([top(2), child(0, 1), child(1), { path: [0, 0], childFrames: 0 }])).toBe(true);
  });
});
