import { describe, expect, it } from 'vitest';
import { parseDetailsParams } from './details-params.ts';
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
