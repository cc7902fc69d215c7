// @vitest-environment happy-dom
// The scanner's side of detection in the background: what it sends (many
// blocks per request, never more than a request may carry, no digit-free
// text), how it marks the answers, and what it does when none comes.
import { afterEach, describe, expect, it } from 'vitest';
import { findPortMentions } from '@/lib/detect';
import type { PortMention } from '@/lib/detect/types';
import { DETECT_MAX_CHARS, DETECT_MAX_TEXTS } from '@/lib/messages';
import type { Highlighter } from './highlighter';
import { PageTextScanner, type DetectBatch } from './scanner';

const highlighter: Highlighter = { highlight: null, ranges: new Set(), add() {}, delete() {}, clear() {}, setUnderline() {}, dispose() {} };

let controller: AbortController;
afterEach(() => controller?.abort());

function scannerWith(detect: DetectBatch): PageTextScanner {
  controller = new AbortController();
  return new PageTextScanner({ detect, highlighter, walk: {}, signal: controller.signal });
}

/** A detector in the background's place that records every request. */
function recording(answer: (texts: string[]) => PortMention[][] | null = (texts) => texts.map((t) => findPortMentions(t))) {
  const requests: string[][] = [];
  const detect: DetectBatch = async (texts) => {
    requests.push(texts);
    await new Promise((r) => setTimeout(r, 1));
    return answer(texts);
  };
  return { requests, detect };
}

const markedTexts = (scanner: PageTextScanner) => [...scanner.mentions()].map((m) => m.range.toString());

describe('PageTextScanner with the detector in the background', () => {
  it('sends the text of many blocks in one request and marks what comes back', async () => {
    document.body.innerHTML = Array.from({ length: 200 }, (_, i) => `<p>the service listens on port ${2000 + i}</p>`).join('') + '<p>no digits in this one</p>';
    const { requests, detect: answer } = recording();
    // The first answer waits until the walk is over: everything walked meanwhile must go in one more request.
    let walked!: () => void;
    const walkOver = new Promise<void>((r) => (walked = r));
    const detect: DetectBatch = async (texts) => {
      await walkOver;
      return answer(texts);
    };
    const scanner = scannerWith(detect);
    scanner.scan(document);
    await expect.poll(() => scanner.blocks.size).toBe(201);
    walked();
    await scanner.whenIdle();
    expect(markedTexts(scanner)).toEqual(Array.from({ length: 200 }, (_, i) => String(2000 + i)));
    // One request while the walk began, one with all the rest; text without a digit is never sent.
    expect(requests.length).toBeLessThanOrEqual(2);
    expect(requests.flat()).toHaveLength(200);
    expect(requests.flat().some((t) => t.includes('no digits'))).toBe(false);
  });

  it('splits more than a request may carry into several requests within the limits', async () => {
    // 300 blocks of ~4,000 characters with a digit in every line: 1.2 MB to send, one mention per block.
    const filler = Array.from({ length: 100 }, (_, k) => `line ${k} of the log, nothing to see here`).join('\n');
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<pre>listen on port ${3000 + i}\n${filler}</pre>`).join('');
    const { requests, detect } = recording();
    const scanner = scannerWith(detect);
    scanner.scan(document);
    await scanner.whenIdle();
    expect(markedTexts(scanner)).toEqual(Array.from({ length: 300 }, (_, i) => String(3000 + i)));
    expect(requests.length).toBeGreaterThan(1);
    for (const texts of requests) {
      expect(texts.length).toBeLessThanOrEqual(DETECT_MAX_TEXTS);
      expect(texts.reduce((n, t) => n + t.length, 0)).toBeLessThanOrEqual(DETECT_MAX_CHARS);
    }
  });

  it('leaves the blocks of an unanswered request unmarked, and reads later changes again', async () => {
    document.body.innerHTML = '<p id="a">db on port 5432</p>';
    let answer = false;
    const { requests, detect } = recording((texts) => (answer ? texts.map((t) => findPortMentions(t)) : null));
    const scanner = scannerWith(detect);
    scanner.scan(document);
    await scanner.whenIdle();
    expect(requests).toHaveLength(1);
    expect(markedTexts(scanner)).toEqual([]);

    answer = true;
    const p = document.createElement('p');
    p.textContent = 'cache on port 6379';
    document.body.append(p);
    scanner.scan(p);
    await scanner.whenIdle();
    expect(markedTexts(scanner)).toEqual(['6379']);
  });

  it('ignores an answer for text that was dropped meanwhile', async () => {
    document.body.innerHTML = '<p>db on port 5432</p>';
    let answer!: () => void;
    const answered = new Promise<void>((r) => (answer = r));
    const requests: string[][] = [];
    const scanner = scannerWith(async (texts) => {
      requests.push(texts);
      await answered;
      return texts.map((t) => findPortMentions(t));
    });
    scanner.scan(document);
    await expect.poll(() => requests.length).toBe(1);
    scanner.reset();
    answer();
    await scanner.whenIdle();
    expect(markedTexts(scanner)).toEqual([]);
    expect(scanner.blocks.size).toBe(0);
  });
});
