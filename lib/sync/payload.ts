// How notes and definitions are written to browser sync (storage.sync) and
// read back. One item per note or definition, under its own key, so that
// last-writer-wins works per item; an item larger than the browser's
// per-item limit is split into parts. Reading checks everything: a corrupt or
// foreign payload is reported and never applied.
import * as v from 'valibot';
import type { KnowledgeEntry } from '../knowledge-schema.ts';
import { checkDefinition, definitionProblemText, MAX_NOTE_LENGTH } from '../import/user-import.ts';
import { rangeKey } from '../curated.ts';
import { isValidPort } from '../types.ts';
import { uiText, type UiText } from '../ui-text.ts';
import { QUOTA_BYTES_PER_ITEM, itemBytes } from './quota.ts';

/** Every key Porthole writes to storage.sync starts with this; others are not ours. */
export const SYNC_PREFIX = 'porthole.';
export const PAYLOAD_VERSION = 1;

export type SyncData = { kind: 'note'; port: number; text: string } | { kind: 'definition'; entry: KnowledgeEntry };

/** One note or definition as sync holds it: alive with its data, or deleted (a tombstone). */
export interface SyncItem {
  /** `n.22` for the note of port 22, `d.8443` or `d.9300-9400` for a definition. */
  key: string;
  /** When it last changed (ISO time), on whichever device changed it. */
  t: string;
  /** The device that changed it (a random id per browser profile). */
  dev: string;
  data: SyncData | null;
}

export function itemKeyOf(data: SyncData): string {
  return data.kind === 'note' ? `n.${data.port}` : `d.${rangeKey(data.entry.port, data.entry.endPort ?? data.entry.port)}`;
}

const storageKey = (itemKey: string) => `${SYNC_PREFIX}${itemKey}`;
const partKey = (itemKey: string, i: number) => `${storageKey(itemKey)}#${i}`;
const ITEM_KEY = /^(n\.\d{1,5}|d\.\d{1,5}(-\d{1,5})?)$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface Head {
  v: number;
  t: string;
  dev: string;
  deleted?: true;
  /** The data itself when it fits one item… */
  data?: unknown;
  /** …or the number of parts (`key#1` … `key#n`) holding its JSON text. */
  parts?: number;
}

/**
 * The storage.sync entries of one item: its head, plus parts when the data
 * does not fit in one item (each within QUOTA_BYTES_PER_ITEM).
 */
export function encodeItem(item: SyncItem): Record<string, unknown> {
  const key = storageKey(item.key);
  if (!item.data) return { [key]: { v: PAYLOAD_VERSION, t: item.t, dev: item.dev, deleted: true } satisfies Head };
  const data = item.data.kind === 'note' ? { port: item.data.port, text: item.data.text } : item.data.entry;
  const whole: Head = { v: PAYLOAD_VERSION, t: item.t, dev: item.dev, data };
  if (itemBytes(key, whole) <= QUOTA_BYTES_PER_ITEM) return { [key]: whole };
  const parts = splitText(JSON.stringify(data), (chunk, i) => itemBytes(partKey(item.key, i), chunk) <= QUOTA_BYTES_PER_ITEM);
  const out: Record<string, unknown> = { [key]: { v: PAYLOAD_VERSION, t: item.t, dev: item.dev, parts: parts.length } satisfies Head };
  parts.forEach((part, i) => (out[partKey(item.key, i + 1)] = part));
  return out;
}

/** Splits text into the longest pieces `fits` accepts, never inside a surrogate pair. */
function splitText(text: string, fits: (chunk: string, index: number) => boolean): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let size = Math.min(text.length - start, 4096);
    let chunk = text.slice(start, start + size);
    while (!fits(chunk, parts.length + 1) || /[\uD800-\uDBFF]$/.test(chunk)) {
      size = /[\uD800-\uDBFF]$/.test(chunk) ? size - 1 : Math.floor(size * 0.8);
      chunk = text.slice(start, start + size);
    }
    parts.push(chunk);
    start += size;
  }
  return parts;
}

