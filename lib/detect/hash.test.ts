import { describe, expect, it } from 'vitest';
import { hashBack, hashOf, nextPow, wordHash } from './hash.ts';

/** The hash of text[a, b) summed from its last character, as the backward looks read it. */
function backward(text: string, a: number, b: number): number {
  let hash = 0;
  let pow = 1;
  for (let i = b - 1; i >= a; i--) {
    hash = hashBack(hash, text.charCodeAt(i), pow);
    pow = nextPow(pow);
  }
  return hash;
}

describe('word hash', () => {
  it('gives the same number read forwards and backwards', () => {
    const words = ['port', 'PORT', 'containerPort', 'DB_PORT', 'db.internal', 'порт', 'ПОРТ', 'Ѐѐ', 'ÉCOUTE', 'ポート', '端口',
      'cổng', 'a', '', 'x'.repeat(40), 'numaralı', 'straße', 'Ärger'];
    for (const w of words) expect(backward(w, 0, w.length), w).toBe(wordHash(w, 0, w.length));
    let seed = 7;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x80000000;
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const len = Math.floor(rand() * 30);
      for (let i = 0; i < len; i++) text += String.fromCharCode(Math.floor(rand() * 0x500));
      const a = Math.floor(rand() * (len + 1));
      const b = a + Math.floor(rand() * (len - a + 1));
      expect(backward(text, a, b), JSON.stringify(text)).toBe(wordHash(text, a, b));
    }
  });

  it('ignores case, and tells different words apart', () => {
    expect(hashOf('Port')).toBe(hashOf('port'));
    expect(hashOf('ПОРТ')).toBe(hashOf('порт'));
    expect(hashOf('port')).not.toBe(hashOf('ports'));
    expect(hashOf('tcp')).not.toBe(hashOf('udp'));
  });
});
