import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openPortholeDB, populate, type PortholeDB } from '../db.ts';
import { listNotes, listUserRecords, putUserRecord, setNote } from '../user-data.ts';
import { PortRepository } from '../repository.ts';
import type { PortDataset } from '../types.ts';
import { applyIanaImport, applyUserImport, ianaImportInfo, previewUserImport, resetIanaImport } from './apply.ts';
import { parseIanaCsv } from './iana-csv.ts';
import { parseUserImport, type UserImport } from './user-import.ts';

const dataset = (version: string, asOf = '2026-09-17'): PortDataset => ({
  version,
  builtFrom: [],
  records: [
    { id: 'curated:5432', source: 'curated', port: 5432, endPort: 5432, protocols: ['tcp'], title: 'PostgreSQL', summary: 'Database', uses: [] },
    { id: 'iana:80/tcp:http', source: 'iana', port: 80, endPort: 80, protocols: ['tcp'], serviceName: 'http', description: 'World Wide Web HTTP', asOf },
    { id: 'iana:5432/tcp:postgresql', source: 'iana', port: 5432, endPort: 5432, protocols: ['tcp'], serviceName: 'postgresql', description: 'PostgreSQL Database', asOf },
  ],
});

const IANA_CSV = [
  'Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes',
  'http,80,tcp,"World Wide Web HTTP\n(updated)",,,,2026-11-01,,,,',
  'x11,6000-6063,tcp,X Window System,,,,,,,,',
].join('\n');

let db: PortholeDB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openPortholeDB();
  await populate(db, dataset('v1'));
  await setNote(db, 22, 'bastion');
  await putUserRecord(db, { port: 8443, protocols: ['tcp'], title: 'Billing admin API', summary: 'Ours', uses: [] });
});

const parsed = (text: string): UserImport => {
  const r = parseUserImport(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.data;
};

describe('applyUserImport', () => {
  it('previews then applies: added, changed and unchanged, deleting nothing', async () => {
    const data = parsed(
      JSON.stringify({
        notes: [{ port: 22, text: 'bastion' }, { port: 80, text: 'proxy' }],
        definitions: [
          { port: 8443, protocols: ['tcp'], title: 'Billing admin API v2', summary: 'Ours', uses: [] },
          { port: 9000, protocols: ['tcp'], title: 'Queue', summary: 'Jobs', uses: [] },
        ],
      }),
    );
    const preview = await previewUserImport(db, data);
    expect(preview.notes).toEqual({ added: 1, changed: 0, unchanged: 1 });
    expect(preview.definitions).toEqual({ added: 1, changed: 1, unchanged: 0 });
    expect(preview.definitionChanges.find((c) => c.key === '8443')).toMatchObject({ status: 'changed', previous: { title: 'Billing admin API' } });
    expect(await listNotes(db)).toHaveLength(1); // a preview writes nothing
    const applied = await applyUserImport(db, data);
    expect(applied.definitions).toEqual(preview.definitions);
    expect((await listNotes(db)).map((n) => [n.port, n.text])).toEqual([[22, 'bastion'], [80, 'proxy']]);
    expect((await listUserRecords(db)).map((r) => [r.id, r.title])).toEqual([['user:8443', 'Billing admin API v2'], ['user:9000', 'Queue']]);
  });

  it('is all or nothing: a write failing half-way leaves every old value', async () => {
    const data = parsed(JSON.stringify({ notes: [{ port: 80, text: 'proxy' }, { port: 22, text: 'changed' }] }));
    // A value IndexedDB cannot store, after good writes were already queued.
    (data.definitions as unknown[]).push({ port: 1, protocols: ['tcp'], title: 't', summary: 's', uses: [], poison: () => 1 });
    await expect(applyUserImport(db, data)).rejects.toThrow();
    expect((await listNotes(db)).map((n) => [n.port, n.text])).toEqual([[22, 'bastion']]);
    expect((await listUserRecords(db)).map((r) => r.id)).toEqual(['user:8443']);
  });

  it('an aborted transaction (a worker stopped mid-import) leaves the old data', async () => {
    const data = parsed(JSON.stringify({ notes: Array.from({ length: 500 }, (_, i) => ({ port: 1000 + i, text: `n${i}` })) }));
    const original = db.transaction.bind(db);
    // Stop the import's transaction once its writes are under way, as a killed worker would.
    (db as { transaction: unknown }).transaction = ((...args: Parameters<typeof original>) => {
      const tx = original(...args);
      tx.done.catch(() => {});
      if (args[1] === 'readwrite') tx.objectStore('notes').put!({ port: 65535, text: 'x', updated: '' }).then(() => tx.abort(), () => {});
      return tx;
    }) as typeof original;
    await expect(applyUserImport(db, data)).rejects.toThrow();
    (db as { transaction: unknown }).transaction = original;
    expect((await listNotes(db)).map((n) => n.port)).toEqual([22]);
  });
});

describe('IANA registry import', () => {
  const ianaOf = async () => (await db.getAll('records')).filter((r) => r.source === 'iana').map((r) => r.id);

  it('replaces the bundled IANA records, keeps curated and user data, and can be reset', async () => {
    const result = parseIanaCsv(IANA_CSV);
    if (!result.ok) throw new Error('parse');
    const preview = await applyIanaImport(db, result.data, 'registry.csv');
    expect(preview.counts).toEqual({ added: 1, changed: 1, removed: 1, unchanged: 0 });
    expect(await ianaOf()).toEqual(['iana:6000-6063/tcp:x11', 'iana:80/tcp:http']);
    expect(await db.get('records', 'curated:5432')).toBeDefined();
    const info = await ianaImportInfo(db);
    expect(info).toMatchObject({ newestDate: '2026-11-01', fileName: 'registry.csv', recordCount: 2 });
    const repo = new PortRepository(db);
    const x11 = await repo.lookup(6010);
    expect(x11.records.map((r) => r.id)).toContain('iana:6000-6063/tcp:x11');
    expect(await resetIanaImport(db, dataset('v1'))).toBe(true);
    expect((await ianaOf()).sort()).toEqual(['iana:5432/tcp:postgresql', 'iana:80/tcp:http']);
    expect(await ianaImportInfo(db)).toBeUndefined();
  });

  it('survives an update of the bundled data while it is newer, and yields to a newer bundle', async () => {
    const result = parseIanaCsv(IANA_CSV);
    if (!result.ok) throw new Error('parse');
    await applyIanaImport(db, result.data);
    await populate(db, dataset('v2', '2026-10-01'));
    expect(await ianaOf()).toContain('iana:6000-6063/tcp:x11');
    expect(await db.get('records', 'curated:5432')).toBeDefined();
    expect((await db.get('meta', 'data'))?.recordCount).toBe(3);
    await populate(db, dataset('v3', '2026-12-01'));
    expect((await ianaOf()).sort()).toEqual(['iana:5432/tcp:postgresql', 'iana:80/tcp:http']);
    expect(await ianaImportInfo(db)).toBeUndefined();
    expect(await listNotes(db)).toHaveLength(1);
  });
});
