// Parses the user's notes and custom definitions from JSON or CSV (formats in
// docs/import-formats.md). Pure: the result is either everything, checked,
// or a list of problems, never a partial import.
import * as v from 'valibot';
import { KnowledgeSchema, REFERENCE, VULN_ID, type KnowledgeEntry } from '../knowledge-schema.ts';
import { rangeKey } from '../curated.ts';
import { COMMONNESS_TIERS, PROTOCOLS, RISK_LEVELS, isValidPort, type Commonness, type Protocol, type RiskLevel } from '../types.ts';
import { cellsByName, readCsv, type CsvRow } from './csv.ts';
import { MAX_PROBLEMS, problemAt, sizeProblem, type ImportProblem } from './limits.ts';
import { uiText, type UiText } from '../ui-text.ts';
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
      return fail([{ text: uiText('import.binary', { what: sniffed.what }) }]);
    case 'empty':
      return fail([{ text: uiText('import.empty') }]);
    case 'json':
      return parseUserJson(text);
    case 'csv':
      return parseUserCsv(text);
  }
}

const fail = (problems: ImportProblem[]): ParseResult => ({ ok: false, problems: problems.slice(0, MAX_PROBLEMS) });

// ---------------------------------------------------------------------------
// JSON

/** What a value is, for a sentence: "a list", "the text \"80\"". */
export function describe(value: unknown): UiText {
  if (value === null) return uiText('import.value.null');
  if (Array.isArray(value)) return uiText('import.value.list');
  if (typeof value === 'string') return uiText('import.value.text', { text: JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value) });
  return typeof value === 'object' ? uiText('import.value.object') : uiText('import.value.other', { type: typeof value, value: String(value) });
}

function portIssue(value: unknown, field: string): UiText | null {
  if (typeof value !== 'number') return uiText('import.port.notNumber', { field, found: describe(value) });
  if (!Number.isInteger(value)) return uiText('import.port.notWhole', { field, value: String(value) });
  if (!isValidPort(value)) return uiText('import.port.outOfRange', { field, value: String(value) });
  return null;
}

/** One problem of a definition: at a field (`title`, `uses.0.name`) or about the whole entry. */
export interface DefinitionProblem {
  path?: string;
  text: UiText;
}

function issuesOf(issues: readonly v.BaseIssue<unknown>[]): DefinitionProblem[] {
  return issues.map((issue) => ({ path: v.getDotPath(issue) ?? undefined, text: plainIssue(issue) }));
}

/** A definition problem placed under `where` (`definitions[2]`): "definitions[2].title: is missing.". */
export const definitionProblemAt = (where: string, p: DefinitionProblem): UiText => problemAt(p.path ? `${where}.${p.path}` : where, p.text);

/** A definition problem on its own: "title: is missing.", or the whole entry's. */
export const definitionProblemText = (p: DefinitionProblem): UiText => (p.path ? problemAt(p.path, p.text) : p.text);

/** Valibot's issues in our words (its own are English and cryptic: "Expected never"). */
function plainIssue(issue: v.BaseIssue<unknown>): UiText {
  if (issue.kind === 'schema' && issue.expected === 'never') return uiText('import.issue.unknownField');
  if (issue.received === 'undefined' && (issue.type === 'strict_object' || issue.type === 'object')) return uiText('import.issue.missing');
  if (issue.type === 'min_length' && issue.received === '0') return uiText('import.issue.empty');
  const requirement = (issue as { requirement?: unknown }).requirement;
  if (issue.type === 'max_length') return uiText('import.issue.tooLong', { max: Number(requirement) });
  if (requirement === REFERENCE) return uiText('import.issue.reference');
  if (requirement === VULN_ID) return uiText('import.issue.vulnId');
  if (issue.kind === 'schema') return uiText('import.issue.type', { expected: issue.expected ?? '', received: issue.received });
  return uiText('import.issue.invalid', { expected: issue.expected ?? '', received: issue.received });
}

