import { describe, expect, it } from 'vitest';
import { stripPlaceholders } from './placeholders.ts';

const strip = (t: string) => stripPlaceholders(t)?.text;

describe('stripPlaceholders', () => {
  it('leaves text without placeholders alone', () => {
    expect(stripPlaceholders('ports 80 and 443 | grep -v x')).toBeUndefined();
  });

  it('drops double braces and keeps the long name of an option alternation', () => {
    expect(strip('iperf3 {{[-p|--port]}} {{5201}}')).toBe('iperf3 --port 5201');
    expect(strip('iperf3 [-s|--server] [-p|--port] 5202')).toBe('iperf3 --server --port 5202');
    expect(strip('serve -l|--listen 4173')).toBe('serve --listen 4173');
    expect(strip('tool [-a|-b|--cee] 9')).toBe('tool --cee 9');
  });

  it('keeps a pipe that is not an alternation', () => {
    expect(strip('{{cmd}} | grep -v x')).toBe('cmd | grep -v x');
  });

  it('maps every kept offset back to the original text', () => {
    const t = 'x {{[-p|--port]}} {{8080}}';
    const s = stripPlaceholders(t)!;
    const at = s.text.indexOf('8080');
    expect(t.slice(s.map[at], s.map[at + 3]! + 1)).toBe('8080');
    expect(s.map[s.text.length]).toBe(t.length);
    for (let i = 0; i < s.text.length; i++) expect(t[s.map[i]!]).toBe(s.text[i]);
  });
});
