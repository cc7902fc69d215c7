// Shared types of the port database: every part of Porthole (build script,
// background, content script, popup, options) speaks these.

export const PROTOCOLS = ['tcp', 'udp', 'sctp', 'dccp'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const RISK_LEVELS = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** How often the port is met in practice (our judgement): 1 = everywhere, 4 = rare. */
export const COMMONNESS_TIERS = [1, 2, 3, 4] as const;
export type Commonness = (typeof COMMONNESS_TIERS)[number];

export type RangeClass = 'well-known' | 'registered' | 'dynamic';

export type RecordSource = 'iana' | 'curated' | 'managed' | 'user';

/** One real-world use of a port: a piece of software or a protocol. */
export interface PortUse {
  name: string;
  /** The most common use of the port among its uses. */
  primary?: boolean;
  note?: string;
}

/** A vulnerability or advisory seen on the port (CVE-…, MS17-010, …). */
export interface Vulnerability {
  id: string;
  note: string;
}

export interface SecurityNotes {
  risk: RiskLevel;
  /** Why the port is risky when exposed, and what to do about it. */
  advice: string;
  vulnerabilities?: Vulnerability[];
  /** Malware families historically seen on the port. */
  malware?: string[];
}

interface RecordBase {
  /** Stable key: `iana:80-80/tcp+udp:http`, `curated:5432`, `user:8443`. */
  id: string;
  source: RecordSource;
  port: number;
  /** Last port of a range; equal to `port` for a single port. */
  endPort: number;
  protocols: Protocol[];
}

/** One row (or several rows that differ only by protocol) of the IANA registry. */
export interface IanaRecord extends RecordBase {
  source: 'iana';
  serviceName: string;
  description: string;
  assignee?: string;
  contact?: string;
  registered?: string;
  modified?: string;
  reference?: string;
  notes?: string;
  unauthorizedUse?: string;
  /** An alias row (IANA lists several names for some ports, e.g. http/www/www-http). */
  alias?: boolean;
  /** Date of the registry copy this row was confirmed in (YYYY-MM-DD). */
  asOf: string;
}

/** Fields that curated records and the user's own definitions share. */
export interface KnowledgeFields {
  /** Short name for the port, e.g. "PostgreSQL". */
  title: string;
  /** One plain-language line for the card. */
  summary: string;
  /** Longer explanation for the details view. */
  details?: string;
  uses: PortUse[];
  security?: SecurityNotes;
  related?: number[];
  commonness?: Commonness;
  /** URLs or identifiers (RFC 5432, CVE-…) for the facts. */
  references?: string[];
  /** Extra search words (e.g. "database", "sql"). */
  keywords?: string[];
}

export interface CuratedRecord extends RecordBase, KnowledgeFields {
  source: 'curated';
}

export interface UserRecord extends RecordBase, KnowledgeFields {
  source: 'user';
  updated: string;
  /** Set when browser sync brought this version from another device (its change time). */
  changedElsewhere?: string;
  /** Set on the definitions of an installed pack (then the id is `pack:<pack id>:<port>`). */
  pack?: { name: string; version: string; author: string };
}

/** A definition pushed by the user's organisation (browser policy): read-only. */
export interface ManagedRecord extends RecordBase, KnowledgeFields {
  source: 'managed';
  /** The team or source the organisation names for it ("Platform team"). */
  team?: string;
  /** The organisation's notes on the port (who owns it, where its runbook is). */
  notes?: string;
}

export type PortRecord = IanaRecord | CuratedRecord | ManagedRecord | UserRecord;

/** Records written by people (not the IANA registry): they carry titles, uses and risk. */
export type KnowledgeRecord = CuratedRecord | ManagedRecord | UserRecord;

export interface UserNote {
  port: number;
  text: string;
  updated: string;
  /** Set when browser sync brought this version from another device (its change time). */
  changedElsewhere?: string;
}

/** Everything known about one port, as the card and details view show it. */
export interface PortInfo {
  port: number;
  rangeClass: RangeClass;
  /** Yours first, then your organisation's, then curated, then IANA (exact port before ranges). */
  records: PortRecord[];
  note?: UserNote;
  /** For a port with no record: the closest registered ports either side. */
  nearby?: { port: number; serviceName: string }[];
}

/** The bundled database as the build writes it. */
export interface PortDataset {
  version: string;
  builtFrom: DataSourceInfo[];
  records: (IanaRecord | CuratedRecord)[];
}

export interface DataSourceInfo {
  name: string;
  version: string;
  /** Publication date (YYYY-MM-DD) where the source has one. */
  date?: string;
  licence: string;
  url: string;
}

export function rangeClassOf(port: number): RangeClass {
  if (port <= 1023) return 'well-known';
  if (port <= 49151) return 'registered';
  return 'dynamic';
}

export function isValidPort(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 65535;
}
