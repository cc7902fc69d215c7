// A database written by schema version 1 (the first release), opened by the
// current code and repopulated with a new dataset, keeps every note and definition.
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { SCHEMA_VERSION, dataMeta, openPortholeDB, populate } from './db.ts';
import { PortRepository } from './repository.ts';
import { listNotes, listUserRecords } from './user-data.ts';
import type { PortDataset } from './types.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** Schema version 1 exactly as the first release created it, written with raw idb. */
async function writeVersion1Database(): Promise<void> {
  const db = await openDB('porthole', 1, {
    upgrade(raw) {
      const records = raw.createObjectStore('records', { keyPath: 'id' });
      records.createIndex('port', 'port');
      records.createIndex('isRange', 'isRange');
      const user = raw.createObjectStore('user', { keyPath: 'id' });
      user.createIndex('port', 'port');
      user.createIndex('isRange', 'isRange');
      raw.createObjectStore('notes', { keyPath: 'port' });
      raw.createObjectStore('meta', { keyPath: 'key' });
    },
  });
  const tx = db.transaction(['records', 'user', 'notes', 'meta'], 'readwrite');
  await Promise.all([
    tx.objectStore('records').put({ id: 'iana:8443/tcp:pcsync-https', source: 'iana', port: 8443, endPort: 8443, protocols: ['tcp'], serviceName: 'pcsync-https', description: 'PCsync HTTPS', asOf: '2026-09-17', isRange: 0 }),
    tx.objectStore('user').put({ id: 'user:8443', source: 'user', port: 8443, endPort: 8443, protocols: ['tcp'], title: 'Billing admin API', summary: 'Ours', uses: [], updated: '2026-10-01T00:00:00.000Z', isRange: 0 }),
    tx.objectStore('user').put({ id: 'user:7000-7010', source: 'user', port: 7000, endPort: 7010, protocols: ['udp'], title: 'Game fleet', summary: 'Ours too', uses: [], updated: '2026-10-01T00:00:00.000Z', isRange: 1 }),
    tx.objectStore('notes').put({ port: 8443, text: 'ask the billing team', updated: '2026-10-01T00:00:00.000Z' }),
    tx.objectStore('notes').put({ port: 22, text: 'bastion only', updated: '2026-10-01T00:00:00.000Z' }),
    tx.objectStore('meta').put({ key: 'data', version: 'old-data', sources: [], populatedAt: '2026-10-01T00:00:00.000Z', recordCount: 1 }),
    tx.done,
  ]);
  db.close();
}

const newDataset: PortDataset = {
  version: 'new-data',
  builtFrom: [],
  records: [
    { id: 'iana:8443/tcp:pcsync-https', source: 'iana', port: 8443, endPort: 8443, protocols: ['tcp'], serviceName: 'pcsync-https', description: 'PCsync HTTPS', asOf: '2026-12-01' },
    { id: 'curated:8443', source: 'curated', port: 8443, endPort: 8443, protocols: ['tcp'], title: 'HTTPS alternate', summary: 'Alt HTTPS', uses: [] },
  ],
};

describe('upgrading from schema version 1', () => {
  it('keeps every note and definition through the schema upgrade and a new dataset version', async () => {
    await writeVersion1Database();
    const db = await openPortholeDB();
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(await populate(db, newDataset)).toBe(true);
    expect((await dataMeta(db))?.version).toBe('new-data');
    expect((await listNotes(db)).map((n) => [n.port, n.text])).toEqual([[22, 'bastion only'], [8443, 'ask the billing team']]);
    expect((await listUserRecords(db)).map((r) => r.id)).toEqual(['user:7000-7010', 'user:8443']);
    const info = await new PortRepository(db).lookup(8443);
    expect(info.records.map((r) => r.source)).toEqual(['user', 'curated', 'iana']);
    expect(info.note?.text).toBe('ask the billing team');
    expect((await new PortRepository(db).lookup(7005)).records[0]).toMatchObject({ id: 'user:7000-7010' });
    db.close();
  });
});
