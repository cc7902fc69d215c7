import { describe, expect, it } from 'vitest';
import { decodeSync, encodeItem, SYNC_PREFIX, type SyncItem } from './payload.ts';
import { planSync, TOMBSTONE_TTL_MS, type LocalItem } from './merge.ts';
import { MAX_ITEMS, QUOTA_BYTES_PER_ITEM, itemBytes } from './quota.ts';

const T1 = '2026-12-01T10:00:00.000Z';
const T2 = '2026-12-01T11:00:00.000Z';
const NOW = new Date('2026-12-02T08:00:00.000Z');
const note = (port: number, text: string, t = T1): LocalItem => ({ key: `n.${port}`, t, data: { kind: 'note', port, text } });
const def = (port: number, title: string, t = T1, extra: Record<string, unknown> = {}): LocalItem => ({
  key: `d.${port}`,
  t,
  data: { kind: 'definition', entry: { port, protocols: ['tcp'], title, summary: 'Ours.', uses: [], ...extra } },
});
const remote = (...items: SyncItem[]) => Object.assign({}, ...items.map(encodeItem)) as Record<string, unknown>;
const other = (item: LocalItem, dev = 'laptop'): SyncItem => ({ ...item, dev });
const plan = (local: LocalItem[], stored: Record<string, unknown>, known: Record<string, string> = {}) => planSync({ local, stored, known, device: 'desk', now: NOW });

describe('sync payload', () => {
  it('round-trips notes, definitions and tombstones', () => {
    const items: SyncItem[] = [other(note(22, 'bastion')), other(def(8443, 'Billing')), { key: 'n.80', t: T1, dev: 'laptop', data: null }];
    expect([...decodeSync(remote(...items)).items.values()]).toEqual(items);
  });

  it('splits an item larger than the per-item quota into parts that each fit, and joins them back', () => {
    const big = other(def(8443, 'Billing', T1, { details: 'é'.repeat(2000), keywords: Array.from({ length: 120 }, (_, i) => `keyword-${i}-${'ü'.repeat(20)}`) }));
    const encoded = encodeItem(big);
    expect(Object.keys(encoded).length).toBeGreaterThan(2);
    for (const [key, value] of Object.entries(encoded)) expect(itemBytes(key, value)).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
    expect(decodeSync(encoded).items.get('d.8443')).toEqual(big);
  });

  it('ignores keys that are not Porthole’s without a word', () => {
    expect(decodeSync({ theme: 'dark', 'other.n.22': { v: 1 } })).toEqual({ items: new Map(), ignored: [] });
  });

  it('reports every kind of corrupt or foreign payload, and keeps the good ones', () => {
    const good = encodeItem(other(note(22, 'ok')));
    const head = { v: 1, t: T1, dev: 'laptop' };
    const reasons = (stored: Record<string, unknown>) => decodeSync({ ...good, ...stored }).ignored.map((i) => [i.key, i.reason]);
    expect(reasons({ [`${SYNC_PREFIX}x.1`]: head })).toEqual([['x.1', { code: 'sync.reason.notOurs' }]]);
    expect(reasons({ [`${SYNC_PREFIX}n.1`]: 'text' })).toEqual([['n.1', { code: 'sync.reason.notObject' }]]);
    expect(reasons({ [`${SYNC_PREFIX}n.1`]: { ...head, v: 9, data: {} } })).toEqual([['n.1', { code: 'sync.reason.format', params: { format: '9' } }]]);
    expect(reasons({ [`${SYNC_PREFIX}n.1`]: { ...head, t: 'yesterday' } })).toEqual([['n.1', { code: 'sync.reason.badTime' }]]);
    expect(reasons({ [`${SYNC_PREFIX}n.1`]: { ...head, dev: '' } })).toEqual([['n.1', { code: 'sync.reason.badDevice' }]]);
    expect(reasons({ [`${SYNC_PREFIX}n.1`]: { ...head, parts: 0 } })).toEqual([['n.1', { code: 'sync.reason.badParts' }]]);
    expect(reasons({ [`${SYNC_PREFIX}n.1`]: { ...head, parts: 2 }, [`${SYNC_PREFIX}n.1#1`]: '{"port":1,' })).toEqual([['n.1', { code: 'sync.reason.partsMissing' }]]);
    expect(reasons({ [`${SYNC_PREFIX}n.1`]: { ...head, parts: 1 }, [`${SYNC_PREFIX}n.1#1`]: '{"port":1,' })).toEqual([['n.1', { code: 'sync.reason.partsInvalid' }]]);
    expect(reasons({ [`${SYNC_PREFIX}n.1`]: { ...head, data: { port: 1, text: '' } } })).toEqual([['n.1', { code: 'sync.reason.badNote' }]]);
    expect(reasons({ [`${SYNC_PREFIX}n.1`]: { ...head, data: { port: 2, text: 'x' } } })).toEqual([['n.1', { code: 'sync.reason.portMismatch' }]]);
    expect(reasons({ [`${SYNC_PREFIX}d.1`]: { ...head, data: { port: 1, protocols: ['tcp'], title: 'x', uses: [] } } })).toEqual([['d.1', { code: 'sync.reason.badDefinition', params: { problem: { code: 'import.at', params: { where: 'summary', problem: { code: 'import.issue.missing' } } } } }]]);
    expect(reasons({ [`${SYNC_PREFIX}d.1`]: { ...head, data: { port: 2, protocols: ['tcp'], title: 'x', summary: 'y', uses: [] } } })).toEqual([['d.1', { code: 'sync.reason.portMismatch' }]]);
    expect(decodeSync({ ...good, [`${SYNC_PREFIX}n.1`]: 'text' }).items.has('n.22')).toBe(true);
  });
});

