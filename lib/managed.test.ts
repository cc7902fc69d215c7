import { describe, expect, it } from 'vitest';
import { MAX_MANAGED_DEFINITIONS, NO_POLICY, parseManagedPolicy } from './managed.ts';
import { managedSitesOf, normaliseSite } from './managed-sites.ts';

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
    expect(policy.problems).toHaveLength(1);
    expect(policy.problems[0]!.where).toBe('definitions[1]');
    return policy.problems[0]!.message;
  };

  it('skips each bad definition with its reason and keeps the others', () => {
    expect(skipped('8443 billing')).toBe('must be an object with port, protocols, title, summary and uses, not the text "8443 billing".');
    expect(skipped(null)).toBe('must be an object with port, protocols, title, summary and uses, not null.');
    expect(skipped([1])).toBe('must be an object with port, protocols, title, summary and uses, not a list.');
    expect(skipped({ ...good, port: 70000 })).toBe('port 70000 is out of range (0–65535).');
    expect(skipped({ ...good, port: '9000' })).toBe('port must be a number, not the text "9000".');
    expect(skipped({ ...good, port: 90.5 })).toBe('port 90.5 is not a whole number.');
    expect(skipped({ ...good, port: 9000, endPort: 8000 })).toBe('endPort 8000 is below port 9000.');
    expect(skipped({ ...good, port: 9000, endPort: -1 })).toBe('endPort -1 is out of range (0–65535).');
    expect(skipped({ ...good, port: 9000, title: '  ' })).toBe('title: must not be empty.');
    expect(skipped({ ...good, port: 9000, protocols: ['icmp'] })).toMatch(/^protocols\.0: /);
    expect(skipped({ ...good, port: 9000, protocols: [] })).toMatch(/^protocols: /);
    expect(skipped({ port: 9000, protocols: ['tcp'], title: 'x', uses: [] })).toBe('summary: is missing.');
    expect(skipped({ ...good, port: 9000, colour: 'red' })).toBe('colour: is not a known field (check its spelling).');
    expect(skipped({ ...good, port: 9000, uses: [{ name: 'a', primary: true }, { name: 'b', primary: true }] })).toBe('more than one use is marked primary.');
    expect(skipped({ ...good, port: 9000, security: { risk: 'scary', advice: 'x' } })).toMatch(/^security\.risk: /);
    expect(skipped({ ...good, port: 9000, references: ['http://insecure.example'] })).toMatch(/^references\.0: must be an https URL/);
    expect(skipped({ ...good, port: 9000, team: '' })).toBe('team: must not be empty.');
    expect(skipped({ ...good, port: 9000, team: 'x'.repeat(81) })).toBe('team: is longer than 80 characters.');
    expect(skipped({ ...good, port: 9000, notes: 'x'.repeat(2001) })).toBe('notes: is longer than 2000 characters.');
    expect(skipped({ ...good, port: 9000, team: 7, title: '' })).toMatch(/^team: .* title: /);
    expect(skipped({ ...good })).toBe('port 8443 is already defined by definitions[0]; this one is skipped.');
  });

  it('reports a policy or list of the wrong shape and unknown keys, using what it can', () => {
    expect(parseManagedPolicy('definitions').problems).toEqual([{ where: 'policy', message: 'must be an object with "definitions" and/or "disabledSites"; nothing in it was used.' }]);
    expect(parseManagedPolicy([good]).problems[0]!.where).toBe('policy');
    const wrong = parseManagedPolicy({ definitions: good, disabledSites: ['a.example'], colour: 'red' });
    expect(wrong.records).toEqual([]);
    expect(wrong.disabledSites).toEqual(['a.example']);
    expect(wrong.problems).toEqual([
      { where: 'colour', message: 'is not a Porthole policy; expected "definitions" or "disabledSites".' },
      { where: 'definitions', message: 'must be a list of port definitions.' },
    ]);
  });

  it('uses the first MAX_MANAGED_DEFINITIONS definitions and says so', () => {
    const many = Array.from({ length: MAX_MANAGED_DEFINITIONS + 2 }, (_, i) => ({ ...good, port: i }));
    const policy = parseManagedPolicy({ definitions: many });
    expect(policy.records).toHaveLength(MAX_MANAGED_DEFINITIONS);
    expect(policy.problems).toEqual([{ where: 'definitions', message: `has ${MAX_MANAGED_DEFINITIONS + 2} entries; only the first ${MAX_MANAGED_DEFINITIONS} are used.` }]);
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
      { where: 'disabledSites[1]', message: '"https://a.example/x" is an address; give its host name only (such as "example.com").' },
      { where: 'disabledSites[2]', message: '"two words" is not a host name such as "example.com".' },
      { where: 'disabledSites[3]', message: '"" is not a host name such as "example.com".' },
      { where: 'disabledSites[4]', message: 'must be a host name such as "example.com", not number.' },
      { where: 'disabledSites[5]', message: 'must be a host name such as "example.com", not null.' },
      { where: 'disabledSites[7]', message: '"a..b" is not a host name such as "example.com".' },
    ]);
    expect(managedSitesOf({ disabledSites: 'a.example' }).problems).toEqual([{ where: 'disabledSites', message: 'must be a list of host names.' }]);
    expect(managedSitesOf(undefined)).toEqual({ sites: [], problems: [] });
  });
});
