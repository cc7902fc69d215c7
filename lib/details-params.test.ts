import { describe, expect, it } from 'vitest';
import { parseDetailsParams, parseExposureParams } from './details-params.ts';
import { exposureOf, mentionExposure, placeOf } from './exposure.ts';
import { findPortMentions } from './detect/index.ts';
import { PublishReader } from './publish-context.ts';
import { detailsUrl } from './urls.ts';

const parse = (url: string) => parseDetailsParams(new URL(url, 'chrome-extension://x').searchParams);

describe('parseDetailsParams', () => {
  it('reads what detailsUrl writes', () => {
    expect(parse(detailsUrl(139))).toEqual({ ok: true, target: { port: 139 } });
    expect(parse(detailsUrl(135, 139, 'tcp'))).toEqual({ ok: true, target: { port: 135, endPort: 139, protocol: 'tcp' } });
    expect(parse(detailsUrl(53, 53, 'udp'))).toEqual({ ok: true, target: { port: 53, protocol: 'udp' } });
  });

  it('refuses what is not a port', () => {
    expect(parse('/details.html')).toEqual({ ok: false, problem: { code: 'noPort' } });
    expect(parse('/details.html?port=70000')).toEqual({ ok: false, problem: { code: 'notAPort', port: '70000' } });
    expect(parse('/details.html?port=139&end=100')).toEqual({ ok: false, problem: { code: 'badEnd', port: 139, end: '100' } });
    expect(parse('/details.html?port=1e3')).toMatchObject({ ok: false });
  });

  it('ignores an unknown protocol', () => {
    expect(parse('/details.html?port=22&proto=icmp')).toEqual({ ok: true, target: { port: 22 } });
  });
});

describe('parseExposureParams', () => {
  const params = (url: string) => new URL(url, 'chrome-extension://x').searchParams;
  const roundTrip = (text: string, index = 0) => {
    const m = findPortMentions(text)[index]!;
    const exposure = mentionExposure(new PublishReader(text), m)!;
    return { exposure, parsed: parseExposureParams(params(detailsUrl(m.port, undefined, undefined, placeOf(exposure)))) };
  };

  it('reads back the exposure a mention gave, address or container publish', () => {
    for (const [text, index] of [
      ['listening on 0.0.0.0:3306', 0],
      ['[fe80::1%eth0]:22', 0],
      ['docker run -p 5432:5432 postgres', 0],
      ['docker run -p 127.0.0.1:8080:80 nginx', 1],
      ['0.0.0.0:8081-8082->80-81/tcp', 0],
      ['podman run -p 5432:5432 postgres', 0],
      ['nerdctl run -p 10.0.0.5:8080:80 nginx', 1],
      ['ports:\n  - target: 80\n    published: 8080', 0],
      ['podman-compose up\nports:\n  - target: 80\n    host_ip: 10.0.0.5\n    published: 8080', 1],
    ] as const) {
      const { exposure, parsed } = roundTrip(text, index);
      expect(parsed, text).toEqual(exposure);
    }
    expect(detailsUrl(5432, undefined, undefined, placeOf(exposureOf(undefined, { source: 'run', side: 'host', hostSpec: '5432', containerSpec: '5432' })!))).toBe(
      '/details.html?port=5432&pub=run&side=host&hp=5432&cp=5432',
    );
    const longItem = roundTrip('ports:\n  - target: 80\n    published: 8080', 1);
    expect(longItem.parsed?.publish).toEqual({ source: 'compose-long', side: 'host', hostSpec: '8080', containerSpec: '80' });
    expect(roundTrip('podman run -p 5432:5432 postgres').parsed?.publish?.engine).toBe('podman');
  });

  it('gives nothing for no place or a malformed one', () => {
    expect(parseExposureParams(params('/details.html?port=22'))).toBeNull();
    expect(parseExposureParams(params('/details.html?port=22&at=db.internal'))).toBeNull();
    expect(parseExposureParams(params('/details.html?port=22&at=<b>x</b>'))).toBeNull();
    expect(parseExposureParams(params('/details.html?port=22&pub=helm&side=host&hp=1&cp=1'))).toBeNull();
    expect(parseExposureParams(params('/details.html?port=22&pub=run&side=host&hp=1;rm&cp=1'))).toBeNull();
    expect(parseExposureParams(params('/details.html?port=22&pub=run&side=both&hp=1&cp=1'))).toBeNull();
    expect(parseExposureParams(params('/details.html?port=22&pub=compose-short&side=host&hp=1&cp=1'))).toBeNull();
    expect(parseExposureParams(params('/details.html?port=22&pub=run&side=host&hp=1&cp=1&eng=lxc'))).toBeNull();
    expect(parseExposureParams(params('/details.html?port=22&pub=run&side=host&hp=1&cp=1&eng='))).toBeNull();
  });
});
