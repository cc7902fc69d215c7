// Words and labels shared by every view (card, popup, details, options).
import type { IanaRecord, PortInfo, PortRecord, Protocol, RangeClass, RiskLevel } from './types.ts';

export const RANGE_CLASS_LABEL: Record<RangeClass, string> = {
  'well-known': 'Well-known port (0–1023)',
  registered: 'Registered port (1024–49151)',
  dynamic: 'Dynamic/private port (49152–65535)',
};

export const RISK_LABEL: Record<RiskLevel, string> = {
  info: 'Info',
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
  critical: 'Critical risk',
};

export function portLabel(port: number, endPort?: number): string {
  return endPort !== undefined && endPort !== port ? `${port}–${endPort}` : String(port);
}

export function protocolsLabel(protocols: readonly Protocol[]): string {
  return protocols.map((p) => p.toUpperCase()).join('/');
}

/** Where a record came from, as the user reads it: "IANA, as of 2026-09-17". */
export function sourceLabel(record: PortRecord): string {
  switch (record.source) {
    case 'iana':
      return `IANA registry, as of ${record.asOf}`;
    case 'curated':
      return 'Porthole notes';
    case 'managed':
      return record.team ? `From your organisation (${record.team})` : 'From your organisation';
    case 'user':
      return 'Yours';
  }
}

/** The IANA name line: `netbios-ssn — NETBIOS Session Service`. */
export function ianaLine(record: IanaRecord): string {
  if (!record.serviceName) return record.description;
  return record.description ? `${record.serviceName} — ${record.description}` : record.serviceName;
}

/** The highest risk among records (curated and yours carry risk). */
export function highestRisk(records: readonly PortRecord[]): RiskLevel | undefined {
  const order: RiskLevel[] = ['info', 'low', 'medium', 'high', 'critical'];
  let best: RiskLevel | undefined;
  for (const r of records) {
    if (r.source === 'iana' || !r.security) continue;
    if (!best || order.indexOf(r.security.risk) > order.indexOf(best)) best = r.security.risk;
  }
  return best;
}

export const isIana = (r: PortRecord): r is IanaRecord => r.source === 'iana';

/** A record's one-line title: its service name, else its description. */
export function titleOf(record: PortRecord | undefined): string {
  if (!record) return 'No registered service';
  return isIana(record) ? record.serviceName || record.description || 'Unnamed IANA entry' : record.title;
}

/** The best short name of a port (our own record first), for related-port links and the page's list. */
export function nameOf(info: PortInfo): string | undefined {
  const best = info.records.find((r) => r.source !== 'iana') ?? info.records.find((r) => r.port === info.port) ?? info.records[0];
  return best ? titleOf(best) : undefined;
}
