// Two browsers on one account, simulated: two databases sharing one
// storage.sync. Notes and definitions travel both ways, the later change
// wins, deletions follow, and bad payloads are reported and never applied.
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openPortholeDB, type PortholeDB } from '../db.ts';
import { deleteUserRecord, listNotes, listUserRecords, putUserRecord, setNote } from '../user-data.ts';
import { syncRound, type SyncState, type SyncStorage } from './round.ts';
import { SYNC_PREFIX } from './payload.ts';

class FakeSync implements SyncStorage {
  data: Record<string, unknown> = {};
  refuse = false;
  get = async () => structuredClone(this.data);
  set = async (items: Record<string, unknown>) => {
    if (this.refuse) throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    Object.assign(this.data, structuredClone(items));
  };
  remove = async (keys: string[]) => {
    for (const k of keys) delete this.data[k];
  };
}

interface Device {
  db: PortholeDB;
  state: SyncState;
}

let sync: FakeSync;
let desk: Device;
let laptop: Device;
let clock = Date.parse('2026-12-02T08:00:00.000Z');
const tick = () => new Date((clock += 60_000));

const device = async (name: string): Promise<Device> => {
  globalThis.indexedDB = new IDBFactory();
  return { db: await openPortholeDB(`porthole-${name}`), state: { device: name, known: {} } };
};
const round = async (d: Device) => {
  const result = await syncRound(d.db, sync, d.state, tick());
  d.state = result.state;
  return result.status;
};

beforeEach(async () => {
  sync = new FakeSync();
  desk = await device('desk');
  laptop = await device('laptop');
});

describe('syncRound between two browsers', () => {
  it('carries notes and definitions across, marked as changed on another device', async () => {
    await setNote(desk.db, 22, 'bastion only', tick());
    await putUserRecord(desk.db, { port: 8443, protocols: ['tcp'], title: 'Billing admin API', summary: 'Ours.', uses: [] }, tick());
    expect(await round(desk)).toMatchObject({ sent: 2, received: 0, ignored: [] });
    expect(await round(laptop)).toMatchObject({ sent: 0, received: 2 });
    const [note] = await listNotes(laptop.db);
    expect(note).toMatchObject({ port: 22, text: 'bastion only' });
    expect(note!.changedElsewhere).toBe(note!.updated);
    expect((await listUserRecords(laptop.db))[0]).toMatchObject({ id: 'user:8443', title: 'Billing admin API', changedElsewhere: expect.any(String) });
    // Nothing more to do on either side.
    expect(await round(desk)).toMatchObject({ sent: 0, received: 0 });
  });

  it('the later change wins, and a local edit clears the mark', async () => {
    await setNote(desk.db, 22, 'first', tick());
    await round(desk);
    await round(laptop);
    await setNote(laptop.db, 22, 'second, on the laptop', tick());
    await round(laptop);
    await round(desk);
    expect((await listNotes(desk.db)).map((n) => n.text)).toEqual(['second, on the laptop']);
    expect((await listNotes(laptop.db))[0]!.changedElsewhere).toBeUndefined();
  });

  it('deleting on one device deletes everywhere', async () => {
    await setNote(desk.db, 22, 'temp', tick());
    await putUserRecord(desk.db, { port: 9000, protocols: ['tcp'], title: 'Queue', summary: 'Jobs.', uses: [] }, tick());
    await round(desk);
    await round(laptop);
    await setNote(laptop.db, 22, '', tick());
    await deleteUserRecord(laptop.db, 'user:9000');
    await round(laptop);
    expect(sync.data[`${SYNC_PREFIX}n.22`]).toMatchObject({ deleted: true });
    await round(desk);
    expect(await listNotes(desk.db)).toEqual([]);
    expect(await listUserRecords(desk.db)).toEqual([]);
  });

  it('ignores a corrupt payload with a message and applies the rest', async () => {
    sync.data[`${SYNC_PREFIX}n.80`] = { v: 1, t: '2026-12-02T07:00:00.000Z', dev: 'x', data: { port: 80, text: { html: '<b>' } } };
    sync.data[`${SYNC_PREFIX}n.81`] = { v: 1, t: '2026-12-02T07:00:00.000Z', dev: 'x', data: { port: 81, text: 'fine' } };
    const status = await round(desk);
    expect(status.ignored).toEqual([{ code: 'sync.ignored', params: { entry: { code: 'sync.entry.note', params: { port: '80' } }, reason: { code: 'sync.reason.badNote' } } }]);
    expect((await listNotes(desk.db)).map((n) => n.port)).toEqual([81]);
  });

  it('a refused write is reported, loses nothing, and is retried by the next round', async () => {
    await setNote(desk.db, 22, 'keep', tick());
    sync.refuse = true;
    const status = await round(desk);
    expect(status.error).toEqual({ code: 'sync.refused', params: { error: 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded' } });
    expect(desk.state.known).toEqual({});
    sync.refuse = false;
    expect(await round(desk)).toMatchObject({ sent: 1 });
    expect((await listNotes(desk.db)).map((n) => n.text)).toEqual(['keep']);
  });

  it('refuses to outgrow the sync quota with a clear message, keeping everything here', async () => {
    for (let i = 0; i < 30; i++) await setNote(desk.db, 1000 + i, 'x'.repeat(4000), tick());
    const status = await round(desk);
    expect(status.error).toMatchObject({ code: 'sync.overQuota.bytes', params: { max: 100 } });
    expect(Object.keys(sync.data)).toEqual([]);
    expect(await listNotes(desk.db)).toHaveLength(30);
  });
});
