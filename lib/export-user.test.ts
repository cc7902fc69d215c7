import { describe, expect, it } from 'vitest';
import { exportDefinitionsCsv, exportNotesCsv, exportUserJson } from './export-user.ts';
import { parseUserImport } from './import/user-import.ts';
import { userRecordOf } from './user-data.ts';
import type { KnowledgeEntry } from './knowledge-schema.ts';
import type { UserNote } from './types.ts';

const entries: KnowledgeEntry[] = [
  {
    port: 8443,
    protocols: ['tcp'],
    title: 'Billing admin API; "internal"',
    summary: 'Admin UI, with commas, "quotes"\nand a newline',
    details: 'Longer text: with a colon; and a semicolon \\ and a backslash.',
    uses: [{ name: '*starred: name;', primary: true, note: 'note: with; specials' }, { name: 'nginx' }],
    security: { risk: 'high', advice: 'VPN only', vulnerabilities: [{ id: 'CVE-2021-44228', note: 'Log4Shell; patch it' }], malware: ['Mirai', 'odd;name'] },
    related: [443, 8080],
    commonness: 3,
    references: ['https://example.com/a;b', 'RFC 9110'],
    keywords: ['billing', 'semi;colon'],
  },
  { port: 7000, endPort: 7010, protocols: ['tcp', 'udp'], title: 'Game servers', summary: 'Fleet', uses: [] },
];
const records = entries.map((e) => userRecordOf(e, new Date('2026-01-01')));
const notes: UserNote[] = [
  { port: 22, text: 'bastion, "only"\nask ops', updated: '2026-01-01T00:00:00.000Z' },
  { port: 5432, text: '=SUM(1) stays text', updated: '2026-01-02T00:00:00.000Z' },
];

describe('export round-trips through the importers', () => {
  it('JSON: notes and definitions', () => {
    const parsed = parseUserImport(exportUserJson(notes, records));
    expect(parsed).toEqual({ ok: true, data: { format: 'json', notes: notes.map(({ port, text }) => ({ port, text })), definitions: [entries[1], entries[0]] } });
  });

  it('CSV: notes', () => {
    const parsed = parseUserImport(exportNotesCsv(notes));
    expect(parsed).toEqual({ ok: true, data: { format: 'notes-csv', notes: notes.map(({ port, text }) => ({ port, text })), definitions: [] } });
  });

  it('CSV: definitions, with every list and special character', () => {
    const csv = exportDefinitionsCsv(records);
    const parsed = parseUserImport(csv);
    expect(parsed).toEqual({ ok: true, data: { format: 'definitions-csv', notes: [], definitions: [entries[1], entries[0]] } });
  });
});
