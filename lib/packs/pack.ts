// Shareable packs: a named, versioned set of port definitions in one JSON
// file (`docs/import-formats.md`). Pure: reading a pack gives the checked
// pack or every problem; writing one gives a file this reader accepts.
import type { KnowledgeEntry } from '../knowledge-schema.ts';
import { rangeKey } from '../curated.ts';
import { checkDefinition, definitionProblemAt } from '../import/user-import.ts';
import { MAX_PROBLEMS, problemAt, type ImportProblem } from '../import/limits.ts';
import { uiText } from '../ui-text.ts';

export const PACK_FORMAT = 'porthole-pack';
/** A pack is for a stack's ports, not a registry. */
export const MAX_PACK_DEFINITIONS = 2000;
const VERSION = /^\d{1,6}(\.\d{1,6}){0,3}$/;
const FIELDS = ['format', 'name', 'version', 'author', 'description', 'definitions'];

export interface PackMeta {
  name: string;
  /** Dotted numbers, compared part by part: 1.10 is newer than 1.9. */
  version: string;
  author: string;
  description?: string;
}

export interface Pack extends PackMeta {
  definitions: KnowledgeEntry[];
}

/** Whether parsed JSON says it is a pack (then it is read as one, and only as one). */
function isPackJson(data: unknown): boolean {
  return data !== null && typeof data === 'object' && (data as { format?: unknown }).format === PACK_FORMAT;
}

/** -1, 0 or 1 as version `a` is older than, equal to or newer than `b`. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Packs are the same pack when their names match, ignoring case and punctuation. */
export function packId(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

function text(root: Record<string, unknown>, key: string, max: number, problems: ImportProblem[], required = true): string | undefined {
  const value = root[key];
  if (value === undefined && !required) return undefined;
  if (typeof value === 'string' && value.trim() !== '' && value.trim().length <= max) return value.trim();
  problems.push({ text: uiText(required ? 'import.pack.textRequired' : 'import.pack.text', { key: `"${key}"`, max }) });
  return undefined;
}

/** Checks parsed JSON as a pack. */
export function readPack(data: unknown): { ok: true; pack: Pack } | { ok: false; problems: ImportProblem[] } {
  if (!isPackJson(data) || Array.isArray(data)) return { ok: false, problems: [{ text: uiText('import.pack.notPack', { format: `"${PACK_FORMAT}"` }) }] };
  const root = data as Record<string, unknown>;
  const problems: ImportProblem[] = [];
  const unknown = Object.keys(root).filter((k) => !FIELDS.includes(k));
  if (unknown.length > 0) problems.push({ text: uiText('import.pack.unknownFields', { fields: unknown.map((k) => `"${k}"`), allowed: FIELDS.map((f) => `"${f}"`).join(', ') }, unknown.length) });
  const name = text(root, 'name', 80, problems);
  const author = text(root, 'author', 80, problems);
  const description = text(root, 'description', 300, problems, false);
  const version = root.version;
  if (typeof version !== 'string' || !VERSION.test(version)) problems.push({ text: uiText('import.pack.version', { found: JSON.stringify(version) ?? uiText('import.value.nothing') }) });
  if (name !== undefined && packId(name) === '') problems.push({ text: uiText('import.pack.nameLetters') });
  const list = root.definitions;
  const definitions: KnowledgeEntry[] = [];
  if (!Array.isArray(list) || list.length === 0) problems.push({ text: uiText('import.pack.noDefinitions') });
  else if (list.length > MAX_PACK_DEFINITIONS) problems.push({ text: uiText('import.pack.tooMany', { count: list.length, max: MAX_PACK_DEFINITIONS }) });
  else {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const where = `definitions[${i}]`;
      const checked = checkDefinition(item);
      if ('problems' in checked) return problems.push(...checked.problems.map((p) => ({ text: definitionProblemAt(where, p) })));
      const key = rangeKey(checked.entry.port, checked.entry.endPort ?? checked.entry.port);
      const first = seen.get(key);
      if (first !== undefined) return problems.push({ text: problemAt(where, uiText('import.pack.duplicate', { port: key, first: `definitions[${first}]` })) });
      seen.set(key, i);
      definitions.push(checked.entry);
    });
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  const pack: Pack = { name: name!, version: version as string, author: author!, definitions };
  if (description) pack.description = description;
  return { ok: true, pack };
}

/** A pack file of `definitions`; it reads back with readPack to the same pack. */
export function writePack(meta: PackMeta, definitions: readonly KnowledgeEntry[]): string {
  const pack = { format: PACK_FORMAT, name: meta.name.trim(), version: meta.version.trim(), author: meta.author.trim(), ...(meta.description?.trim() ? { description: meta.description.trim() } : {}), definitions: [...definitions].sort((a, b) => a.port - b.port) };
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** `porthole-pack-kubernetes-control-plane-1.0.0.json` */
export function packFileName(meta: PackMeta): string {
  return `porthole-pack-${packId(meta.name) || 'pack'}-${meta.version}.json`;
}

/** The pack in a file's text, checked; null when the text is not a pack (another importer reads it). */
export function packOfText(text: string): ReturnType<typeof readPack> | null {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  return isPackJson(data) ? readPack(data) : null;
}
