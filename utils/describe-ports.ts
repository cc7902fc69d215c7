// Service names and risks for a list of ports, from the background's
// database: what "ports on this page" and "paste to explain" show per row.
import { highestRisk, nameOf } from '@/lib/format';
import type { PortGist } from '@/lib/paste';
import { portApi } from './port-api';

/** Ports looked up at most per list; the rest show without a name. */
export const DESCRIBED_PORTS = 200;

async function describePort(port: number): Promise<PortGist> {
  const info = await portApi.lookup({ port });
  const service = nameOf(info);
  const risk = highestRisk(info.records);
  return { ...(service ? { service } : {}), ...(risk ? { risk } : {}) };
}

export async function describePorts(ports: number[]): Promise<Map<number, PortGist>> {
  const unique = [...new Set(ports)].slice(0, DESCRIBED_PORTS);
  const gists = await Promise.all(unique.map((p) => describePort(p).catch((): PortGist => ({}))));
  return new Map(unique.map((p, i) => [p, gists[i]!]));
}
