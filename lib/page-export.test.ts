import { describe, expect, it } from 'vitest';
import { exportPage, toCsv, toFirewallRules, toJson, toMarkdown, type PageExportInput } from './page-export.ts';
import { codeLine } from './test-ui-text.ts';

const input: PageExportInput = {
  url: 'http://127.0.0.1:8000/fixture.html',
  title: 'Firewall | notes',
  rows: [
    { port: 139, protocols: ['tcp'], count: 3, sample: 'SMB on 0.0.0.0:139', service: 'NetBIOS Session Service' },
    { port: 135, endPort: 139, protocols: [], count: 1, sample: 'ports 135-139', service: 'msrpc' },
    { port: 53, protocols: ['udp', 'tcp'], count: 2, sample: '=HYPERLINK("evil") 53/udp, "quoted"', service: 'DNS | domain' },
    { port: 60000, protocols: [], count: 1, sample: 'line\nbreak' },
  ],
};

describe('page export', () => {
  it('writes a Markdown table with escaped cells', () => {
    const md = toMarkdown(input, codeLine);
    expect(md.split('\n')[0]).toBe('export.titlePage(page=[Firewall \\| notes](<http://127.0.0.1:8000/fixture.html>))');
    expect(md).toContain('| export.column.port | export.column.protocol | export.column.service | export.column.mentions |');
    expect(md).toContain('| 139 | TCP | NetBIOS Session Service | 3 |');
    expect(md).toContain('| 135–139 | — | msrpc | 1 |');
    expect(md).toContain('| 53 | UDP/TCP | DNS \\| domain | 2 |');
    expect(md).toContain('| 60000 | — | — | 1 |');
  });

  it('writes CSV with quoting and no live formulas', () => {
    const lines = toCsv(input).trimEnd().split('\r\n');
    expect(lines[0]).toBe('port,end_port,protocols,service,count,sample');
    expect(lines[1]).toBe('139,139,tcp,NetBIOS Session Service,3,SMB on 0.0.0.0:139');
    expect(lines[3]).toBe(`53,53,udp/tcp,DNS | domain,2,"'=HYPERLINK(""evil"") 53/udp, ""quoted"""`);
    expect(lines[4]).toBe('60000,60000,,,1,line break');
  });

  it('writes JSON that parses back', () => {
    const parsed = JSON.parse(toJson(input)) as { url: string; ports: { port: number; endPort?: number; service?: string }[] };
    expect(parsed.url).toBe(input.url);
    expect(parsed.ports[1]).toEqual({ port: 135, endPort: 139, protocols: [], service: 'msrpc', count: 1, sample: 'ports 135-139' });
    expect(parsed.ports[0]).not.toHaveProperty('endPort');
  });

  it('writes firewall rules per port and protocol', () => {
    const rules = toFirewallRules(input, 'ufw', 'block', codeLine).split('\n');
    expect(rules[0]).toBe('# export.rules.blockPage(url=http://127.0.0.1:8000/fixture.html)');
    expect(rules).toContain('sudo ufw deny 139/tcp');
    expect(rules).toContain('sudo ufw deny 135:139/tcp');
    expect(rules).toContain('sudo ufw deny 53/tcp');
    expect(rules).toContain('sudo ufw deny 53/udp');
    expect(rules).toContain('# 139 NetBIOS Session Service');
    const allow = exportPage(input, 'firewall', codeLine, { tool: 'iptables', action: 'allow' });
    expect(allow).toContain('sudo iptables -A INPUT -p tcp --dport 135:139 -j ACCEPT');
    expect(allow.split('\n')[0]).toBe('# export.rules.allowPage(url=http://127.0.0.1:8000/fixture.html)');
  });

  it('chooses the format', () => {
    expect(exportPage(input, 'markdown', codeLine)).toBe(toMarkdown(input, codeLine));
    expect(exportPage(input, 'csv', codeLine)).toBe(toCsv(input));
    expect(exportPage(input, 'json', codeLine)).toBe(toJson(input));
  });

  it('exports pasted text: no page link, a reach column when rows carry one', () => {
    const pasted: PageExportInput = {
      url: '',
      title: 'the pasted text',
      rows: [
        { port: 3306, protocols: [], count: 1, sample: '0.0.0.0:3306', service: 'MySQL', reach: 'Every interface (0.0.0.0)' },
        { port: 8080, protocols: [], count: 2, sample: 'port 8080' },
      ],
    };
    const md = toMarkdown(pasted, codeLine);
    expect(md.split('\n').slice(0, 5)).toEqual([
      'export.titlePasted',
      '',
      '| export.column.port | export.column.protocol | export.column.service | export.column.reach | export.column.mentions |',
      '| ---: | --- | --- | --- | ---: |',
      '| 3306 | — | MySQL | Every interface (0.0.0.0) | 1 |',
    ]);
    expect(md).toContain('| 8080 | — | — | — | 2 |');
    expect(toCsv(pasted).split('\r\n').slice(0, 3)).toEqual(['port,end_port,protocols,service,reach,count,sample', '3306,3306,,MySQL,Every interface (0.0.0.0),1,0.0.0.0:3306', '8080,8080,,,,2,port 8080']);
    expect(JSON.parse(toJson(pasted)).ports[0].reach).toBe('Every interface (0.0.0.0)');
    expect(toFirewallRules(pasted, 'ufw', 'block', codeLine).split('\n')[0]).toBe('# export.rules.blockPasted');
  });
});
