// Where a port listens, read from the address written with it: every
// interface, this machine only, the local network or the internet. Pure
// code; the words for each case (as message codes) live beside the classes
// so the card, the details page and the paste summary say the same thing.
import { PublishReader, type ContainerEngine, type PublishContext } from './publish-context.ts';
import { RISK_LEVELS, type RiskLevel } from './types.ts';
import { uiText, type UiText, type UiTextCode } from './ui-text.ts';

/** Who can reach a port bound to the address. */
export type ExposureScope = 'every-interface' | 'this-machine' | 'local-network' | 'internet';

/** The named range an address falls in. */
export type AddressRange =
  | 'unspecified' // 0.0.0.0, ::, and the wildcard *
  | 'loopback' // 127.0.0.0/8, ::1, localhost
  | 'private' // RFC 1918: 10/8, 172.16/12, 192.168/16
  | 'unique-local' // fc00::/7
  | 'site-local' // fec0::/10 (deprecated, still local)
  | 'link-local' // 169.254/16, fe80::/10
  | 'shared' // 100.64.0.0/10, carrier-grade NAT
  | 'public';

export interface AddressClass {
  scope: ExposureScope;
  range: AddressRange;
}

/** A dotted quad as a 32-bit number, or null. */
export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

/**
 * An IPv6 address (brackets, a zone id such as `%eth0` and a trailing dotted
 * quad allowed) as eight 16-bit groups, or null.
 */
export function parseIPv6(text: string): number[] | null {
  let t = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = t.indexOf('%');
  if (zone >= 0) {
    if (!/^[\w.-]+$/.test(t.slice(zone + 1))) return null;
    t = t.slice(0, zone);
  }
  const tail: number[] = [];
  const lastColon = t.lastIndexOf(':');
  if (lastColon < 0) return null;
  if (t.includes('.', lastColon)) {
    const v4 = parseIPv4(t.slice(lastColon + 1));
    if (v4 === null) return null;
    tail.push(Math.floor(v4 / 65536), v4 % 65536);
    // Keep "::" whole; drop the single separator before the quad otherwise.
    t = t.endsWith('::', lastColon + 1) ? t.slice(0, lastColon + 1) : t.slice(0, lastColon);
  }
  const halves = t.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  if (!head) return null;
  if (halves.length === 1) {
    const all = [...head, ...tail];
    return all.length === 8 ? all : null;
  }
  const rest = groupsOf(halves[1]!);
  if (!rest) return null;
  const missing = 8 - head.length - rest.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...rest, ...tail];
}

const inV4 = (value: number, base: string, bits: number): boolean => {
  const size = 2 ** (32 - bits);
  return Math.floor(value / size) === Math.floor(parseIPv4(base)! / size);
};

function classifyIPv4(value: number): AddressClass | null {
  if (value === 0) return { scope: 'every-interface', range: 'unspecified' };
  if (inV4(value, '0.0.0.0', 8)) return null; // "this network": not a listening address
  if (inV4(value, '127.0.0.0', 8)) return { scope: 'this-machine', range: 'loopback' };
  if (inV4(value, '10.0.0.0', 8) || inV4(value, '172.16.0.0', 12) || inV4(value, '192.168.0.0', 16)) return { scope: 'local-network', range: 'private' };
  if (inV4(value, '100.64.0.0', 10)) return { scope: 'local-network', range: 'shared' };
  if (inV4(value, '169.254.0.0', 16)) return { scope: 'local-network', range: 'link-local' };
  // Multicast, reserved and broadcast: nothing listens there in the usual sense.
  if (value >= parseIPv4('224.0.0.0')!) return null;
  // Documentation ranges (203.0.113.0/24 …) stand for public addresses in examples: read them so.
  return { scope: 'internet', range: 'public' };
}

function classifyIPv6(g: number[]): AddressClass | null {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, h7 = 0, h8 = 0] = g;
  const zeroHead = a === 0 && b === 0 && c === 0 && d === 0 && e === 0;
  if (zeroHead && f === 0 && h7 === 0 && h8 === 0) return { scope: 'every-interface', range: 'unspecified' };
  if (zeroHead && f === 0 && h7 === 0 && h8 === 1) return { scope: 'this-machine', range: 'loopback' };
  // ::ffff:a.b.c.d is an IPv4 address seen through an IPv6 socket.
  if (zeroHead && f === 0xffff) return classifyIPv4(h7 * 65536 + h8);
  if ((a & 0xfe00) === 0xfc00) return { scope: 'local-network', range: 'unique-local' };
  if ((a & 0xffc0) === 0xfe80) return { scope: 'local-network', range: 'link-local' };
  if ((a & 0xffc0) === 0xfec0) return { scope: 'local-network', range: 'site-local' };
  // Global unicast is 2000::/3; everything else (multicast, reserved) says nothing about reach.
  if ((a & 0xe000) === 0x2000) return { scope: 'internet', range: 'public' };
  return null;
}

/**
 * What an address written with a port says about who can reach it; null for
 * host names (they say nothing by themselves) and for addresses nothing
 * listens on (multicast, reserved).
 */
