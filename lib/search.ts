// Text search over every record: names, uses, keywords, descriptions, with
// typo tolerance. Ranking: popular uses (curated, yours) before IANA service
// names before descriptions; within each, a whole-name match before exact
// words before prefixes (the user is still typing); matches found only by
// typo tolerance come after every real match; commoner ports first among
// equals.
import MiniSearch, { type SearchResult } from 'minisearch';
import { PROTOCOLS, type PortRecord, type Protocol, type RecordSource } from './types.ts';

export type MatchKind = 'port' | 'use' | 'name' | 'description';

export interface SearchHit {
  port: number;
  endPort: number;
  protocols: Protocol[];
  /** The best label for the port: curated title, or the IANA service name. */
  title: string;
  /** One line under the title: summary or IANA description. */
  detail: string;
  /** The hit of a port no record names (title and detail empty): views word it with the port's range class. */
  unregistered?: true;
  source: RecordSource;
  matched: MatchKind;
  score: number;
  /** How closely the words matched; absent on port hits. */
  quality?: MatchQuality;
}

/** 4 = a whole name equals the query, 3 = every word exact, 2 = prefixes, 1 = typo tolerance only. */
export type MatchQuality = 1 | 2 | 3 | 4;

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
    const words = tokenize(text).map((w) => w.toLowerCase());
    let results = this.index.search(text);
    // Every word must match; when that finds nothing, any word may, and
    // records matching more of the words come first.
    const loose = results.length === 0 && words.length > 1;
    if (loose) results = this.index.search(text, { combineWith: 'OR' });
    const whole = words.join(' ');
    const byPort = new Map<string, SearchHit>();
    const protocols = new Map<string, Set<Protocol>>();
    for (const result of results) {
      const record = this.byId.get(result.id as string);
      if (!record) continue;
      const hit = hitOf(record, result, words, whole);
      if (loose) hit.score *= result.queryTerms.length;
      const key = `${hit.port}-${hit.endPort}`;
      const existing = byPort.get(key);
      if (!existing || better(hit, existing)) byPort.set(key, hit);
      // IANA lists one service once per protocol group (ssh tcp/udp, ssh sctp): show them as one.
      const seen = protocols.get(`${key}:${hit.title}`) ?? new Set<Protocol>();
      for (const p of hit.protocols) seen.add(p);
      protocols.set(`${key}:${hit.title}`, seen);
    }
    const hits = [...byPort.values()].sort(compareHits).slice(0, limit);
    for (const hit of hits) {
      const all = protocols.get(`${hit.port}-${hit.endPort}:${hit.title}`);
      if (all && all.size > hit.protocols.length) hit.protocols = PROTOCOLS.filter((p) => all.has(p));
    }
    return hits;
  }
}

function matchKind(record: PortRecord, result: SearchResult): MatchKind {
  const fields = new Set(Object.values(result.match).flat());
  if (record.source !== 'iana' && [...fields].some((f) => USE_FIELDS.has(f))) return 'use';
  if (fields.has('serviceName')) return 'name';
  if (fields.has('port')) return 'port';
  return 'description';
}

/**
 * The names a record answers to as a whole: service name, title, primary use.
 * Keywords are not names: `redis` is a keyword of the Redis exporter, whose
 * port is not the one a user typing "redis" means.
 */
function namesOf(record: PortRecord): string[] {
  if (record.source === 'iana') return [record.serviceName];
  return [record.title, ...record.uses.filter((u) => u.primary).map((u) => u.name)];
}

const normalize = (s: string) => tokenize(s).join(' ').toLowerCase();

function qualityOf(record: PortRecord, result: SearchResult, words: string[], whole: string): MatchQuality {
  if (whole && namesOf(record).some((n) => n.toLowerCase() === whole || normalize(n) === whole)) return 4;
  const terms = result.terms.map((t) => t.toLowerCase());
  let worst: MatchQuality = 3;
  for (const word of words) {
    if (terms.includes(word)) continue;
    if (terms.some((t) => t.startsWith(word))) worst = 2;
    else if (result.queryTerms.map((t) => t.toLowerCase()).includes(word)) return 1;
  }
  return worst;
}

function hitOf(record: PortRecord, result: SearchResult, words: string[], whole: string): SearchHit {
  const matched = matchKind(record, result);
  // Commoner ports rank higher among hits of one tier (tier 1 doubles the
  // score); IANA's well-known ports are commoner than its registered ones.
  const commonness = record.source === 'iana' ? (record.port <= 1023 ? 3.5 : 4) : (record.commonness ?? 3);
  // Yours weigh most, then your organisation's, then by commonness.
  const weight = record.source === 'user' ? 3 : record.source === 'managed' ? 2.5 : 1 + (4 - commonness) / 3;
  return { ...hitOfRecord(record, matched, result.score * weight), quality: qualityOf(record, result, words, whole) };
}

/** A record as one search result: its best label and one line under it. */
export function hitOfRecord(r: PortRecord, matched: MatchKind, score: number): SearchHit {
  return {
    port: r.port,
    endPort: r.endPort,
    protocols: r.protocols,
    title: r.source === 'iana' ? r.serviceName || r.description : r.title,
    detail: r.source === 'iana' ? r.description : r.summary,
    source: r.source,
    matched,
    score,
  };
}

function better(a: SearchHit, b: SearchHit): boolean {
  return compareHits(a, b) < 0;
}

const fuzzyOnly = (h: SearchHit) => Number(h.quality === 1);
const wholeName = (h: SearchHit) => Number(h.quality === 4);

/** Typos last; a service named exactly what was typed first; then tier, quality, score. */
export function compareHits(a: SearchHit, b: SearchHit): number {
  return (
    fuzzyOnly(a) - fuzzyOnly(b) ||
    wholeName(b) - wholeName(a) ||
    TIER[a.matched] - TIER[b.matched] ||
    (b.quality ?? 3) - (a.quality ?? 3) ||
    b.score - a.score ||
    a.port - b.port
  );
}
