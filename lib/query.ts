// Parses what a user types into the popup or the address bar.
import { isProtocol } from './iana.ts';
import { isValidPort, type Protocol } from './types.ts';

export type PortQuery =
  | { kind: 'empty' }
  | { kind: 'port'; port: number; protocol?: Protocol }
  | { kind: 'range'; port: number; endPort: number; protocol?: Protocol }
  | { kind: 'text'; text: string }
  | { kind: 'invalid'; text: string; problem: QueryProblem };

/** Why typed text is not a port or range; the views put it in words. */
export type QueryProblem = { code: 'outOfRange' } | { code: 'reversed'; suggestion: string } | { code: 'notAPort'; port: number };

const DASHES = /[\u2010-\u2015\u2212]/g;
const PORT_FORMS = [
  // 53/udp, 53 udp
  /^(\d{1,6})\s*[/ ]\s*(tcp|udp|sctp|dccp)$/i,
  // udp/53, udp 53, udp:53
  /^(tcp|udp|sctp|dccp)\s*[/: ]\s*(\d{1,6})$/i,
];
const RANGE = /^(\d{1,6})\s*(?:-|:|\.\.|to|through)\s*(\d{1,6})(?:\s*\/\s*(tcp|udp|sctp|dccp))?$/i;
// localhost:8080, [::1]:22, :8080, port 22
const HOST_PORT = /^(?:\[[0-9a-f:.]+\]|[\w.-]*|port)[: ]\s*(\d{1,6})$/i;
// "port 22", "ports 135-139", "port: 53/udp": the word adds nothing.
const PORT_WORD = /^ports?\s*:?\s+(?=\d)/i;
// http://localhost:8080/path, postgres://db:5432/app
const URL_FORM = /^[a-z][a-z0-9+.-]*:\/\/[^\s/]*:(\d{1,6})(?:[/?#]\S*)?$/i;

export function parseQuery(input: string): PortQuery {
  const text = input.replace(DASHES, '-').replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'empty' };
  if (/^\d+$/.test(text)) return portQuery(text, Number(text));
  const url = URL_FORM.exec(text);
  if (url) return portQuery(text, Number(url[1]));
  const bare = text.replace(PORT_WORD, '');
  if (bare !== text) {
    const inner = parseQuery(bare);
    if (inner.kind === 'port' || inner.kind === 'range' || inner.kind === 'invalid') return inner;
  }
  // "139-" or "6000:" while the end of a range is still being typed.
  const open = /^(\d{1,6})\s*(?:-|:|\.\.)$/.exec(text);
  if (open) return portQuery(text, Number(open[1]));

  for (const [i, form] of PORT_FORMS.entries()) {
    const m = form.exec(text);
    if (!m) continue;
    const [num, proto] = i === 0 ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    return portQuery(text, Number(num), proto.toLowerCase());
  }
  const range = RANGE.exec(text);
  if (range) {
    const port = Number(range[1]);
    const endPort = Number(range[2]);
    if (!isValidPort(port) || !isValidPort(endPort)) return { kind: 'invalid', text, problem: { code: 'outOfRange' } };
    if (endPort < port) return { kind: 'invalid', text, problem: { code: 'reversed', suggestion: `${endPort}-${port}` } };
    const protocol = range[3]?.toLowerCase();
    if (port === endPort) return portQuery(text, port, protocol);
    return { kind: 'range', port, endPort, ...(protocol && isProtocol(protocol) ? { protocol } : {}) };
  }
  const hostPort = HOST_PORT.exec(text);
  if (hostPort) return portQuery(text, Number(hostPort[1]));
  return { kind: 'text', text };
}

function portQuery(text: string, port: number, protocol?: string): PortQuery {
  if (!isValidPort(port)) return { kind: 'invalid', text, problem: { code: 'notAPort', port } };
  return protocol && isProtocol(protocol) ? { kind: 'port', port, protocol } : { kind: 'port', port };
}