/** The storage keys an item occupies (head and parts) in a stored snapshot. */
export function keysOfItem(stored: Record<string, unknown>, itemKey: string): string[] {
  const head = stored[storageKey(itemKey)] as Head | undefined;
  const parts = head && typeof head === 'object' && Number.isInteger(head.parts) ? (head.parts as number) : 0;
  return [storageKey(itemKey), ...Array.from({ length: Math.min(parts, 512) }, (_, i) => partKey(itemKey, i + 1))];
}

export interface DecodedSync {
  items: Map<string, SyncItem>;
  /** Items present but unusable (corrupt, from an unknown version, incomplete): left alone, never applied. */
  ignored: { key: string; reason: UiText }[];
}

/** Reads everything Porthole finds in storage.sync; keys of others are skipped silently. */
export function decodeSync(stored: Record<string, unknown>): DecodedSync {
  const items = new Map<string, SyncItem>();
  const ignored: DecodedSync['ignored'] = [];
  for (const [key, value] of Object.entries(stored)) {
    if (!key.startsWith(SYNC_PREFIX) || key.includes('#')) continue;
    const itemKey = key.slice(SYNC_PREFIX.length);
    const decoded = decodeItem(itemKey, value, stored);
    if ('reason' in decoded) ignored.push({ key: itemKey, reason: decoded.reason });
    else items.set(itemKey, decoded.item);
  }
  return { items, ignored };
}

const NoteSchema = v.strictObject({
  port: v.pipe(v.number(), v.check(isValidPort)),
  text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_NOTE_LENGTH)),
});

function decodeItem(itemKey: string, value: unknown, stored: Record<string, unknown>): { item: SyncItem } | { reason: UiText } {
  if (!ITEM_KEY.test(itemKey)) return { reason: uiText('sync.reason.notOurs') };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { reason: uiText('sync.reason.notObject') };
  const head = value as Head;
  if (head.v !== PAYLOAD_VERSION) return { reason: uiText('sync.reason.format', { format: JSON.stringify(head.v) ?? 'undefined' }) };
  if (typeof head.t !== 'string' || !ISO_TIME.test(head.t)) return { reason: uiText('sync.reason.badTime') };
  if (typeof head.dev !== 'string' || head.dev.length === 0 || head.dev.length > 64) return { reason: uiText('sync.reason.badDevice') };
  const base = { key: itemKey, t: head.t, dev: head.dev };
  if (head.deleted === true) return { item: { ...base, data: null } };
  let raw: unknown = head.data;
  if (head.parts !== undefined) {
    if (!Number.isInteger(head.parts) || head.parts < 1 || head.parts > 512) return { reason: uiText('sync.reason.badParts') };
    const parts = Array.from({ length: head.parts }, (_, i) => stored[partKey(itemKey, i + 1)]);
    if (parts.some((p) => typeof p !== 'string')) return { reason: uiText('sync.reason.partsMissing') };
    try {
      raw = JSON.parse(parts.join(''));
    } catch {
      return { reason: uiText('sync.reason.partsInvalid') };
    }
  }
  if (itemKey.startsWith('n.')) {
    const note = v.safeParse(NoteSchema, raw);
    if (!note.success) return { reason: uiText('sync.reason.badNote') };
    const data: SyncData = { kind: 'note', port: note.output.port, text: note.output.text };
    return itemKeyOf(data) === itemKey ? { item: { ...base, data } } : { reason: uiText('sync.reason.portMismatch') };
  }
  const checked = checkDefinition(raw);
  if ('problems' in checked) return { reason: uiText('sync.reason.badDefinition', { problem: definitionProblemText(checked.problems[0]!) }) };
  const data: SyncData = { kind: 'definition', entry: checked.entry };
  return itemKeyOf(data) === itemKey ? { item: { ...base, data } } : { reason: uiText('sync.reason.portMismatch') };
}
