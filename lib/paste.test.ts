import { describe, expect, it, vi } from 'vitest';
import { findPortMentions } from './detect/index.ts';
import { MAX_PASTE_BYTES, findPastePorts, pasteRefusal, pasteRows, pasteSummary, utf8Length, type PasteRow } from './paste.ts';
import type { RiskLevel } from './types.ts';
import { DOCKER_PS, SS } from '../tests/paste-samples.ts';

const KNOWN: Record<number, { service: string; risk: RiskLevel }> = {
  22: { service: 'SSH', risk: 'medium' },
  3306: { service: 'MySQL / MariaDB', risk: 'high' },
  5432: { service: 'PostgreSQL', risk: 'high' },
  6379: { service: 'Redis', risk: 'critical' },
};

const noPause = () => Promise.resolve();

async function rowsOf(text: string): Promise<PasteRow[]> {
  return pasteRows(await findPastePorts(text, findPortMentions, noPause), new Map(Object.entries(KNOWN).map(([k, v]) => [Number(k), v])));
}

describe('findPastePorts', () => {
  it('groups ss -tlnp output by port with the widest exposure of each', async () => {
    const ports = await findPastePorts(SS, findPortMentions, noPause);
    const byPort = Object.fromEntries(ports.map((p) => [p.port, p]));
    expect(Object.keys(byPort).map(Number).sort((a, b) => a - b)).toEqual([22, 3306, 5432, 6379]);
    expect(byPort[22]).toMatchObject({ count: 2, exposure: { scope: 'every-interface' } });
    expect(byPort[5432]?.exposure).toMatchObject({ scope: 'this-machine', host: '127.0.0.1' });
    expect(byPort[3306]?.sample).toContain('0.0.0.0:3306');
  });

  it('reads docker ps publishes, bound or not', async () => {
    const ports = await findPastePorts(DOCKER_PS, findPortMentions, noPause);
    const byPort = Object.fromEntries(ports.map((p) => [p.port, p]));
    expect(byPort[5432]?.exposure).toMatchObject({ scope: 'every-interface', publish: { source: 'ps' } });
    expect(byPort[6379]?.exposure).toMatchObject({ scope: 'this-machine', publish: { source: 'ps' } });
  });

  it('works in slices with a pause between them, and finds the same as one pass', async () => {
    const big = SS.repeat(400); // ~190 KB: many slices
    const pause = vi.fn(noPause);
    const sliced = await findPastePorts(big, findPortMentions, pause);
    expect(pause.mock.calls.length).toBeGreaterThan(5);
    expect(sliced.find((p) => p.port === 22)?.count).toBe(800);
    expect(sliced.reduce((n, p) => n + p.count, 0)).toBe(findPortMentions(big).length);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const pause = async () => controller.abort();
    const ports = await findPastePorts(SS.repeat(400), findPortMentions, pause, controller.signal);
    expect(ports.find((p) => p.port === 22)!.count).toBeLessThan(800);
  });
});

describe('sortByAttention and pasteSummary', () => {
  const row = (port: string, service: string) => ({ code: 'paste.summary.row', params: { port, service } });
  const risky = (named: unknown, risk: 'high' | 'critical') => ({ code: 'paste.summary.risky', params: { row: named, risk: { code: `paste.summary.risk.${risk}` } } });
  const line = (kind: string, code: string, list: unknown[]) => ({ kind, text: { code, params: { count: list.length, list }, count: list.length } });

  it('puts every interface with high risk first and loopback last', async () => {
    const rows = await rowsOf(SS);
    expect(rows.map((r) => r.port)).toEqual([6379, 3306, 22, 5432]);
    expect(rows.map((r) => [r.exposure?.scope, r.exposure?.host])).toEqual([
      ['every-interface', '0.0.0.0'],
      ['every-interface', '0.0.0.0'],
      ['every-interface', '0.0.0.0'],
      ['this-machine', '127.0.0.1'],
    ]);
  });

  it('says how many services listen where, naming high and critical risks', async () => {
    expect(pasteSummary(await rowsOf(SS))).toEqual([
      line('every-interface', 'paste.summary.everyInterface', [risky(row('6379', 'Redis'), 'critical'), risky(row('3306', 'MySQL / MariaDB'), 'high'), row('22', 'SSH')]),
      line('this-machine', 'paste.summary.thisMachine', [risky(row('5432', 'PostgreSQL'), 'high')]),
    ]);
  });

  it('calls out container publishes past the host firewall', async () => {
    const postgres = risky(row('5432', 'PostgreSQL'), 'high');
    expect(pasteSummary(await rowsOf(DOCKER_PS))).toEqual([
      line('every-interface', 'paste.summary.everyInterface', [postgres]),
      line('published', 'paste.summary.published', [postgres]),
      line('this-machine', 'paste.summary.thisMachine', [risky(row('6379', 'Redis'), 'critical')]),
    ]);
  });

  it('does not call a Podman publish one past the host firewall', async () => {
    const lines = pasteSummary(await rowsOf('$ podman ps\nabc123  postgres:16  Up 2 hours  0.0.0.0:5432->5432/tcp  db'));
    expect(lines.map((l) => l.kind)).toEqual(['every-interface']);
  });

  it('covers the local network, public addresses, no address, long lists and nothing at all', async () => {
    const text = ['10.0.0.5:5432', '203.0.113.7:22', 'port 8080', ...Array.from({ length: 10 }, (_, i) => `port ${9000 + i}`)].join('\n');
    const lines = pasteSummary(await rowsOf(text));
    const listed = ['8080', '9000', '9001', '9002', '9003', '9004', '9005', '9006'];
    expect(lines).toEqual([
      line('internet', 'paste.summary.internet', [row('22', 'SSH')]),
      line('local-network', 'paste.summary.localNetwork', [risky(row('5432', 'PostgreSQL'), 'high')]),
      { kind: 'no-address', text: { code: 'paste.summary.noAddress', params: { count: 11, list: [...listed, { code: 'paste.summary.more', params: { count: 3 } }] }, count: 11 } },
    ]);
    expect(pasteSummary([])).toEqual([{ kind: 'none', text: { code: 'paste.summary.none' } }]);
  });

  it('writes a range as from–to', async () => {
    const [line0] = pasteSummary(await rowsOf('ports 6000-6002 on 0.0.0.0'));
    expect(JSON.stringify(line0)).toMatch(/"6000–6002"/);
  });
});

describe('pasteRefusal', () => {
  it('refuses 5 MB and more with its size, counting UTF-8 bytes', () => {
    expect(pasteRefusal('x'.repeat(MAX_PASTE_BYTES - 1))).toBeNull();
    expect(pasteRefusal('x'.repeat(MAX_PASTE_BYTES))).toEqual({ code: 'paste.refused', params: { size: 5, max: 5 } });
    expect(pasteRefusal('x'.repeat(6.25 * 1024 * 1024))).toEqual({ code: 'paste.refused', params: { size: 6.3, max: 5 } });
    // 2 million "é" are 4 MB in UTF-8 though only 2 million characters; 3 million are 6 MB.
    expect(pasteRefusal('é'.repeat(2_000_000))).toBeNull();
    expect(pasteRefusal('é'.repeat(3_000_000))).not.toBeNull();
  });

  it('measures UTF-8 like TextEncoder', () => {
    for (const s of ['abc', 'é', '€', '😀', 'a😀é€', '\ud800']) expect(utf8Length(s), s).toBe(new TextEncoder().encode(s).length);
  });
});
