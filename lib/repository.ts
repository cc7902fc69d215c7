// Answers questions about ports from the database: lookups by port, by
// protocol and by range, and text search. The background owns one of these.
import { stripRangeFlag, type PortholeDB, type StoredRecord, type StoredUserRecord } from './db.ts';
import { PortSearchIndex, hitOfRecord, type SearchHit } from './search.ts';
import { parseQuery } from './query.ts';
import { rangeClassOf, type ManagedRecord, type PortInfo, type PortRecord, type Protocol, type UserNote } from './types.ts';

/** How many ports a range lookup describes at most. */
export const RANGE_LOOKUP_LIMIT = 200;

/** Yours, then your organisation's, then Porthole's, then IANA's. */
const SOURCE_ORDER = { user: 0, managed: 1, curated: 2, iana: 3 } as const;

/** The organisation's definitions (from browser policy, not the database). */
export type ManagedSource = () => Promise<readonly ManagedRecord[]>;
const NO_MANAGED: ManagedSource = async () => [];

export interface RangeSummary {
  port: number;
  endPort: number;
  /** Ports in the range with at least one record, in order, up to RANGE_LOOKUP_LIMIT. */
  ports: PortInfo[];
  /** Records that span a range overlapping the query (X11 6000-6063). */
  spanning: PortRecord[];
  truncated: boolean;
}

export class PortRepository {
  private rangeCache?: Promise<(StoredRecord | StoredUserRecord)[]>;
  private searchCache?: Promise<PortSearchIndex>;
  private readonly db: PortholeDB;
  private readonly managed: ManagedSource;

  // No parameter property: the bench runs this file with Node's strip-only TypeScript.
  constructor(db: PortholeDB, managed: ManagedSource = NO_MANAGED) {
    this.db = db;
    this.managed = managed;
  }

  /** Call after any write to records or user definitions, and when the policy changes. */
  invalidate(): void {
    this.rangeCache = undefined;
    this.searchCache = undefined;
  }

  private rangeRecords(): Promise<(StoredRecord | StoredUserRecord)[]> {
    this.rangeCache ??= Promise.all([
      this.db.getAllFromIndex('records', 'isRange', 1),
      this.db.getAllFromIndex('user', 'isRange', 1),
    ]).then(([a, b]) => [...a, ...b]);
    return this.rangeCache;
  }

  async lookup(port: number, protocol?: Protocol): Promise<PortInfo> {
    const [exact, user, ranges, note, managed] = await Promise.all([
      this.db.getAllFromIndex('records', 'port', port),
      this.db.getAllFromIndex('user', 'port', port),
      this.rangeRecords(),
      this.db.get('notes', port),
      this.managed(),
    ]);
    const covering = ranges.filter((r) => r.port < port && r.endPort >= port);
    let records = [
      ...[...user, ...exact, ...covering].map((r) => stripRangeFlag(r) as PortRecord),
      ...managed.filter((r) => r.port <= port && r.endPort >= port),
    ];
    if (protocol) {
      const matching = records.filter((r) => r.protocols.includes(protocol));
      if (matching.length > 0) records = matching;
    }
    records.sort(compareRecords(port));
    const info: PortInfo = { port, rangeClass: rangeClassOf(port), records };
    if (note) info.note = note;
    const named = records.some((r) => r.source !== 'iana' || (r.serviceName !== '' && r.port === r.endPort));
    if (!named) info.nearby = await this.nearby(port);
    return info;
  }

  async lookupRange(port: number, endPort: number): Promise<RangeSummary> {
    const [exact, user, ranges, managed] = await Promise.all([
      this.db.getAllFromIndex('records', 'port', IDBKeyRange.bound(port, endPort)),
      this.db.getAllFromIndex('user', 'port', IDBKeyRange.bound(port, endPort)),
      this.rangeRecords(),
      this.managed(),
    ]);
    const byPort = new Map<number, PortRecord[]>();
    const singles = [
      ...[...user, ...exact].filter((r) => !r.isRange).map((r) => stripRangeFlag(r) as PortRecord),
      ...managed.filter((r) => r.port === r.endPort && r.port >= port && r.port <= endPort),
    ];
    for (const r of singles) {
      const list = byPort.get(r.port) ?? [];
      list.push(r);
      byPort.set(r.port, list);
    }
    const ports = [...byPort.keys()].sort((a, b) => a - b);
    const shown = ports.slice(0, RANGE_LOOKUP_LIMIT);
    const notes = await Promise.all(shown.map((p) => this.db.get('notes', p)));
    return {
      port,
      endPort,
      ports: shown.map((p, i) => {
        const info: PortInfo = { port: p, rangeClass: rangeClassOf(p), records: byPort.get(p)!.sort(compareRecords(p)) };
        const note = notes[i];
        if (note) info.note = note;
        return info;
      }),
      spanning: [
        ...ranges.map((r) => stripRangeFlag(r) as PortRecord),
        ...managed.filter((r) => r.endPort > r.port),
      ]
        .filter((r) => r.port <= endPort && r.endPort >= port)
        .sort(compareRecords(port)),
      truncated: ports.length > shown.length,
    };
  }

