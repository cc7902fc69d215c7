// Reads the details page's address (see detailsUrl in urls.ts): port, end, proto.
import { isProtocol } from './iana.ts';
import { isValidPort, type Protocol } from './types.ts';

export interface DetailsParams {
  port: number;
  endPort?: number;
  protocol?: Protocol;
}

/** Why the address cannot be shown; the details page puts it in words. */
export type DetailsProblem = { code: 'noPort' } | { code: 'notAPort'; port: string } | { code: 'badEnd'; port: number; end: string };

export function parseDetailsParams(params: URLSearchParams): { ok: true; target: DetailsParams } | { ok: false; problem: DetailsProblem } {
  const raw = params.get('port');
  if (raw === null || !/^\d{1,5}$/.test(raw)) return { ok: false, problem: { code: 'noPort' } };
  const port = Number(raw);
  if (!isValidPort(port)) return { ok: false, problem: { code: 'notAPort', port: raw } };
  const target: DetailsParams = { port };
  const end = params.get('end');
  if (end !== null) {
    const endPort = Number(end);
    if (!/^\d{1,5}$/.test(end) || !isValidPort(endPort) || endPort < port) return { ok: false, problem: { code: 'badEnd', port, end } };
    if (endPort > port) target.endPort = endPort;
  }
  const proto = params.get('proto')?.toLowerCase();
  if (proto && isProtocol(proto)) target.protocol = proto;
  return { ok: true, target };
}
