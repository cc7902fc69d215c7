import { describe, expect, it } from 'vitest';
import { PublishReader } from './publish-context.ts';
import { findPortMentions } from './detect/index.ts';
import {
  attentionScore,
  classifyAddress,
  exposureOf,
  exposureTone,
  exposureWords,
  mentionExposure,
  parseIPv4,
  parseIPv6,
  reachLabel,
  type Exposure,
} from './exposure.ts';

describe('parseIPv4 and parseIPv6', () => {
  it('reads dotted quads and refuses anything else', () => {
    expect(parseIPv4('10.0.0.5')).toBe(0x0a000005);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
    for (const bad of ['10.0.0', '10.0.0.256', '1.2.3.4.5', 'a.b.c.d', '1..2.3', '']) expect(parseIPv4(bad), bad).toBeNull();
  });

  it('expands compressed IPv6, brackets, zone ids and a trailing dotted quad', () => {
    expect(parseIPv6('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIPv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('[fe80::1%eth0]')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('::ffff:10.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0001]);
    expect(parseIPv6('2001:db8:0:0:0:0:0:8')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 8]);
    for (const bad of ['1::2::3', '12345::', 'fe80::1%', 'fe80::1%e th0', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '::g', ':1', '1:2:3:4:5:6:7::8']) {
      expect(parseIPv6(bad), bad).toBeNull();
    }
  });
});

describe('classifyAddress', () => {
  const cases: [string, string | null, string | null][] = [
    // every interface
    ['0.0.0.0', 'every-interface', 'unspecified'],
    ['*', 'every-interface', 'unspecified'],
    ['::', 'every-interface', 'unspecified'],
    ['[::]', 'every-interface', 'unspecified'],
    ['0:0:0:0:0:0:0:0', 'every-interface', 'unspecified'],
    ['::ffff:0.0.0.0', 'every-interface', 'unspecified'],
    // this machine
    ['127.0.0.1', 'this-machine', 'loopback'],
    ['127.255.255.254', 'this-machine', 'loopback'],
    ['::1', 'this-machine', 'loopback'],
    ['[::1]', 'this-machine', 'loopback'],
    ['localhost', 'this-machine', 'loopback'],
    ['LocalHost', 'this-machine', 'loopback'],
    ['app.localhost', 'this-machine', 'loopback'],
    ['::ffff:127.0.0.1', 'this-machine', 'loopback'],
    // local network
    ['10.0.0.5', 'local-network', 'private'],
    ['10.255.255.255', 'local-network', 'private'],
    ['172.16.0.1', 'local-network', 'private'],
    ['172.31.255.255', 'local-network', 'private'],
    ['192.168.1.1', 'local-network', 'private'],
    ['::ffff:192.168.0.10', 'local-network', 'private'],
    ['[::ffff:10.0.0.1]', 'local-network', 'private'],
    ['100.64.0.1', 'local-network', 'shared'],
    ['100.127.255.255', 'local-network', 'shared'],
    ['169.254.1.1', 'local-network', 'link-local'],
    ['fe80::1', 'local-network', 'link-local'],
    ['fe80::1%eth0', 'local-network', 'link-local'],
    ['[fe80::abcd%en0]', 'local-network', 'link-local'],
    ['febf::1', 'local-network', 'link-local'],
    ['fc00::1', 'local-network', 'unique-local'],
    ['fd12:3456:789a::1', 'local-network', 'unique-local'],
    ['fec0::1', 'local-network', 'site-local'],
    // public: just outside each private range, and examples
    ['203.0.113.7', 'internet', 'public'],
    ['8.8.8.8', 'internet', 'public'],
    ['11.0.0.1', 'internet', 'public'],
    ['172.15.255.255', 'internet', 'public'],
    ['172.32.0.1', 'internet', 'public'],
    ['192.169.0.1', 'internet', 'public'],
    ['100.63.255.255', 'internet', 'public'],
    ['100.128.0.1', 'internet', 'public'],
    ['169.255.0.1', 'internet', 'public'],
    ['126.255.255.255', 'internet', 'public'],
    ['128.0.0.1', 'internet', 'public'],
    ['2001:db8::1', 'internet', 'public'],
    ['2606:4700::1111', 'internet', 'public'],
    ['::ffff:203.0.113.7', 'internet', 'public'],
    ['fbff::1', null, null],
    // nothing listens there, or a name that says nothing
    ['0.1.2.3', null, null],
    ['224.0.0.251', null, null],
    ['239.255.255.250', null, null],
    ['240.0.0.1', null, null],
    ['255.255.255.255', null, null],
    ['ff02::1', null, null],
    ['::2', null, null],
    ['db.internal', null, null],
    ['redis', null, null],
    ['example.com', null, null],
    ['', null, null],
  ];
  it.each(cases)('%s → %s (%s)', (host, scope, range) => {
    const got = classifyAddress(host);
    expect(got ? [got.scope, got.range] : [null, null]).toEqual([scope, range]);
  });
});