export function classifyAddress(host: string): AddressClass | null {
  const h = host.trim();
  if (h === '*') return { scope: 'every-interface', range: 'unspecified' };
  const lower = h.toLowerCase();
  if (lower === 'localhost' || lower.endsWith('.localhost')) return { scope: 'this-machine', range: 'loopback' };
  const v4 = parseIPv4(h);
  if (v4 !== null) return classifyIPv4(v4);
  if (h.includes(':')) {
    const v6 = parseIPv6(h);
    if (v6) return classifyIPv6(v6);
  }
  return null;
}

/** Where one mention's port listens, and how the text said so. */
export interface Exposure extends AddressClass {
  /** The address as written, when one was (absent for `-p 5432:5432`). */
  host?: string;
  /** The port was published from a container (docker/podman/nerdctl -p, compose ports, docker ps). */
  publish?: PublishContext;
}

/** The exposure of a port written with `host` (and maybe inside a container publish); null when the text says nothing. */
export function exposureOf(host: string | undefined, publish: PublishContext | null): Exposure | null {
  if (publish) {
    const address = publish.hostIp;
    // Without a host IP every engine binds every interface of the host.
    const cls: AddressClass | null = address === undefined ? { scope: 'every-interface', range: 'unspecified' } : classifyAddress(address);
    if (!cls) return null;
    return { ...cls, ...(address !== undefined ? { host: address } : {}), publish };
  }
  if (host === undefined) return null;
  const cls = classifyAddress(host);
  return cls ? { ...cls, host } : null;
}

/** Connection states in netstat/ss lines: such a line shows a connection's two ends, not where anything listens. */
const CONNECTION_STATE = /\b(?:ESTAB(?:LISHED)?|(?:TIME|CLOSE|FIN)[_-]WAIT(?:[_-]?[12])?|SYN[_-](?:SENT|RECV?)|LAST[_-]ACK|CLOSING)\b/;
/** How far along its line a mention looks for a connection state. */
const LINE_REACH = 300;

function onConnectionLine(reader: PublishReader, start: number, end: number): boolean {
  const line = reader.lineAt(start);
  return CONNECTION_STATE.test(reader.text.slice(Math.max(line.start, start - LINE_REACH), Math.min(line.end, end + LINE_REACH)));
}

/**
 * The exposure of a detected mention, reading the text around it (through
 * the text's one `PublishReader`) for a container publish; none on a
 * netstat/ss connection line (ESTABLISHED, TIME_WAIT…), where the addresses
 * are a connection's ends.
 */
export function mentionExposure(reader: PublishReader, mention: { start: number; end: number; host?: string }): Exposure | null {
  if (mention.host !== undefined && onConnectionLine(reader, mention.start, mention.end)) return null;
  return exposureOf(mention.host, reader.at(mention.start, mention.end));
}

/** What a text said about where a port listens: enough to rebuild its exposure elsewhere (the details page's address). */
export interface ExposurePlace {
  host?: string;
  publish?: PublishContext;
}

export function placeOf(e: Exposure): ExposurePlace {
  if (e.publish) return { publish: e.publish };
  return e.host !== undefined ? { host: e.host } : {};
}

/** How loudly the exposure line speaks, from the exposure and the port's risk. */
export type ExposureTone = 'danger' | 'warning' | 'caution' | 'calm';

const TONES: readonly ExposureTone[] = ['calm', 'caution', 'warning', 'danger'];

/**
 * Does the engine open published ports with its own NAT rules, ahead of the
 * host firewall's? Docker's daemon does (and a publish that names no engine
 * is read as Docker's, the usual one), and so does nerdctl as root through
 * CNI's portmap; rootless Podman, its default, listens through an ordinary
 * socket the host firewall filters.
 */
export function publishPassesHostFirewall(p: PublishContext): boolean {
  return p.engine !== 'podman';
}

/**
 * Exposure × risk: a critical-risk port open to other machines is danger, a
 * high-risk one a warning; a local network halves that; this machine only is
 * calm. A publish past the host firewall (Docker's, nerdctl's) on other
 * interfaces goes one step up.
 */
export function exposureTone(exposure: Exposure, risk: RiskLevel | undefined): ExposureTone {
  if (exposure.scope === 'this-machine') return 'calm';
  const r = risk === undefined ? 0 : RISK_LEVELS.indexOf(risk); // info 0 … critical 4
  let step = r >= 4 ? 3 : r === 3 ? 2 : r === 2 ? 1 : 0;
  if (exposure.scope === 'local-network') step = Math.max(0, step - 1);
  if (exposure.publish && publishPassesHostFirewall(exposure.publish) && r >= 1) step += 1;
  return TONES[Math.min(step, TONES.length - 1)]!;
}

/**
 * Higher for what deserves attention first: reach beyond this machine times
 * the port's risk, so a critical port on every interface leads and anything
 * bound to loopback trails (ordered by risk among itself).
 */
