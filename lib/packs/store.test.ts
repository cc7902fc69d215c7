// Packs through the service, on fake-indexeddb: install with a preview,
// update to a newer version (dropping a port), refuse an older one, remove as
// a whole; the user's own definitions are never touched.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createService } from '../service.ts';
import { writePack } from './pack.ts';

let service: ReturnType<typeof createService>;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  service = createService({ bundledVersion: async () => 'v1', loadDataset: async () => ({ version: 'v1', builtFrom: [], records: [] }), openDetails: vi.fn(async () => {}), extensionVersion: '0.1.0' });
});

const meta = { name: 'Kubernetes control plane', author: 'Platform team' };
const api = { port: 6443, protocols: ['tcp' as const], title: 'API server', summary: 'The front door.', uses: [] };
const etcd = { port: 2379, endPort: 2380, protocols: ['tcp' as const], title: 'etcd', summary: 'The database.', uses: [] };
const file = (version: string, ...defs: (typeof api | typeof etcd)[]) => writePack({ ...meta, version }, defs);
const preview = (text: string) => service.handlers.previewImport({ type: 'previewImport', text });
const apply = (text: string) => service.handlers.applyImport({ type: 'applyImport', text });
const lookup = async (port: number) => (await service.handlers.lookup({ type: 'lookup', port })).records.map((r) => r.id);

describe('packs', () => {
  it('installs with a preview, beside your own definition of the same port', async () => {
    await service.handlers.putUserRecord({ type: 'putUserRecord', entry: { ...api, title: 'Our API server' } });
    expect(await preview(file('1.0.0', api, etcd))).toMatchObject({ valid: true, result: { format: 'pack', definitions: { added: 2, changed: 0, unchanged: 0 }, pack: { name: 'Kubernetes control plane', version: '1.0.0', action: 'install', removed: [] } } });
    expect(await service.handlers.listPacks({ type: 'listPacks' })).toEqual([]);
    expect(await apply(file('1.0.0', api, etcd))).toMatchObject({ valid: true });
    expect(await service.handlers.listPacks({ type: 'listPacks' })).toEqual([{ id: 'kubernetes-control-plane', name: 'Kubernetes control plane', version: '1.0.0', author: 'Platform team', ports: ['2379-2380', '6443'] }]);
    expect(await lookup(6443)).toEqual(['user:6443', 'pack:kubernetes-control-plane:6443']);
    expect((await service.handlers.listUserRecords({ type: 'listUserRecords' })).map((r) => r.id)).toEqual(['user:6443']);
    expect((await service.handlers.search({ type: 'search', query: 'etcd' })).hits[0]).toMatchObject({ port: 2379, endPort: 2380 });
  });

  it('updates to a newer version as a whole, and refuses an older one', async () => {
    await apply(file('1.0.0', api, etcd));
    const update = await preview(file('1.1.0', { ...api, summary: 'Changed.' }));
    expect(update).toMatchObject({ valid: true, result: { definitions: { added: 0, changed: 1 }, pack: { action: 'update', installed: '1.0.0', removed: [{ key: '2379-2380', title: 'etcd' }] } } });
    await apply(file('1.1.0', { ...api, summary: 'Changed.' }));
    expect(await lookup(2379)).toEqual([]);
    expect((await service.handlers.lookup({ type: 'lookup', port: 6443 })).records[0]).toMatchObject({ summary: 'Changed.', pack: { version: '1.1.0' } });
    expect(await preview(file('1.0.5', api))).toEqual({
      valid: false,
      problems: [{ text: { code: 'import.pack.older', params: { version: '1.0.5', name: 'Kubernetes control plane', installed: '1.1.0' } } }],
    });
    expect(await apply(file('1.0.5', api))).toMatchObject({ valid: false });
    expect(await preview(file('1.1.0', { ...api, summary: 'Changed.' }))).toMatchObject({ valid: true, result: { definitions: { added: 0, changed: 0, unchanged: 1 }, pack: { action: 'same' } } });
  });

  it('removes a pack as a whole and keeps your own definitions', async () => {
    await service.handlers.putUserRecord({ type: 'putUserRecord', entry: { ...api, title: 'Our API server' } });
    await apply(file('1.0.0', api, etcd));
    expect(await service.handlers.removePack({ type: 'removePack', name: 'kubernetes CONTROL plane' })).toBe(2);
    expect(await lookup(6443)).toEqual(['user:6443']);
    expect(await service.handlers.listPacks({ type: 'listPacks' })).toEqual([]);
    expect(await service.handlers.removePack({ type: 'removePack', name: 'Kubernetes control plane' })).toBe(0);
  });

  it('a bad pack lists its problems and installs nothing', async () => {
    const bad = JSON.stringify({ format: 'porthole-pack', name: 'X', version: 'one', author: 'me', definitions: [api] });
    expect(await apply(bad)).toEqual({ valid: false, problems: [{ text: { code: 'import.pack.version', params: { found: '"one"' } } }] });
    expect(await service.handlers.listPacks({ type: 'listPacks' })).toEqual([]);
  });
});
