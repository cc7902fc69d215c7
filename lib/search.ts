// Text search over every record: names, uses, keywords, descriptions, with
// typo tolerance. Ranking: popular uses (curated, yours) before IANA service
// names before descriptions; commoner ports first among equals.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { PortRecord, Protocol, RecordSource } from './types.ts';

export type MatchKind = 'port' | 'use' | 'name' | 'description';

export interface SearchHit {
  port: number;
  endPort: number;
  protocols: Protocol[];
  /** The best label for the port: curated title, or the IANA service name. */
  title: string;
  /** One line under the title: summary or IANA description. */
  detail: string;
  source: RecordSource;
  matched: MatchKind;
  score: number;
}

interface SearchDoc {
  id: string;
  port: string;
  title: string;
  uses: string;
  keywords: string;
  serviceName: string;
  description: string;
}

const FIELDS = ['port', 'title', 'uses', 'keywords', 'serviceName', 'description'] as const;
const USE_FIELDS = new Set(['title', 'uses', 'keywords']);
const TIER: Record<MatchKind, number> = { port: 0, use: 1, name: 2, description: 3 };
// Splits on anything but letters and digits; service names also stay whole (netbios-ssn).
const SPLIT = /[^\p{L}\p{N}]+/u;

function tokenize(text: string, field?: string): string[] {
  const parts = text.split(SPLIT).filter(Boolean);
  if (field === 'serviceName' && text.includes('-')) parts.push(text);
  return parts;
}

function docOf(r: PortRecord): SearchDoc {
  if (r.source === 'iana') {
    return { id: r.id, port: String(r.port), title: '', uses: '', keywords: '', serviceName: r.serviceName, description: r.description };
  }
  return {
    id: r.id,
    port: String(r.port),
    title: r.title,
    uses: r.uses.map((u) => u.name).join(' '),
    keywords: (r.keywords ?? []).join(' '),
    serviceName: '',
    description: `${r.summary}`,
  };
}

/** Builds the text index; records are looked up by id from `byId` when hits come back. */
export class PortSearchIndex {
  private readonly index: MiniSearch<SearchDoc>;
  private readonly byId = new Map<string, PortRecord>();

  constructor(records: Iterable<PortRecord>) {
    this.index = new MiniSearch<SearchDoc>({
      fields: [...FIELDS],
      tokenize,
      processTerm: (term) => term.toLowerCase(),
      searchOptions: {
        boost: { title: 5, uses: 4, keywords: 3, serviceName: 3, description: 1 },
        prefix: (term) => term.length >= 2,
        fuzzy: (term) => (term.length >= 5 ? 2 : term.length >= 4 ? 1 : 0),
        maxFuzzy: 2,
        combineWith: 'AND',
        tokenize: (text) => tokenize(text),
      },
    });
    const docs: SearchDoc[] = [];
    for (const r of records) {
      this.byId.set(r.id, r);
      docs.push(docOf(r));
    }
    this.index.addAll(docs);
  }

  get size(): number {
    return this.byId.size;
  }

  add(record: PortRecord): void {
    this.remove(record.id);
    this.byId.set(record.id, record);
    this.index.add(docOf(record));
  }

  remove(id: string): void {
    if (!this.byId.has(id)) return;
    this.byId.delete(id);
    this.index.discard(id);
  }

  search(text: string, limit = 20): SearchHit[] {
    const results = this.index.search(text);
    const byPort = new Map<string, SearchHit>();
    for (const result of results) {
      const record = this.byId.get(result.id as string);
      if (!record) continue;
      const hit = hitOf(record, result);
      const key = `${hit.port}-${hit.endPort}`;
      const existing = byPort.get(key);
      if (!existing || better(hit, existing)) byPort.set(key, hit);
    }
    return [...byPort.values()].sort(compareHits).slice(0, limit);
  }
}

function matchKind(record: PortRecord, result: SearchResult): MatchKind {
  const fields = new Set(Object.values(result.match).flat());
  if (record.source !== 'iana' && [...fields].some((f) => USE_FIELDS.has(f))) return 'use';
  if (fields.has('serviceName')) return 'name';
  if (fields.has('port')) return 'port';
  return 'description';
}

function hitOf(record: PortRecord, result: SearchResult): SearchHit {
  const matched = matchKind(record, result);
  // Commoner ports rank higher among hits of one tier (tier 1 doubles the score).
  const commonness = record.source === 'iana' ? 4 : (record.commonness ?? 3);
  const weight = record.source === 'user' ? 3 : 1 + (4 - commonness) / 3;
  return {
    port: record.port,
    endPort: record.endPort,
    protocols: record.protocols,
    title: record.source === 'iana' ? record.serviceName || record.description : record.title,
    detail: record.source === 'iana' ? record.description : record.summary,
    source: record.source,
    matched,
    score: result.score * weight,
  };
}

function better(a: SearchHit, b: SearchHit): boolean {
  return compareHits(a, b) < 0;
}

export function compareHits(a: SearchHit, b: SearchHit): number {
  return TIER[a.matched] - TIER[b.matched] || b.score - a.score || a.port - b.port;
}
