// Sites where the organisation's policy turns Porthole off. Kept apart from
// the rest of the policy so content scripts read it without the definitions'
// validation code.

export interface SiteProblem {
  where: string;
  message: string;
}

// Labels of letters, digits and hyphens joined by single dots: linear.
const HOSTNAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** A host name as the site switch compares it (lower case, no `www.`, no `*.`), or why it is not one. */
export function normaliseSite(value: unknown): { site: string } | { problem: string } {
  if (typeof value !== 'string') return { problem: `must be a host name such as "example.com", not ${value === null ? 'null' : typeof value}.` };
  const text = value.trim().toLowerCase();
  if (text.includes('://')) return { problem: `"${text.slice(0, 60)}" is an address; give its host name only (such as "example.com").` };
  const site = text.replace(/^\*\./, '').replace(/^www\./, '');
  if (site.length === 0 || site.length > 253 || !HOSTNAME.test(site)) return { problem: `"${text.slice(0, 60)}" is not a host name such as "example.com".` };
  return { site };
}

/** The policy's `disabledSites`, checked: the good ones, and a reason for each skipped one. */
export function managedSitesOf(policy: unknown): { sites: string[]; problems: SiteProblem[] } {
  const list = policy !== null && typeof policy === 'object' ? (policy as { disabledSites?: unknown }).disabledSites : undefined;
  if (list === undefined) return { sites: [], problems: [] };
  if (!Array.isArray(list)) return { sites: [], problems: [{ where: 'disabledSites', message: 'must be a list of host names.' }] };
  const sites = new Set<string>();
  const problems: SiteProblem[] = [];
  list.forEach((item, i) => {
    const checked = normaliseSite(item);
    if ('problem' in checked) problems.push({ where: `disabledSites[${i}]`, message: checked.problem });
    else sites.add(checked.site);
  });
  return { sites: [...sites].sort(), problems };
}
