// Reads the details page's address (see detailsUrl in urls.ts): port, end, proto.
import { classifyAddress, exposureOf, type Exposure } from './exposure.ts';
import { isProtocol } from './iana.ts';
import { CONTAINER_ENGINES, type ContainerEngine, type PublishContext } from './publish-context.ts';
import { isValidPort, type Protocol } from './types.ts';

export interface DetailsParams {
  port: number;
  endPort?: number;
  protocol?: Protocol;
}

/** Why the address cannot be shown; the details page puts it in words. */
export type DetailsProblem = { code: 'noPort' } | { code: 'notAPort'; port: string } | { code: 'badEnd'; port: number; end: string };

const PORT_SPEC = /^\d{1,5}(?:-\d{1,5})?$/;
const SOURCES: readonly PublishContext['source'][] = ['run', 'compose', 'compose-long', 'ps'];
const SIDES: readonly PublishContext['side'][] = ['host', 'container'];

/** The exposure a mention gave (see detailsUrl); anything malformed means none. */
export function parseExposureParams(params: URLSearchParams): Exposure | null {
  const at = params.get('at') ?? undefined;
  if (at !== undefined && (at.length > 64 || !classifyAddress(at))) return null;
  const source = params.get('pub') as PublishContext['source'] | null;
  if (source === null) return exposureOf(at, null);
  const side = params.get('side') as PublishContext['side'] | null;
  const hostSpec = params.get('hp') ?? '';
  const containerSpec = params.get('cp') ?? '';
  const engine = params.get('eng') as ContainerEngine | null;
  if (!SOURCES.includes(source) || !side || !SIDES.includes(side) || !PORT_SPEC.test(hostSpec) || !PORT_SPEC.test(containerSpec)) return null;
  if (engine !== null && !CONTAINER_ENGINES.includes(engine)) return null;
  return exposureOf(undefined, { source, ...(engine !== null ? { engine } : {}), side, ...(at !== undefined ? { hostIp: at } : {}), hostSpec, containerSpec });
}

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
