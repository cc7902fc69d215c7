import { describe, expect, it } from 'vitest';
import { findPortMentions } from './detect/index.ts';
import { PublishReader, publishContextAt, type PublishContext } from './publish-context.ts';

/** The publish context of every mention in `text`, in order. */
/** Every mention's publish, read as a paste reads them: one reader for the whole text. */
const contexts = (text: string): (PublishContext | null)[] => {
  const reader = new PublishReader(text);
  return findPortMentions(text).map((m) => reader.at(m.start, m.end));
};

describe('publishContextAt', () => {
  it('reads docker run -p and --publish, both sides', () => {
    expect(contexts('docker run -d -p 5432:5432 postgres')).toEqual([
      { source: 'run', engine: 'docker', side: 'host', hostSpec: '5432', containerSpec: '5432' },
      { source: 'run', engine: 'docker', side: 'container', hostSpec: '5432', containerSpec: '5432' },
    ]);
    expect(contexts('docker run --publish 8080:80 nginx')[1]).toEqual({ source: 'run', engine: 'docker', side: 'container', hostSpec: '8080', containerSpec: '80' });
    expect(contexts('docker run --publish=8080:80/tcp nginx')[0]).toMatchObject({ source: 'run', side: 'host' });
    // -p glued to its map.
    const glued = 'docker run -d -p5432:5432 postgres';
    expect(publishContextAt(glued, glued.indexOf('5432'), glued.indexOf('5432') + 4)).toEqual({ source: 'run', engine: 'docker', side: 'host', hostSpec: '5432', containerSpec: '5432' });
    expect(publishContextAt(glued, glued.lastIndexOf('5432'), glued.lastIndexOf('5432') + 4)).toMatchObject({ side: 'container' });
    const gluedIp = 'podman run -p127.0.0.1:8080:80 nginx';
    expect(publishContextAt(gluedIp, gluedIp.indexOf('8080'), gluedIp.indexOf('8080') + 4)).toMatchObject({ source: 'run', engine: 'podman', hostIp: '127.0.0.1', side: 'host' });
  });

  it('keeps the host IP of a bound publish, IPv4 or bracketed IPv6', () => {
    expect(contexts('docker run -p 127.0.0.1:5432:5432 postgres')).toEqual([
      { source: 'run', engine: 'docker', side: 'host', hostIp: '127.0.0.1', hostSpec: '5432', containerSpec: '5432' },
      { source: 'run', engine: 'docker', side: 'container', hostIp: '127.0.0.1', hostSpec: '5432', containerSpec: '5432' },
    ]);
    const text = 'docker run -p [::1]:8080:80 nginx';
    expect(publishContextAt(text, text.indexOf('8080'), text.indexOf('8080') + 4)).toMatchObject({ hostIp: '::1', side: 'host' });
  });

  it('reads compose ports lists: quoted, bare, flow style, with comments', () => {
    const compose = ['services:', '  db:', '    image: postgres:16', '    ports:', '      - "5432:5432"', "      - '127.0.0.1:6379:6379'  # cache", '      - 8080:80', '    expose:', '      - "9000"'].join('\n');
    const got = contexts(compose);
    expect(got.filter((c) => c?.side === 'host')).toEqual([
      { source: 'compose', side: 'host', hostSpec: '5432', containerSpec: '5432' },
      { source: 'compose', side: 'host', hostIp: '127.0.0.1', hostSpec: '6379', containerSpec: '6379' },
      { source: 'compose', side: 'host', hostSpec: '8080', containerSpec: '80' },
    ]);
    expect(contexts('ports: ["3000:3000", "9229:9229"]').filter((c) => c !== null)).toHaveLength(4);
    // YAML lets the list sit at the key's own indent.
    expect(contexts('ports:\n- "5432:5432"')[0]).toMatchObject({ source: 'compose' });
  });

  it('reads every item of a ports list longer than the walk up to its key, and a -p map far along one long command line', () => {
    const items = Array.from({ length: 400 }, (_, i) => `      - "${10000 + i}:80"`);
    const got = contexts(['services:', '  web:', '    ports:', ...items].join('\n'));
    expect(got).toHaveLength(800);
    expect(got.every((c) => c?.source === 'compose')).toBe(true);
    // Not a list under ports: however long, it stays none.
    expect(contexts(['services:', '  web:', '    command:', ...items].join('\n')).every((c) => c === null)).toBe(true);
    const run = `docker run ${Array.from({ length: 300 }, (_, i) => `-p ${10000 + i}:80`).join(' ')} nginx`;
    const last = contexts(run).at(-1);
    expect(last).toMatchObject({ source: 'run', side: 'container', hostSpec: '10299' });
  });

  it('reads compose long syntax: target, published and host_ip keys of one ports item, in any order', () => {
    const compose = [
      'services:',
      '  web:',
      '    ports:',
      '      - target: 80',
      '        host_ip: 127.0.0.1',
      '        published: "8080"',
      '        protocol: tcp',
      '      - name: admin',
      '        published: 9090 # dashboard',
      '        target: 9000',
      '      - target: 5000',
      '    environment:',
      '      - target: 81',
      '        published: 8081',
    ].join('\n');
    const at = (needle: string) => {
      const i = compose.indexOf(needle);
      return publishContextAt(compose, i, i + needle.trim().length);
    };
    expect(at('80\n')).toEqual({ source: 'compose-long', side: 'container', hostIp: '127.0.0.1', hostSpec: '8080', containerSpec: '80' });
    expect(at('8080')).toEqual({ source: 'compose-long', side: 'host', hostIp: '127.0.0.1', hostSpec: '8080', containerSpec: '80' });
    expect(at('9090')).toEqual({ source: 'compose-long', side: 'host', hostSpec: '9090', containerSpec: '9000' });
    expect(at('9000')).toMatchObject({ side: 'container', hostSpec: '9090' });
    // No published port: Docker picks one; not under ports: is not a publish.
    expect(at('5000')).toBeNull();
    expect(at('8081')).toBeNull();
    expect(at('127.0.0.1')).toBeNull();
  });

  it('names the engine of the command: its own (continued) line for -p, the nearest command above a compose file or ps output', () => {
    const engineAt = (text: string, digits: string) => {
      const at = text.lastIndexOf(digits);
      return publishContextAt(text, at, at + digits.length)?.engine;
    };
    expect(engineAt('podman run -d -p 8080:80 nginx', '8080')).toBe('podman');
    expect(engineAt('sudo nerdctl run -p 8080:80 nginx', '8080')).toBe('nerdctl');
    expect(engineAt('podman container create --publish=8080:80 nginx', '8080')).toBe('podman');
    expect(engineAt('podman pod create -p 8080:80 web', '8080')).toBe('podman');
    expect(engineAt('docker run -d \\\n  --name web \\\n  -p 8080:80 \\\n  nginx', '8080')).toBe('docker');
    expect(engineAt('podman run -d `\r\n  -p 8080:80 nginx', '8080')).toBe('podman');
    // A command on an earlier, finished line is not this one's.
    expect(engineAt('podman pull nginx\npodman ps\n-p 8080:80', '8080')).toBeUndefined();
    expect(engineAt('docker run -p 5432:5432 postgres\npodman run -p 8080:80 nginx', '5432')).toBe('docker');
    expect(engineAt('podman run -p 5432:5432 postgres\ndocker run -p 8080:80 nginx', '8080')).toBe('docker');
    const compose = 'services:\n  web:\n    image: docker.io/library/nginx\n    ports:\n      - "8080:80"\n      - target: 443\n        published: 8443\n';
    expect(engineAt(compose, '8080')).toBeUndefined();
    expect(engineAt(`# run with: podman-compose up -d\n${compose}`, '8080')).toBe('podman');
    expect(engineAt(`$ nerdctl compose up\n${compose}`, '8443')).toBe('nerdctl');
    expect(engineAt(`docker-compose up\n${compose}`, '8443')).toBe('docker');
    expect(engineAt('$ podman ps\nabc123  nginx  0.0.0.0:8080->80/tcp  web', '8080')).toBe('podman');
    expect(engineAt('abc123  nginx  0.0.0.0:8080->80/tcp  web', '8080')).toBeUndefined();
  });

  it('reads docker ps output, including ranges and the IPv6 wildcard', () => {
    const ps = '0.0.0.0:5432->5432/tcp, :::5432->5432/tcp';
    expect(contexts(ps)).toEqual([
      { source: 'ps', side: 'host', hostIp: '0.0.0.0', hostSpec: '5432', containerSpec: '5432' },
      { source: 'ps', side: 'container', hostIp: '0.0.0.0', hostSpec: '5432', containerSpec: '5432' },
      { source: 'ps', side: 'host', hostIp: '::', hostSpec: '5432', containerSpec: '5432' },
      { source: 'ps', side: 'container', hostIp: '::', hostSpec: '5432', containerSpec: '5432' },
    ]);
    const range = '0.0.0.0:8081-8082->80-81/tcp';
    expect(publishContextAt(range, 8, 12)).toEqual({ source: 'ps', side: 'host', hostIp: '0.0.0.0', hostSpec: '8081-8082', containerSpec: '80-81' });
  });

  it('is not a publish elsewhere: other -p options, lists not under ports:, kubectl and ssh forwards', () => {
    // [text, the port digits to ask about (last occurrence)]
    const cases: [string, string][] = [
      ['ssh -p 2222 user@host', '2222'],
      ['x-p5432:5432', '5432'],
      ['psql -h db -p 5432', '5432'],
      ['nmap -p 22,80,443 host', '80'],
      ['listening on 0.0.0.0:3306', '3306'],
      ['kubectl port-forward svc/web 8080:80', '8080'],
      ['web  NodePort  10.96.0.1  <none>  80:30080/TCP  1d', '30080'],
      ['ssh -L 8080:localhost:80 host', '8080'],
      ['environment:\n  - "5432:5432"', '5432'],
      ['steps:\n  - 8080:80', '8080'],
      ['ports:\n  - "5432:5432"\nvolumes:\n  - "8080:80"', '8080'],
      ['ports:\n  - "5432:5432"\n  - echo 8080:80', '8080'],
    ];
    for (const [text, digits] of cases) {
      const at = text.lastIndexOf(digits);
      expect(publishContextAt(text, at, at + digits.length), text).toBeNull();
    }
  });
});
