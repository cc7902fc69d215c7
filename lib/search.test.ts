import { describe, expect, it } from 'vitest';
import { PortSearchIndex, compareHits, type SearchHit } from './search.ts';
import { curatedRecord, ianaRecord } from './test-records.ts';
import type { CuratedRecord, IanaRecord } from './types.ts';

// Two rows of one service differ only by protocol here, so the id carries the protocols.
const iana = (port: number, serviceName: string, description: string, over: Partial<IanaRecord> = {}): IanaRecord =>
  ianaRecord(port, serviceName, { id: `iana:${port}/${serviceName}/${over.protocols?.join('+') ?? 'tcp+udp'}`, description, ...over });
const curated = (port: number, title: string, over: Partial<CuratedRecord> = {}): CuratedRecord => curatedRecord(port, title, { commonness: 2, ...over });

const index = new PortSearchIndex([
  iana(22, 'ssh', 'The Secure Shell (SSH) Protocol'),
  iana(22, 'ssh', 'SSH', { protocols: ['sctp'] }),
  iana(17235, 'ssh-mgmt', 'SSH Tectia Manager'),
  iana(6379, 'redis', 'An advanced key-value cache and store', { protocols: ['tcp'] }),
  curated(9121, 'Redis exporter', { keywords: ['redis', 'prometheus'], commonness: 3 }),
  iana(5432, 'postgresql', 'PostgreSQL Database'),
  curated(5432, 'PostgreSQL', { keywords: ['postgres', 'database'], commonness: 1 }),
  iana(2632, 'irdg-post', 'IRdg Post'),
  iana(8432, 'pgbackrest', 'PostgreSQL Backup', { protocols: ['tcp'] }),
  curated(9092, 'Apache Kafka', { keywords: ['kafka', 'broker'] }),
  iana(1214, 'kazaa', 'KAZAA'),
  curated(5173, 'Vite dev server', { commonness: 1 }),
  iana(8899, 'ospf-lite', 'ospf-lite'),
  iana(137, 'netbios-ns', 'NETBIOS Name Service'),
  iana(139, 'netbios-ssn', 'NETBIOS Session Service'),
  iana(4441, 'netblox', 'Netblox Protocol', { protocols: ['udp'] }),
  curated(445, 'SMB (Microsoft-DS)', { keywords: ['windows file sharing', 'smb', 'cifs'] }),
  iana(4991, 'vrt', 'VITA Radio Transport'),
]);

const ports = (q: string) => index.search(q).map((h) => h.port);

describe('PortSearchIndex ranking', () => {
  it('puts popular uses before IANA names before descriptions', () => {
    expect(index.search('postgres')[0]).toMatchObject({ port: 5432, source: 'curated', matched: 'use' });
    expect(ports('postgres')).toEqual([5432, 8432]);
    expect(index.search('vite')[0]).toMatchObject({ port: 5173, matched: 'use' });
    expect(index.search('vite').at(-1)).toMatchObject({ port: 4991, matched: 'description' });
  });

  it('ranks a service named exactly what was typed above one that only lists it as a keyword', () => {
    expect(ports('redis').slice(0, 2)).toEqual([6379, 9121]);
  });

  it('prefers whole names over prefixes: ssh before ssh-mgmt, and merges protocol rows', () => {
    const hits = index.search('ssh');
    expect(hits[0]).toMatchObject({ port: 22, quality: 4 });
    expect(hits[0]?.protocols).toEqual(['tcp', 'udp', 'sctp']);
    expect(hits[1]?.port).toBe(17235);
  });

  it('tolerates typos but ranks them after real matches', () => {
    expect(ports('postgress')[0]).toBe(5432);
    expect(index.search('kafak')[0]).toMatchObject({ port: 9092, quality: 1 });
    expect(ports('kafka')).toEqual([9092, 1214]);
    expect(index.search('kafka')[1]).toMatchObject({ quality: 1 });
  });

  it('finds every NetBIOS port by name, the prefix while typing', () => {
    expect(ports('netbios').slice(0, 2)).toEqual([137, 139]);
    expect(ports('netb')).toEqual(expect.arrayContaining([137, 139, 4441]));
  });

  it('falls back to any word when no record has them all', () => {
    expect(ports('windows file sharing')[0]).toBe(445);
    expect(ports('smb postgres')).toEqual(expect.arrayContaining([445, 5432]));
  });
});

describe('compareHits', () => {
  const hit = (over: Partial<SearchHit>): SearchHit => ({
    port: 1,
    endPort: 1,
    protocols: [],
    title: '',
    detail: '',
    source: 'iana',
    matched: 'name',
    score: 1,
    ...over,
  });
  it('orders port hits first, typo-only matches last', () => {
    const list = [
      hit({ port: 3, matched: 'use', quality: 1, score: 99 }),
      hit({ port: 2, matched: 'description', quality: 3 }),
      hit({ port: 1, matched: 'port' }),
      hit({ port: 4, matched: 'use', quality: 2 }),
    ];
    expect(list.sort(compareHits).map((h) => h.port)).toEqual([1, 4, 2, 3]);
  });
});
