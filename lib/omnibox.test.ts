import { describe, expect, it } from 'vitest';
import { escapeXml, suggestionsFor, targetOf } from './omnibox.ts';
import type { SearchHit } from './search.ts';

const hit = (over: Partial<SearchHit>): SearchHit => ({
  port: 5432,
  endPort: 5432,
  protocols: ['tcp'],
  title: 'PostgreSQL',
  detail: 'The default port of PostgreSQL',
  source: 'curated',
  matched: 'use',
  score: 1,
  ...over,
});

describe('omnibox', () => {
  it('escapes XML in Chrome descriptions', () => {
    expect(escapeXml(`<b>&"x"'`)).toBe('&lt;b&gt;&amp;&quot;x&quot;&apos;');
    const [s] = suggestionsFor([hit({ title: 'A&B <admin>', detail: 'x < y' })], true);
    expect(s).toEqual({ content: '5432', description: '<match>5432 (TCP)</match> A&amp;B &lt;admin&gt; <dim>— x &lt; y</dim>' });
  });

  it('writes plain text for Firefox', () => {
    expect(suggestionsFor([hit({})], false)[0]?.description).toBe('5432 (TCP) PostgreSQL — The default port of PostgreSQL');
  });

  it('gives one suggestion per port or range, ranges as a-b', () => {
    const s = suggestionsFor([hit({}), hit({ title: 'other' }), hit({ port: 6000, endPort: 6063, title: 'x11' })], true);
    expect(s.map((x) => x.content)).toEqual(['5432', '6000-6063']);
  });

  it('opens ports and ranges directly, searches text', () => {
    expect(targetOf('5432')).toEqual({ port: 5432 });
    expect(targetOf('53/udp')).toEqual({ port: 53, protocol: 'udp' });
    expect(targetOf('6000-6063')).toEqual({ port: 6000, endPort: 6063 });
    expect(targetOf('postgres')).toEqual({ search: 'postgres' });
    expect(targetOf('99999')).toBeNull();
  });
});
