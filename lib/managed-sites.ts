// Sites where the organisation's policy turns Porthole off. Kept apart from
// the rest of the policy so content scripts read it without the definitions'
// validation code.
import { uiText, type UiText } from './ui-text.ts';

export interface SiteProblem {
  where: string;
  text: UiText;
}

// Labels of letters, digits and hyphens joined by single dots: linear.
const HOSTNAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** A host name as the site switch compares it (lower case, no `www.`, no `*.`), or why it is not one. */
export function normaliseSite(value: unknown): { site: string } | { problem: UiText } {
  if (typeof value !== 'string') return { problem: uiText('managed.site.notText', { type: value === null ? 'null' : typeof value }) };
  const text = value.trim().toLowerCase();
  if (text.includes('://')) return { problem: uiText('managed.site.address', { value: `"${text.slice(0, 60)}"` }) };
  const site = text.replace(/^\*\./, '').replace(/^www\./, '');
  if (site.length === 0 || site.length > 253 || !HOSTNAME.test(site)) return { problem: uiText('managed.site.notHost', { value: `"${text.slice(0, 60)}"` }) };
  return { site };
}

/** The policy's `disabledSites`, checked: the good ones, and a reason for each skipped one. */
export function managedSitesOf(policy: unknown): { sites: string[]; problems: SiteProblem[] } {
  const list = policy !== null && typeof policy === 'object' ? (policy as { disabledSites?: unknown }).disabledSites : undefined;
  if (list === undefined) return { sites: [], problems: [] };
  if (!Array.isArray(list)) return { sites: [], problems: [{ where: 'disabledSites', text: uiText('managed.sitesNotList') }] };
  const sites = new Set<string>();
  const problems: SiteProblem[] = [];
  list.forEach((item, i) => {
    const checked = normaliseSite(item);
    if ('problem' in checked) problems.push({ where: `disabledSites[${i}]`, text: checked.problem });
    else sites.add(checked.site);
  });
  return { sites: [...sites].sort(), problems };
}
