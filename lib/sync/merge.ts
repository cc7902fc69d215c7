// One sync round: compares this browser's notes and definitions with what
// storage.sync holds and decides, per item, who wins (the later change), what
// to write to sync, and what to change here. Pure; the background applies it.
import { decodeSync, encodeItem, keysOfItem, SYNC_PREFIX, type SyncData, type SyncItem } from './payload.ts';
import { uiText, type UiText } from '../ui-text.ts';
import { MAX_ITEMS, QUOTA_BYTES, itemBytes } from './quota.ts';

/** Deletions travel as tombstones for this long, then are dropped from sync. */
export const TOMBSTONE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** A note or definition as it is in this browser, with the time it last changed. */
export interface LocalItem {
  key: string;
  t: string;
  data: SyncData;
}

/** A change to make here: take another device's version, or delete. */
export type LocalChange = { put: SyncItem & { data: SyncData } } | { delete: string };

export interface SyncPlan {
  local: LocalChange[];
  /** storage.sync entries to write (one set call). */
  set: Record<string, unknown>;
  /** storage.sync keys to remove (one remove call). */
  remove: string[];
  /** What this browser and sync agree on after the round: item key → change time. */
  known: Record<string, string>;
  /** Items in sync that were left alone, with why. */
  ignored: { key: string; reason: UiText }[];
  /** Set when writing would exceed sync's quota: then nothing is written. */
  overQuota?: UiText;
}

export interface SyncInput {
  local: LocalItem[];
  /** Everything storage.sync holds (other keys are ignored). */
  stored: Record<string, unknown>;
  known: Record<string, string>;
  device: string;
  now: Date;
}

export function planSync({ local, stored, known, device, now }: SyncInput): SyncPlan {
  const { items: remote, ignored } = decodeSync(stored);
  const skip = new Set(ignored.map((i) => i.key));
  const localByKey = new Map(local.map((l) => [l.key, l]));
  const plan: SyncPlan = { local: [], set: {}, remove: [], known: {}, ignored };
  const push = (item: LocalItem | SyncItem, data: SyncData | null) => {
    for (const key of keysOfItem(stored, item.key)) if (key.includes('#')) plan.remove.push(key);
    const encoded = encodeItem({ key: item.key, t: 't' in item ? item.t : now.toISOString(), dev: device, data });
    Object.assign(plan.set, encoded);
    for (const key of Object.keys(encoded)) plan.remove = plan.remove.filter((k) => k !== key);
  };
  const keys = new Set([...localByKey.keys(), ...remote.keys(), ...Object.keys(known)]);
  for (const key of keys) {
    // A damaged or foreign item is never applied, and never overwritten either.
    if (skip.has(key)) continue;
    const mine = localByKey.get(key);
    const theirs = remote.get(key);
    if (mine && theirs?.data) {
      if (mine.t > theirs.t) push(mine, mine.data);
      else if (theirs.t > mine.t) plan.local.push({ put: { ...theirs, data: theirs.data } });
      plan.known[key] = mine.t > theirs.t ? mine.t : theirs.t;
    } else if (mine && theirs) {
      // Deleted elsewhere: the deletion wins unless this browser changed it later.
      if (theirs.t >= mine.t) plan.local.push({ delete: key });
      else {
        push(mine, mine.data);
        plan.known[key] = mine.t;
      }
    } else if (mine) {
      // Not in sync (new here, or sync was cleared): never deleted here without a tombstone.
      push(mine, mine.data);
      plan.known[key] = mine.t;
    } else if (theirs?.data) {
      const agreed = known[key];
      if (agreed !== undefined && theirs.t <= agreed) push({ key, t: now.toISOString(), dev: device, data: null }, null);
      else {
        plan.local.push({ put: { ...theirs, data: theirs.data } });
        plan.known[key] = theirs.t;
      }
    } else if (theirs && now.getTime() - Date.parse(theirs.t) > TOMBSTONE_TTL_MS) {
      plan.remove.push(...keysOfItem(stored, key));
    }
  }
  const over = quotaProblem(stored, plan);
  if (over) {
    plan.overQuota = over;
    plan.set = {};
    plan.remove = [];
  }
  return plan;
}

/** Whether sync, after this round's writes, would hold more than its quota allows. */
function quotaProblem(stored: Record<string, unknown>, plan: SyncPlan): UiText | undefined {
  const after = new Map(Object.entries(stored).filter(([k]) => k.startsWith(SYNC_PREFIX)));
  for (const key of plan.remove) after.delete(key);
  for (const [key, value] of Object.entries(plan.set)) after.set(key, value);
  let bytes = 0;
  for (const [key, value] of after) bytes += itemBytes(key, value);
  if (bytes <= QUOTA_BYTES && after.size <= MAX_ITEMS) return undefined;
  const kb = (n: number) => Math.ceil(n / 1024);
  return bytes > QUOTA_BYTES ? uiText('sync.overQuota.bytes', { size: kb(bytes), max: kb(QUOTA_BYTES) }) : uiText('sync.overQuota.items', { count: after.size, max: MAX_ITEMS });
}
