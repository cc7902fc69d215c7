// Writes imports to the database, each in ONE transaction: a worker stopped
// half-way, or any failing write, leaves the previous data whole.
import { withRangeFlag, stripRangeFlag, type IanaImport, type PortholeDB } from '../db.ts';
import { isOwnRecord, userRecordOf } from '../user-data.ts';
import type { IanaRecord, PortDataset, UserNote, UserRecord } from '../types.ts';
import { diffIana, diffUserImport, type IanaPreview, type UserImportPreview } from './diff.ts';
import type { ParsedIana } from './iana-csv.ts';
import type { UserImport } from './user-import.ts';

export async function previewUserImport(db: PortholeDB, data: UserImport): Promise<UserImportPreview> {
  const tx = db.transaction(['notes', 'user'], 'readonly');
  const [notes, records] = await Promise.all([tx.objectStore('notes').getAll(), tx.objectStore('user').getAll()]);
  return diffUserImport(data, notes, records.filter(isOwnRecord).map((r) => stripRangeFlag(r) as UserRecord));
}

/**
 * Adds new notes and definitions and replaces changed ones; deletes nothing.
 * Reads, compares and writes in one transaction. Returns what it changed.
 */
export async function applyUserImport(db: PortholeDB, data: UserImport, now = new Date()): Promise<UserImportPreview> {
  const tx = db.transaction(['notes', 'user'], 'readwrite');
  tx.done.catch(() => {}); // awaited below; an abort is reported there
  const notesStore = tx.objectStore('notes');
  const userStore = tx.objectStore('user');
  try {
    // Awaiting requests of this transaction keeps it open; nothing else is awaited.
    const [notes, records] = await Promise.all([notesStore.getAll(), userStore.getAll()]);
    const preview = diffUserImport(data, notes, records.filter(isOwnRecord).map((r) => stripRangeFlag(r) as UserRecord));
    const updated = now.toISOString();
    const { writes, add } = writeList();
    for (const change of preview.noteChanges) {
      if (change.status === 'unchanged') continue;
      const note: UserNote = { port: change.port, text: change.text, updated };
      add(notesStore.put(note));
    }
    for (const change of preview.definitionChanges) {
      if (change.status === 'unchanged') continue;
      add(userStore.put(withRangeFlag(userRecordOf(change.entry, now))));
    }
    await Promise.all([...writes, tx.done]);
    return preview;
  } catch (err) {
    abortQuietly(tx);
    throw err;
  }
}

/** Collects a transaction's write requests; a failure is reported once, by Promise.all. */
function writeList(): { writes: Promise<unknown>[]; add: (p: Promise<unknown>) => void } {
  const writes: Promise<unknown>[] = [];
  return {
    writes,
    add: (p) => {
      p.catch(() => {});
      writes.push(p);
    },
  };
}

function abortQuietly(tx: { abort: () => void; done: Promise<void> }): void {
  tx.done.catch(() => {});
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}

async function ianaRecords(db: PortholeDB): Promise<IanaRecord[]> {
  const all = await db.getAll('records');
  return all.filter((r) => r.source === 'iana').map((r) => stripRangeFlag(r) as IanaRecord);
}

export async function previewIanaImport(db: PortholeDB, parsed: ParsedIana, fileName?: string): Promise<IanaPreview> {
  const diff = diffIana(parsed.records, await ianaRecords(db));
  return { ...diff, fileName, newestDate: parsed.newestDate, rowCount: parsed.rowCount, skipped: parsed.skipped };
}

/**
 * Replaces every IANA record with the imported ones (curated records stay) and
 * stores the import so that updates of the bundled data can re-apply it.
 */
export async function applyIanaImport(db: PortholeDB, parsed: ParsedIana, fileName?: string, now = new Date()): Promise<IanaPreview> {
  const tx = db.transaction(['records', 'imports', 'meta'], 'readwrite');
  tx.done.catch(() => {}); // awaited below; an abort is reported there
  const store = tx.objectStore('records');
  try {
    const [all, meta] = await Promise.all([store.getAll(), tx.objectStore('meta').get('data')]);
    const current = all.filter((r) => r.source === 'iana').map((r) => stripRangeFlag(r) as IanaRecord);
    const kept = all.filter((r) => r.source !== 'iana');
    const diff = diffIana(parsed.records, current);
    const stored: IanaImport = {
      key: 'iana',
      records: parsed.records,
      newestDate: parsed.newestDate,
      importedAt: now.toISOString(),
      rowCount: parsed.rowCount,
      skipped: parsed.skipped,
    };
    if (fileName) stored.fileName = fileName;
    const { writes, add } = writeList();
    add(store.clear());
    for (const r of kept) add(store.put(r));
    for (const r of parsed.records) add(store.put(withRangeFlag(r)));
    add(tx.objectStore('imports').put(stored));
    if (meta) add(tx.objectStore('meta').put({ ...meta, recordCount: kept.length + parsed.records.length }));
    await Promise.all([...writes, tx.done]);
    return { ...diff, fileName, newestDate: parsed.newestDate, rowCount: parsed.rowCount, skipped: parsed.skipped };
  } catch (err) {
    abortQuietly(tx);
    throw err;
  }
}

/** Goes back to the bundled IANA records and forgets the import. Returns whether there was one. */
export async function resetIanaImport(db: PortholeDB, dataset: PortDataset): Promise<boolean> {
  const tx = db.transaction(['records', 'imports', 'meta'], 'readwrite');
  tx.done.catch(() => {}); // awaited below; an abort is reported there
  const store = tx.objectStore('records');
  try {
    const [all, imported, meta] = await Promise.all([store.getAll(), tx.objectStore('imports').get('iana'), tx.objectStore('meta').get('data')]);
    const kept = all.filter((r) => r.source !== 'iana');
    const bundled = dataset.records.filter((r) => r.source === 'iana');
    const { writes, add } = writeList();
    add(store.clear());
    for (const r of kept) add(store.put(r));
    for (const r of bundled) add(store.put(withRangeFlag(r)));
    add(tx.objectStore('imports').delete('iana'));
    if (meta) add(tx.objectStore('meta').put({ ...meta, recordCount: kept.length + bundled.length }));
    await Promise.all([...writes, tx.done]);
    return imported !== undefined;
  } catch (err) {
    abortQuietly(tx);
    throw err;
  }
}

/** What About shows of an imported registry. */
export type IanaImportInfo = Omit<IanaImport, 'key' | 'records'> & { recordCount: number };

export async function ianaImportInfo(db: PortholeDB): Promise<IanaImportInfo | undefined> {
  const imported = await db.get('imports', 'iana');
  if (!imported) return undefined;
  const { key: _key, records, ...info } = imported;
  return { ...info, recordCount: records.length };
}
