import { describe, expect, it } from 'vitest';
import { wordHash } from './hash.ts';
import { asciiKeywordAt, asciiKeywordKind, classifyWord, KW_LISTEN, KW_NONE, KW_PORT, KW_PROTO } from './keywords.ts';

/** The word in lower case, capitals, capitalised and in two mixed forms. */
function caseForms(w: string): string[] {
  const mixed = (odd: boolean) => [...w].map((c, i) => (i % 2 === (odd ? 1 : 0) ? c.toUpperCase() : c)).join('');
  return [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1), mixed(false), mixed(true)];
}

describe('keywords read without slicing', () => {
  it('asciiKeywordKind gives classifyWord\'s kind for every case form of a keyword found by hash', () => {
    const words = ['port', 'ports', 'portnumber', 'port#', 'port_number', 'port-value', 'http.server', 'containerport', 'tcp', 'udp',
      'sctp', 'listen', 'listener', 'listening', 'listens', 'expose', 'dport', 'dpts', 'multiport', 'range', 'between', 'from',
      'e.g.', 'z.b.', 'is', 'the', 'default', 'puerto', 'porta'];
    let checked = 0;
    for (const w of words) {
      for (const form of caseForms(w)) {
        const text = ` ${form} `;
        const hash = wordHash(text, 1, 1 + form.length);
        const known = asciiKeywordAt(text, 1, 1 + form.length, hash);
        if (known === undefined) continue;
        expect(known, form).toBe(form.toLowerCase());
        expect(asciiKeywordKind(text, 1, 1 + form.length, hash), form).toBe(classifyWord(form, 0));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('keeps the case rules: Tcp and LISTEN are no keywords, TCP and Listener are', () => {
    const kind = (w: string) => asciiKeywordKind(w, 0, w.length, wordHash(w, 0, w.length));
    expect(kind('Tcp')).toBe(KW_NONE);
    expect(kind('TCP')).toBe(KW_PROTO);
    expect(kind('LISTEN')).toBe(KW_NONE);
    expect(kind('LISTENING')).toBe(KW_NONE);
    expect(kind('LISTENER')).toBe(KW_LISTEN);
    expect(kind('Port')).toBe(KW_PORT);
  });

  it('finds no keyword in a word that only shares its letters but not its length or characters', () => {
    const at = (w: string) => asciiKeywordAt(w, 0, w.length, wordHash(w, 0, w.length));
    expect(at('portx')).toBe(undefined);
    expect(at('pört')).toBe(undefined);
    expect(at('port')).toBe('port');
  });
});
