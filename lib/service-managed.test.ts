// The organisation's definitions through the service: ranked after yours and
// before Porthole's, in lookups, ranges and search, and replaced live.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createService } from './service.ts';
import type { PortDataset } from './types.ts';

const dataset: PortDataset = {
  version: 'v1',
  builtFrom: [],
  records: [
    { id: 'curated:8443', source: 'curated', port: 8443, endPort: 8443, protocols: ['tcp'], title: 'HTTPS alternate', summary: 'Often a second HTTPS port.', uses: [] },
    { id: 'iana:8443/tcp:pcsync-https', source: 'iana', port: 8443, endPort: 8443, protocols: ['tcp'], serviceName: 'pcsync-https', description: 'PCsync HTTPS', asOf: '2026-09-17' },
  ],
};

let policy: unknown;
let service: ReturnType<typeof createService>;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  policy = {
    definitions: [
      { port: 8443, protocols: ['tcp'], title: 'Billing admin API', summary: 'Admin UI of billing.', uses: [], team: 'Payments' },
      { port: 9300, endPort: 9400, protocols: ['tcp'], title: 'Search transport', summary: 'Elasticsearch node traffic.', uses: [] },
      { port: 'oops', protocols: ['tcp'], title: 'Bad', summary: 'Bad', uses: [] },
    ],
  };
  service = createService({
    bundledVersion: async () => 'v1',
    loadDataset: async () => dataset,
    openDetails: vi.fn(async () => {}),
    extensionVersion: '0.1.0',
    readManagedPolicy: async () => policy,
  });
});

const lookup = async (port: number) => (await service.handlers.lookup({ type: 'lookup', port })).records.map((r) => r.id);

describe('managed definitions in the service', () => {
  it('rank after your own and before curated and IANA', async () => {
    expect(await lookup(8443)).toEqual(['managed:8443', 'curated:8443', 'iana:8443/tcp:pcsync-https']);
    await service.handlers.putUserRecord({ type: 'putUserRecord', entry: { port: 8443, protocols: ['tcp'], title: 'My billing', summary: 'Mine.', uses: [] } });
    expect(await lookup(8443)).toEqual(['user:8443', 'managed:8443', 'curated:8443', 'iana:8443/tcp:pcsync-https']);
    expect(await lookup(9350)).toEqual(['managed:9300-9400']);
    const range = await service.handlers.lookupRange({ type: 'lookupRange', port: 8440, endPort: 9310 });
    expect(range.ports[0]!.records.map((r) => r.id)).toEqual(['user:8443', 'managed:8443', 'curated:8443', 'iana:8443/tcp:pcsync-https']);
    expect(range.spanning.map((r) => r.id)).toEqual(['managed:9300-9400']);
  });

  it('are found by search, marked as from the organisation', async () => {
    const hits = (await service.handlers.search({ type: 'search', query: 'billing' })).hits;
    expect(hits[0]).toMatchObject({ port: 8443, source: 'managed', title: 'Billing admin API' });
  });

  it('lists the skipped entries with their reasons', async () => {
    const answer = await service.handlers.managedPolicy({ type: 'managedPolicy' });
    expect(answer.records.map((r) => r.id)).toEqual(['managed:8443', 'managed:9300-9400']);
    expect(answer.problems).toEqual([
      { where: 'definitions[2]', text: { code: 'import.port.notNumber', params: { field: 'port', found: { code: 'import.value.text', params: { text: '"oops"' } } } } },
    ]);
  });

  it('follows a policy change, search included', async () => {
    expect((await service.handlers.search({ type: 'search', query: 'billing' })).hits[0]?.source).toBe('managed');
    policy = { definitions: [{ port: 8443, protocols: ['tcp'], title: 'Invoices API', summary: 'Renamed.', uses: [] }] };
    service.managedChanged();
    expect((await service.handlers.lookup({ type: 'lookup', port: 8443 })).records[0]).toMatchObject({ source: 'managed', title: 'Invoices API' });
    expect(await lookup(9350)).toEqual([]);
    expect((await service.handlers.search({ type: 'search', query: 'invoices' })).hits[0]).toMatchObject({ source: 'managed', port: 8443 });
  });

  it('treats an unreadable policy (Firefox without one) as none', async () => {
    const none = createService({
      bundledVersion: async () => 'v1',
      loadDataset: async () => dataset,
      openDetails: vi.fn(async () => {}),
      extensionVersion: '0.1.0',
      readManagedPolicy: () => Promise.reject(new Error('Managed storage manifest not found')),
    });
    expect(await none.handlers.managedPolicy({ type: 'managedPolicy' })).toEqual({ records: [], disabledSites: [], problems: [] });
    expect((await none.handlers.lookup({ type: 'lookup', port: 8443 })).records[0]?.source).toBe('curated');
  });
});
