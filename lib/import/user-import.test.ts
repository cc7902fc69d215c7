import { describe, expect, it } from 'vitest';
import { parseUserImport } from './user-import.ts';
import { MAX_IMPORT_BYTES, problemText } from './limits.ts';
import { codeLine } from '../test-ui-text.ts';

const problems = (text: string, fileName?: string) => {
  const result = parseUserImport(text, fileName);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => codeLine(problemText(p)));
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
    if (!result.ok) throw new Error(result.problems.map((p) => codeLine(problemText(p))).join('\n'));
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
  const onLine = (line: number, problem: string) => `import.onLine(line=${line}, problem=${problem})`;

  it('malformed JSON, with the line', () => {
    const [message] = problems('{\n  "notes": [\n    {"port": 22, "text": "x"},,\n  ]\n}');
    expect(message).toMatch(/^import\.onLine\(line=3, problem=import\.json\.malformedAt/);
  });

  it('malformed CSV, with the line of the broken quote', () => {
    const [message] = problems('port,note\n22,ok\n80,"never closed\n443,fine\n');
    expect(message).toBe(onLine(3, 'import.csv.malformed(problem=import.csv.missingQuote)'));
  });

  it('a row with more fields than the header, with its line', () => {
    expect(problems('port,note\n22,ok\n\n80,a,b,c\n')).toEqual([onLine(4, 'import.csv.fieldCount(fields=4, columns=2)')]);
  });

  it('wrong types in JSON', () => {
    expect(problems(JSON.stringify({ notes: [{ port: '22', text: 'x' }] }))).toEqual(['import.at(where=notes[0], problem=import.port.notNumber(field=port, found=import.value.text(text="22")))']);
    expect(problems(JSON.stringify({ definitions: [{ port: 22, protocols: 'tcp', title: 'x', summary: 'y', uses: [] }] }))).toEqual([
      'import.at(where=definitions[0].protocols, problem=import.issue.type(expected=Array, received="tcp"))',
    ]);
    expect(problems(JSON.stringify({ notes: {} }))).toEqual(['import.json.notList(key="notes", found=import.value.object)']);
  });

  it('port 70000, in JSON and CSV', () => {
    expect(problems(JSON.stringify({ notes: [{ port: 70000, text: 'x' }] }))).toEqual(['import.at(where=notes[0], problem=import.port.outOfRange(field=port, value=70000))']);
    expect(problems('port,note\n22,a\n70000,b\n')).toEqual([onLine(3, 'import.port.outOfRange(field=port, value=70000)')]);
    expect(problems('port,protocols,title,summary\n-1,tcp,a,b\n')).toEqual([onLine(2, 'import.port.outOfRange(field=port, value=-1)')]);
  });

  it('duplicate keys', () => {
    expect(problems('port,note\n22,a\n80,b\n22,c\n')).toEqual([onLine(4, 'import.note.duplicateLine(port=22, line=2)')]);
    expect(problems('port,endPort,protocols,title,summary\n7000,7010,tcp,a,b\n7000,7010,udp,c,d\n')).toEqual([onLine(3, 'import.definition.duplicateLine(port=7000-7010, line=2)')]);
    const defs = [0, 1].map(() => ({ port: 8443, protocols: ['tcp'], title: 'a', summary: 'b', uses: [] }));
    expect(problems(JSON.stringify({ definitions: defs }))).toEqual(['import.at(where=definitions[1], problem=import.definition.duplicate(port=8443, first=definitions[0]))']);
  });

  it('a file over the size limit (50 MB), before parsing', () => {
    const big = `port,note\n${'1,x\n'.repeat(Math.ceil((50 * 1024 * 1024) / 4))}`;
    expect(big.length).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(problems(big, 'big.csv')).toEqual(['import.tooLargeNamed(file=big.csv, size=50, max=20)']);
  });

  it('files of another format: PNG, PDF, an IANA CSV, another JSON', () => {
    expect(problems('\uFFFDPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')).toEqual(['import.binary(what=import.what.png)']);
    expect(problems('%PDF-1.7\n...')).toEqual(['import.binary(what=import.what.pdf)']);
    expect(problems('Service Name,Port Number,Transport Protocol,Description\nhttp,80,tcp,World Wide Web HTTP\n')).toEqual([onLine(1, 'import.csv.ianaFile')]);
    expect(problems('{"format":"something-else"}')).toEqual(['import.json.wrongFormat(found="something-else", expected="porthole-user-data")']);
    expect(problems('[1,2,3]')).toEqual(['import.json.notExport(found=import.value.list)']);
    expect(problems('name,age\nbob,3\n')[0]).toMatch(/^import\.onLine\(line=1, problem=import\.csv\.unknownHeader\(header="name,age"/);
    expect(problems('')).toEqual(['import.empty']);
  });

  it('definition rows that break the schema, with their lines', () => {
    expect(problems('port,protocols,title,summary\n22,ftp,a,b\n')).toEqual([onLine(2, 'import.cell.badProtocol(value="ftp", allowed=tcp, udp, sctp, dccp)')]);
    expect(problems('port,protocols,title,summary,risk\n22,tcp,a,b,high\n')).toEqual([onLine(2, 'import.cell.riskNeedsAdvice')]);
    expect(problems('port,protocols,title,summary\n22,tcp,,b\n')).toEqual([onLine(2, 'import.at(where=title, problem=import.issue.empty)')]);
    expect(problems('port,endPort,protocols,title,summary\n22,20,tcp,a,b\n')).toEqual([onLine(2, 'import.definition.endBelow(end=20, port=22)')]);
    expect(problems('port,protocols,title,summary,colour\n22,tcp,a,b,red\n')[0]).toMatch(/^import\.onLine\(line=1, problem=import\.csv\.unknownColumns\(columns=\["colour"\]/);
  });
});

describe('JSON error positions', () => {
  const malformed = (line: number, problem: string, column: number) => `import.onLine(line=${line}, problem=import.json.malformedAt(problem=${problem}, column=${column}))`;

  it('names the line and what is wrong', () => {
    expect(problems('{\n  "notes": [\n    {"port": 22, "text": "x"},,\n  ]\n}')).toEqual([malformed(3, 'import.json.unexpected(found=",")', 31)]);
    expect(problems('{\n "notes": [\n  {"port": 22, "text": "x"},\n ]\n}')).toEqual([malformed(4, 'import.json.trailingComma(close="]")', 2)]);
    expect(problems('{"notes": [{"port": 22, "text": "unclosed}]}\n')[0]).toMatch(/^import\.onLine\(line=1, problem=import\.json\.malformedAt\(problem=import\.json\.lineBreak/);
    expect(problems('{"notes": []} trailing')).toEqual([malformed(1, 'import.json.afterEnd(found="t")', 15)]);
    expect(problems('{"notes": [')[0]).toContain('import.json.endOfFile');
  });
});
