// Runs every labelled fixture through the detector. Each case must come out
// exactly as labelled, except the few listed in KNOWN_MISSES (honest misses
// the detector stays silent on), which must still produce no false mention.
import { describe, expect, it } from 'vitest';
import { findPortMentions } from './index.ts';
import { loadFixtures } from './fixtures/load.ts';
import { describe as show, scoreAll, scoreCase } from './fixtures/score.ts';

const fixtures = loadFixtures();

/** Cases where silence is chosen over a guess (none at present: every labelled case must come out exactly). */
const KNOWN_MISSES = new Set<string>([]);
const isKnownMiss = (text: string) => KNOWN_MISSES.has(text);

describe('fixture corpus', () => {
  it('has at least 400 cases and covers every spec row', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(400);
    const sections = new Set(fixtures.map((f) => f.section));
    for (const row of [
      'host:port', 'URL with an explicit port', 'bare :port', 'IPv6 wildcard and error messages', 'keyword + number',
      'keyword, linking words, number', 'lists after a keyword', 'number then keyword', 'protocol + number',
      'number/protocol', 'ranges', 'colon ranges in firewall rules', 'two numbers under a range key',
      'a change of port', 'configuration keys', 'command-line options and arguments', 'container port maps',
      'kubectl service ports', 'host string and number in code', 'scanner and netstat output', 'port 0',
      'clock times, durations, timestamps', 'ratios, scores, aspect ratios', 'verses, chapters, references',
      'file:line and file:line:col', 'container image tags and versions', 'unbracketed IPv6, MAC addresses, hex',
      'foreign-address placeholders', 'quantities and counts about ports', 'words that contain "port"',
      'physical or hardware ports', 'key/value settings that are not ports', 'numbers out of range, and anything joined to one',
      'selectors, namespaces, emoticons',
    ]) expect(sections, row).toContain(row);
  });

  it('meets the quality targets (precision ≥ 0.98, recall ≥ 0.95)', () => {
    const s = scoreAll(fixtures, findPortMentions);
    expect(s.precision).toBeGreaterThanOrEqual(0.98);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
  });

  for (const f of fixtures) {
    const name = `${f.file}:${f.line} ${JSON.stringify(f.text.length > 70 ? `${f.text.slice(0, 67)}…` : f.text)}`;
    it(name, () => {
      const got = findPortMentions(f.text);
      const r = scoreCase(f, got);
      if (isKnownMiss(f.text)) {
        expect(r.fp).toBe(0);
        return;
      }
      // Same mentions in the same order, with the labelled protocol and host.
      const want = f.expected.map((e) => show(e));
      const have = got.map((m) => show({ ...m, host: f.expected.find((e) => e.port === m.port && e.host !== undefined) ? m.host : undefined }));
      expect(have).toEqual(want);
      // Every span is the digits of the port (or of a range, first to last digit).
      for (const m of got) {
        const span = f.text.slice(m.start, m.end);
        expect(span.startsWith(String(m.port))).toBe(true);
        expect(span.endsWith(String(m.endPort ?? m.port))).toBe(true);
      }
    });
  }
});
