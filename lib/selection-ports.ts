// The ports a reader meant when they selected text and asked "Explain this
// port". The detector decides first; a selection that is nothing but a port
// (`139`, `:139`, `135-139`, `53/udp`) counts too, since selecting it is intent
// enough even without the words around it.
import { PROTOCOLS, isValidPort, type Protocol } from './types.ts';

export interface SelectedPort {
  port: number;
  endPort?: number;
  protocol?: Protocol;
}

interface MentionLike {
  port: number;
  endPort?: number;
  protocol?: string;
}

const BARE = /^\s*:?(\d{1,5})(?:\s*[-–]\s*(\d{1,5}))?(?:\s*\/\s*([a-z]+))?\s*$/i;

function asProtocol(p: string | undefined): Protocol | undefined {
  const lower = p?.toLowerCase();
  return (PROTOCOLS as readonly string[]).includes(lower ?? '') ? (lower as Protocol) : undefined;
}

/** Ports in a selection (`detected`: the detector's mentions in `text`), first occurrence first, each port (or range) once. */
export function portsInSelection(text: string, detected: readonly MentionLike[]): SelectedPort[] {
  let found: SelectedPort[] = detected.map((m) => {
    const s: SelectedPort = { port: m.port };
    if (m.endPort !== undefined && m.endPort !== m.port) s.endPort = m.endPort;
    const protocol = asProtocol(m.protocol);
    if (protocol) s.protocol = protocol;
    return s;
  });
  if (found.length === 0) {
    const bare = BARE.exec(text);
    if (bare) {
      const port = Number(bare[1]);
      const end = bare[2] !== undefined ? Number(bare[2]) : undefined;
      const protocol = asProtocol(bare[3]);
      if (isValidPort(port) && (end === undefined || (isValidPort(end) && end >= port)) && (bare[3] === undefined || protocol)) {
        const s: SelectedPort = { port };
        if (end !== undefined && end !== port) s.endPort = end;
        if (protocol) s.protocol = protocol;
        found = [s];
      }
    }
  }
  const seen = new Set<string>();
  return found.filter((s) => {
    const key = `${s.port}-${s.endPort ?? s.port}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The explicit port of a link (`http://host:8080/`), or null when it has none. */
export function explicitPortOfUrl(url: string): number | null {
  try {
    const u = new URL(url);
    // URL drops a default port (":80" on http), so read it from the text too.
    if (u.port) return Number(u.port);
    const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/@]*@)?(?:\[[^\]]*\]|[^/:?#]*):(\d{1,5})(?:[/?#]|$)/i.exec(url);
    return m && isValidPort(Number(m[1])) ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The port a URL scheme uses when a link names none (the URL Standard's special schemes). */
const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443, 'ftp:': 21 };

/** What a link says about its port: one it names, the one its scheme implies, or none at all (`mailto:`). */
export type LinkPort = { kind: 'explicit'; port: number } | { kind: 'implied'; port: number; scheme: string } | { kind: 'none' };

export function linkPortOf(url: string): LinkPort {
  const explicit = explicitPortOfUrl(url);
  if (explicit !== null) return { kind: 'explicit', port: explicit };
  try {
    const { protocol } = new URL(url);
    const port = Object.hasOwn(DEFAULT_PORTS, protocol) ? DEFAULT_PORTS[protocol] : undefined;
    return port === undefined ? { kind: 'none' } : { kind: 'implied', port, scheme: protocol.slice(0, -1) };
  } catch {
    return { kind: 'none' };
  }
}
