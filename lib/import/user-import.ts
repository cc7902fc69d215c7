// Parses the user's notes and custom definitions from JSON or CSV (formats in
// docs/import-formats.md). Pure: the result is either everything, checked,
// or a list of problems, never a partial import.
import * as v from 'valibot';
import { KnowledgeSchema, type KnowledgeEntry } from '../knowledge-schema.ts';
import { rangeKey } from '../curated.ts';
import { COMMONNESS_TIERS, PROTOCOLS, RISK_LEVELS, isValidPort, type Commonness, type Protocol, type RiskLevel } from '../types.ts';
import { cellsByName, readCsv, type CsvRow } from './csv.ts';
import { MAX_PROBLEMS, sizeProblem, type ImportProblem } from './limits.ts';
import { parseList, parseUses, parseVulnerabilities } from './list-cell.ts';
import { sniff } from './sniff.ts';
import { locateJsonError } from './json-locate.ts';
import { IANA_COLUMNS } from './iana-csv.ts';

export const USER_DATA_FORMAT = 'porthole-user-data';
export const USER_DATA_VERSION = 1;
export const MAX_NOTE_LENGTH = 5000;

export interface NoteInput {
  port: number;
  text: string;
}

export interface UserImport {
  /** What the file was read as. */
  format: 'json' | 'notes-csv' | 'definitions-csv';
  notes: NoteInput[];
  definitions: KnowledgeEntry[];
}

export type ParseResult = { ok: true; data: UserImport } | { ok: false; problems: ImportProblem[] };

export const NOTES_CSV_COLUMNS = ['port', 'note', 'updated'] as const;
export const DEFINITION_CSV_COLUMNS = [
  'port', 'endPort', 'protocols', 'title', 'summary', 'details', 'uses', 'risk', 'advice',
  'vulnerabilities', 'malware', 'related', 'commonness', 'references', 'keywords',
] as const;
const DEFINITION_REQUIRED = ['port', 'protocols', 'title', 'summary'];

/** Reads a file's text as notes or definitions, whichever it holds. */
export function parseUserImport(text: string, fileName?: string): ParseResult {
  const big = sizeProblem(text, fileName);
  if (big) return fail([big]);
  const sniffed = sniff(text);
  switch (sniffed.kind) {
    case 'binary':
      return fail([{ message: `This is ${sniffed.what}, not a JSON or CSV file of notes or port definitions.` }]);
    case 'empty':
      return fail([{ message: 'The file is empty.' }]);
    case 'json':
      return parseUserJson(text);
    case 'csv':
      return parseUserCsv(text);
  }
}

const fail = (problems: ImportProblem[]): ParseResult => ({ ok: false, problems: problems.slice(0, MAX_PROBLEMS) });

// ---------------------------------------------------------------------------
// JSON

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function portIssue(value: unknown, field: string): string | null {
  if (typeof value !== 'number') return `${field} must be a number, not ${describe(value)}`;
  if (!Number.isInteger(value)) return `${field} ${value} is not a whole number`;
  if (!isValidPort(value)) return `${field} ${value} is out of range (0–65535)`;
  return null;
}

function issuesOf(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => `${v.getDotPath(issue) ?? 'entry'}: ${plainIssue(issue)}`);
}

/** Valibot's wording where it is cryptic for people ("Expected never"); its own otherwise. */
function plainIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.expected === 'never') return 'is not a known field (check its spelling).';
  if (issue.received === 'undefined' && (issue.type === 'strict_object' || issue.type === 'object')) return 'is missing.';
  if (issue.type === 'min_length' && issue.received === '0') return 'must not be empty.';
  return issue.message;
}

const NoteItemSchema = v.strictObject({
  port: v.number(),
  text: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_NOTE_LENGTH, `is longer than ${MAX_NOTE_LENGTH} characters`)),
  updated: v.optional(v.string()),
});

