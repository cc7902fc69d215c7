// Every message code lib/ can return has an English message, with the
// parameters lib/ passes; and the views' `say` turns lib/'s codes into the
// sentences users read (English here: the unit tests' getMessage serves en).
import { describe, expect, it } from 'vitest';
import { findPortMentions } from '@/lib/detect';
import { exposureOf, exposureWords, reachLabel } from '@/lib/exposure';
import { findPastePorts, pasteRefusal, pasteRows, pasteSummary } from '@/lib/paste';
import { parseUserImport } from '@/lib/import/user-import';
import { problemText } from '@/lib/import/limits';
import { parseManagedPolicy } from '@/lib/managed';
import { UI_TEXT_CODES, uiText } from '@/lib/ui-text';
import { checkCommands, firewallCommands, FIREWALL_TOOLS } from '@/lib/port-commands';
import { toFirewallRules, toMarkdown } from '@/lib/page-export';
import { PortholeError, request } from '@/lib/messages';
import { errorText, say, sayValue } from '@/utils/i18n';
import { readLocale } from '../../scripts/locales.ts';

const english = new Map((await readLocale('en')).map((m) => [m.key.join('.'), m]));

describe('message codes of lib/', () => {
  it('each has a message in locales/en.json', () => {
    expect(UI_TEXT_CODES.filter((code) => !english.has(code))).toEqual([]);
  });

  it('are listed once', () => {
    expect(new Set(UI_TEXT_CODES).size).toBe(UI_TEXT_CODES.length);
  });
});