describe('exposure of detected mentions', () => {
  const exposureIn = (text: string, index = 0): Exposure | null => {
    const m = findPortMentions(text)[index];
    if (!m) throw new Error(`no mention ${index} in ${text}`);
    return mentionExposure(new PublishReader(text), m);
  };

  it('reads the host the detector found, in every written form', () => {
    expect(exposureIn('listening on 0.0.0.0:3306')?.scope).toBe('every-interface');
    expect(exposureIn('LISTEN 0 511 *:80 *:*')?.scope).toBe('every-interface');
    expect(exposureIn('[::]:3306')?.scope).toBe('every-interface');
    expect(exposureIn('tcp6 0 0 :::3306 :::* LISTEN')).toMatchObject({ scope: 'every-interface', host: '::' });
    expect(exposureIn('127.0.0.1:6379')?.scope).toBe('this-machine');
    expect(exposureIn('[::1]:22')?.scope).toBe('this-machine');
    expect(exposureIn('localhost:8080')?.scope).toBe('this-machine');
    expect(exposureIn('10.0.0.5:5432')).toMatchObject({ scope: 'local-network', range: 'private' });
    expect(exposureIn('[fe80::1%eth0]:22')).toMatchObject({ scope: 'local-network', range: 'link-local', host: 'fe80::1%eth0' });
    expect(exposureIn('[::ffff:10.0.0.1]:80')?.scope).toBe('local-network');
    expect(exposureIn('203.0.113.7:22')).toMatchObject({ scope: 'internet', host: '203.0.113.7' });
  });

  it('says nothing on a connection line of netstat or ss, where the addresses are its two ends', () => {
    const netstat = 'tcp        0      0 192.168.1.5:22          203.0.113.9:51234       ESTABLISHED';
    expect(exposureIn(netstat, 0)).toBeNull();
    expect(exposureIn(netstat, 1)).toBeNull();
    expect(exposureIn('ESTAB 0 0 10.0.0.5:5432 10.0.0.9:40112')).toBeNull();
    expect(exposureIn('tcp 0 0 127.0.0.1:6379 127.0.0.1:52220 TIME_WAIT')).toBeNull();
    // The listening line beside it still counts.
    const both = `tcp 0 0 0.0.0.0:22 0.0.0.0:* LISTEN\n${netstat}`;
    expect(exposureIn(both, 0)?.scope).toBe('every-interface');
    expect(exposureIn(both, 1)).toBeNull();
  });

  it('says nothing without an address, or for a name', () => {
    expect(exposureIn('port 22')).toBeNull();
    expect(exposureIn('db.internal:5432')).toBeNull();
    expect(exposureIn('redis:6379')).toBeNull();
  });

  it('0.0.0.0:0 and other placeholders are no mention at all (the detector drops them)', () => {
    expect(findPortMentions('0.0.0.0:0')).toEqual([]);
    expect(findPortMentions('TCP    0.0.0.0:135   0.0.0.0:0   LISTENING').map((m) => m.port)).toEqual([135]);
    expect(findPortMentions('TCP    [::]:445   [::]:0   LISTENING').map((m) => m.port)).toEqual([445]);
  });

  it('a container publish without a host IP is every interface of the host, with the Docker note and the fix', () => {
    const e = exposureIn('docker run -p 5432:5432 postgres');
    expect(e).toMatchObject({ scope: 'every-interface', publish: { source: 'run', engine: 'docker', side: 'host', hostSpec: '5432', containerSpec: '5432' } });
    expect(e?.host).toBeUndefined();
    expect(exposureWords(e!)).toEqual({
      headline: { code: 'exposure.scope.everyInterface' },
      detail: { code: 'exposure.publish.everyInterface', params: { where: { code: 'exposure.publish.fromContainer' }, firewall: { code: 'exposure.firewall.docker' } } },
      fix: { lead: { code: 'exposure.fix.publish' }, code: '-p 127.0.0.1:5432:5432' },
    });
  });

  it('a publish bound to 127.0.0.1 stays on this machine, without a fix', () => {
    const text = 'docker run -p 127.0.0.1:5432:5432 postgres';
    for (const i of [0, 1]) {
      const e = exposureIn(text, i);
      expect(e).toMatchObject({ scope: 'this-machine', host: '127.0.0.1' });
      expect(exposureWords(e!).detail).toEqual({ code: 'exposure.publish.thisMachine', params: { where: { code: 'exposure.publish.fromContainer' }, host: '127.0.0.1' } });
      expect(exposureWords(e!).fix).toBeUndefined();
    }
  });

  it('the container side of a map names the host port it is published as', () => {
    const e = exposureIn('docker run --publish 8080:80 nginx', 1);
    expect(e).toMatchObject({ scope: 'every-interface', publish: { side: 'container', hostSpec: '8080', containerSpec: '80' } });
    expect(exposureWords(e!).detail).toEqual({
      code: 'exposure.publish.everyInterface',
      params: { where: { code: 'exposure.publish.mapped', params: { container: '80', host: '8080' } }, firewall: { code: 'exposure.firewall.docker' } },
    });
  });

  it('reads -p glued to its map as a publish', () => {
    const e = exposureIn('docker run -d -p5432:5432 postgres');
    expect(e).toMatchObject({ scope: 'every-interface', publish: { source: 'run', engine: 'docker', side: 'host', hostSpec: '5432', containerSpec: '5432' } });
    expect(exposureWords(e!).fix?.code).toBe('-p 127.0.0.1:5432:5432');
  });

  it('words the host firewall by engine: Podman and nerdctl publishes get their own note, the same fix', () => {
    const firewall = (text: string) => (exposureWords(exposureIn(text)!).detail.params as { firewall: unknown }).firewall;
    expect(firewall('podman run -d -p 5432:5432 postgres')).toEqual({ code: 'exposure.firewall.podman' });
    expect(firewall('nerdctl run -d -p 5432:5432 postgres')).toEqual({ code: 'exposure.firewall.nerdctl' });
    expect(firewall('docker run -d -p 5432:5432 postgres')).toEqual({ code: 'exposure.firewall.docker' });
    // A compose file or -p that names no engine reads as Docker's, the usual one.
    expect(firewall('services:\n  db:\n    ports:\n      - "5432:5432"')).toEqual({ code: 'exposure.firewall.docker' });
    expect(firewall('podman-compose up\nservices:\n  db:\n    ports:\n      - "5432:5432"')).toEqual({ code: 'exposure.firewall.podman' });
    const podmanAt = exposureWords(exposureIn('podman run -p 10.0.0.5:5432:5432 postgres')!);
    expect(podmanAt.detail).toMatchObject({ code: 'exposure.publish.at', params: { firewall: { code: 'exposure.firewall.podman' } } });
    expect(podmanAt.fix).toEqual({ lead: { code: 'exposure.fix.publish' }, code: '-p 127.0.0.1:5432:5432' });
    expect(exposureWords(exposureIn('podman run -p 5432:5432 postgres')!).fix).toEqual({ lead: { code: 'exposure.fix.publish' }, code: '-p 127.0.0.1:5432:5432' });
  });

  it('a compose long-syntax item is told to add host_ip, not to switch to the short syntax', () => {
    const compose = 'services:\n  db:\n    ports:\n      - target: 5432\n        published: "15432"\n      - target: 6379\n        host_ip: 10.0.0.5\n        published: 6379\n';
    expect(exposureWords(exposureIn(compose)!).fix).toEqual({ lead: { code: 'exposure.fix.hostIp' }, code: 'host_ip: 127.0.0.1' });
    const bound = exposureIn(compose, 2)!;
    expect(bound).toMatchObject({ scope: 'local-network', host: '10.0.0.5', publish: { source: 'compose-long' } });
    expect(exposureWords(bound).fix).toEqual({ lead: { code: 'exposure.fix.hostIp' }, code: 'host_ip: 127.0.0.1' });
  });

  it('compose ports are quoted in the fix; docker ps output keeps its address', () => {
    const compose = 'services:\n  db:\n    ports:\n      - "5432:5432"\n';
    expect(exposureWords(exposureIn(compose)!).fix?.code).toBe('"127.0.0.1:5432:5432"');
    const ps = 'abc123  postgres:16  Up 2 hours  0.0.0.0:5432->5432/tcp, :::5432->5432/tcp  db';
    expect(exposureIn(ps)).toMatchObject({ scope: 'every-interface', host: '0.0.0.0', publish: { source: 'ps', side: 'host' } });
    expect(exposureWords(exposureIn(ps)!).fix).toEqual({ lead: { code: 'exposure.fix.start' }, code: '-p 127.0.0.1:5432:5432' });
    expect(exposureIn(ps, 1)).toMatchObject({ scope: 'every-interface', host: '0.0.0.0', publish: { source: 'ps', side: 'container' } });
    expect(exposureIn(ps, 2)).toMatchObject({ scope: 'every-interface', host: '::' });
  });
});

