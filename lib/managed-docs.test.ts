// The administrator's example files in docs/policy and Chrome's schema
// (public/managed-schema.json) agree with what Porthole accepts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MANAGED_KEYS, parseManagedPolicy } from './managed.ts';
import { KnowledgeSchema } from './knowledge-schema.ts';

const read = (path: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '..', path), 'utf8')) as Record<string, any>;

describe('policy examples and schema', () => {
  it('the Chrome and Firefox example policies are valid, with nothing skipped', () => {
    const chrome = Object.values(read('docs/policy/chrome-policy.json')['3rdparty'].extensions)[0];
    const firefox = read('docs/policy/firefox-policies.json').policies['3rdparty'].Extensions['porthole@porthole.dev'];
    expect(firefox).toEqual(chrome);
    const parsed = parseManagedPolicy(chrome);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => r.id)).toEqual(['managed:5601', 'managed:8443', 'managed:9300-9400']);
    expect(parsed.disabledSites).toEqual(['chat.example.com', 'mail.example.com']);
  });

  it('the Chrome schema declares exactly the policy keys and the definition fields Porthole reads', () => {
    const schema = read('public/managed-schema.json');
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_KEYS].sort());
    const fields = Object.keys(schema.properties.definitions.items.properties).sort();
    expect(fields).toEqual([...Object.keys(KnowledgeSchema.entries), 'team', 'notes'].sort());
  });
});