  /** The closest ports with a named IANA service, one below and one above. */
  private async nearby(port: number): Promise<{ port: number; serviceName: string }[]> {
    const out: { port: number; serviceName: string }[] = [];
    const directions: [IDBKeyRange | null, 'prev' | 'next'][] = [
      [port > 0 ? IDBKeyRange.upperBound(port, true) : null, 'prev'],
      [port < 65535 ? IDBKeyRange.lowerBound(port, true) : null, 'next'],
    ];
    for (const [range, direction] of directions) {
      if (!range) continue;
      let cursor = await this.db.transaction('records').store.index('port').openCursor(range, direction);
      while (cursor) {
        const r = cursor.value;
        if (r.source === 'iana' && r.serviceName && !r.isRange) {
          out.push({ port: r.port, serviceName: r.serviceName });
          break;
        }
        cursor = await cursor.continue();
      }
    }
    return out.sort((a, b) => a.port - b.port);
  }

  private searchIndex(): Promise<PortSearchIndex> {
    this.searchCache ??= Promise.all([this.db.getAll('records'), this.db.getAll('user'), this.managed()]).then(
      ([records, user, managed]) => new PortSearchIndex([...[...user, ...records].map((r) => stripRangeFlag(r) as PortRecord), ...managed]),
    );
    return this.searchCache;
  }

  /** What the popup and the omnibox show for what the user typed. */
  async search(input: string, limit = 20): Promise<SearchAnswer> {
    const query = parseQuery(input);
    switch (query.kind) {
      case 'empty':
        // An empty query comes when the popup opens: build the text index now,
        // so the first keystroke does not wait for it.
        void this.searchIndex();
        return { query, hits: [] };
      case 'invalid':
        return { query, hits: [] };
      case 'port': {
        const info = await this.lookup(query.port, query.protocol);
        return { query, hits: hitsOfPort(info, query.protocol) };
      }
      case 'range': {
        const summary = await this.lookupRange(query.port, query.endPort);
        const hits = [
          ...summary.spanning.map((r) => hitOfRecord(r, 'port', 1)),
          ...summary.ports.flatMap((p) => hitsOfPort(p, query.protocol).slice(0, 1)),
        ];
        return { query, hits: hits.slice(0, Math.max(limit, 64)) };
      }
      case 'text': {
        const index = await this.searchIndex();
        return { query, hits: index.search(query.text, limit) };
      }
    }
  }

  async note(port: number): Promise<UserNote | undefined> {
    return this.db.get('notes', port);
  }
}

export interface SearchAnswer {
  query: ReturnType<typeof parseQuery>;
  hits: SearchHit[];
}

function compareRecords(port: number) {
  return (a: PortRecord, b: PortRecord): number =>
    SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] ||
    // Your own definition before an installed pack's for the same port.
    Number(a.source === 'user' && !!a.pack) - Number(b.source === 'user' && !!b.pack) ||
    Number(a.port !== port || a.endPort !== port) - Number(b.port !== port || b.endPort !== port) ||
    Number(a.source === 'iana' && !!a.alias) - Number(b.source === 'iana' && !!b.alias);
}

/** A port query gives one hit for the port itself (its best record), plus covering ranges. */
function hitsOfPort(info: PortInfo, protocol?: Protocol): SearchHit[] {
  const best = info.records[0];
  if (!best) {
    return [
      { port: info.port, endPort: info.port, protocols: protocol ? [protocol] : [], title: '', detail: '', unregistered: true, source: 'iana', matched: 'port', score: 0 },
    ];
  }
  const exact = info.records.filter((r) => r.port === info.port && r.endPort === info.port);
  const hits: SearchHit[] = [];
  if (exact[0]) {
    const protocols = [...new Set(exact.flatMap((r) => r.protocols))];
    hits.push({ ...hitOfRecord(exact[0], 'port', 1), protocols });
  }
  for (const r of info.records) if (r.endPort !== r.port || r.port !== info.port) hits.push(hitOfRecord(r, 'port', 0.5));
  return hits;
}
