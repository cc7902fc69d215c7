// Paths of Porthole's own pages, shared by everything that links to them.
import type { ExposurePlace } from './exposure.ts';

/**
 * The details page for a port or range: `/details.html?port=139&proto=tcp`;
 * with the place a mention gave, `&at=0.0.0.0`, or for a container publish
 * `&pub=run&side=host&hp=5432&cp=5432` (and `at` for its host IP, `eng`
 * for the engine its command named).
 */
export function detailsUrl(port: number, endPort?: number, protocol?: string, place?: ExposurePlace): `/details.html?${string}` {
  const params = new URLSearchParams({ port: String(port) });
  if (endPort !== undefined && endPort !== port) params.set('end', String(endPort));
  if (protocol) params.set('proto', protocol);
  const publish = place?.publish;
  const at = publish ? publish.hostIp : place?.host;
  if (at !== undefined) params.set('at', at);
  if (publish) {
    params.set('pub', publish.source);
    params.set('side', publish.side);
    params.set('hp', publish.hostSpec);
    params.set('cp', publish.containerSpec);
    if (publish.engine) params.set('eng', publish.engine);
  }
  return `/details.html?${params.toString()}`;
}
