// What the organisation sets through browser policy: its port definitions
// (read-only), the sites where Porthole is off, and each policy entry that
// was skipped with the reason. Follows policy changes while open.
import { useEffect, useState } from 'preact/hooks';
import type { ManagedPolicy } from '@/lib/managed';
import { errorText, formatNumber, say, t } from '@/utils/i18n';
import type { OptionsApi } from './api';
import { DefinitionHead, Section } from './common';

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
  if (!policy) return <p class="empty">{t('common.loading')}</p>;
  const { records, disabledSites, problems } = policy;
  const none = records.length === 0 && disabledSites.length === 0 && problems.length === 0;
  // An entry with several reasons is listed once per reason and counted once.
  const skipped = new Set(problems.map((p) => p.where)).size;
  return (
    <>
      <Section
        title={t('options.managed.title')}
        intro={t('options.managed.intro')}
      >
        {none ? (
          <p class="empty">{t('options.managed.none')}</p>
        ) : records.length === 0 ? (
          <p class="empty">{t('options.managed.noDefinitions')}</p>
        ) : (
          <ul class="items" aria-label={t('options.managed.listLabel')}>
            {records.map((r) => (
              <li key={r.id} class="item">
                <DefinitionHead
                  record={r}
                  detailsHref={api.detailsHref(r.port, r.endPort)}
                  badge={<span class="badge badge-managed">{r.team ? t('options.managed.badgeTeam', { team: r.team }) : t('options.managed.badge')}</span>}
                />
                <p class="note-text">{r.summary}</p>
                {r.notes && <p class="meta">{r.notes}</p>}
              </li>
            ))}
          </ul>
        )}
      </Section>
      {disabledSites.length > 0 && (
        <Section title={t('options.managed.sitesTitle')} intro={t('options.managed.sitesIntro')}>
          <ul class="items" aria-label={t('options.managed.sitesLabel')}>
            {disabledSites.map((s) => (
              <li key={s} class="item mono" dir="ltr">
                {s}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {problems.length > 0 && (
        <Section title={t('options.managed.problemsTitle')} intro={t('options.managed.problemsIntro')}>
          <div class="problems" role="alert">
            <p class="problems-title">
              {t('options.managed.skipped', skipped, { count: formatNumber(skipped) })}
            </p>
            <ul aria-label={t('options.managed.problemsTitle')}>
              {problems.map((p, i) => (
                <li key={i}>
                  <span class="mono" dir="ltr">
                    {p.where}
                  </span>
                  : {say(p.text)}
                </li>
              ))}
            </ul>
          </div>
        </Section>
      )}
    </>
  );
}
