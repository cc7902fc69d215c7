// Words for the record model's values (range class, risk, source), shared by
// every view and translated through `t`.
import { titleOf } from '@/lib/format';
import type { SearchHit } from '@/lib/search';
import { rangeClassOf, type PortRecord, type RangeClass, type RiskLevel } from '@/lib/types';
import { formatDate, ltr, t } from '@/utils/i18n';

export function rangeClassLabel(rangeClass: RangeClass): string {
  switch (rangeClass) {
    case 'well-known':
      return t('label.rangeClass.wellKnown');
    case 'registered':
      return t('label.rangeClass.registered');
    case 'dynamic':
      return t('label.rangeClass.dynamic');
  }
}

export function riskLabel(risk: RiskLevel): string {
  switch (risk) {
    case 'info':
      return t('label.risk.info');
    case 'low':
      return t('label.risk.low');
    case 'medium':
      return t('label.risk.medium');
    case 'high':
      return t('label.risk.high');
    case 'critical':
      return t('label.risk.critical');
  }
}

/** Where a record came from, as the user reads it: "IANA registry, as of 17 Sept 2026". */
export function sourceLabel(record: PortRecord): string {
  switch (record.source) {
    case 'iana':
      return t('label.source.iana', { date: formatDate(record.asOf) });
    case 'curated':
      return t('label.source.curated');
    case 'managed':
      return record.team ? t('label.source.managedTeam', { team: record.team }) : t('label.source.managed');
    case 'user':
      return record.pack ? t('label.source.pack', { name: record.pack.name, version: record.pack.version }) : t('label.source.user');
  }
}

/** "Port 445" / "Ports 135–139" with the number kept left to right. */
export const portTitle = (port: number): string => t('label.port', { port: ltr(port) });
export const portsTitle = (range: string): string => t('label.ports', { range: ltr(range) });

/** Porthole's notes and IANA's registry are English; yours and your organisation's are in whatever language they were written. */
export const knowledgeLang = (record: PortRecord): 'en' | undefined => (record.source === 'user' || record.source === 'managed' ? undefined : 'en');

/** A record's title as a view shows it, with words for no record and for a blank IANA entry. */
export function recordTitle(record: PortRecord | undefined): string {
  if (!record) return t('label.noService');
  return titleOf(record) ?? t('details.unnamedIana');
}

/** A search hit's title and detail line (quick search, address bar), with words for a port no record names. */
export function hitWords(hit: SearchHit): { title: string; detail: string } {
  if (hit.unregistered) return { title: t('label.noService'), detail: rangeClassLabel(rangeClassOf(hit.port)) };
  return { title: hit.title, detail: hit.detail };
}
