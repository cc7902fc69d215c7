// Binds the popup's view to the browser: the background and the active tab's
// content script (through Porthole's typed clients), the site settings and
// the clipboard.
//
// Permissions: none beyond the manifest's. tabs.query gives the active tab's
// id without `tabs`; its URL comes with `activeTab` (granted when the user
// opens the popup) or, failing that, from the content script's own reply.
// tabs.sendMessage to our content script needs no permission; injecting it
// into a tab opened before Porthole was installed uses `scripting`.
import { browser } from 'wxt/browser';
import { pick, type FrameMentions } from '@/lib/messages';
import { inPageOrder } from '@/lib/page-mentions';
import { isSiteDisabled, isSiteListed, siteOf, withSite } from '@/lib/settings';
import { detailsUrl } from '@/lib/urls';
import type { PageFrameView, PagePortView, PagePortsState } from '@/components/page/PagePorts';
import type { PopupApi, SiteState } from '@/components/popup/Popup';
import { collectFrameMentions, contentApi } from './content-script';
import { describePorts } from './describe-ports';
import { ltr, t } from './i18n';
import { portApi } from './port-api';
import { loadManagedSites, loadSettings, saveSettings } from './settings-store';

const extensionUrl = browser.runtime.getURL as (path: string) => string;
const PAGE_TIMEOUT_MS = 2500;

interface TargetTab {
  id: number;
  url?: string;
}

/** The tab the popup describes: `?tab=ID` when given (the popup opened as a page), else the active tab. */
async function targetTab(params: URLSearchParams): Promise<TargetTab | null> {
  const fromQuery = Number(params.get('tab'));
  if (params.has('tab') && Number.isInteger(fromQuery) && fromQuery >= 0) {
    const tab = await browser.tabs.get(fromQuery).catch(() => null);
    return tab ? { id: fromQuery, ...(tab.url ? { url: tab.url } : {}) } : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, ...(tab.url ? { url: tab.url } : {}) } : null;
}

/** Why a tab has no list, in words a user can act on. */
export function unavailableReason(url: string | undefined): string {
  if (url && /^(chrome|edge|brave|opera|vivaldi|about|chrome-extension|moz-extension|view-source|devtools):/i.test(url)) {
    return t('popup.browserPage');
  }
  if (url && /^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore|addons\.mozilla\.org)\//i.test(url)) {
    return t('popup.storePage');
  }
  return t('popup.cannotRead');
}

export function createPopupApi(params: URLSearchParams): PopupApi {
  const asPage = params.has('tab');
  const tabPromise = targetTab(params).catch(() => null);
  const close = () => {
    if (!asPage) window.close();
  };

  const api: PopupApi = {
    ...pick(portApi, 'search', 'lookup', 'lookupRange', 'setNote'),
    describePorts,

    pageContext: async () => {
      const tab = await tabPromise;
      if (!tab) return { ports: { kind: 'unavailable', reason: t('popup.noTab') }, site: { kind: 'none' } };
      const [settings, managedSites] = await Promise.all([loadSettings(), loadManagedSites()]);
      const siteState = (url: string | undefined): SiteState => {
        const site = url ? siteOf(url) : null;
        if (!site) return { kind: 'none' };
        if (isSiteListed(managedSites, url!)) return { kind: 'site', site, enabled: false, byOrganisation: true };
        return { kind: 'site', site, enabled: !isSiteDisabled(settings, url!) };
      };
      // Every frame's part; where the top frame does not answer (a tab open since before Porthole was installed), start it there.
      let frames = await collectFrameMentions(tab.id);
      let mentions = frames.find((f) => f.path.length === 0);
      try {
        if (!mentions) {
          mentions = await contentApi(tab.id, { timeoutMs: PAGE_TIMEOUT_MS }).pageMentions();
          // The iframes that did answer keep their parts (the top frame may just have been slow).
          frames = [mentions, ...frames];
        }
      } catch {
        const site = siteState(tab.url);
        const reason =
          site.kind === 'site' && site.byOrganisation
            ? t('popup.orgOffOnSite', { site: ltr(site.site) })
            : site.kind === 'site' && !site.enabled
            ? t('popup.offOnSite', { site: ltr(site.site) })
            : unavailableReason(tab.url);
        return { ports: { kind: 'unavailable', reason }, site };
      }
      const site = siteState(tab.url ?? mentions.url);
      // The page's iframes with mentions, each its own part (a cross-origin frame has its own site switch).
      const inFrames = inPageOrder(frames).filter((f) => f !== mentions && f.total > 0);
      if (site.kind === 'site' && !site.enabled && mentions.groups.length === 0 && inFrames.length === 0) {
        return { ports: { kind: 'unavailable', reason: t('popup.offOnSite', { site: ltr(site.site) }) }, site };
      }
      // One lookup per port, shared by the frames that mention it.
      const gists = await describePorts([mentions, ...inFrames].flatMap((f) => f.groups.map((g) => g.port)));
      const rowsOf = (f: FrameMentions, frame?: string) => f.groups.map((g): PagePortView => ({ ...g, ...gists.get(g.port), ...(frame ? { frame } : {}) }));
      const rows = rowsOf(mentions);
      const frameViews = inFrames.map((f): PageFrameView => ({ key: f.frame, url: f.url, title: f.title, rows: rowsOf(f, f.frame), total: f.total }));
      const ports: PagePortsState = { kind: 'ready', url: mentions.url, title: mentions.title, rows, total: mentions.total, frames: frameViews };
      return { ports, site };
    },

    setSiteEnabled: async (site, enabled) => {
      await saveSettings(withSite(await loadSettings(), site, enabled));
    },

    reveal: async (row) => {
      const tab = await tabPromise;
      if (!tab) return;
      await contentApi(tab.id, { timeoutMs: PAGE_TIMEOUT_MS })
        .revealMention({
          port: row.port,
          ...(row.endPort !== undefined && row.endPort !== row.port ? { endPort: row.endPort } : {}),
          ...(row.frame ? { frame: row.frame } : {}),
        })
        .catch(() => false);
      if (asPage) await browser.tabs.update(tab.id, { active: true }).catch(() => undefined);
      close();
    },

    detailsHref: (port, endPort, protocol) => extensionUrl(detailsUrl(port, endPort, protocol)),
    openDetailsPage: (port, endPort, protocol) => {
      void portApi.openDetails({ port, endPort, protocol }).then(close);
    },
    copy: (text) => navigator.clipboard.writeText(text),
  };
  return api;
}
