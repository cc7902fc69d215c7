import { describe, expect, it } from 'vitest';
import { MAX_MANAGED_DEFINITIONS, NO_POLICY, parseManagedPolicy } from './managed.ts';
import { managedSitesOf, normaliseSite } from './managed-sites.ts';
import { codeLine } from './test-ui-text.ts';

const good = { port: 8443, protocols: ['tcp'], title: 'Billing admin API', summary: 'Admin UI of the billing service.', uses: [] };

describe('parseManagedPolicy', () => {
  it('turns valid definitions into read-only managed records with team and notes', () => {
    const policy = parseManagedPolicy({
      definitions: [
        { ...good, team: ' Platform team ', notes: 'Runbook: wiki/billing' },
        { port: 9300, endPort: 9400, protocols: ['tcp'], title: 'Search transport', summary: 'Our Elasticsearch nodes.', uses: [{ name: 'Elasticsearch', primary: true }] },
      ],
      disabledSites: ['intranet.example.com'],
    });
    expect(policy.problems).toEqual([]);
    expect(policy.records).toEqual([
      { ...good, id: 'managed:8443', source: 'managed', endPort: 8443, team: 'Platform team', notes: 'Runbook: wiki/billing' },
      { id: 'managed:9300-9400', source: 'managed', port: 9300, endPort: 9400, protocols: ['tcp'], title: 'Search transport', summary: 'Our Elasticsearch nodes.', uses: [{ name: 'Elasticsearch', primary: true }] },
    ]);
    expect(policy.disabledSites).toEqual(['intranet.example.com']);
  });

  it('no policy (undefined, null, an empty object) is no definitions and no problems', () => {
    expect(parseManagedPolicy(undefined)).toEqual(NO_POLICY);
    expect(parseManagedPolicy(null)).toEqual(NO_POLICY);
    expect(parseManagedPolicy({})).toEqual(NO_POLICY);
  });

  const skipped = (definition: unknown) => {
    const policy = parseManagedPolicy({ definitions: [good, definition] });
    expect(policy.records.map((r) => r.id)).toEqual(['managed:8443']);
    expect(policy.problems.map((p) => p.where)).toEqual(policy.problems.map(() => 'definitions[1]'));
    return policy.problems.map((p) => codeLine(p.text)).join(' | ');
  };

  it('skips each bad definition with its reason and keeps the others', () => {
    const notObject = (found: string) => `import.definition.notObject(found=${found})`;
    const at = (where: string, problem: string) => `import.at(where=${where}, problem=${problem})`;
    expect(skipped('8443 billing')).toBe(notObject('import.value.text(text="8443 billing")'));
    expect(skipped(null)).toBe(notObject('import.value.null'));
    expect(skipped([1])).toBe(notObject('import.value.list'));
    expect(skipped({ ...good, port: 70000 })).toBe('import.port.outOfRange(field=port, value=70000)');
    expect(skipped({ ...good, port: '9000' })).toBe('import.port.notNumber(field=port, found=import.value.text(text="9000"))');
    expect(skipped({ ...good, port: 90.5 })).toBe('import.port.notWhole(field=port, value=90.5)');
    expect(skipped({ ...good, port: 9000, endPort: 8000 })).toBe('import.definition.endBelow(end=8000, port=9000)');
    expect(skipped({ ...good, port: 9000, endPort: -1 })).toBe('import.port.outOfRange(field=endPort, value=-1)');
    expect(skipped({ ...good, port: 9000, title: '  ' })).toBe(at('title', 'import.issue.empty'));
    expect(skipped({ ...good, port: 9000, protocols: ['icmp'] })).toBe(at('protocols.0', 'import.issue.type(expected=("tcp" | "udp" | "sctp" | "dccp"), received="icmp")'));
    expect(skipped({ ...good, port: 9000, protocols: [] })).toBe(at('protocols', 'import.issue.empty'));
    expect(skipped({ port: 9000, protocols: ['tcp'], title: 'x', uses: [] })).toBe(at('summary', 'import.issue.missing'));
    expect(skipped({ ...good, port: 9000, colour: 'red' })).toBe(at('colour', 'import.issue.unknownField'));
    expect(skipped({ ...good, port: 9000, uses: [{ name: 'a', primary: true }, { name: 'b', primary: true }] })).toBe('import.definition.twoPrimary');
    expect(skipped({ ...good, port: 9000, security: { risk: 'scary', advice: 'x' } })).toMatch(/^import\.at\(where=security\.risk, /);
    expect(skipped({ ...good, port: 9000, references: ['http://insecure.example'] })).toBe(at('references.0', 'import.issue.reference'));
    expect(skipped({ ...good, port: 9000, team: '' })).toBe(at('team', 'import.issue.empty'));
    expect(skipped({ ...good, port: 9000, team: 'x'.repeat(81) })).toBe(at('team', 'import.issue.tooLong(max=80)'));
    expect(skipped({ ...good, port: 9000, notes: 'x'.repeat(2001) })).toBe(at('notes', 'import.issue.tooLong(max=2000)'));
    expect(skipped({ ...good, port: 9000, team: 7, title: '' })).toMatch(/^import\.at\(where=team, .* \| import\.at\(where=title, /);
    expect(skipped({ ...good })).toBe('managed.duplicate(port=8443, first=definitions[0])');
  });

  it('reports a policy or list of the wrong shape and unknown keys, using what it can', () => {
    expect(parseManagedPolicy('definitions').problems).toEqual([{ where: 'policy', text: { code: 'managed.notObject' } }]);
    expect(parseManagedPolicy([good]).problems[0]!.where).toBe('policy');
    const wrong = parseManagedPolicy({ definitions: good, disabledSites: ['a.example'], colour: 'red' });
    expect(wrong.records).toEqual([]);
    expect(wrong.disabledSites).toEqual(['a.example']);
    expect(wrong.problems).toEqual([
      { where: 'colour', text: { code: 'managed.unknownKey', params: { keys: '"definitions", "disabledSites"' } } },
      { where: 'definitions', text: { code: 'managed.notList' } },
    ]);
  });

  it('uses the first MAX_MANAGED_DEFINITIONS definitions and says so', () => {
    const many = Array.from({ length: MAX_MANAGED_DEFINITIONS + 2 }, (_, i) => ({ ...good, port: i }));
    const policy = parseManagedPolicy({ definitions: many });
    expect(policy.records).toHaveLength(MAX_MANAGED_DEFINITIONS);
    expect(policy.problems).toEqual([{ where: 'definitions', text: { code: 'managed.tooMany', params: { count: MAX_MANAGED_DEFINITIONS + 2, max: MAX_MANAGED_DEFINITIONS } } }]);
  });
});

describe('managed sites', () => {
  it('normalises host names the way the site switch compares them', () => {
    expect(normaliseSite(' WWW.Example.COM ')).toEqual({ site: 'example.com' });
    expect(normaliseSite('*.corp.example')).toEqual({ site: 'corp.example' });
    expect(normaliseSite('file')).toEqual({ site: 'file' });
  });

  it('skips each bad site with its reason', () => {
    const { sites, problems } = managedSitesOf({ disabledSites: ['ok.example', 'https://a.example/x', 'two words', '', 5, null, 'ok.example', 'a..b'] });
    expect(sites).toEqual(['ok.example']);
    expect(problems).toEqual([
      { where: 'disabledSites[1]', text: { code: 'managed.site.address', params: { value: '"https://a.example/x"' } } },
      { where: 'disabledSites[2]', text: { code: 'managed.site.notHost', params: { value: '"two words"' } } },
      { where: 'disabledSites[3]', text: { code: 'managed.site.notHost', params: { value: '""' } } },
      { where: 'disabledSites[4]', text: { code: 'managed.site.notText', params: { type: 'number' } } },
      { where: 'disabledSites[5]', text: { code: 'managed.site.notText', params: { type: 'null' } } },
      { where: 'disabledSites[7]', text: { code: 'managed.site.notHost', params: { value: '"a..b"' } } },
    ]);
    expect(managedSitesOf({ disabledSites: 'a.example' }).problems).toEqual([{ where: 'disabledSites', text: { code: 'managed.sitesNotList' } }]);
    expect(managedSitesOf(undefined)).toEqual({ sites: [], problems: [] });
  });
});
