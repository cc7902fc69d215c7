import { describe, expect, it } from 'vitest';
import { parseUserImport } from './user-import.ts';
import { MAX_IMPORT_BYTES, problemText } from './limits.ts';

const problems = (text: string, fileName?: string) => {
  const result = parseUserImport(text, fileName);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map(problemText);
};

const definitionsCsv = [
  'port,endPort,protocols,title,summary,uses,risk,advice,related,commonness,references,keywords',
  '8443,,tcp,Billing admin API,"Internal billing admin, HTTPS",*billing-admin: behind VPN; nginx,high,Only reachable from the VPN,443;8080,2,https://wiki.example.com/billing,billing; admin',
  '7000,7010,tcp;udp,Game servers,Our game fleet,,,,,,,',
].join('\n');

describe('parseUserImport: valid files', () => {
  it('reads an export JSON with notes and definitions', () => {
    const result = parseUserImport(
      JSON.stringify({
        format: 'porthole-user-data',
        version: 1,
        notes: [{ port: 8443, text: ' billing ', updated: '2026-01-01T00:00:00.000Z' }],
        definitions: [{ port: 8443, endPort: 8443, protocols: ['tcp'], title: 'Billing admin API', summary: 'Ours', uses: [], related: [] }],
      }),
    );
    expect(result).toEqual({
      ok: true,
      data: {
        format: 'json',
        notes: [{ port: 8443, text: 'billing' }],
        definitions: [{ port: 8443, protocols: ['tcp'], title: 'Billing admin API', summary: 'Ours', uses: [] }],
      },
    });
  });

  it('reads a notes CSV with quoted newlines', () => {
    const result = parseUserImport('port,note\n22,"bastion only\nask ops"\n5432,primary db\n');
    expect(result).toEqual({ ok: true, data: { format: 'notes-csv', notes: [{ port: 22, text: 'bastion only\nask ops' }, { port: 5432, text: 'primary db' }], definitions: [] } });
  });

  it('reads a definitions CSV with lists, ranges and security', () => {
    const result = parseUserImport(definitionsCsv);
    if (!result.ok) throw new Error(result.problems.map(problemText).join('\n'));
    expect(result.data.definitions).toEqual([
      {
        port: 8443,
        protocols: ['tcp'],
        title: 'Billing admin API',
        summary: 'Internal billing admin, HTTPS',
        uses: [{ name: 'billing-admin', primary: true, note: 'behind VPN' }, { name: 'nginx' }],
        security: { risk: 'high', advice: 'Only reachable from the VPN' },
        related: [443, 8080],
        commonness: 2,
        references: ['https://wiki.example.com/billing'],
        keywords: ['billing', 'admin'],
      },
      { port: 7000, endPort: 7010, protocols: ['tcp', 'udp'], title: 'Game servers', summary: 'Our game fleet', uses: [] },
    ]);
  });
});