describe('say', () => {
  it('words an exposure, its reach and its fix', () => {
    const at = (host: string) => exposureWords(exposureOf(host, null)!);
    expect(say(at('10.0.0.5').detail)).toBe('10.0.0.5 is a private address (RFC 1918): reachable from the local network, not directly from the internet.');
    expect(say(at('127.0.0.1').headline)).toBe('This machine only');
    expect(say(at('0.0.0.0').detail)).toBe('Listens on every interface (0.0.0.0): other machines can connect unless a firewall stops them.');
    const docker = exposureOf(undefined, { source: 'run', side: 'container', hostSpec: '8080', containerSpec: '80' })!;
    expect(say(exposureWords(docker).detail)).toBe(
      "Container port 80, published on the host as 8080 on every interface of the host. Docker's own iptables rules let this traffic in ahead of ufw and firewalld rules, so a host firewall does not stop it.",
    );
    expect(say(exposureWords(docker).fix!.lead)).toBe('To keep it on this machine, publish it as');
    expect(say(reachLabel(docker))).toBe('Every interface (Docker publish)');
    expect(say(reachLabel(exposureOf('127.0.0.1', { source: 'ps', side: 'host', hostIp: '127.0.0.1', hostSpec: '80', containerSpec: '80' })!))).toBe(
      'This machine only (127.0.0.1, Docker publish)',
    );
    const podman = exposureOf(undefined, { source: 'compose-long', engine: 'podman', side: 'host', hostSpec: '8080', containerSpec: '80' })!;
    expect(say(exposureWords(podman).detail)).toMatch(/^Published from a container on every interface of the host\. Rootless Podman \(its default\) listens through an ordinary socket on the host, so the host firewall filters/);
    expect(say(exposureWords(podman).detail)).not.toMatch(/Docker/);
    expect(say(exposureWords(podman).fix!.lead)).toBe('To keep it on this machine, give its ports item');
    expect(say(reachLabel(podman))).toBe('Every interface (Podman publish)');
  });

  it('words a paste summary with counts, plurals and lists, and a refusal', async () => {
    const text = ['0.0.0.0:6379', '0.0.0.0:22', '127.0.0.1:5432', ...Array.from({ length: 10 }, (_, i) => `port ${9000 + i}`)].join('\n');
    const gists = new Map([
      [6379, { service: 'Redis', risk: 'critical' as const }],
      [22, { service: 'SSH', risk: 'medium' as const }],
      [5432, { service: 'PostgreSQL', risk: 'high' as const }],
    ]);
    const rows = pasteRows(await findPastePorts(text, findPortMentions, () => Promise.resolve()), gists);
    expect(pasteSummary(rows).map((line) => say(line.text))).toEqual([
      '2 services listen on every interface: 6379 Redis (critical risk) and 22 SSH.',
      '1 service listens on this machine only: 5432 PostgreSQL (high risk).',
      '10 ports are mentioned without an address: 9000, 9001, 9002, 9003, 9004, 9005, 9006, 9007, and 2 more.',
    ]);
    expect(say(pasteRefusal('x'.repeat(6 * 1024 * 1024))!)).toBe('The pasted text is 6 MB; Porthole explains up to 5 MB at a time. Nothing was read: paste a smaller part.');
  });

  it('words sync problems', () => {
    expect(say(uiText('sync.ignored', { entry: uiText('sync.entry.note', { port: '80' }), reason: uiText('sync.reason.badNote') }))).toBe(
      'A note for port 80 in browser sync was ignored: not a valid note. It was not applied.',
    );
    expect(say(uiText('sync.overQuota.items', { count: 513, max: 512 }))).toMatch(/^Your notes and definitions need 513 entries, more than the 512 browser sync holds\./);
  });

  it('words import problems and skipped policy entries', () => {
    const problems = (text: string) => {
      const result = parseUserImport(text);
      return result.ok ? [] : result.problems.map((p) => say(problemText(p)));
    };
    expect(problems('port,note\n22,ok\n\n80,a,b,c\n')).toEqual(['Line 4: 4 fields, but the header has 2 columns.']);
    expect(problems(JSON.stringify({ notes: [{ port: '22', text: 'x' }] }))).toEqual(['notes[0]: port must be a number, not the text "22".']);
    expect(problems('{\n "notes": [\n  {"port": 22, "text": "x"},\n ]\n}')).toEqual(['Line 4: Malformed JSON: trailing comma before "]" (column 2).']);
    expect(problems('%PDF-1.7\n...')).toEqual(['This is a PDF document, not a JSON or CSV file of notes or port definitions.']);
    expect(problems('port,protocols,title,summary\n22,tcp,,b\n')).toEqual(['Line 2: title: must not be empty.']);
    const policy = parseManagedPolicy({ definitions: [{ port: 9000, protocols: ['tcp'], title: 'x', uses: [] }], disabledSites: ['https://a.example/'] });
    expect(policy.problems.map((p) => `${p.where}: ${say(p.text)}`)).toEqual([
      'definitions[0]: summary: is missing.',
      'disabledSites[0]: "https://a.example/" is an address; give its host name only (such as "example.com").',
    ]);
  });

  it('words the copy-ready commands and their groups', () => {
    const [check, listen] = checkCommands({ port: 135, endPort: 139, protocols: ['tcp'], host: 'fileserver.lan' });
    expect(say(check!.title)).toBe('Check from another machine');
    expect(check!.commands.map((c) => say(c.label))).toEqual(['Is TCP 135–139 open on fileserver.lan?', 'Scan TCP 135–139 with nmap', 'Test the TCP connection (PowerShell)']);
    expect(say(listen!.commands[2]!.label)).toBe('What listens on TCP 135–139? (PowerShell)');
    const block = firewallCommands('block', { port: 53, protocols: ['udp'] });
    expect(say(block.title)).toBe('Block it (drop incoming)');
    expect(say(block.commands[0]!.label)).toBe('ufw: block UDP');
    expect(say(block.commands.at(-1)!.label)).toBe('Windows Firewall (PowerShell, as administrator): block UDP');
    expect(FIREWALL_TOOLS.map((f) => sayValue(f.label))).toEqual(['ufw', 'iptables', 'nftables', 'firewalld', 'Windows Firewall']);
  });

  it('words the exports people read', () => {
    const rows = [{ port: 5432, protocols: ['tcp'], count: 2, sample: 'port 5432', service: 'PostgreSQL' }];
    expect(toMarkdown({ url: 'https://wiki.example/db', title: 'DB notes', rows }, say).split('\n').slice(0, 3)).toEqual([
      'Ports on [DB notes](<https://wiki.example/db>)',
      '',
      '| Port | Protocol | Service | Mentions |',
    ]);
    expect(toFirewallRules({ url: '', title: '', rows }, 'ufw', 'allow', say).split('\n').slice(0, 3)).toEqual([
      '# Porthole: allow the ports mentioned in the pasted text',
      '# 5432 PostgreSQL',
      'sudo ufw allow 5432/tcp',
    ]);
  });

  it('words errors Porthole has words for, and shows any other error as it is', async () => {
    const dead = await request(() => Promise.reject(new Error('Receiving end does not exist.')), { type: 'about' }).catch((err: unknown) => err);
    expect(errorText(dead)).toBe('Porthole is not answering there: Receiving end does not exist.');
    expect(errorText(new PortholeError('invalid-request', 'range reversed', uiText('error.rangeReversed')))).toBe('A range must start with its lower port.');
    expect(errorText(new PortholeError('internal', 'disk on fire'))).toBe('disk on fire');
    expect(errorText('plain')).toBe('plain');
  });
});
