// Reads the details page's address (see detailsUrl in urls.ts): port, end, proto.
import { isProtocol } from './iana.ts';
import { isValidPort, type Protocol } from './types.ts';

export interface DetailsParams {
  port: number;
  endPort?: number;
  protocol?: Protocol;
}

export function parseDetailsParams(params: URLSearchParams): { ok: true; target: DetailsParams } | { ok: false; reason: string } {
  const raw = params.get('port');
  if (raw === null || !/^\d{1,5}$/.test(raw)) return { ok: false, reason: 'The address names no port.' };
  const port = Number(raw);
  if (!isValidPort(port)) return { ok: false, reason: `${raw} is not a port: ports go from 0 to 65535.` };
  const target: DetailsParams = { port };
  const end = params.get('end');
  if (end !== null) {
    const endPort = Number(end);
    if (!/^\d{1,5}$/.test(end) || !isValidPort(endPort) || endPort < port) return { ok: false, reason: `${end} is not a valid end for a range starting at ${port}.` };
    if (endPort > port) target.endPort = endPort;
  }
  const proto = params.get('proto')?.toLowerCase();
  if (proto && isProtocol(proto)) target.protocol = proto;
  return { ok: true, target };
}