const NoteItemSchema = v.strictObject({
  port: v.number(),
  text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_NOTE_LENGTH)),
  updated: v.optional(v.string()),
});

export function parseUserJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const at = locateJsonError(text);
    if (at) return fail([{ line: at.line, text: uiText('import.json.malformedAt', { problem: at.message, column: String(at.column) }) }]);
    return fail([{ text: uiText('import.json.malformed', { error: err instanceof Error ? err.message : String(err) }) }]);
  }
  if (Array.isArray(data) || typeof data !== 'object' || data === null) {
    return fail([{ text: uiText('import.json.notExport', { found: describe(data) }) }]);
  }
  const root = data as Record<string, unknown>;
  if ('format' in root && root.format !== USER_DATA_FORMAT) {
    return fail([{ text: uiText('import.json.wrongFormat', { found: JSON.stringify(root.format) ?? 'undefined', expected: `"${USER_DATA_FORMAT}"` }) }]);
  }
  if ('version' in root && root.version !== USER_DATA_VERSION) {
    return fail([{ text: uiText('import.json.wrongVersion', { found: JSON.stringify(root.version) ?? 'undefined', expected: String(USER_DATA_VERSION) }) }]);
  }
  const unknown = Object.keys(root).filter((k) => !['format', 'version', 'exported', 'notes', 'definitions'].includes(k));
  if (unknown.length > 0) return fail([{ text: uiText('import.json.unknownFields', { fields: unknown.map((k) => `"${k}"`) }, unknown.length) }]);
  if (!('notes' in root) && !('definitions' in root)) {
    return fail([{ text: uiText('import.json.nothing') }]);
  }
  const problems: ImportProblem[] = [];
  const notes: NoteInput[] = [];
  const definitions: KnowledgeEntry[] = [];
  for (const key of ['notes', 'definitions'] as const) {
    if (key in root && !Array.isArray(root[key])) problems.push({ text: uiText('import.json.notList', { key: `"${key}"`, found: describe(root[key]) }) });
  }
  if (problems.length > 0) return fail(problems);

  const notePorts = new Map<number, number>();
  ((root.notes as unknown[] | undefined) ?? []).forEach((item, i) => {
    const where = `notes[${i}]`;
    const portProblem = portIssue((item as { port?: unknown } | null)?.port, 'port');
    if (portProblem) return problems.push({ text: problemAt(where, portProblem) });
    const parsed = v.safeParse(NoteItemSchema, item);
    if (!parsed.success) return problems.push(...issuesOf(parsed.issues).map((p) => ({ text: definitionProblemAt(where, p) })));
    const first = notePorts.get(parsed.output.port);
    if (first !== undefined) return problems.push({ text: problemAt(where, uiText('import.note.duplicate', { port: String(parsed.output.port), first: `notes[${first}]` })) });
    notePorts.set(parsed.output.port, i);
    notes.push({ port: parsed.output.port, text: parsed.output.text });
  });

  const keys = new Map<string, number>();
  ((root.definitions as unknown[] | undefined) ?? []).forEach((item, i) => {
    const where = `definitions[${i}]`;
    const checked = checkDefinition(item);
    if ('problems' in checked) return problems.push(...checked.problems.map((p) => ({ text: definitionProblemAt(where, p) })));
    const { entry } = checked;
    const key = rangeKey(entry.port, entry.endPort ?? entry.port);
    const first = keys.get(key);
    if (first !== undefined) return problems.push({ text: problemAt(where, uiText('import.definition.duplicate', { port: key, first: `definitions[${first}]` })) });
    keys.set(key, i);
    definitions.push(entry);
  });
  if (problems.length > 0) return fail(problems);
  return { ok: true, data: { format: 'json', notes, definitions } };
}

/**
 * One definition as written by a person (an import, a policy, a pack):
 * the checked entry, or what is wrong with it (at a field, or about the whole entry).
 */
