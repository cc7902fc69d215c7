import { describe, expect, it } from 'vitest';
import { explicitPortOfUrl, linkPortOf, portsInSelection } from './selection-ports.ts';

// A stand-in detector: the real one is tested in lib/detect.
const fakeDetect = (text: string) =>
  [...text.matchAll(/port (\d+)/g)].map((m) => ({ port: Number(m[1]), start: m.index, end: m.index + m[0].length }));
const selected = (text: string) => portsInSelection(text, fakeDetect(text));

describe('portsInSelection', () => {
  it('takes the detector’s mentions, each once, in order', () => {
    expect(selected('port 22 then port 80 and port 22')).toEqual([{ port: 22 }, { port: 80 }]);
  });

  it('accepts a selection that is only a port, range or port/protocol', () => {
    expect(selected(' 139 ')).toEqual([{ port: 139 }]);
    expect(selected(':8080')).toEqual([{ port: 8080 }]);
    expect(selected('135–139')).toEqual([{ port: 135, endPort: 139 }]);
    expect(selected('53/UDP')).toEqual([{ port: 53, protocol: 'udp' }]);
  });

  it('finds nothing in text without a port', () => {
    expect(selected('hello world')).toEqual([]);
    expect(selected('70000')).toEqual([]);
    expect(selected('12/abc')).toEqual([]);
    expect(selected('139-100')).toEqual([]);
  });
});

describe('explicitPortOfUrl', () => {
  it('reads explicit ports, including default ones, and nothing else', () => {
    expect(explicitPortOfUrl('http://example.com:8080/api')).toBe(8080);
    expect(explicitPortOfUrl('http://example.com:80/')).toBe(80);
    expect(explicitPortOfUrl('https://u:p@[::1]:443')).toBe(443);
    expect(explicitPortOfUrl('https://example.com/a:80')).toBeNull();
    expect(explicitPortOfUrl('not a url')).toBeNull();
  });
});

describe('linkPortOf', () => {
  it('tells a port the link names from the one its scheme implies', () => {
    expect(linkPortOf('http://shop.example:8080/')).toEqual({ kind: 'explicit', port: 8080 });
    expect(linkPortOf('https://example.com:443/')).toEqual({ kind: 'explicit', port: 443 });
    expect(linkPortOf('https://example.com/docs')).toEqual({ kind: 'implied', port: 443, scheme: 'https' });
    expect(linkPortOf('HTTP://example.com')).toEqual({ kind: 'implied', port: 80, scheme: 'http' });
    expect(linkPortOf('wss://example.com/socket')).toEqual({ kind: 'implied', port: 443, scheme: 'wss' });
    expect(linkPortOf('ftp://files.example/')).toEqual({ kind: 'implied', port: 21, scheme: 'ftp' });
  });

  it('has nothing to say of links without a network port', () => {
    expect(linkPortOf('mailto:ops@example.com')).toEqual({ kind: 'none' });
    expect(linkPortOf('javascript:void(0)')).toEqual({ kind: 'none' });
    expect(linkPortOf('file:///etc/services')).toEqual({ kind: 'none' });
    expect(linkPortOf('not a url')).toEqual({ kind: 'none' });
  });
});

describe('portsInSelection with the real detector', () => {
  it('explains the issue’s examples', async () => {
    const { findPortMentions } = await import('./detect/index.ts');
    const ports = (t: string) => portsInSelection(t, findPortMentions(t)).map((p) => (p.endPort ? `${p.port}-${p.endPort}` : `${p.port}${p.protocol ? `/${p.protocol}` : ''}`));
    expect(ports('0.0.0.0:139')).toEqual(['139']);
    expect(ports('139')).toEqual(['139']);
    expect(ports('ports 135-139')).toEqual(['135-139']);
    expect(ports('53/udp')).toEqual(['53/udp']);
    expect(ports('-p 8080:80')).toEqual(['8080', '80']);
    expect(ports('http://example.com:8080/api')).toEqual(['8080']);
    expect(ports('meeting at 12:30')).toEqual([]);
  });
});