export function parseUserJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const at = locateJsonError(text);
    if (at) return fail([{ line: at.line, message: `Malformed JSON: ${at.message} (column ${at.column}).` }]);
    return fail([{ message: `Malformed JSON: ${err instanceof Error ? err.message : String(err)}` }]);
  }
  if (Array.isArray(data) || typeof data !== 'object' || data === null) {
    return fail([{ message: `Expected a Porthole export (an object with "notes" and/or "definitions"), found ${describe(data)}.` }]);
  }
  const root = data as Record<string, unknown>;
  if ('format' in root && root.format !== USER_DATA_FORMAT) {
    return fail([{ message: `This JSON is not a Porthole export: "format" is ${JSON.stringify(root.format)}, expected "${USER_DATA_FORMAT}".` }]);
  }
  if ('version' in root && root.version !== USER_DATA_VERSION) {
    return fail([{ message: `This export has version ${JSON.stringify(root.version)}; this Porthole reads version ${USER_DATA_VERSION}.` }]);
  }
  const unknown = Object.keys(root).filter((k) => !['format', 'version', 'exported', 'notes', 'definitions'].includes(k));
  if (unknown.length > 0) return fail([{ message: `Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}: expected "notes" and/or "definitions".` }]);
  if (!('notes' in root) && !('definitions' in root)) {
    return fail([{ message: 'This JSON has neither "notes" nor "definitions": nothing to import.' }]);
  }
  const problems: ImportProblem[] = [];
  const notes: NoteInput[] = [];
  const definitions: KnowledgeEntry[] = [];
  for (const key of ['notes', 'definitions'] as const) {
    if (key in root && !Array.isArray(root[key])) problems.push({ message: `"${key}" must be a list, not ${describe(root[key])}.` });
  }
  if (problems.length > 0) return fail(problems);

  const notePorts = new Map<number, number>();
  ((root.notes as unknown[] | undefined) ?? []).forEach((item, i) => {
    const where = `notes[${i}]`;
    const portProblem = portIssue((item as { port?: unknown } | null)?.port, 'port');
    if (portProblem) return problems.push({ message: `${where}: ${portProblem}.` });
    const parsed = v.safeParse(NoteItemSchema, item);
    if (!parsed.success) return problems.push(...issuesOf(parsed.issues).map((m) => ({ message: `${where}.${m}` })));
    const first = notePorts.get(parsed.output.port);
    if (first !== undefined) return problems.push({ message: `${where}: a note for port ${parsed.output.port} is already in this file (notes[${first}]).` });
    notePorts.set(parsed.output.port, i);
    notes.push({ port: parsed.output.port, text: parsed.output.text });
  });

  const keys = new Map<string, number>();
  ((root.definitions as unknown[] | undefined) ?? []).forEach((item, i) => {
    const where = `definitions[${i}]`;
    const checked = checkDefinition(item);
    if ('problems' in checked) return problems.push(...checked.problems.map((m) => ({ message: `${where}${m.startsWith(':') ? '' : '.'}${m}` })));
    const { entry } = checked;
    const key = rangeKey(entry.port, entry.endPort ?? entry.port);
    const first = keys.get(key);
    if (first !== undefined) return problems.push({ message: `${where}: port ${key} is already defined in this file (definitions[${first}]).` });
    keys.set(key, i);
    definitions.push(entry);
  });
  if (problems.length > 0) return fail(problems);
  return { ok: true, data: { format: 'json', notes, definitions } };
}

/**
 * One definition as written by a person (an import, a policy, a pack):
 * the checked entry, or what is wrong with it. A problem starts with ":" when
 * it is about the whole entry, else with the field's path (`title: …`).
 */
export function checkDefinition(item: unknown): { entry: KnowledgeEntry } | { problems: string[] } {
  const fields = (item !== null && typeof item === 'object' ? item : {}) as { port?: unknown; endPort?: unknown };
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return { problems: [`: must be an object with port, protocols, title, summary and uses, not ${describe(item)}.`] };
  const portProblem = portIssue(fields.port, 'port') ?? ('endPort' in fields ? portIssue(fields.endPort, 'endPort') : null);
  if (portProblem) return { problems: [`: ${portProblem}.`] };
  const parsed = v.safeParse(KnowledgeSchema, item);
  if (!parsed.success) return { problems: issuesOf(parsed.issues) };
  const checked = checkEntry(parsed.output);
  if (checked) return { problems: [`: ${checked}`] };
  return { entry: normaliseEntry(parsed.output) };
}

/** Checks the schema cannot express. */
function checkEntry(entry: KnowledgeEntry): string | null {
  if (entry.endPort !== undefined && entry.endPort < entry.port) return `endPort ${entry.endPort} is below port ${entry.port}.`;
  if (entry.uses.filter((u) => u.primary).length > 1) return 'more than one use is marked primary.';
  return null;
}

