// Installed packs live beside the user's own definitions in the `user` store,
// as records with a `pack` stamp and ids `pack:<pack id>:<port>`, so lookups
// and search find them with no change; a pack is installed, updated and
// removed as a whole, in one transaction each.
import { stripRangeFlag, withRangeFlag, type PortholeDB } from '../db.ts';
import { rangeKey } from '../curated.ts';
import { entryOfRecord, type DefinitionChange, type UserImportPreview } from '../import/diff.ts';
import { userRecordOf } from '../user-data.ts';
import type { UserRecord } from '../types.ts';
import type { KnowledgeEntry } from '../knowledge-schema.ts';
import { compareVersions, packId, type Pack } from './pack.ts';
import { uiText, type UiText } from '../ui-text.ts';

export interface InstalledPack {
  id: string;
  name: string;
  version: string;
  author: string;
  /** Its ports, in order (`8443`, `9300-9400`). */
  ports: string[];
}

export interface PackPreview {
  name: string;
  version: string;
  author: string;
  description?: string;
  /** The version installed now, if any. */
  installed?: string;
  action: 'install' | 'update' | 'same';
  /** Ports the installed version has and this one drops. */
  removed: { key: string; title: string }[];
}

function packRecordOf(pack: Pack, entry: KnowledgeEntry, now = new Date()): UserRecord {
  const record = userRecordOf(entry, now);
  return { ...record, id: `pack:${packId(pack.name)}:${rangeKey(record.port, record.endPort)}`, pack: { name: pack.name, version: pack.version, author: pack.author } };
}

async function installedRecords(db: PortholeDB, id: string): Promise<UserRecord[]> {
  const all = await db.getAll('user', IDBKeyRange.bound(`pack:${id}:`, `pack:${id}:\uffff`));
  return all.map((r) => stripRangeFlag(r) as UserRecord);
}

export async function listPacks(db: PortholeDB): Promise<InstalledPack[]> {
  const all = await db.getAll('user', IDBKeyRange.bound('pack:', 'pack:\uffff'));
  const packs = new Map<string, InstalledPack>();
  for (const r of all.sort((a, b) => a.port - b.port)) {
    if (!r.pack) continue;
    const id = packId(r.pack.name);
    const pack = packs.get(id) ?? { id, name: r.pack.name, version: r.pack.version, author: r.pack.author, ports: [] };
    pack.ports.push(rangeKey(r.port, r.endPort));
    packs.set(id, pack);
  }
  return [...packs.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * What installing `pack` changes, as the import preview shows it; or why it
 * cannot be installed (an older version than the one installed).
 */
export async function previewPack(db: PortholeDB, pack: Pack): Promise<{ ok: true; preview: UserImportPreview } | { ok: false; problem: UiText }> {
  const installed = await installedRecords(db, packId(pack.name));
  const current = installed[0]?.pack;
  if (current && compareVersions(pack.version, current.version) < 0) {
    return { ok: false, problem: uiText('import.pack.older', { version: pack.version, name: current.name, installed: current.version }) };
  }
  const byKey = new Map(installed.map((r) => [rangeKey(r.port, r.endPort), entryOfRecord(r)]));
  const definitionChanges = pack.definitions.map((entry): DefinitionChange => {
    const key = rangeKey(entry.port, entry.endPort ?? entry.port);
    const previous = byKey.get(key);
    if (!previous) return { status: 'added', key, entry };
    return { status: JSON.stringify(previous) === JSON.stringify(entry) ? 'unchanged' : 'changed', key, entry, previous };
  });
  const kept = new Set(definitionChanges.map((c) => c.key));
  const count = (s: DefinitionChange['status']) => definitionChanges.filter((c) => c.status === s).length;
  const preview: PackPreview = {
    name: pack.name,
    version: pack.version,
    author: pack.author,
    action: !current ? 'install' : compareVersions(pack.version, current.version) > 0 ? 'update' : 'same',
    removed: installed.filter((r) => !kept.has(rangeKey(r.port, r.endPort))).map((r) => ({ key: rangeKey(r.port, r.endPort), title: r.title })),
  };
  if (pack.description) preview.description = pack.description;
  if (current) preview.installed = current.version;
  return {
    ok: true,
    preview: {
      format: 'pack',
      notes: { added: 0, changed: 0, unchanged: 0 },
      definitions: { added: count('added'), changed: count('changed'), unchanged: count('unchanged') },
      noteChanges: [],
      definitionChanges,
      pack: preview,
    },
  };
}

/** Installs or updates a pack: its previous version's records go, the new ones come, in one transaction. */
export async function installPack(db: PortholeDB, pack: Pack, now = new Date()): Promise<void> {
  const id = packId(pack.name);
  const tx = db.transaction('user', 'readwrite');
  await Promise.all([tx.store.delete(IDBKeyRange.bound(`pack:${id}:`, `pack:${id}:\uffff`)), ...pack.definitions.map((e) => tx.store.put(withRangeFlag(packRecordOf(pack, e, now)))), tx.done]);
}

/** Removes every port of the pack named `name`; returns how many. */
export async function removePack(db: PortholeDB, name: string): Promise<number> {
  const id = packId(name);
  const range = IDBKeyRange.bound(`pack:${id}:`, `pack:${id}:\uffff`);
  const tx = db.transaction('user', 'readwrite');
  const [count] = await Promise.all([tx.store.count(range), tx.store.delete(range), tx.done]);
  return count;
}