describe('words', () => {
  it('label the reach shortly for lists', () => {
    const everyInterface = { code: 'exposure.scope.everyInterface' };
    expect(reachLabel(exposureOf('0.0.0.0', null)!)).toEqual({ code: 'exposure.reach.host', params: { scope: everyInterface, host: '0.0.0.0' } });
    expect(reachLabel(exposureOf(undefined, { source: 'run', side: 'host', hostSpec: '80', containerSpec: '80' })!)).toEqual({ code: 'exposure.reach.publish', params: { scope: everyInterface, engine: 'Docker' } });
    expect(reachLabel(exposureOf(undefined, { source: 'run', engine: 'podman', side: 'host', hostSpec: '80', containerSpec: '80' })!)).toEqual({ code: 'exposure.reach.publish', params: { scope: everyInterface, engine: 'Podman' } });
    expect(reachLabel(exposureOf('127.0.0.1', { source: 'ps', engine: 'nerdctl', side: 'host', hostIp: '127.0.0.1', hostSpec: '80', containerSpec: '80' })!)).toEqual({
      code: 'exposure.reach.hostPublish',
      params: { scope: { code: 'exposure.scope.thisMachine' }, host: '127.0.0.1', engine: 'nerdctl' },
    });
    expect(reachLabel(exposureOf('10.0.0.5', null)!)).toEqual({ code: 'exposure.reach.host', params: { scope: { code: 'exposure.scope.localNetwork' }, host: '10.0.0.5' } });
  });

  it('name the address and its range', () => {
    const detail = (host: string) => exposureWords(exposureOf(host, null)!).detail;
    expect(detail('10.0.0.5')).toEqual({ code: 'exposure.detail.localNetwork', params: { host: '10.0.0.5', range: { code: 'exposure.range.private' } } });
    expect(detail('100.64.1.1')).toEqual({ code: 'exposure.detail.localNetwork', params: { host: '100.64.1.1', range: { code: 'exposure.range.shared' } } });
    expect(detail('fd00::1')).toEqual({ code: 'exposure.detail.localNetwork', params: { host: 'fd00::1', range: { code: 'exposure.range.uniqueLocal' } } });
    expect(detail('203.0.113.7')).toEqual({ code: 'exposure.detail.internet', params: { host: '203.0.113.7', range: { code: 'exposure.range.public' } } });
    expect(exposureWords(exposureOf('127.0.0.1', null)!)).toEqual({
      headline: { code: 'exposure.scope.thisMachine' },
      detail: { code: 'exposure.detail.thisMachine', params: { host: '127.0.0.1', range: { code: 'exposure.range.loopback' } } },
    });
    expect(detail('0.0.0.0')).toEqual({ code: 'exposure.detail.everyInterfaceAt', params: { host: '0.0.0.0' } });
    expect(detail('*')).toEqual({ code: 'exposure.detail.everyInterface' });
  });

  it('a publish on a named address says where, with the Docker note and the fix', () => {
    const e = exposureOf('10.0.0.5', { source: 'run', side: 'host', hostIp: '10.0.0.5', hostSpec: '5432', containerSpec: '5432' });
    expect(exposureWords(e!)).toEqual({
      headline: { code: 'exposure.scope.localNetwork' },
      detail: { code: 'exposure.publish.at', params: { where: { code: 'exposure.publish.fromContainer' }, host: '10.0.0.5', range: { code: 'exposure.range.private' }, firewall: { code: 'exposure.firewall.docker' } } },
      fix: { lead: { code: 'exposure.fix.publish' }, code: '-p 127.0.0.1:5432:5432' },
    });
  });
});

