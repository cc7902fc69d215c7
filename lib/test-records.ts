// Test support, not product code: record factories shared by the unit tests.
// Each test overrides only what it is about; the defaults are plain, valid records.
import type { CuratedRecord, IanaRecord } from './types.ts';

export const ianaRecord = (port: number, serviceName: string, over: Partial<IanaRecord> = {}): IanaRecord => ({
  id: `iana:${port}/${serviceName}`,
  source: 'iana',
  port,
  endPort: port,
  protocols: ['tcp', 'udp'],
  serviceName,
  description: `${serviceName} service`,
  asOf: '2026-09-17',
  ...over,
});

export const curatedRecord = (port: number, title: string, over: Partial<CuratedRecord> = {}): CuratedRecord => ({
  id: `curated:${port}`,
  source: 'curated',
  port,
  endPort: port,
  protocols: ['tcp'],
  title,
  summary: `${title} summary`,
  uses: [{ name: title, primary: true }],
  commonness: 1,
  ...over,
});
