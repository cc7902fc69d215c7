// What an import would change, computed from the file and the stored data.
// Imports merge: new keys are added, differing ones replaced, nothing is deleted.
import { rangeKey } from '../curated.ts';
import type { KnowledgeEntry } from '../knowledge-schema.ts';
import type { IanaRecord, UserNote, UserRecord } from '../types.ts';
import { normaliseEntry, type NoteInput, type UserImport } from './user-import.ts';
import type { PackPreview } from '../packs/store.ts';

export type ChangeStatus = 'added' | 'changed' | 'unchanged';

export interface NoteChange {
  status: ChangeStatus;
  port: number;
  text: string;
  previous?: string;
}

export interface DefinitionChange {
  status: ChangeStatus;
  /** `8443` or `6000-6063`. */
  key: string;
  entry: KnowledgeEntry;
  previous?: KnowledgeEntry;
}

export interface Counts {
  added: number;
  changed: number;
  unchanged: number;
}

export interface UserImportPreview {
  format: UserImport['format'] | 'pack';
  notes: Counts;
  definitions: Counts;
  noteChanges: NoteChange[];
  definitionChanges: DefinitionChange[];
  /** For a pack: its name, version, what is installed now, and the ports it drops. */
  pack?: PackPreview;
}

/** A stored definition in the shape of an import entry. */
export function entryOfRecord(record: UserRecord): KnowledgeEntry {
  const { id: _id, source: _source, updated: _updated, ...rest } = record as UserRecord & { isRange?: number };
  delete (rest as { isRange?: number }).isRange;
  return normaliseEntry(rest as KnowledgeEntry);
}

/** JSON with keys in a fixed order, so equal entries give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

const count = (statuses: ChangeStatus[]): Counts => ({
  added: statuses.filter((s) => s === 'added').length,
  changed: statuses.filter((s) => s === 'changed').length,
  unchanged: statuses.filter((s) => s === 'unchanged').length,
});

export function diffUserImport(data: UserImport, notes: UserNote[], records: UserRecord[]): UserImportPreview {
  const noteByPort = new Map(notes.map((n) => [n.port, n.text]));
  const noteChanges = data.notes.map((n: NoteInput): NoteChange => {
    const previous = noteByPort.get(n.port);
    if (previous === undefined) return { status: 'added', port: n.port, text: n.text };
    return { status: previous === n.text ? 'unchanged' : 'changed', port: n.port, text: n.text, previous };
  });
  const recordByKey = new Map(records.map((r) => [rangeKey(r.port, r.endPort), entryOfRecord(r)]));
  const definitionChanges = data.definitions.map((entry): DefinitionChange => {
    const key = rangeKey(entry.port, entry.endPort ?? entry.port);
    const previous = recordByKey.get(key);
    if (!previous) return { status: 'added', key, entry };
    return { status: canonical(previous) === canonical(normaliseEntry(entry)) ? 'unchanged' : 'changed', key, entry, previous };
  });
  return {
    format: data.format,
    notes: count(noteChanges.map((c) => c.status)),
    definitions: count(definitionChanges.map((c) => c.status)),
    noteChanges,
    definitionChanges,
  };
}

export interface IanaChange {
  status: 'added' | 'changed' | 'removed';
  id: string;
  port: number;
  endPort: number;
  protocols: string[];
  serviceName: string;
  description: string;
}

export interface IanaPreview {
  fileName?: string;
  newestDate: string;
  /** Date of the registry now in use (bundled or a previous import). */
  currentDate: string;
  rowCount: number;
  skipped: number;
  recordCount: number;
  counts: { added: number; changed: number; removed: number; unchanged: number };
  /** Up to `sample` changes of each kind, for the preview table. */
  changes: IanaChange[];
}

const comparable = (r: IanaRecord): string => canonical({ ...r, asOf: undefined, isRange: undefined });

export function diffIana(next: IanaRecord[], current: IanaRecord[], sample = 50): Omit<IanaPreview, 'fileName' | 'newestDate' | 'rowCount' | 'skipped'> {
  const currentById = new Map(current.map((r) => [r.id, r]));
  const nextIds = new Set(next.map((r) => r.id));
  const counts = { added: 0, changed: 0, removed: 0, unchanged: 0 };
  const changes: IanaChange[] = [];
  const shown = { added: 0, changed: 0, removed: 0 };
  const note = (status: IanaChange['status'], r: IanaRecord) => {
    counts[status]++;
    if (shown[status]++ < sample) {
      changes.push({ status, id: r.id, port: r.port, endPort: r.endPort, protocols: r.protocols, serviceName: r.serviceName, description: r.description });
    }
  };
  for (const r of next) {
    const before = currentById.get(r.id);
    if (!before) note('added', r);
    else if (comparable(before) !== comparable(r)) note('changed', r);
    else counts.unchanged++;
  }
  for (const r of current) if (!nextIds.has(r.id)) note('removed', r);
  let currentDate = '';
  for (const r of current) if (r.asOf > currentDate) currentDate = r.asOf;
  return { currentDate, recordCount: next.length, counts, changes };
}
