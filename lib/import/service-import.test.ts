// The import requests end to end through the protocol, on fake-indexeddb.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createService } from '../service.ts';
import { handleMessage } from '../messages.ts';
import type { PortDataset } from '../types.ts';

const dataset: PortDataset = {
  version: 'v1',
  builtFrom: [],
  records: [{ id: 'iana:80/tcp:http', source: 'iana', port: 80, endPort: 80, protocols: ['tcp'], serviceName: 'http', description: 'WWW', asOf: '2026-09-17' }],
};

let service: ReturnType<typeof createService>;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  service = createService({ bundledVersion: async () => 'v1', loadDataset: vi.fn(async () => dataset), openDetails: vi.fn(async () => {}), extensionVersion: '0.1.0' });
});

const send = (message: unknown) => handleMessage(service.handlers, message, { id: 'me' }, 'me');

describe('import requests', () => {
  it('previews, applies, and the data shows up in lookups and search', async () => {
    const text = 'port,protocols,title,summary\n8443,tcp,Billing admin API,Ours\n';
    expect(await send({ type: 'previewImport', text })).toMatchObject({ ok: true, value: { valid: true, result: { definitions: { added: 1 } } } });
    expect((await service.handlers.listUserRecords({ type: 'listUserRecords' })).length).toBe(0);
    expect(await send({ type: 'applyImport', text })).toMatchObject({ ok: true, value: { valid: true } });
    expect((await service.handlers.search({ type: 'search', query: 'billing' })).hits[0]).toMatchObject({ port: 8443, source: 'user' });
    expect(await send({ type: 'previewImport', text })).toMatchObject({ ok: true, value: { result: { definitions: { added: 0, unchanged: 1 } } } });
  });

  it('a malformed file reports its problems and changes nothing', async () => {
    await service.handlers.setNote({ type: 'setNote', port: 22, text: 'keep me' });
    const reply = await send({ type: 'applyImport', text: 'port,note\n22,replaced\n99999,bad\n' });
    expect(reply).toEqual({ ok: true, value: { valid: false, problems: [{ line: 3, text: { code: 'import.port.outOfRange', params: { field: 'port', value: '99999' } } }] } });
    expect((await service.handlers.listNotes({ type: 'listNotes' })).map((n) => n.text)).toEqual(['keep me']);
  });

  it('refuses a 50 MB file at the protocol, before parsing', async () => {
    const reply = await send({ type: 'applyImport', text: 'x'.repeat(50 * 1024 * 1024) });
    expect(reply).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('larger than 20 MB; nothing was changed') } });
  });

  it('imports an IANA registry, shows it in About, and resets to the bundled one', async () => {
    const csv = 'Service Name,Port Number,Transport Protocol,Description,Registration Date,Modification Date\nx11,6000-6063,tcp,X Window System,,2026-11-01\n';
    expect(await send({ type: 'previewIanaImport', text: csv, fileName: 'r.csv' })).toMatchObject({ ok: true, value: { valid: true, result: { counts: { added: 1, removed: 1 } } } });
    expect(await send({ type: 'importIana', text: csv, fileName: 'r.csv' })).toMatchObject({ ok: true, value: { valid: true } });
    expect((await service.handlers.lookup({ type: 'lookup', port: 6001 })).records[0]).toMatchObject({ serviceName: 'x11' });
    expect((await service.handlers.about({ type: 'about' })).ianaImport).toMatchObject({ fileName: 'r.csv', newestDate: '2026-11-01', recordCount: 1 });
    expect(await send({ type: 'importIana', text: 'port,note\n1,x\n' })).toMatchObject({ ok: true, value: { valid: false } });
    expect(await service.handlers.resetIana({ type: 'resetIana' })).toBe(true);
    expect((await service.handlers.lookup({ type: 'lookup', port: 80 })).records[0]).toMatchObject({ serviceName: 'http' });
    expect((await service.handlers.about({ type: 'about' })).ianaImport).toBeUndefined();
  });
});
