import { describe, expect, it } from 'vitest';
import { parseIanaCsv } from './iana-csv.ts';
import { problemText } from './limits.ts';
import { codeLine } from '../test-ui-text.ts';

const HEADER =
  'Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes';

const sample = [
  HEADER,
  ',0,tcp,Reserved,[Jon_Postel],[Jon_Postel],,,,,,',
  'http,80,tcp,World Wide Web HTTP,[Tim_Berners_Lee],[Tim_Berners_Lee],,,,,,"Defined TXT keys: u=<username>\np=<password>\npath=<path to document>"',
  'http,80,udp,World Wide Web HTTP,[Tim_Berners_Lee],[Tim_Berners_Lee],,,,,,"Defined TXT keys: u=<username>\np=<password>\npath=<path to document>"',
  'x11,6000-6063,tcp,X Window System,[Stephen_Gildea],[Stephen_Gildea],,2026-10-02,,,Known Unauthorized Use on port 6003,',
  'noport,,,Service name only,[Someone],[Someone],2020-01-01,,,,,',
  ',8000-8004,,Unassigned,,,,,,,,',
  'newsvc,9999,sctp,A new one,[X],[X],2026-11-03,,[RFC9999],,,',
].join('\r\n');

describe('parseIanaCsv', () => {
  it('reads quoted newlines, ranges and skips rows without a port or protocol', () => {
    const result = parseIanaCsv(sample);
    if (!result.ok) throw new Error(result.problems.map((p) => codeLine(problemText(p))).join('\n'));
    const { records, newestDate, skipped, rowCount } = result.data;
    expect({ newestDate, skipped, rowCount }).toEqual({ newestDate: '2026-11-03', skipped: 2, rowCount: 7 });
    const http = records.find((r) => r.serviceName === 'http');
    expect(http).toMatchObject({ port: 80, endPort: 80, protocols: ['tcp', 'udp'], asOf: '2026-11-03', notes: 'Defined TXT keys: u=<username> p=<password> path=<path to document>' });
    expect(records.find((r) => r.serviceName === 'x11')).toMatchObject({ port: 6000, endPort: 6063, unauthorizedUse: 'Known Unauthorized Use on port 6003', modified: '2026-10-02' });
    expect(records.map((r) => r.id)).toEqual(['iana:0/tcp:-', 'iana:80/tcp+udp:http', 'iana:6000-6063/tcp:x11', 'iana:9999/sctp:newsvc']);
  });

  it('gives the line of a bad row even after multi-line quoted fields', () => {
    const bad = `${sample}\r\nbroken,70000,tcp,Too high,,,,,,,,`;
    const result = parseIanaCsv(bad);
    expect(result.ok).toBe(false);
    // Header 1, then 7 rows, two of which span three lines each: the bad row is on line 13.
    expect(!result.ok && result.problems.map((p) => codeLine(problemText(p)))).toEqual(['import.onLine(line=13, problem=import.iana.badPort(value=70000))']);
  });

  it('refuses other formats and malformed CSV', () => {
    const first = (text: string) => {
      const r = parseIanaCsv(text);
      return r.ok ? 'ok' : codeLine(problemText(r.problems[0]!));
    };
    expect(first('port,note\n22,x\n')).toBe('import.onLine(line=1, problem=import.iana.porthole)');
    expect(first('a,b\n1,2\n')).toMatch(/^import\.onLine\(line=1, problem=import\.iana\.missingColumns\(columns=\["Service Name", "Port Number"/);
    expect(first('{"notes":[]}')).toBe('import.iana.json');
    expect(first('\u0089PNG\r\n\u001a\n\u0000\u0000')).toBe('import.iana.binary(what=import.what.png)');
    expect(first(`${HEADER}\nhttp,80,tcp,"unterminated\n`)).toMatch(/^import\.onLine\(line=2, problem=import\.csv\.malformed/);
    expect(first(`${HEADER}\nhttp,80,icmp,x,,,,,,,,\n`)).toBe('import.onLine(line=2, problem=import.iana.badProtocol(value=icmp))');
  });
});
