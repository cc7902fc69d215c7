import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { dataMeta, openPortholeDB, populate, type PortholeDB } from './db.ts';
import { PortRepository } from './repository.ts';
import { putUserRecord, setNote } from './user-data.ts';
import { curatedRecord as curated, ianaRecord as iana } from './test-records.ts';
import type { CuratedRecord, IanaRecord, PortDataset } from './types.ts';

const dataset = (version: string, extra: (IanaRecord | CuratedRecord)[] = []): PortDataset => ({
  version,
  builtFrom: [],
  records: [
    iana(139, 'netbios-ssn'),
    iana(53, 'domain'),
    iana(53, 'dns-alt', { protocols: ['udp'], id: 'iana:53/udp/alt', alias: true }),
    iana(5432, 'postgresql', { description: 'PostgreSQL Database' }),
    iana(6000, 'x11', { endPort: 6063, description: 'X Window System', id: 'iana:6000-6063/x11', asOf: '2015-07-24' }),
    iana(7000, 'afs3-fileserver'),
    iana(7010, 'ups-onlinet'),
    curated(5432, 'PostgreSQL', { keywords: ['postgres', 'database'], related: [6432] }),
    curated(9092, 'Apache Kafka', { keywords: ['kafka', 'broker'] }),
    curated(5173, 'Vite dev server', { commonness: 1 }),
    ...extra,
  ],
});

let db: PortholeDB;
let repo: PortRepository;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openPortholeDB();
  await populate(db, dataset('v1'));
  repo = new PortRepository(db);
});

describe('populate', () => {
  it('writes records and the data version once', async () => {
    expect(await db.count('records')).toBe(10);
    expect(await dataMeta(db)).toMatchObject({ version: 'v1', recordCount: 10 });
    expect(await populate(db, dataset('v1'))).toBe(false);
  });

  it('replaces bundled records on a new data version and keeps the user stores', async () => {
    await setNote(db, 139, 'our file server');
    await putUserRecord(db, { port: 8443, protocols: ['tcp'], title: 'Billing admin API', summary: 'Ours', uses: [] });
    expect(await populate(db, dataset('v2', [curated(22, 'SSH')]))).toBe(true);
    expect(await db.count('records')).toBe(11);
    expect((await repo.lookup(139)).note?.text).toBe('our file server');
    expect((await repo.lookup(8443)).records[0]).toMatchObject({ source: 'user', title: 'Billing admin API' });
  });

  it('leaves the old data whole when a transaction fails half-way', async () => {
    const bad = dataset('v3');
    (bad.records as unknown[]).push({ noId: true });
    await expect(populate(db, bad)).rejects.toThrow();
    expect(await dataMeta(db)).toMatchObject({ version: 'v1' });
    expect(await db.count('records')).toBe(10);
  });
});

describe('lookup', () => {
  it('answers 139 with netbios-ssn on tcp and udp, in the well-known range', async () => {
    const info = await repo.lookup(139);
    expect(info.rangeClass).toBe('well-known');
    expect(info.records).toMatchObject([{ serviceName: 'netbios-ssn', protocols: ['tcp', 'udp'] }]);
    expect(info.nearby).toBeUndefined();
  });

  it('puts yours, then curated, then IANA', async () => {
    await putUserRecord(db, { port: 5432, protocols: ['tcp'], title: 'Team DB', summary: 'Ours', uses: [] });
    const info = await repo.lookup(5432);
    expect(info.records.map((r) => r.source)).toEqual(['user', 'curated', 'iana']);
  });

  it('filters by protocol when records have it', async () => {
    expect((await repo.lookup(53, 'udp')).records.map((r) => r.id)).toEqual(['iana:53/domain', 'iana:53/udp/alt']);
    expect((await repo.lookup(53, 'tcp')).records.map((r) => r.id)).toEqual(['iana:53/domain']);
    // No record has sctp: keep them all rather than show nothing.
    expect((await repo.lookup(53, 'sctp')).records).toHaveLength(2);
  });

  it('finds 6010 inside the X11 range and offers nearby named ports', async () => {
    const info = await repo.lookup(6010);
    expect(info.records).toMatchObject([{ serviceName: 'x11', port: 6000, endPort: 6063 }]);
    expect(info.nearby).toEqual([
      { port: 5432, serviceName: 'postgresql' },
      { port: 7000, serviceName: 'afs3-fileserver' },
    ]);
  });

  it('describes an unknown dynamic port with its neighbours', async () => {
    const info = await repo.lookup(60000);
    expect(info).toMatchObject({ rangeClass: 'dynamic', records: [], nearby: [{ port: 7010, serviceName: 'ups-onlinet' }] });
  });
});

describe('lookupRange', () => {
  it('lists each port with records and the ranges that overlap', async () => {
    const summary = await repo.lookupRange(5000, 7005);
    expect(summary.ports.map((p) => p.port)).toEqual([5173, 5432, 7000]);
    expect(summary.spanning.map((r) => r.id)).toEqual(['iana:6000-6063/x11']);
    expect(summary.truncated).toBe(false);
  });
});

describe('search', () => {
  it('builds the text index on an empty query (the popup opening)', async () => {
    expect(await repo.search('')).toEqual({ query: { kind: 'empty' }, hits: [] });
    await new Promise((r) => setTimeout(r, 50));
    // Written behind the repository's back: an index built at the empty query cannot know it.
    await putUserRecord(db, { port: 8443, protocols: ['tcp'], title: 'Billing admin API', summary: 'Ours', uses: [] });
    expect((await repo.search('billing')).hits).toEqual([]);
    repo.invalidate();
    expect((await repo.search('billing')).hits[0]).toMatchObject({ port: 8443 });
  });

  it('parses numbers, ranges and protocols', async () => {
    expect((await repo.search('139')).hits[0]).toMatchObject({ port: 139, title: 'netbios-ssn', matched: 'port' });
    expect((await repo.search('53/udp')).query).toEqual({ kind: 'port', port: 53, protocol: 'udp' });
    // A port nothing names: one hit the views word ("No registered service", its range class).
    expect((await repo.search('40001/tcp')).hits).toEqual([
      { port: 40001, endPort: 40001, protocols: ['tcp'], title: '', detail: '', unregistered: true, source: 'iana', matched: 'port', score: 0 },
    ]);
    expect((await repo.search('5000-7005')).hits.map((h) => h.port)).toEqual([6000, 5173, 5432, 7000]);
  });

  it('ranks popular uses before IANA names and finds typos', async () => {
    const hits = (await repo.search('postgres')).hits;
    expect(hits[0]).toMatchObject({ port: 5432, title: 'PostgreSQL', source: 'curated', matched: 'use' });
    expect((await repo.search('postgress')).hits[0]?.port).toBe(5432);
    expect((await repo.search('kafak')).hits[0]?.port).toBe(9092);
    expect((await repo.search('netbios')).hits[0]).toMatchObject({ port: 139, matched: 'name' });
  });

  it('sees user definitions as soon as they are saved', async () => {
    await repo.search('billing');
    await putUserRecord(db, { port: 8443, protocols: ['tcp'], title: 'Billing admin API', summary: 'Ours', uses: [] });
    repo.invalidate();
    expect((await repo.search('billing')).hits[0]).toMatchObject({ port: 8443, source: 'user' });
  });

  it('explains an invalid query', async () => {
    expect((await repo.search('99999')).query).toMatchObject({ kind: 'invalid' });
  });
});
