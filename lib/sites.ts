// Sites as the per-site switch names them. Kept apart from settings.ts (and
// its validation library) because the content-script loader, which must stay
// a few KB, checks the switch before anything else loads.

/** The hostname a site switch applies to (`www.` is the same site). */
export function siteOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'file:') return null;
    return hostname.replace(/^www\./, '') || (protocol === 'file:' ? 'file' : null);
  } catch {
    return null;
  }
}

/** Is the page's site (or a site it is a subdomain of) in the list? */
export function isSiteListed(sites: readonly string[], url: string): boolean {
  const site = siteOf(url);
  return site !== null && sites.some((s) => site === s || site.endsWith(`.${s}`));
}
