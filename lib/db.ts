// The port database in IndexedDB. Only extension contexts (background,
// popup, options) open it; content scripts ask the background.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DataSourceInfo, IanaRecord, PortDataset, PortRecord, UserNote, UserRecord, CuratedRecord } from './types.ts';

export const DB_NAME = 'porthole';
/** Bump when stores or indexes change; data changes bump the dataset version instead. */
export const SCHEMA_VERSION = 1;

/** Bundled records (IANA + curated) keep a flag so ranges can be fetched apart. */
export type StoredRecord = (IanaRecord | CuratedRecord) & { isRange: 0 | 1 };
export type StoredUserRecord = UserRecord & { isRange: 0 | 1 };

export interface DataMeta {
  key: 'data';
  version: string;
  sources: DataSourceInfo[];
  populatedAt: string;
  recordCount: number;
}

export interface PortholeSchema extends DBSchema {
  records: { key: string; value: StoredRecord; indexes: { port: number; isRange: number } };
  /** The user's own definitions: never touched by populate or upgrades. */
  user: { key: string; value: StoredUserRecord; indexes: { port: number; isRange: number } };
  /** The user's notes, one per port: never touched by populate or upgrades. */
  notes: { key: number; value: UserNote };
  meta: { key: string; value: DataMeta };
}

export type PortholeDB = IDBPDatabase<PortholeSchema>;

export function openPortholeDB(name = DB_NAME): Promise<PortholeDB> {
  return openDB<PortholeSchema>(name, SCHEMA_VERSION, {
    upgrade(db, oldVersion) {
      // Each step creates what its schema version added; user stores are never dropped.
      if (oldVersion < 1) {
        const records = db.createObjectStore('records', { keyPath: 'id' });
        records.createIndex('port', 'port');
        records.createIndex('isRange', 'isRange');
        const user = db.createObjectStore('user', { keyPath: 'id' });
        user.createIndex('port', 'port');
        user.createIndex('isRange', 'isRange');
        db.createObjectStore('notes', { keyPath: 'port' });
        db.createObjectStore('meta', { keyPath: 'key' });
      }
    },
  });
}

export function withRangeFlag<T extends PortRecord>(record: T): T & { isRange: 0 | 1 } {
  return { ...record, isRange: record.endPort > record.port ? 1 : 0 };
}

export function stripRangeFlag<T extends { isRange: 0 | 1 }>(record: T): Omit<T, 'isRange'> {
  const { isRange: _flag, ...rest } = record;
  return rest;
}

export async function dataMeta(db: PortholeDB): Promise<DataMeta | undefined> {
  return db.get('meta', 'data');
}

/**
 * Replaces the bundled records with `dataset` in one transaction, so a worker
 * stopped half-way leaves the previous data whole. Skips the work when the
 * stored data already has this version. Returns whether it wrote.
 */
export async function populate(db: PortholeDB, dataset: PortDataset, now = new Date()): Promise<boolean> {
  const current = await dataMeta(db);
  if (current?.version === dataset.version) return false;
  const tx = db.transaction(['records', 'meta'], 'readwrite');
  const records = tx.objectStore('records');
  // No awaits between requests: an idb transaction commits once the microtask queue drains.
  void records.clear();
  for (const record of dataset.records) void records.put(withRangeFlag(record));
  void tx.objectStore('meta').put({
    key: 'data',
    version: dataset.version,
    sources: dataset.builtFrom,
    populatedAt: now.toISOString(),
    recordCount: dataset.records.length,
  });
  await tx.done;
  return true;
}
