// Reads a newer copy of the IANA "Service Name and Transport Protocol Port
// Number Registry" CSV (service-names-port-numbers.csv from iana.org).
import { isProtocol, parsePortCell, recordsFromRows, type IanaRow } from '../iana.ts';
import type { IanaRecord } from '../types.ts';
import { cellsByName, readCsv } from './csv.ts';
import { MAX_PROBLEMS, sizeProblem, type ImportProblem } from './limits.ts';
import { uiText } from '../ui-text.ts';
import { sniff } from './sniff.ts';

/** The registry's columns, in IANA's order. */
export const IANA_COLUMNS = [
  'Service Name', 'Port Number', 'Transport Protocol', 'Description', 'Assignee', 'Contact',
  'Registration Date', 'Modification Date', 'Reference', 'Service Code', 'Unauthorized Use Reported', 'Assignment Notes',
] as const;
const REQUIRED = ['Service Name', 'Port Number', 'Transport Protocol', 'Description'];

export interface ParsedIana {
  records: IanaRecord[];
  /** Newest registration or modification date in the file (YYYY-MM-DD or YYYY-MM); the import's "as of". */
  newestDate: string;
  /** Rows with no port (service names without one) or no transport protocol (reserved ranges). */
  skipped: number;
  /** Data rows read, skipped ones included. */
  rowCount: number;
}

export type IanaParseResult = { ok: true; data: ParsedIana } | { ok: false; problems: ImportProblem[] };

const DATE = /^\d{4}-\d{2}(-\d{2})?$/;

export function parseIanaCsv(text: string, fileName?: string): IanaParseResult {
  const big = sizeProblem(text, fileName);
  if (big) return { ok: false, problems: [big] };
  const sniffed = sniff(text);
  if (sniffed.kind === 'binary') return { ok: false, problems: [{ text: uiText('import.iana.binary', { what: sniffed.what }) }] };
  if (sniffed.kind === 'empty') return { ok: false, problems: [{ text: uiText('import.empty') }] };
  if (sniffed.kind === 'json') return { ok: false, problems: [{ text: uiText('import.iana.json') }] };
  const read = readCsv(text);
  if (!read.ok) return read;
  const { header, headerLine, rows } = read.table;
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    const looksOurs = header.includes('port') && (header.includes('note') || header.includes('title'));
    return {
      ok: false,
      problems: [
        {
          line: headerLine,
          text: looksOurs
            ? uiText('import.iana.porthole')
            : uiText('import.iana.missingColumns', { columns: missing.map((m) => `"${m}"`), expected: IANA_COLUMNS.join(',') }, missing.length),
        },
      ],
    };
  }
  const problems: ImportProblem[] = [];
  const out: IanaRow[] = [];
  let skipped = 0;
  let newest = '';
  for (const row of rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    const c = cellsByName(header, row);
    const get = (k: string) => (c.get(k) ?? '').trim();
    const portText = get('Port Number');
    const protocolText = get('Transport Protocol').toLowerCase();
    if (portText === '' || protocolText === '') {
      skipped++;
      continue;
    }
    const range = parsePortCell(portText);
    if (!range) {
      problems.push({ line: row.line, text: uiText('import.iana.badPort', { value: portText.slice(0, 20) }) });
      continue;
    }
    if (!isProtocol(protocolText)) {
      problems.push({ line: row.line, text: uiText('import.iana.badProtocol', { value: protocolText.slice(0, 20) }) });
      continue;
    }
    for (const k of ['Registration Date', 'Modification Date']) {
      const d = get(k);
      if (d !== '' && DATE.test(d) && d > newest) newest = d;
    }
    const opt = (k: string) => get(k) || undefined;
    out.push({
      serviceName: get('Service Name'),
      ...range,
      protocol: protocolText,
      description: get('Description'),
      assignee: opt('Assignee'),
      contact: opt('Contact'),
      registered: opt('Registration Date'),
      modified: opt('Modification Date'),
      reference: opt('Reference'),
      notes: opt('Assignment Notes'),
      unauthorizedUse: opt('Unauthorized Use Reported'),
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (out.length === 0) return { ok: false, problems: [{ text: uiText('import.iana.noRows') }] };
  const asOf = newest || new Date().toISOString().slice(0, 10);
  return { ok: true, data: { records: recordsFromRows(out, asOf), newestDate: asOf, skipped, rowCount: rows.length } };
}