/** Drops `endPort` equal to `port` and empty optional lists, so equal entries compare equal. */
export function normaliseEntry(entry: KnowledgeEntry): KnowledgeEntry {
  const out: KnowledgeEntry = { port: entry.port, protocols: entry.protocols, title: entry.title, summary: entry.summary, uses: entry.uses };
  if (entry.endPort !== undefined && entry.endPort !== entry.port) out.endPort = entry.endPort;
  if (entry.details) out.details = entry.details;
  if (entry.security) out.security = entry.security;
  if (entry.related?.length) out.related = entry.related;
  if (entry.commonness !== undefined) out.commonness = entry.commonness;
  if (entry.references?.length) out.references = entry.references;
  if (entry.keywords?.length) out.keywords = entry.keywords;
  return out;
}

// ---------------------------------------------------------------------------
// CSV

export function parseUserCsv(text: string): ParseResult {
  const read = readCsv(text);
  if (!read.ok) return fail(read.problems);
  const { header, headerLine, rows } = read.table;
  const names = new Set(header);
  if (IANA_COLUMNS.slice(0, 3).every((c) => names.has(c))) {
    return fail([{ line: headerLine, message: 'This is an IANA registry CSV, not notes or port definitions. Import it under "IANA registry" instead.' }]);
  }
  const duplicated = header.filter((h, i) => header.indexOf(h) !== i);
  if (duplicated.length > 0) return fail([{ line: headerLine, message: `Column "${duplicated[0]}" appears twice in the header.` }]);
  if (names.has('note')) return parseNotesCsv(header, headerLine, rows);
  if (names.has('title')) return parseDefinitionsCsv(header, headerLine, rows);
  return fail([
    {
      line: headerLine,
      message: `Unrecognised CSV header "${header.join(',').slice(0, 120)}". Notes need the columns port,note; definitions need ${DEFINITION_REQUIRED.join(',')}.`,
    },
  ]);
}

function checkColumns(header: string[], headerLine: number, allowed: readonly string[], required: readonly string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const unknown = header.filter((h) => !allowed.includes(h));
  if (unknown.length > 0) problems.push({ line: headerLine, message: `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}. Allowed: ${allowed.join(', ')}.` });
  const missing = required.filter((r) => !header.includes(r));
  if (missing.length > 0) problems.push({ line: headerLine, message: `Missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}.` });
  return problems;
}

function portCell(cell: string, field: string): { port: number } | { problem: string } {
  const t = cell.trim();
  if (t === '') return { problem: `${field} is empty` };
  if (!/^-?\d+$/.test(t)) return { problem: `${field} "${t.slice(0, 20)}" is not a port number` };
  const n = Number(t);
  if (!isValidPort(n)) return { problem: `${field} ${t} is out of range (0–65535)` };
  return { port: n };
}

function parseNotesCsv(header: string[], headerLine: number, rows: CsvRow[]): ParseResult {
  const columnProblems = checkColumns(header, headerLine, NOTES_CSV_COLUMNS, ['port', 'note']);
  if (columnProblems.length > 0) return fail(columnProblems);
  const problems: ImportProblem[] = [];
  const notes: NoteInput[] = [];
  const seen = new Map<number, number>();
  for (const row of rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    const cells = cellsByName(header, row);
    if (row.cells.length > header.length) {
      problems.push({ line: row.line, message: `${row.cells.length} fields, but the header has ${header.length} columns.` });
      continue;
    }
    const port = portCell(cells.get('port')!, 'port');
    if ('problem' in port) {
      problems.push({ line: row.line, message: `${port.problem}.` });
      continue;
    }
    const text = cells.get('note')!.trim();
    if (text === '') problems.push({ line: row.line, message: `the note for port ${port.port} is empty.` });
    else if (text.length > MAX_NOTE_LENGTH) problems.push({ line: row.line, message: `the note for port ${port.port} is longer than ${MAX_NOTE_LENGTH} characters.` });
    else if (seen.has(port.port)) problems.push({ line: row.line, message: `port ${port.port} already has a note in this file (line ${seen.get(port.port)}).` });
    else {
      seen.set(port.port, row.line);
      notes.push({ port: port.port, text });
    }
  }
  if (problems.length > 0) return fail(problems);
  if (notes.length === 0) return fail([{ message: 'The CSV has a header but no notes.' }]);
  return { ok: true, data: { format: 'notes-csv', notes, definitions: [] } };
}

