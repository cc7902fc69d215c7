// Paths of Porthole's own pages, shared by everything that links to them.

/** The details page for a port or range: `/details.html?port=139&proto=tcp`. */
export function detailsUrl(port: number, endPort?: number, protocol?: string): `/details.html?${string}` {
  const params = new URLSearchParams({ port: String(port) });
  if (endPort !== undefined && endPort !== port) params.set('end', String(endPort));
  if (protocol) params.set('proto', protocol);
  return `/details.html?${params.toString()}`;
}
