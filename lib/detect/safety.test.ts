// Linear time on adversarial input, and no crash or invalid mention on
// random text.
import { describe, expect, it } from 'vitest';
import { findPortMentions } from './index.ts';
import { adversarialInputs } from './adversarial.ts';


/** CPU time of this process spent in fn, in ms: unlike the clock, other work on the machine hardly changes it. */
function cpuMs(fn: () => unknown): number {
  const before = process.cpuUsage();
  fn();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}

describe('safety', () => {
  // Linear time without a time budget (bench/detect.ts prints the absolute
  // figures): 4× the text must take well under the 16× a quadratic scan
  // would. Each size is timed by CPU time, the least of three runs taken in
  // turns, so that a busy machine does not decide the outcome.
  const SMALL = 1 << 17;
  const LARGE = 1 << 19;
  const small = adversarialInputs(SMALL);
  const large = adversarialInputs(LARGE);
  for (let k = 0; k < large.length; k++) {
    const [name, text] = large[k]!;
    it(`reads ${name} in linear time (4× the text, under 8× the CPU time)`, () => {
      const short = small[k]![1];
      findPortMentions(short); // warm up
      let tSmall = Infinity;
      let tLarge = Infinity;
      for (let round = 0; round < 3; round++) {
        tSmall = Math.min(tSmall, cpuMs(() => findPortMentions(short)));
        tLarge = Math.min(tLarge, cpuMs(() => findPortMentions(text)));
      }
      // A few milliseconds are timer granularity and start-up: allow for them.
      expect(tLarge / Math.max(tSmall, 5)).toBeLessThan(8);
      for (const m of findPortMentions(text)) expect(m.end).toBeGreaterThan(m.start);
    }, 120_000); // a busy machine may stretch the clock time a lot; linearity is what is checked
  }

  it('never throws on random text and returns valid mentions', () => {
    const parts = ['0', '1', '22', '80', '443', '8080', '65535', '65536', '99999', ':', '::', ':::', '-', '–', '—', '−', '‐',
      ' ', '\u00a0', '\u202f', '\u2009', '\n', 'port', 'ports', 'Port', 'tcp', 'udp', 'TCP', '/tcp', '[', ']', '(', ')',
      '.', ',', 'and', 'to', 'through', 'localhost', 'a', 'x', '*', '"', "'", '=', '-p', '--dport', 'EXPOSE', 'listen',
      '端口', 'ポート', 'порт', 'from', 'range', '@', '//', 'http://', 'ports:', '  - ', '~', '#', '$', 'ufw allow ',
      '\t', 'ssh -L ', 'nc host ', '(', 'SSH', 'image: ', 'FROM '];
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let round = 0; round < 3000; round++) {
      const len = 1 + Math.floor(rand() * 40);
      let text = '';
      for (let i = 0; i < len; i++) text += parts[Math.floor(rand() * parts.length)];
      // Occasionally cut inside a surrogate-free random code unit, too.
      if (rand() < 0.1) text += String.fromCharCode(Math.floor(rand() * 0xd7ff));
      let out: ReturnType<typeof findPortMentions> = [];
      expect(() => { out = findPortMentions(text); }, text).not.toThrow();
      for (const m of out) {
        expect(m.start, text).toBeGreaterThanOrEqual(0);
        expect(m.start, text).toBeLessThan(m.end);
        expect(m.end, text).toBeLessThanOrEqual(text.length);
        expect(Number.isInteger(m.port) && m.port >= 0 && m.port <= 65535, text).toBe(true);
        if (m.endPort !== undefined) {
          expect(m.endPort, text).toBeGreaterThanOrEqual(m.port);
          expect(m.endPort, text).toBeLessThanOrEqual(65535);
        }
        expect(text.slice(m.start, m.end).startsWith(String(m.port)), text).toBe(true);
      }
      // Mentions come in text order and do not overlap.
      for (let i = 1; i < out.length; i++) expect(out[i]!.start, text).toBeGreaterThanOrEqual(out[i - 1]!.end);
    }
  });
});
