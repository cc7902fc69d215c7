// What the organisation sets through browser policy: its port definitions
// (read-only), the sites where Porthole is off, and each policy entry that
// was skipped with the reason. Follows policy changes while open.
import { useEffect, useState } from 'preact/hooks';
import { RISK_LABEL, portLabel, protocolsLabel } from '@/lib/format';
import type { ManagedPolicy } from '@/lib/managed';
import type { OptionsApi } from './api';
import { Section, errorText } from './common';

export function ManagedView({ api }: { api: OptionsApi }) {
  const [policy, setPolicy] = useState<ManagedPolicy | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    const load = () =>
      api.managedPolicy().then(
        (p) => {
          setPolicy(p);
          setError('');
        },
        (err) => setError(errorText(err)),
      );
    void load();
    return api.watchManagedPolicy(() => void load());
  }, [api]);

  if (error) return <p class="status status-error" role="alert">{error}</p>;
  if (!policy) return <p class="empty">Loading…</p>;
  const { records, disabledSites, problems } = policy;
  const none = records.length === 0 && disabledSites.length === 0 && problems.length === 0;
  return (
    <>
      <Section
        title="From your organisation"
        intro="Port definitions and sites your organisation sets through browser policy. They show on cards, in search and on details pages, after your own definitions; they cannot be changed here."
      >
        {none ? (
          <p class="empty">Your organisation sets no Porthole policy in this browser.</p>
        ) : records.length === 0 ? (
          <p class="empty">The policy has no port definitions.</p>
        ) : (
          <ul class="items" aria-label="Ports from your organisation">
            {records.map((r) => (
              <li key={r.id} class="item">
                <div class="item-head">
                  <a class="port-chip" href={api.detailsHref(r.port, r.endPort)} target="_blank" rel="noopener">
                    {portLabel(r.port, r.endPort)}
                  </a>
                  <span class="proto">{protocolsLabel(r.protocols)}</span>
                  <strong class="item-title">{r.title}</strong>
                  <span class="badge badge-managed">{r.team ? `Organisation: ${r.team}` : 'Organisation'}</span>
                  {r.security && <span class={`badge risk-${r.security.risk}`}>{RISK_LABEL[r.security.risk]}</span>}
                </div>
                <p class="note-text">{r.summary}</p>
                {r.notes && <p class="meta">{r.notes}</p>}
              </li>
            ))}
          </ul>
        )}
      </Section>
      {disabledSites.length > 0 && (
        <Section title="Sites where your organisation turns Porthole off" intro="Porthole does nothing on these sites or their subdomains.">
          <ul class="items" aria-label="Sites turned off by your organisation">
            {disabledSites.map((s) => (
              <li key={s} class="item mono">
                {s}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {problems.length > 0 && (
        <Section title="Skipped policy entries" intro="These entries of the policy could not be used; everything else in it is in effect. Tell whoever manages your browsers.">
          <div class="problems" role="alert">
            <p class="problems-title">
              {problems.length === 1 ? '1 entry was skipped' : `${problems.length} entries were skipped`}
            </p>
            <ul aria-label="Skipped policy entries">
              {problems.map((p, i) => (
                <li key={i}>
                  <span class="mono">{p.where}</span>: {p.message}
                </li>
              ))}
            </ul>
          </div>
        </Section>
      )}
    </>
  );
}
