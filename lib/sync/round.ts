// One sync round against the database: read this browser's notes and
// definitions, plan with planSync, write sync in one set and one remove call,
// and apply other devices' changes here in one transaction. IndexedDB stays
// the source: sync only ever changes it through checked items.
import { stripRangeFlag, withRangeFlag, type PortholeDB } from '../db.ts';
import { entryOfRecord } from '../import/diff.ts';
import { rangeKey } from '../curated.ts';
import { isOwnRecord, userRecordOf } from '../user-data.ts';
import type { UserNote, UserRecord } from '../types.ts';
import { planSync, type LocalItem } from './merge.ts';
import type { SyncData, SyncItem } from './payload.ts';
import { uiText, type UiText } from '../ui-text.ts';

/** The browser's storage.sync, reduced to what a round needs. */
export interface SyncStorage {
  get: () => Promise<Record<string, unknown>>;
  set: (items: Record<string, unknown>) => Promise<void>;
  remove: (keys: string[]) => Promise<void>;
}

/** What this browser remembers between rounds (kept in storage.local). */
export interface SyncState {
  device: string;
  known: Record<string, string>;
}

/** What the options page shows about the last round. */
export interface SyncStatus {
  at: string;
  /** Items written to sync and items taken from it. */
  sent: number;
  received: number;
  /** Why the round could not write (quota, the browser refusing); absent when it could. */
  error?: UiText;
  /** Items in sync that were not applied, each with why. */
  ignored: UiText[];
}

const noteKey = (port: number) => `n.${port}`;
const definitionKey = (r: { port: number; endPort: number }) => `d.${rangeKey(r.port, r.endPort)}`;

function localItems(notes: UserNote[], records: UserRecord[]): LocalItem[] {
  return [
    ...notes.map((n): LocalItem => ({ key: noteKey(n.port), t: n.updated, data: { kind: 'note', port: n.port, text: n.text } })),
    ...records.map((r): LocalItem => ({ key: definitionKey(r), t: r.updated, data: { kind: 'definition', entry: entryOfRecord(r) } })),
  ];
}

export async function syncRound(db: PortholeDB, sync: SyncStorage, state: SyncState, now = new Date()): Promise<{ status: SyncStatus; state: SyncState; changedHere: boolean }> {
  const [notes, records, stored] = await Promise.all([db.getAll('notes'), db.getAll('user'), sync.get()]);
  // Packs are installed per browser; only the user's own definitions sync.
  const own = records.filter(isOwnRecord).map((r) => stripRangeFlag(r) as UserRecord);
  const plan = planSync({ local: localItems(notes, own), stored, known: state.known, device: state.device, now });
  const status: SyncStatus = {
    at: now.toISOString(),
    sent: 0,
    received: 0,
    ignored: plan.ignored.map((i) => uiText('sync.ignored', { entry: describeKey(i.key), reason: i.reason })),
  };
  if (plan.overQuota) status.error = plan.overQuota;
  else {
    try {
      if (Object.keys(plan.set).length > 0) await sync.set(plan.set);
      if (plan.remove.length > 0) await sync.remove(plan.remove);
      status.sent = Object.keys(plan.set).filter((k) => !k.includes('#')).length;
    } catch (err) {
      status.error = uiText('sync.refused', { error: err instanceof Error ? err.message : String(err) });
    }
  }
  status.received = await applyHere(db, plan.local);
  // After a refused write, this browser and sync agree on nothing new.
  return { status, state: { device: state.device, known: status.error ? state.known : plan.known }, changedHere: status.received > 0 };
}

/** Applies other devices' changes in one transaction, re-checking each against what is here now. */
async function applyHere(db: PortholeDB, changes: ReturnType<typeof planSync>['local']): Promise<number> {
  if (changes.length === 0) return 0;
  const tx = db.transaction(['notes', 'user'], 'readwrite');
  const notes = tx.objectStore('notes');
  const user = tx.objectStore('user');
  const [currentNotes, currentRecords] = await Promise.all([notes.getAll(), user.getAll()]);
  const times = new Map<string, string>([...currentNotes.map((n) => [noteKey(n.port), n.updated] as const), ...currentRecords.filter(isOwnRecord).map((r) => [definitionKey(r), r.updated] as const)]);
  let applied = 0;
  const writes: Promise<unknown>[] = [];
  for (const change of changes) {
    if ('put' in change) {
      // Changed here since the round began: the later change wins next round.
      if ((times.get(change.put.key) ?? '') >= change.put.t) continue;
      writes.push(put(notes, user, change.put));
    } else {
      const [kind, key] = [change.delete.slice(0, 1), change.delete.slice(2)];
      writes.push(kind === 'n' ? notes.delete(Number(key)) : user.delete(`user:${key}`));
    }
    applied++;
  }
  await Promise.all([...writes, tx.done]);
  return applied;
}

function put(notes: { put: (v: UserNote) => Promise<unknown> }, user: { put: (v: UserRecord & { isRange: 0 | 1 }) => Promise<unknown> }, item: SyncItem & { data: SyncData }) {
  if (item.data.kind === 'note') return notes.put({ port: item.data.port, text: item.data.text, updated: item.t, changedElsewhere: item.t });
  const record: UserRecord = { ...userRecordOf(item.data.entry), updated: item.t, changedElsewhere: item.t };
  return user.put(withRangeFlag(record));
}

function describeKey(key: string): UiText {
  if (key.startsWith('n.')) return uiText('sync.entry.note', { port: key.slice(2) });
  if (key.startsWith('d.')) return uiText('sync.entry.definition', { port: key.slice(2) });
  return uiText('sync.entry.other', { key: key.slice(0, 40) });
}
