import { describe, expect, it } from 'vitest';
import { mergeRegistries, parsePortCell, recordsFromRows, type IanaRow } from './iana.ts';

const row = (over: Partial<IanaRow>): IanaRow => ({ serviceName: 'svc', port: 1, endPort: 1, protocol: 'tcp', description: 'Old', ...over });

describe('parsePortCell', () => {
  it('reads ports and ranges and refuses junk', () => {
    expect(parsePortCell('80')).toEqual({ port: 80, endPort: 80 });
    expect(parsePortCell('6000-6063')).toEqual({ port: 6000, endPort: 6063 });
    expect(parsePortCell('')).toBeNull();
    expect(parsePortCell('70000')).toBeNull();
    expect(parsePortCell('10-5')).toBeNull();
    expect(parsePortCell('8a')).toBeNull();
  });
});

describe('mergeRegistries', () => {
  it('restores aliases and columns where the older copy agrees, with the current description', () => {
    const records = mergeRegistries(
      { '80/tcp': ['www-http', 'Web'] },
      '2026-01-01',
      [row({ serviceName: 'http', port: 80, endPort: 80, reference: '[RFC9110]' }), row({ serviceName: 'www-http', port: 80, endPort: 80, assignee: '[TBL]' })],
      '2015-07-24',
    );
    expect(records.map((r) => [r.serviceName, r.alias ?? false, r.asOf, r.description])).toEqual([
      ['http', false, '2015-07-24', 'Old'],
      ['www-http', true, '2026-01-01', 'Web'],
    ]);
    expect(records[0]!.reference).toBe('[RFC9110]');
    expect(records[1]!.assignee).toBe('[TBL]');
  });

  it('keeps only the current row where the port was reassigned since', () => {
    const records = mergeRegistries({ '5/tcp': ['new', 'New thing'] }, '2026-01-01', [row({ serviceName: 'old', port: 5, endPort: 5 })], '2015-07-24');
    expect(records).toEqual([
      { id: 'iana:5/tcp:new', source: 'iana', port: 5, endPort: 5, protocols: ['tcp'], serviceName: 'new', description: 'New thing', asOf: '2026-01-01' },
    ]);
  });

  it('drops a range that the current registry contradicts and keeps one it does not', () => {
    const records = mergeRegistries(
      { '11/tcp': ['other', 'Other'] },
      '2026-01-01',
      [row({ serviceName: 'r1', port: 10, endPort: 12 }), row({ serviceName: 'r2', port: 20, endPort: 29 })],
      '2015-07-24',
    );
    expect(records.map((r) => r.id)).toEqual(['iana:11/tcp:other', 'iana:20-29/tcp:r2']);
  });
});

describe('recordsFromRows', () => {
  it('groups protocols and marks later names on a port as aliases', () => {
    const records = recordsFromRows(
      [row({ protocol: 'tcp' }), row({ protocol: 'udp' }), row({ serviceName: 'alt', protocol: 'tcp' })],
      '2026-02-02',
    );
    expect(records.map((r) => [r.id, r.alias ?? false])).toEqual([
      ['iana:1/tcp+udp:svc', false],
      ['iana:1/tcp:alt', true],
    ]);
  });
});
