// Exports the user's notes and definitions in the formats the importers read
// (docs/import-formats.md), so an export imports back to the same data.
import Papa from 'papaparse';
import { entryOfRecord } from './import/diff.ts';
import { formatList, formatUses, formatVulnerabilities } from './import/list-cell.ts';
import { DEFINITION_CSV_COLUMNS, NOTES_CSV_COLUMNS, USER_DATA_FORMAT, USER_DATA_VERSION } from './import/user-import.ts';
import type { UserNote, UserRecord } from './types.ts';

const byPort = <T extends { port: number }>(list: readonly T[]): T[] => [...list].sort((a, b) => a.port - b.port);

export function exportUserJson(notes: readonly UserNote[], records: readonly UserRecord[], now = new Date()): string {
  return `${JSON.stringify(
    {
      format: USER_DATA_FORMAT,
      version: USER_DATA_VERSION,
      exported: now.toISOString(),
      notes: byPort(notes).map((n) => ({ port: n.port, text: n.text, updated: n.updated })),
      definitions: byPort(records).map(entryOfRecord),
    },
    null,
    2,
  )}\n`;
}

export function exportNotesCsv(notes: readonly UserNote[]): string {
  return `${Papa.unparse({ fields: [...NOTES_CSV_COLUMNS], data: byPort(notes).map((n) => [String(n.port), n.text, n.updated]) }, { newline: '\n' })}\n`;
}

export function exportDefinitionsCsv(records: readonly UserRecord[]): string {
  const data = byPort(records).map((record) => {
    const e = entryOfRecord(record);
    const cells: Record<(typeof DEFINITION_CSV_COLUMNS)[number], string> = {
      port: String(e.port),
      endPort: e.endPort !== undefined ? String(e.endPort) : '',
      protocols: e.protocols.join(';'),
      title: e.title,
      summary: e.summary,
      details: e.details ?? '',
      uses: formatUses(e.uses),
      risk: e.security?.risk ?? '',
      advice: e.security?.advice ?? '',
      vulnerabilities: formatVulnerabilities(e.security?.vulnerabilities),
      malware: formatList(e.security?.malware),
      related: formatList(e.related),
      commonness: e.commonness !== undefined ? String(e.commonness) : '',
      references: formatList(e.references),
      keywords: formatList(e.keywords),
    };
    return DEFINITION_CSV_COLUMNS.map((c) => cells[c]);
  });
  return `${Papa.unparse({ fields: [...DEFINITION_CSV_COLUMNS], data }, { newline: '\n' })}\n`;
}

/** A file name with today's date: `porthole-notes-2026-11-25.csv`. */
export function exportFileName(what: 'data' | 'notes' | 'definitions', ext: 'json' | 'csv', now = new Date()): string {
  return `porthole-${what}-${now.toISOString().slice(0, 10)}.${ext}`;
}