export function checkDefinition(item: unknown): { entry: KnowledgeEntry } | { problems: DefinitionProblem[] } {
  const fields = (item !== null && typeof item === 'object' ? item : {}) as { port?: unknown; endPort?: unknown };
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return { problems: [{ text: uiText('import.definition.notObject', { found: describe(item) }) }] };
  const portProblem = portIssue(fields.port, 'port') ?? ('endPort' in fields ? portIssue(fields.endPort, 'endPort') : null);
  if (portProblem) return { problems: [{ text: portProblem }] };
  const parsed = v.safeParse(KnowledgeSchema, item);
  if (!parsed.success) return { problems: issuesOf(parsed.issues) };
  const checked = checkEntry(parsed.output);
  if (checked) return { problems: [{ text: checked }] };
  return { entry: normaliseEntry(parsed.output) };
}

/** Checks the schema cannot express. */
function checkEntry(entry: KnowledgeEntry): UiText | null {
  if (entry.endPort !== undefined && entry.endPort < entry.port) return uiText('import.definition.endBelow', { end: String(entry.endPort), port: String(entry.port) });
  if (entry.uses.filter((u) => u.primary).length > 1) return uiText('import.definition.twoPrimary');
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
    return fail([{ line: headerLine, text: uiText('import.csv.ianaFile') }]);
  }
  const duplicated = header.filter((h, i) => header.indexOf(h) !== i);
  if (duplicated.length > 0) return fail([{ line: headerLine, text: uiText('import.csv.duplicateColumn', { column: `"${duplicated[0]}"` }) }]);
  if (names.has('note')) return parseNotesCsv(header, headerLine, rows);
  if (names.has('title')) return parseDefinitionsCsv(header, headerLine, rows);
  return fail([
    { line: headerLine, text: uiText('import.csv.unknownHeader', { header: `"${header.join(',').slice(0, 120)}"`, notes: 'port,note', definitions: DEFINITION_REQUIRED.join(',') }) },
  ]);
}

function checkColumns(header: string[], headerLine: number, allowed: readonly string[], required: readonly string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const unknown = header.filter((h) => !allowed.includes(h));
  if (unknown.length > 0) problems.push({ line: headerLine, text: uiText('import.csv.unknownColumns', { columns: unknown.map((u) => `"${u}"`), allowed: allowed.join(', ') }, unknown.length) });
  const missing = required.filter((r) => !header.includes(r));
  if (missing.length > 0) problems.push({ line: headerLine, text: uiText('import.csv.missingColumns', { columns: missing.map((m) => `"${m}"`) }, missing.length) });
  return problems;
}

function portCell(cell: string, field: string): { port: number } | { problem: UiText } {
  const t = cell.trim();
  if (t === '') return { problem: uiText('import.cell.empty', { field }) };
  if (!/^-?\d+$/.test(t)) return { problem: uiText('import.cell.notPort', { field, value: `"${t.slice(0, 20)}"` }) };
  const n = Number(t);
  if (!isValidPort(n)) return { problem: uiText('import.port.outOfRange', { field, value: t }) };
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
      problems.push({ line: row.line, text: uiText('import.csv.fieldCount', { fields: row.cells.length, columns: header.length }) });
      continue;
    }
    const port = portCell(cells.get('port')!, 'port');
    if ('problem' in port) {
      problems.push({ line: row.line, text: port.problem });
      continue;
    }
    const text = cells.get('note')!.trim();
    if (text === '') problems.push({ line: row.line, text: uiText('import.note.empty', { port: String(port.port) }) });
    else if (text.length > MAX_NOTE_LENGTH) problems.push({ line: row.line, text: uiText('import.note.tooLong', { port: String(port.port), max: MAX_NOTE_LENGTH }) });
    else if (seen.has(port.port)) problems.push({ line: row.line, text: uiText('import.note.duplicateLine', { port: String(port.port), line: String(seen.get(port.port)) }) });
    else {
      seen.set(port.port, row.line);
      notes.push({ port: port.port, text });
    }
  }
  if (problems.length > 0) return fail(problems);
  if (notes.length === 0) return fail([{ text: uiText('import.csv.noNotes') }]);
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
      problems.push({ line: row.line, text: uiText('import.csv.fieldCount', { fields: row.cells.length, columns: header.length }) });
      continue;
    }
    const built = definitionFromCells(cellsByName(header, row));
    if ('problem' in built) {
      problems.push({ line: row.line, text: built.problem });
      continue;
    }
    const key = rangeKey(built.entry.port, built.entry.endPort ?? built.entry.port);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ line: row.line, text: uiText('import.definition.duplicateLine', { port: key, line: String(first) }) });
      continue;
    }
    seen.set(key, row.line);
    definitions.push(built.entry);
  }
  if (problems.length > 0) return fail(problems);
  if (definitions.length === 0) return fail([{ text: uiText('import.csv.noDefinitions') }]);
  return { ok: true, data: { format: 'definitions-csv', notes: [], definitions } };
}

