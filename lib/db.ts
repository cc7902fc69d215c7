// The port database in IndexedDB. Only extension contexts (background,
// popup, options) open it; content scripts ask the background.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DataSourceInfo, IanaRecord, PortDataset, PortRecord, UserNote, UserRecord, CuratedRecord } from './types.ts';

export const DB_NAME = 'porthole';
/** Bump when stores or indexes change; data changes bump the dataset version instead. */
export const SCHEMA_VERSION = 2;

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

/**
 * An IANA registry CSV the user imported (options page). Its records replace
 * the bundled IANA records; it is kept here so that an update of the bundled
 * data can re-apply it while it is newer (see `keepsImportedRegistry`).
 */
export interface IanaImport {
  key: 'iana';
  records: IanaRecord[];
  /** Newest registration/modification date in the file: its "as of". */
  newestDate: string;
  importedAt: string;
  fileName?: string;
  rowCount: number;
  skipped: number;
}

export interface PortholeSchema extends DBSchema {
  records: { key: string; value: StoredRecord; indexes: { port: number; isRange: number } };
  /** The user's own definitions: never touched by populate or upgrades. */
  user: { key: string; value: StoredUserRecord; indexes: { port: number; isRange: number } };
  /** The user's notes, one per port: never touched by populate or upgrades. */
  notes: { key: number; value: UserNote };
  meta: { key: string; value: DataMeta };
  /** Since schema 2: an imported IANA registry (see IanaImport). */
  imports: { key: string; value: IanaImport };
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
      if (oldVersion < 2) {
        db.createObjectStore('imports', { keyPath: 'key' });
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
  const tx = db.transaction(['records', 'meta', 'imports'], 'readwrite');
  const records = tx.objectStore('records');
  // An IANA registry the user imported survives the update while it is newer.
  // (Awaiting an idb request of this transaction keeps it alive.)
  const imported = await tx.objectStore('imports').get('iana');
  const keep = imported !== undefined && keepsImportedRegistry(imported, dataset);
  const written = keep ? [...dataset.records.filter((r) => r.source !== 'iana'), ...imported.records] : dataset.records;
  // No awaits between requests: an idb transaction commits once the microtask queue drains.
  void records.clear();
  for (const record of written) void records.put(withRangeFlag(record));
  if (imported && !keep) void tx.objectStore('imports').delete('iana');
  void tx.objectStore('meta').put({
    key: 'data',
    version: dataset.version,
    sources: dataset.builtFrom,
    populatedAt: now.toISOString(),
    recordCount: written.length,
  });
  await tx.done;
  return true;
}

/** The date of the newest IANA registry copy in a dataset (its records' "as of"). */
export function bundledRegistryDate(dataset: PortDataset): string {
  let newest = '';
  for (const r of dataset.records) if (r.source === 'iana' && r.asOf > newest) newest = r.asOf;
  return newest;
}

/**
 * An imported registry is kept over the bundled one while its newest entry is
 * newer than the bundled registry's date; once an update ships a registry at
 * least as new, the bundled one wins and the import is dropped.
 */
export function keepsImportedRegistry(imported: Pick<IanaImport, 'newestDate'>, dataset: PortDataset): boolean {
  return imported.newestDate > bundledRegistryDate(dataset);
}
