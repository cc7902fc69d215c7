// The user's own data: notes per port and custom port definitions. They live
// in their own stores, which populate and upgrades never touch.
import { stripRangeFlag, withRangeFlag, type PortholeDB } from './db.ts';
import type { KnowledgeEntry } from './knowledge-schema.ts';
import { rangeKey } from './curated.ts';
import type { UserNote, UserRecord } from './types.ts';

/** Saves a note; empty text deletes it. Returns the note, or null when deleted. */
export async function setNote(db: PortholeDB, port: number, text: string, now = new Date()): Promise<UserNote | null> {
  const trimmed = text.trim();
  if (trimmed === '') {
    await db.delete('notes', port);
    return null;
  }
  const note: UserNote = { port, text: trimmed, updated: now.toISOString() };
  await db.put('notes', note);
  return note;
}

export async function listNotes(db: PortholeDB): Promise<UserNote[]> {
  return db.getAll('notes');
}

export function userRecordOf(entry: KnowledgeEntry, now = new Date()): UserRecord {
  const endPort = entry.endPort ?? entry.port;
  const { endPort: _e, ...rest } = entry;
  return { ...rest, id: `user:${rangeKey(entry.port, endPort)}`, source: 'user', endPort, updated: now.toISOString() };
}

export async function putUserRecord(db: PortholeDB, entry: KnowledgeEntry, now = new Date()): Promise<UserRecord> {
  const record = userRecordOf(entry, now);
  await db.put('user', withRangeFlag(record));
  return record;
}

export async function deleteUserRecord(db: PortholeDB, id: string): Promise<boolean> {
  const existing = await db.getKey('user', id);
  if (existing === undefined) return false;
  await db.delete('user', id);
  return true;
}

/** The user's own definitions, as opposed to those of installed packs (which share their store). */
export const isOwnRecord = (r: { id: string }) => r.id.startsWith('user:');

export async function listUserRecords(db: PortholeDB): Promise<UserRecord[]> {
  return (await db.getAll('user'))
    .filter(isOwnRecord)
    .map((r) => stripRangeFlag(r) as UserRecord)
    .sort((a, b) => a.port - b.port);
}