describe('planSync', () => {
  it('pushes what is only here, and takes what is only in sync (marking who changed it)', () => {
    const result = plan([note(22, 'bastion')], remote(other(def(8443, 'Billing'))));
    expect(result.set).toEqual(encodeItem({ ...note(22, 'bastion'), dev: 'desk' }));
    expect(result.local).toEqual([{ put: other(def(8443, 'Billing')) }]);
    expect(result.known).toEqual({ 'n.22': T1, 'd.8443': T1 });
    expect(result.remove).toEqual([]);
  });

  it('last writer wins per item, both ways', () => {
    const newerThere = plan([note(22, 'old')], remote(other(note(22, 'new', T2))));
    expect(newerThere.local).toEqual([{ put: other(note(22, 'new', T2)) }]);
    expect(newerThere.set).toEqual({});
    const newerHere = plan([note(22, 'new', T2)], remote(other(note(22, 'old'))));
    expect(newerHere.local).toEqual([]);
    expect(newerHere.set).toEqual(encodeItem({ ...note(22, 'new', T2), dev: 'desk' }));
    const same = plan([note(22, 'same')], remote(other(note(22, 'same'))));
    expect([same.local, same.set, same.remove]).toEqual([[], {}, []]);
  });

  it('a deletion elsewhere (tombstone) deletes here, unless this browser changed the item later', () => {
    const tomb = { key: 'n.22', t: T2, dev: 'laptop', data: null };
    expect(plan([note(22, 'x', T1)], remote(tomb)).local).toEqual([{ delete: 'n.22' }]);
    const later = plan([note(22, 'x', '2026-12-01T12:00:00.000Z')], remote(tomb));
    expect(later.local).toEqual([]);
    expect(Object.keys(later.set)).toEqual([`${SYNC_PREFIX}n.22`]);
  });

  it('a deletion here becomes a tombstone; an item not yet seen here is taken, not deleted', () => {
    const gone = plan([], remote(other(note(22, 'x'))), { 'n.22': T1 });
    expect(gone.set).toEqual({ [`${SYNC_PREFIX}n.22`]: { v: 1, t: NOW.toISOString(), dev: 'desk', deleted: true } });
    expect(gone.local).toEqual([]);
    expect(gone.known).toEqual({});
    expect(plan([], remote(other(note(22, 'x'))), {}).local).toEqual([{ put: other(note(22, 'x')) }]);
  });

  it('drops tombstones once they expire, with their parts', () => {
    const old = new Date(NOW.getTime() - TOMBSTONE_TTL_MS - 1000).toISOString();
    expect(plan([], remote({ key: 'n.22', t: old, dev: 'laptop', data: null })).remove).toEqual([`${SYNC_PREFIX}n.22`]);
    expect(plan([], remote({ key: 'n.22', t: T1, dev: 'laptop', data: null })).remove).toEqual([]);
  });

  it('replaces the parts of an item that shrank', () => {
    const big = other(def(8443, 'Billing', T1, { details: 'é'.repeat(2000), keywords: Array.from({ length: 120 }, (_, i) => `keyword-${i}-${'ü'.repeat(20)}`) }));
    const stored = remote(big);
    const result = plan([def(8443, 'Billing', T2)], stored);
    expect(Object.keys(result.set)).toEqual([`${SYNC_PREFIX}d.8443`]);
    expect(result.remove.length).toBeGreaterThan(0);
    expect(result.remove.every((k) => k.startsWith(`${SYNC_PREFIX}d.8443#`))).toBe(true);
  });

  it('never applies nor overwrites a corrupt item, and says so', () => {
    const result = plan([note(22, 'mine', T2)], { [`${SYNC_PREFIX}n.22`]: { v: 1, t: T1, dev: 'x', data: { port: 22, text: 5 } } });
    expect(result.local).toEqual([]);
    expect(result.set).toEqual({});
    expect(result.ignored).toEqual([{ key: 'n.22', reason: { code: 'sync.reason.badNote' } }]);
  });

  it('refuses to write more than sync holds, bytes or entries, and changes nothing there', () => {
    const big = Array.from({ length: 30 }, (_, i) => note(1000 + i, 'x'.repeat(4000)));
    const bytes = plan(big, {});
    expect(bytes.set).toEqual({});
    expect(bytes.overQuota).toEqual({ code: 'sync.overQuota.bytes', params: { size: expect.any(Number), max: 100 } });
    expect((bytes.overQuota!.params!.size as number) > 100).toBe(true);
    const many = plan(Array.from({ length: MAX_ITEMS + 1 }, (_, i) => note(i, 'x')), {});
    expect(many.overQuota).toEqual({ code: 'sync.overQuota.items', params: { count: 513, max: 512 } });
    // Other devices' changes still come in.
    expect(plan([...big, ...[]], remote(other(note(22, 'from laptop')))).local).toEqual([{ put: other(note(22, 'from laptop')) }]);
  });
});