describe('parseUserImport: every bad input gets a specific error', () => {
  it('malformed JSON, with the line', () => {
    const [message] = problems('{\n  "notes": [\n    {"port": 22, "text": "x"},,\n  ]\n}');
    expect(message).toMatch(/^Line 3: Malformed JSON/);
  });

  it('malformed CSV, with the line of the broken quote', () => {
    const [message] = problems('port,note\n22,ok\n80,"never closed\n443,fine\n');
    expect(message).toMatch(/^Line 3: Malformed CSV: a quoted field is never closed/);
  });

  it('a row with more fields than the header, with its line', () => {
    expect(problems('port,note\n22,ok\n\n80,a,b,c\n')).toEqual(['Line 4: 4 fields, but the header has 2 columns.']);
  });

  it('wrong types in JSON', () => {
    expect(problems(JSON.stringify({ notes: [{ port: '22', text: 'x' }] }))).toEqual(['notes[0]: port must be a number, not the text "22".']);
    expect(problems(JSON.stringify({ definitions: [{ port: 22, protocols: 'tcp', title: 'x', summary: 'y', uses: [] }] }))[0]).toMatch(/^definitions\[0\]\.protocols: Invalid type/);
    expect(problems(JSON.stringify({ notes: {} }))).toEqual(['"notes" must be a list, not an object.']);
  });

  it('port 70000, in JSON and CSV', () => {
    expect(problems(JSON.stringify({ notes: [{ port: 70000, text: 'x' }] }))).toEqual(['notes[0]: port 70000 is out of range (0–65535).']);
    expect(problems('port,note\n22,a\n70000,b\n')).toEqual(['Line 3: port 70000 is out of range (0–65535).']);
    expect(problems('port,protocols,title,summary\n-1,tcp,a,b\n')).toEqual(['Line 2: port -1 is out of range (0–65535).']);
  });

  it('duplicate keys', () => {
    expect(problems('port,note\n22,a\n80,b\n22,c\n')).toEqual(['Line 4: port 22 already has a note in this file (line 2).']);
    expect(problems('port,endPort,protocols,title,summary\n7000,7010,tcp,a,b\n7000,7010,udp,c,d\n')).toEqual([
      'Line 3: port 7000-7010 is already defined in this file (line 2).',
    ]);
    const defs = [0, 1].map(() => ({ port: 8443, protocols: ['tcp'], title: 'a', summary: 'b', uses: [] }));
    expect(problems(JSON.stringify({ definitions: defs }))).toEqual(['definitions[1]: port 8443 is already defined in this file (definitions[0]).']);
  });

  it('a file over the size limit (50 MB), before parsing', () => {
    const big = `port,note\n${'1,x\n'.repeat(Math.ceil((50 * 1024 * 1024) / 4))}`;
    expect(big.length).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(problems(big, 'big.csv')).toEqual(['big.csv is 50.0 MB; Porthole imports files up to 20 MB. Nothing was changed.']);
  });

  it('files of another format: PNG, PDF, an IANA CSV, another JSON', () => {
    expect(problems('\uFFFDPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')).toEqual(['This is a PNG image, not a JSON or CSV file of notes or port definitions.']);
    expect(problems('%PDF-1.7\n...')).toEqual(['This is a PDF document, not a JSON or CSV file of notes or port definitions.']);
    expect(problems('Service Name,Port Number,Transport Protocol,Description\nhttp,80,tcp,World Wide Web HTTP\n')[0]).toMatch(/^Line 1: This is an IANA registry CSV/);
    expect(problems('{"format":"something-else"}')[0]).toMatch(/not a Porthole export/);
    expect(problems('[1,2,3]')[0]).toMatch(/found a list/);
    expect(problems('name,age\nbob,3\n')[0]).toMatch(/^Line 1: Unrecognised CSV header/);
    expect(problems('')).toEqual(['The file is empty.']);
  });

  it('definition rows that break the schema, with their lines', () => {
    expect(problems('port,protocols,title,summary\n22,ftp,a,b\n')).toEqual(['Line 2: protocol "ftp" is not one of tcp, udp, sctp, dccp.']);
    expect(problems('port,protocols,title,summary,risk\n22,tcp,a,b,high\n')).toEqual(['Line 2: a risk level needs advice (the advice column is empty).']);
    expect(problems('port,protocols,title,summary\n22,tcp,,b\n')[0]).toMatch(/^Line 2: title: /);
    expect(problems('port,endPort,protocols,title,summary\n22,20,tcp,a,b\n')).toEqual(['Line 2: endPort 20 is below port 22.']);
    expect(problems('port,protocols,title,summary,colour\n22,tcp,a,b,red\n')[0]).toMatch(/^Line 1: Unknown column "colour"/);
  });
});

describe('JSON error positions', () => {
  it('names the line and what is wrong', () => {
    expect(problems('{\n  "notes": [\n    {"port": 22, "text": "x"},,\n  ]\n}')).toEqual(['Line 3: Malformed JSON: unexpected "," (column 31).']);
    expect(problems('{\n "notes": [\n  {"port": 22, "text": "x"},\n ]\n}')).toEqual(['Line 4: Malformed JSON: trailing comma before "]" (column 2).']);
    expect(problems('{"notes": [{"port": 22, "text": "unclosed}]}\n')[0]).toMatch(/^Line 1: Malformed JSON: line break inside a string/);
    expect(problems('{"notes": []} trailing')).toEqual(['Line 1: Malformed JSON: unexpected "t" after the end of the data (column 15).']);
  });
});