/** One CSV row of a definition → a checked entry, or the first problem. */
export function definitionFromCells(cells: Map<string, string>): { entry: KnowledgeEntry } | { problem: UiText } {
  const get = (k: string) => (cells.get(k) ?? '').trim();
  const port = portCell(get('port'), 'port');
  if ('problem' in port) return port;
  let endPort: number | undefined;
  if (get('endPort') !== '') {
    const end = portCell(get('endPort'), 'endPort');
    if ('problem' in end) return end;
    endPort = end.port;
  }
  const protocols = get('protocols').toLowerCase().split(/[\s;,/+]+/).filter(Boolean);
  const badProtocol = protocols.find((p) => !(PROTOCOLS as readonly string[]).includes(p));
  if (badProtocol) return { problem: uiText('import.cell.badProtocol', { value: `"${badProtocol}"`, allowed: PROTOCOLS.join(', ') }) };
  if (protocols.length === 0) return { problem: uiText('import.cell.noProtocols') };
  const related: number[] = [];
  for (const item of get('related').split(/[\s;,]+/).filter(Boolean)) {
    const r = portCell(item, 'related');
    if ('problem' in r) return r;
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
    if (!(RISK_LEVELS as readonly string[]).includes(risk)) return { problem: uiText('import.cell.badRisk', { value: `"${risk}"`, allowed: RISK_LEVELS.join(', ') }) };
    if (advice === '') return { problem: uiText('import.cell.riskNeedsAdvice') };
    const security: Record<string, unknown> = { risk: risk as RiskLevel, advice };
    if (vulnerabilities.length) security.vulnerabilities = vulnerabilities;
    if (malware.length) security.malware = malware;
    raw.security = security;
  } else if (advice !== '' || vulnerabilities.length || malware.length) {
    return { problem: uiText('import.cell.adviceNeedsRisk') };
  }
  if (related.length) raw.related = related;
  const commonness = get('commonness');
  if (commonness !== '') {
    const n = Number(commonness);
    if (!(COMMONNESS_TIERS as readonly number[]).includes(n)) return { problem: uiText('import.cell.badCommonness', { value: `"${commonness}"` }) };
    raw.commonness = n as Commonness;
  }
  const references = parseList(get('references'));
  if (references.length) raw.references = references;
  const keywords = parseList(get('keywords'));
  if (keywords.length) raw.keywords = keywords;
  const parsed = v.safeParse(KnowledgeSchema, raw);
  if (!parsed.success) return { problem: definitionProblemText(issuesOf(parsed.issues.slice(0, 1))[0]!) };
  const checked = checkEntry(parsed.output);
  if (checked) return { problem: checked };
  return { entry: normaliseEntry(parsed.output) };
}
