// The popup: quick search, details of a port, the ports on the current page
// and the site switch. Everything it needs from the browser comes in `api`.
import { useEffect, useState } from 'preact/hooks';
import { portLabel } from '@/lib/format';
import type { PortApi } from '@/lib/messages';
import type { SearchHit } from '@/lib/search';
import type { Protocol } from '@/lib/types';
import { PortDetails } from '../details/PortDetails';
import type { CopyFn } from '../details/parts';
import { useDetails, type DetailsSource, type DetailsTarget } from '../details/useDetails';
import { PagePorts, type PagePortView, type PagePortsState } from '../page/PagePorts';
import { PasteExplain, type PasteExplainProps } from '../paste/PasteExplain';
import { QuickSearch } from '../search/QuickSearch';
import { errorText, ltr, t } from '@/utils/i18n';

/** `byOrganisation`: the organisation's policy turned Porthole off there; the switch is locked. */
export type SiteState = { kind: 'none' } | { kind: 'site'; site: string; enabled: boolean; byOrganisation?: boolean };

/** Results the quick search shows at most. */
const SEARCH_LIMIT = 30;

export interface PopupApi extends DetailsSource, Pick<PortApi, 'search' | 'setNote'> {
  /** The active tab's mentions and its site. */
  pageContext: () => Promise<{ ports: PagePortsState; site: SiteState }>;
  setSiteEnabled: (site: string, enabled: boolean) => Promise<void>;
  reveal: (row: PagePortView) => Promise<void>;
  detailsHref: (port: number, endPort?: number, protocol?: Protocol) => string;
  openDetailsPage: (port: number, endPort?: number, protocol?: Protocol) => void;
  copy: CopyFn;
  describePorts: PasteExplainProps['describePorts'];
}

export function Popup({ api }: { api: PopupApi }) {
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<DetailsTarget | null>(null);
  const [page, setPage] = useState<PagePortsState>({ kind: 'loading' });
  const [site, setSite] = useState<SiteState>({ kind: 'none' });
  const [siteError, setSiteError] = useState('');
  const { content, portNames } = useDetails(api, target);

  useEffect(() => {
    api.pageContext().then(
      (ctx) => {
        setPage(ctx.ports);
        setSite(ctx.site);
      },
      (err: unknown) => setPage({ kind: 'unavailable', reason: errorText(err) }),
    );
  }, []);

  const open = (hit: SearchHit, q: string) => {
    const protocol = /\/(tcp|udp|sctp|dccp)\b/i.exec(q)?.[1]?.toLowerCase() as Protocol | undefined;
    setTarget({ port: hit.port, ...(hit.endPort !== hit.port ? { endPort: hit.endPort } : {}), ...(protocol ? { protocol } : {}) });
  };

  const toggleSite = async () => {
    if (site.kind !== 'site') return;
    const enabled = !site.enabled;
    setSite({ ...site, enabled });
    try {
      await api.setSiteEnabled(site.site, enabled);
      setSiteError('');
    } catch (err) {
      setSite({ ...site });
      setSiteError(errorText(err));
    }
  };

  return (
    <div class="popup">
      <header class="topbar">
        <h1 class="brand">
          <img src="/icons/32.png" alt="" width={20} height={20} />
          <span>{t('manifest.name')}</span>
        </h1>
        {site.kind === 'site' && (
          <label class="switch" title={t('popup.siteSwitchTitle', { site: ltr(site.site) })}>
            <span class="switch-text">
              {site.byOrganisation ? t('popup.offByOrg', { site: ltr(site.site) }) : site.enabled ? t('popup.onFor', { site: ltr(site.site) }) : t('popup.offFor', { site: ltr(site.site) })}
            </span>
            <input type="checkbox" role="switch" checked={site.enabled} disabled={site.byOrganisation} onChange={toggleSite} aria-label={t('popup.switchLabel', { site: ltr(site.site) })} />
            <span class="switch-track" aria-hidden="true" />
          </label>
        )}
      </header>
      {siteError && (
        <p class="error" role="alert">
          {siteError}
        </p>
      )}

      <main class="popup-body">
        {target ? (
          <div class="popup-details">
            <div class="details-nav">
              <button type="button" class="link-button" onClick={() => setTarget(null)} autoFocus>
                {t('popup.back')}
              </button>
              <button type="button" class="link-button" onClick={() => api.openDetailsPage(target.port, target.endPort, target.protocol)}>
                {t('popup.openInTab', { port: ltr(portLabel(target.port, target.endPort)) })}
              </button>
            </div>
            {content && (
              <PortDetails
                content={content}
                portNames={portNames}
                hrefFor={(p, e) => api.detailsHref(p, e)}
                onOpenPort={(p, e) => setTarget({ port: p, ...(e !== undefined && e !== p ? { endPort: e } : {}) })}
                onSaveNote={(port, text) => api.setNote({ port, text })}
                copy={api.copy}
                level={2}
              />
            )}
          </div>
        ) : (
          <QuickSearch
            search={(q) => api.search({ query: q.slice(0, 200), limit: SEARCH_LIMIT })}
            onOpen={open}
            initialQuery={query}
            onQueryChange={setQuery}
            idle={
              <>
                {site.kind === 'site' && !site.enabled && (
                  <p class="callout">{site.byOrganisation ? t('popup.orgOffHere', { site: ltr(site.site) }) : t('popup.offHere', { site: ltr(site.site) })}</p>
                )}
                <PagePorts state={page} onReveal={(row) => void api.reveal(row)} copy={api.copy} />
                <PasteExplain describePorts={api.describePorts} copy={api.copy} />
              </>
            }
          />
        )}
      </main>
    </div>
  );
}
