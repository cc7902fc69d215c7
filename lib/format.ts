// Language-neutral labels shared by every view (card, popup, details,
// options); translated words are in components/labels.ts.
import type { IanaRecord, PortInfo, PortRecord, Protocol, RiskLevel } from './types.ts';

export function portLabel(port: number, endPort?: number): string {
  return endPort !== undefined && endPort !== port ? `${port}–${endPort}` : String(port);
}

export function protocolsLabel(protocols: readonly Protocol[]): string {
  return protocols.map((p) => p.toUpperCase()).join('/');
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

/** A record's one-line title: its service name, else its description (none for a blank IANA entry; views word that). */
export function titleOf(record: PortRecord): string | undefined {
  return isIana(record) ? record.serviceName || record.description || undefined : record.title;
}

/** The best short name of a port (our own record first), for related-port links and the page's list. */
export function nameOf(info: PortInfo): string | undefined {
  const best = info.records.find((r) => r.source !== 'iana') ?? info.records.find((r) => r.port === info.port) ?? info.records[0];
  return best ? titleOf(best) : undefined;
}
