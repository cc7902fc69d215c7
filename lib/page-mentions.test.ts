import { describe, expect, it } from 'vitest';
import { groupMentions } from './page-mentions.ts';

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