export function attentionScore(exposure: Exposure | null | undefined, risk: RiskLevel | undefined): number {
  let reach = !exposure ? 1 : exposure.scope === 'this-machine' ? 0 : exposure.scope === 'local-network' ? 2 : 3;
  if (exposure?.publish && publishPassesHostFirewall(exposure.publish) && reach > 0) reach++;
  const r = risk === undefined ? 0 : RISK_LEVELS.indexOf(risk);
  return reach * (r + 1) * 10 + r;
}

// ---------------------------------------------------------------------------
// Words, as message codes (lib/ui-text.ts); the views translate them.

const SCOPE_TEXT: Record<ExposureScope, UiTextCode> = {
  'every-interface': 'exposure.scope.everyInterface',
  'this-machine': 'exposure.scope.thisMachine',
  'local-network': 'exposure.scope.localNetwork',
  internet: 'exposure.scope.internet',
};

const RANGE_TEXT: Record<AddressRange, UiTextCode> = {
  unspecified: 'exposure.range.unspecified',
  loopback: 'exposure.range.loopback',
  private: 'exposure.range.private',
  'unique-local': 'exposure.range.uniqueLocal',
  'site-local': 'exposure.range.siteLocal',
  'link-local': 'exposure.range.linkLocal',
  shared: 'exposure.range.shared',
  public: 'exposure.range.public',
};

/** Who can reach it, in a few words: "Every interface". */
export const scopeText = (scope: ExposureScope): UiText => uiText(SCOPE_TEXT[scope]);

const ENGINE_NAME: Record<ContainerEngine, string> = { docker: 'Docker', podman: 'Podman', nerdctl: 'nerdctl' };

/** How the engine's publish gets past (or not) the host firewall, in a sentence. */
const FIREWALL_TEXT: Record<ContainerEngine, UiTextCode> = {
  docker: 'exposure.firewall.docker',
  podman: 'exposure.firewall.podman',
  nerdctl: 'exposure.firewall.nerdctl',
};

/** The engine of a publish by name; one that names none is read as Docker's. */
const engineName = (p: PublishContext): string => ENGINE_NAME[p.engine ?? 'docker'];

/** A short label for lists and exports: `Every interface (0.0.0.0)`, `Every interface (Docker publish)`. */
export function reachLabel(e: Exposure): UiText {
  const scope = scopeText(e.scope);
  if (e.host !== undefined) return e.publish ? uiText('exposure.reach.hostPublish', { scope, host: e.host, engine: engineName(e.publish) }) : uiText('exposure.reach.host', { scope, host: e.host });
  return e.publish ? uiText('exposure.reach.publish', { scope, engine: engineName(e.publish) }) : scope;
}

/**
 * The fix for a publish on other interfaces: the same map bound to
 * 127.0.0.1 (`-p 127.0.0.1:8080:80`, a quoted compose item), or for a
 * compose long-syntax item the key to add.
 */
export function localPublishFix(p: PublishContext): string {
  if (p.source === 'compose-long') return 'host_ip: 127.0.0.1';
  const map = `127.0.0.1:${p.hostSpec}:${p.containerSpec}`;
  return p.source === 'compose' ? `"${map}"` : `-p ${map}`;
}

const FIX_LEAD: Record<PublishContext['source'], UiTextCode> = {
  run: 'exposure.fix.publish',
  compose: 'exposure.fix.publish',
  'compose-long': 'exposure.fix.hostIp',
  ps: 'exposure.fix.start',
};

/** One line for the card and the details page: headline, explanation and, when there is one, the fix. */
export interface ExposureWords {
  headline: UiText;
  detail: UiText;
  /** `lead` in words, then `code` to type. */
  fix?: { lead: UiText; code: string };
}

export function exposureWords(e: Exposure): ExposureWords {
  const headline = scopeText(e.scope);
  const range = uiText(RANGE_TEXT[e.range]);
  const p = e.publish;
  if (p) {
    const where = p.side === 'container' && p.containerSpec !== p.hostSpec ? uiText('exposure.publish.mapped', { container: p.containerSpec, host: p.hostSpec }) : uiText('exposure.publish.fromContainer');
    if (e.scope === 'this-machine') return { headline, detail: uiText('exposure.publish.thisMachine', { where, host: e.host ?? '127.0.0.1' }) };
    const firewall = uiText(FIREWALL_TEXT[p.engine ?? 'docker']);
    return {
      headline,
      detail: e.scope === 'every-interface' ? uiText('exposure.publish.everyInterface', { where, firewall }) : uiText('exposure.publish.at', { where, host: e.host ?? '', range, firewall }),
      fix: { lead: uiText(FIX_LEAD[p.source]), code: localPublishFix(p) },
    };
  }
  const host = e.host ?? '';
  switch (e.scope) {
    case 'every-interface':
      return { headline, detail: e.host && e.host !== '*' ? uiText('exposure.detail.everyInterfaceAt', { host }) : uiText('exposure.detail.everyInterface') };
    case 'this-machine':
      return { headline, detail: uiText('exposure.detail.thisMachine', { host, range }) };
    case 'local-network':
      return { headline, detail: uiText('exposure.detail.localNetwork', { host, range }) };
    case 'internet':
      return { headline, detail: uiText('exposure.detail.internet', { host, range }) };
  }
}