describe('exposureTone: exposure × risk', () => {
  const all = exposureOf('0.0.0.0', null)!;
  const lan = exposureOf('10.0.0.5', null)!;
  const local = exposureOf('127.0.0.1', null)!;
  const net = exposureOf('203.0.113.7', null)!;
  const docker = exposureOf(undefined, { source: 'run', side: 'host', hostSpec: '5432', containerSpec: '5432' })!;
  const nerdctl = exposureOf(undefined, { source: 'run', engine: 'nerdctl', side: 'host', hostSpec: '5432', containerSpec: '5432' })!;
  const podman = exposureOf(undefined, { source: 'run', engine: 'podman', side: 'host', hostSpec: '5432', containerSpec: '5432' })!;

  it('grades every interface and the internet by the port’s risk', () => {
    for (const e of [all, net]) {
      expect([exposureTone(e, 'critical'), exposureTone(e, 'high'), exposureTone(e, 'medium'), exposureTone(e, 'low'), exposureTone(e, undefined)]).toEqual([
        'danger',
        'warning',
        'caution',
        'calm',
        'calm',
      ]);
    }
  });

  it('is a step softer on the local network and calm on this machine', () => {
    expect([exposureTone(lan, 'critical'), exposureTone(lan, 'high'), exposureTone(lan, 'medium')]).toEqual(['warning', 'caution', 'calm']);
    expect(exposureTone(local, 'critical')).toBe('calm');
  });

  it('is a step louder for a Docker publish past the host firewall', () => {
    expect([exposureTone(docker, 'critical'), exposureTone(docker, 'high'), exposureTone(docker, 'medium'), exposureTone(docker, 'low'), exposureTone(docker, 'info')]).toEqual([
      'danger',
      'danger',
      'warning',
      'caution',
      'calm',
    ]);
    expect(exposureTone(nerdctl, 'high')).toBe('danger');
  });

  it('is not louder for a rootless-by-default Podman publish, which the host firewall filters', () => {
    expect([exposureTone(podman, 'critical'), exposureTone(podman, 'high'), exposureTone(podman, 'medium')]).toEqual(['danger', 'warning', 'caution']);
    expect(attentionScore(podman, 'high')).toBe(attentionScore(all, 'high'));
  });

  it('attention weighs reach by risk', () => {
    expect(attentionScore(all, 'critical')).toBeGreaterThan(attentionScore(all, 'high'));
    expect(attentionScore(all, 'high')).toBeGreaterThan(attentionScore(lan, 'high'));
    expect(attentionScore(docker, 'high')).toBeGreaterThan(attentionScore(all, 'high'));
    expect(attentionScore(null, 'critical')).toBeGreaterThan(attentionScore(lan, undefined));
    expect(attentionScore(lan, undefined)).toBeGreaterThan(attentionScore(local, 'critical'));
    expect(attentionScore(local, 'critical')).toBeGreaterThan(attentionScore(local, 'low'));
  });
});