function parseDefinitionsCsv(header: string[], headerLine: number, rows: CsvRow[]): ParseResult {
  const columnProblems = checkColumns(header, headerLine, DEFINITION_CSV_COLUMNS, DEFINITION_REQUIRED);
  if (columnProblems.length > 0) return fail(columnProblems);
  const problems: ImportProblem[] = [];
  const definitions: KnowledgeEntry[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (row.cells.length > header.length) {
      problems.push({ line: row.line, message: `${row.cells.length} fields, but the header has ${header.length} columns.` });
      continue;
    }
    const built = definitionFromCells(cellsByName(header, row));
    if ('problem' in built) {
      problems.push({ line: row.line, message: built.problem });
      continue;
    }
    const key = rangeKey(built.entry.port, built.entry.endPort ?? built.entry.port);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ line: row.line, message: `port ${key} is already defined in this file (line ${first}).` });
      continue;
    }
    seen.set(key, row.line);
    definitions.push(built.entry);
  }
  if (problems.length > 0) return fail(problems);
  if (definitions.length === 0) return fail([{ message: 'The CSV has a header but no definitions.' }]);
  return { ok: true, data: { format: 'definitions-csv', notes: [], definitions } };
}

/** One CSV row of a definition → a checked entry, or the first problem. */
export function definitionFromCells(cells: Map<string, string>): { entry: KnowledgeEntry } | { problem: string } {
  const get = (k: string) => (cells.get(k) ?? '').trim();
  const port = portCell(get('port'), 'port');
  if ('problem' in port) return { problem: `${port.problem}.` };
  let endPort: number | undefined;
  if (get('endPort') !== '') {
    const end = portCell(get('endPort'), 'endPort');
    if ('problem' in end) return { problem: `${end.problem}.` };
    endPort = end.port;
  }
  const protocols = get('protocols').toLowerCase().split(/[\s;,/+]+/).filter(Boolean);
  const badProtocol = protocols.find((p) => !(PROTOCOLS as readonly string[]).includes(p));
  if (badProtocol) return { problem: `protocol "${badProtocol}" is not one of ${PROTOCOLS.join(', ')}.` };
  if (protocols.length === 0) return { problem: 'protocols is empty (use tcp, udp, sctp or dccp; several separated by ";").' };
  const related: number[] = [];
  for (const item of get('related').split(/[\s;,]+/).filter(Boolean)) {
    const r = portCell(item, 'related port');
    if ('problem' in r) return { problem: `${r.problem}.` };
    related.push(r.port);
  }
  const raw: Record<string, unknown> = {
    port: port.port,
    protocols: [...new Set(protocols as Protocol[])],
    title: get('title'),
    summary: get('summary'),
    uses: parseUses(get('uses')),
  };
  if (endPort !== undefined && endPort !== port.port) raw.endPort = endPort;
  if (get('details')) raw.details = get('details');
  const risk = get('risk').toLowerCase();
  const advice = get('advice');
  const vulnerabilities = parseVulnerabilities(get('vulnerabilities'));
  const malware = parseList(get('malware'));
  if (risk !== '') {
    if (!(RISK_LEVELS as readonly string[]).includes(risk)) return { problem: `risk "${risk}" is not one of ${RISK_LEVELS.join(', ')}.` };
    if (advice === '') return { problem: 'a risk level needs advice (the advice column is empty).' };
    const security: Record<string, unknown> = { risk: risk as RiskLevel, advice };
    if (vulnerabilities.length) security.vulnerabilities = vulnerabilities;
    if (malware.length) security.malware = malware;
    raw.security = security;
  } else if (advice !== '' || vulnerabilities.length || malware.length) {
    return { problem: 'advice, vulnerabilities and malware need a risk level (the risk column is empty).' };
  }
  if (related.length) raw.related = related;
  const commonness = get('commonness');
  if (commonness !== '') {
    const n = Number(commonness);
    if (!(COMMONNESS_TIERS as readonly number[]).includes(n)) return { problem: `commonness "${commonness}" must be 1, 2, 3 or 4.` };
    raw.commonness = n as Commonness;
  }
  const references = parseList(get('references'));
  if (references.length) raw.references = references;
  const keywords = parseList(get('keywords'));
  if (keywords.length) raw.keywords = keywords;
  const parsed = v.safeParse(KnowledgeSchema, raw);
  if (!parsed.success) return { problem: `${issuesOf(parsed.issues.slice(0, 1))[0]}.` };
  const checked = checkEntry(parsed.output);
  if (checked) return { problem: checked };
  return { entry: normaliseEntry(parsed.output) };
}
