import { describe, expect, it } from 'vitest';
import { findPortMentions } from './index.ts';

const ports = (text: string) => findPortMentions(text).map((m) => (m.endPort !== undefined ? `${m.port}-${m.endPort}` : `${m.port}`));

describe('findPortMentions', () => {
  it('returns spans over the digits only', () => {
    const text = 'connect to db.internal:5432 now';
    const [m] = findPortMentions(text);
    expect(m).toEqual({ start: 23, end: 27, port: 5432, host: 'db.internal' });
    expect(text.slice(m!.start, m!.end)).toBe('5432');
  });

  it('spans a range from first to last digit', () => {
    const text = 'ports 6667 through 7000 are IRC';
    const [m] = findPortMentions(text);
    expect(text.slice(m!.start, m!.end)).toBe('6667 through 7000');
    expect(m).toMatchObject({ port: 6667, endPort: 7000 });
  });

  it('handles every Unicode dash in ranges', () => {
    for (const d of ['-', '‐', '‑', '‒', '–', '—', '−']) expect(ports(`ports 135${d}139`), d).toEqual(['135-139']);
  });

  it('treats no-break, narrow and thin spaces as spaces', () => {
    for (const sp of ['\u00a0', '\u202f', '\u2009']) {
      expect(ports(`port${sp}22`)).toEqual(['22']);
      expect(ports(`ports 80,${sp}443`)).toEqual(['80', '443']);
      expect(ports(`ports 135${sp}–${sp}139`)).toEqual(['135-139']);
      expect(ports(`the 8080${sp}port`)).toEqual(['8080']);
    }
  });

  it('gives the protocol where the text names one', () => {
    expect(findPortMentions('TCP 445')[0]?.protocol).toBe('tcp');
    expect(findPortMentions('53/udp')[0]?.protocol).toBe('udp');
    expect(findPortMentions('port 22')[0]?.protocol).toBeUndefined();
  });

  it('keeps image tags, file lines and times apart from host:port', () => {
    expect(ports('redis:6379')).toEqual(['6379']);
    for (const t of ['redis:7', 'node:20', 'postgres:16-alpine', 'FROM node:12', 'image: redis:7.2', 'main.ts:42',
      'src/app.rs:17:5', 'node:internal/timers:564:17', '12:30', '10:15:30', 'status:200', 'user_id:1234']) {
      expect(ports(t), t).toEqual([]);
    }
  });

  it('drops both sides of a pair when one is out of range', () => {
    expect(ports('-p 65536:80')).toEqual([]);
    expect(ports('--dport 1024:70000')).toEqual([]);
  });

  it('is pure: same input, same output; empty text gives nothing', () => {
    expect(findPortMentions('')).toEqual([]);
    const a = findPortMentions('port 22 and localhost:8080');
    const b = findPortMentions('port 22 and localhost:8080');
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });
});
