import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseQuery } from '@/lib/query';
import type { SearchHit } from '@/lib/search';
import { registerOmnibox } from './omnibox';

type Suggest = (suggestions: { content: string; description: string }[]) => void;

const realOmnibox = fakeBrowser.omnibox;
afterEach(() => {
  fakeBrowser.omnibox = realOmnibox;
});

/** Registers the keyword on a stand-in omnibox; returns what typing `text` suggests, its markup (Chrome's, not Firefox's) dropped. */
function typeIntoOmnibox(hits: SearchHit[]): (text: string) => Promise<Parameters<Suggest>[0]> {
  let changed: (text: string, suggest: Suggest) => void = () => {};
  fakeBrowser.omnibox = {
    setDefaultSuggestion: vi.fn(),
    onInputChanged: { addListener: (listener: typeof changed) => (changed = listener) },
    onInputEntered: { addListener: () => {} },
  } as unknown as typeof fakeBrowser.omnibox;
  registerOmnibox({ search: async (query) => ({ query: parseQuery(query), hits }) });
  return (text) =>
    new Promise((resolve) => changed(text, (suggestions) => resolve(suggestions.map((s) => ({ ...s, description: s.description.replace(/<[^>]+>/g, '') })))));
}

describe('address-bar suggestions', () => {
  it('word the hit of a port no record names in the UI language', async () => {
    const type = typeIntoOmnibox([{ port: 40001, endPort: 40001, protocols: [], title: '', detail: '', unregistered: true, source: 'iana', matched: 'port', score: 0 }]);
    expect(await type('40001')).toEqual([{ content: '40001', description: '40001 No registered service — Registered port (1024–49151)' }]);
  });

  it('show a record’s own title and detail as they are', async () => {
    const type = typeIntoOmnibox([{ port: 5432, endPort: 5432, protocols: ['tcp'], title: 'PostgreSQL', detail: 'Database server', source: 'curated', matched: 'port', score: 1 }]);
    expect(await type('5432')).toEqual([{ content: '5432', description: '5432 (TCP) PostgreSQL — Database server' }]);
  });
});
