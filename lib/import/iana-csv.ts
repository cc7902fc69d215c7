// Reads a newer copy of the IANA "Service Name and Transport Protocol Port
// Number Registry" CSV (service-names-port-numbers.csv from iana.org).
import { isProtocol, parsePortCell, recordsFromRows, type IanaRow } from '../iana.ts';
import type { IanaRecord } from '../types.ts';
import { cellsByName, readCsv } from './csv.ts';
import { MAX_PROBLEMS, sizeProblem, type ImportProblem } from './limits.ts';
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
  if (sniffed.kind === 'binary') return { ok: false, problems: [{ message: `This is ${sniffed.what}, not the IANA registry CSV.` }] };
  if (sniffed.kind === 'empty') return { ok: false, problems: [{ message: 'The file is empty.' }] };
  if (sniffed.kind === 'json') return { ok: false, problems: [{ message: 'This is a JSON file; the IANA registry import reads the registry CSV (service-names-port-numbers.csv).' }] };
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
          message: looksOurs
            ? 'This is a Porthole notes or definitions CSV, not the IANA registry. Import it under "Notes and definitions" instead.'
            : `Not the IANA registry CSV: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}. Expected: ${IANA_COLUMNS.join(',')}.`,
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
      problems.push({ line: row.line, message: `Port Number "${portText.slice(0, 20)}" is not a port or a range like 6000-6063 within 0–65535.` });
      continue;
    }
    if (!isProtocol(protocolText)) {
      problems.push({ line: row.line, message: `Transport Protocol "${protocolText.slice(0, 20)}" is not tcp, udp, sctp or dccp.` });
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
  if (out.length === 0) return { ok: false, problems: [{ message: 'The registry CSV has no rows with a port and a protocol.' }] };
  const asOf = newest || new Date().toISOString().slice(0, 10);
  return { ok: true, data: { records: recordsFromRows(out, asOf), newestDate: asOf, skipped, rowCount: rows.length } };
}
