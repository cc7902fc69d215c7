// Export the user's data; import notes and definitions (with a preview); import
// a newer IANA registry CSV.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { exportDefinitionsCsv, exportFileName, exportNotesCsv, exportUserJson } from '@/lib/export-user';
import { portLabel, protocolsLabel } from '@/lib/format';
import type { IanaImportInfo } from '@/lib/import/apply';
import type { IanaPreview, UserImportPreview } from '@/lib/import/diff';
import { MAX_IMPORT_MB } from '@/lib/import/limits';
import { errorText, formatDate, formatDateTime, formatNumber, t } from '@/utils/i18n';
import { richText } from '../rich-text';
import type { OptionsApi } from './api';
import { Section, StatusLine, TableScroll, type Status } from './common';
import { FileImport, useFileImport } from './FileImport';

export const IANA_CSV_URL = 'https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.csv';

export function ImportExportView({ api, ianaImport, onChanged }: { api: OptionsApi; ianaImport?: IanaImportInfo; onChanged: () => void }) {
  return (
    <>
      <ExportSection api={api} />
      <UserImportSection api={api} onChanged={onChanged} />
      <IanaImportSection api={api} ianaImport={ianaImport} onChanged={onChanged} />
    </>
  );
}

function ExportSection({ api }: { api: OptionsApi }) {
  const [status, setStatus] = useState<Status>(null);
  const run = async (kind: 'json' | 'notes' | 'definitions') => {
    try {
      const [notes, records] = await Promise.all([api.listNotes(), api.listUserRecords()]);
      if (kind === 'json') api.download(exportFileName('data', 'json'), 'application/json', exportUserJson(notes, records));
      if (kind === 'notes') api.download(exportFileName('notes', 'csv'), 'text/csv', exportNotesCsv(notes));
      if (kind === 'definitions') api.download(exportFileName('definitions', 'csv'), 'text/csv', exportDefinitionsCsv(records));
      const noteCount = t('options.io.noteCount', notes.length, { count: formatNumber(notes.length) });
      const portCount = t('options.io.portCount', records.length, { count: formatNumber(records.length) });
      const text = kind === 'json' ? t('options.io.exportedBoth', { notes: noteCount, ports: portCount }) : t('options.io.exported', { what: kind === 'notes' ? noteCount : portCount });
      setStatus({ kind: 'ok', text });
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <Section title={t('options.io.exportTitle')} intro={t('options.io.exportIntro')}>
      <div class="button-row">
        <button type="button" class="primary" onClick={() => void run('json')}>
          {t('options.io.everything')}
        </button>
        <button type="button" onClick={() => void run('notes')}>
          {t('options.io.notesCsv')}
        </button>
        <button type="button" onClick={() => void run('definitions')}>
          {t('options.io.portsCsv')}
        </button>
      </div>
      <StatusLine status={status} />
    </Section>
  );
}

function Counts({ label, counts }: { label: string; counts: { added: number; changed: number; unchanged: number } }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td class="num added">{formatNumber(counts.added)}</td>
      <td class="num changed">{formatNumber(counts.changed)}</td>
      <td class="num">{formatNumber(counts.unchanged)}</td>
    </tr>
  );
}

/** The rows an import changes, in a scrollable table whose first column is the kind of change. */
function ChangeTable({ label, columns, foot, children }: { label: string; columns: string[]; foot?: ComponentChildren; children: ComponentChildren }) {
  return (
    <TableScroll label={label}>
      <table class="changes">
        <caption class="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {[t('options.io.change'), ...columns].map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {foot}
    </TableScroll>
  );
}

type ChangeStatus = 'added' | 'changed' | 'removed' | 'unchanged';

const CHANGE_LABEL: Record<ChangeStatus, () => string> = {
  added: () => t('options.io.status.added'),
  changed: () => t('options.io.status.changed'),
  removed: () => t('options.io.status.removed'),
  unchanged: () => t('options.io.status.unchanged'),
};

function ChangeCell({ status }: { status: ChangeStatus }) {
  return (
    <td>
      <span class={`badge change-${status}`}>{CHANGE_LABEL[status]()}</span>
    </td>
  );
}

/** What a pack import is: a new pack, an update, or the version already installed. */
function PackHeader({ pack }: { pack: NonNullable<UserImportPreview['pack']> }) {
  const about = { name: pack.name, version: pack.version, author: pack.author };
  return (
    <div class="callout pack-header">
      <p>
        {pack.action === 'install'
          ? t('options.io.packInstall', about)
          : pack.action === 'update'
            ? t('options.io.packUpdate', { ...about, installed: pack.installed ?? '' })
            : t('options.io.packSame', about)}
      </p>
      {pack.description && <p class="meta">{pack.description}</p>}
    </div>
  );
}

function UserPreview({ preview }: { preview: UserImportPreview }) {
  const rows = [
    ...preview.definitionChanges.filter((c) => c.status !== 'unchanged').map((c) => ({ key: `d${c.key}`, status: c.status, what: t('options.io.kindPort'), port: c.key, text: `${c.entry.title} — ${c.entry.summary}`, before: c.previous ? `${c.previous.title} — ${c.previous.summary}` : undefined })),
    ...(preview.pack?.removed ?? []).map((r) => ({ key: `r${r.key}`, status: 'removed' as const, what: t('options.io.kindPort'), port: r.key, text: '', before: r.title })),
    ...preview.noteChanges.filter((c) => c.status !== 'unchanged').map((c) => ({ key: `n${c.port}`, status: c.status, what: t('options.io.kindNote'), port: String(c.port), text: c.text, before: c.previous })),
  ];
  return (
    <>
      {preview.pack && <PackHeader pack={preview.pack} />}
      <table class="counts">
        <caption class="visually-hidden">{t('options.io.whatChanges')}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('options.io.added')}</th>
            <th scope="col">{t('options.io.changed')}</th>
            <th scope="col">{t('options.io.unchanged')}</th>
          </tr>
        </thead>
        <tbody>
          <Counts label={preview.pack ? t('options.io.packPorts') : t('options.defs.title')} counts={preview.definitions} />
          {!preview.pack && <Counts label={t('options.io.notes')} counts={preview.notes} />}
        </tbody>
      </table>
      {rows.length > 0 ? (
        <ChangeTable
          label={t('options.io.rowsChange')}
          columns={[t('options.io.kind'), t('options.port'), t('options.io.newValue'), t('options.io.was')]}
          foot={rows.length > 200 && <p class="meta">{t('options.io.andMore', { count: formatNumber(rows.length - 200) })}</p>}
        >
          {rows.slice(0, 200).map((r) => (
            <tr key={r.key}>
              <ChangeCell status={r.status} />
              <td>{r.what}</td>
              <td class="mono" dir="ltr">
                {r.port}
              </td>
              <td class="clip">{r.text}</td>
              <td class="clip muted">{r.before ?? ''}</td>
            </tr>
          ))}
        </ChangeTable>
      ) : (
        <p class="meta">{t('options.io.nothingNew')}</p>
      )}
    </>
  );
}

function UserImportSection({ api, onChanged }: { api: OptionsApi; onChanged: () => void }) {
  const flow = useFileImport({ preview: api.previewImport, apply: api.applyImport, applying: t('options.io.importing'), onApplied: onChanged });
  return (
    <Section
      title={t('options.io.userTitle')}
      intro={richText(
        {
          notesColumns: <Columns names={['port', 'note']} />,
          portsColumns: <Columns names={['port', 'protocols', 'title', 'summary']} />,
          optionalColumns: <Columns names={['endPort', 'uses', 'risk', 'advice', 'related', 'commonness', 'references', 'keywords']} />,
        },
        (slots) => t('options.io.userIntro', slots),
      )}
    >
      <FileImport
        flow={flow}
        id="user-import-file"
        label={t('options.io.fileToImport')}
        accept=".json,.csv,application/json,text/csv"
        hint={t('options.io.userHint', { mb: formatNumber(MAX_IMPORT_MB) })}
        previewLabel={t('options.io.previewLabel')}
        applyLabel={t('options.io.apply')}
        canApply={(p) => p.notes.added + p.notes.changed + p.definitions.added + p.definitions.changed + (p.pack?.removed.length ?? 0) > 0}
        done={(r) =>
          r.pack
            ? t('options.io.packDone', {
                name: r.pack.name,
                version: r.pack.version,
                added: formatNumber(r.definitions.added),
                changed: formatNumber(r.definitions.changed),
                removed: formatNumber(r.pack.removed.length),
              })
            : t('options.io.userDone', {
                portsAdded: formatNumber(r.definitions.added),
                portsChanged: formatNumber(r.definitions.changed),
                notesAdded: formatNumber(r.notes.added),
                notesChanged: formatNumber(r.notes.changed),
              })
        }
      >
        {(preview) => <UserPreview preview={preview} />}
      </FileImport>
    </Section>
  );
}

function IanaImportSection({ api, ianaImport, onChanged }: { api: OptionsApi; ianaImport?: IanaImportInfo; onChanged: () => void }) {
  const flow = useFileImport({ preview: api.previewIanaImport, apply: api.importIana, applying: t('options.io.replacing'), onApplied: onChanged });

  const reset = async () => {
    try {
      await api.resetIana();
      flow.reset();
      flow.setStatus({ kind: 'ok', text: t('options.io.backToBundled') });
      onChanged();
    } catch (err) {
      flow.setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  return (
    <Section
      title={t('options.io.ianaTitle')}
      intro={richText(
        {
          file: (
            <a href={IANA_CSV_URL} target="_blank" rel="noopener" dir="ltr">
              service-names-port-numbers.csv
            </a>
          ),
        },
        (slots) => t('options.io.ianaIntro', slots),
      )}
    >
      {ianaImport && (
        <div class="callout">
          <p>
            {t('options.io.inUse')} <strong>{ianaImport.fileName ?? t('options.io.anImported')}</strong>,{' '}
            {t('options.io.inUseDetails', { entries: formatNumber(ianaImport.recordCount), newest: formatDate(ianaImport.newestDate), imported: formatDateTime(ianaImport.importedAt) })}
          </p>
          <button type="button" onClick={() => void reset()}>
            {t('options.io.goBack')}
          </button>
        </div>
      )}
      <FileImport
        flow={flow}
        id="iana-import-file"
        label={t('options.io.registryCsv')}
        accept=".csv,text/csv"
        hint={t('options.io.ianaHint', { mb: formatNumber(MAX_IMPORT_MB) })}
        previewLabel={t('options.io.ianaPreviewLabel')}
        summary={(p) =>
          t('options.io.ianaSummary', { entries: formatNumber(p.recordCount), rows: formatNumber(p.rowCount), skipped: formatNumber(p.skipped), newest: formatDate(p.newestDate) })
        }
        applyLabel={t('options.io.replace')}
        done={(r) => t('options.io.ianaDone', { added: formatNumber(r.counts.added), changed: formatNumber(r.counts.changed), removed: formatNumber(r.counts.removed) })}
      >
        {(preview) => (
          <>
            {preview.currentDate && preview.newestDate <= preview.currentDate && (
              <p class="warning">
                {t('options.io.notNewer', { date: formatDate(preview.currentDate) })}
              </p>
            )}
            <IanaChanges preview={preview} />
          </>
        )}
      </FileImport>
    </Section>
  );
}

function IanaChanges({ preview }: { preview: IanaPreview }) {
  const { counts, changes } = preview;
  return (
    <>
      <table class="counts">
        <caption class="visually-hidden">{t('options.io.ianaWhatChanges')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('options.io.added')}</th>
            <th scope="col">{t('options.io.changed')}</th>
            <th scope="col">{t('options.io.removed')}</th>
            <th scope="col">{t('options.io.unchanged')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td class="num added">{formatNumber(counts.added)}</td>
            <td class="num changed">{formatNumber(counts.changed)}</td>
            <td class="num removed">{formatNumber(counts.removed)}</td>
            <td class="num">{formatNumber(counts.unchanged)}</td>
          </tr>
        </tbody>
      </table>
      {changes.length > 0 && (
        <ChangeTable label={t('options.io.examples')} columns={[t('options.port'), t('options.io.protocol'), t('options.io.service'), t('options.io.description')]}>
          {changes.map((c) => (
            <tr key={`${c.status}${c.id}`}>
              <ChangeCell status={c.status} />
              <td class="mono" dir="ltr">
                {portLabel(c.port, c.endPort)}
              </td>
              <td dir="ltr">{protocolsLabel(c.protocols as never)}</td>
              <td class="mono" dir="ltr">
                {c.serviceName}
              </td>
              <td class="clip" lang="en">
                {c.description}
              </td>
            </tr>
          ))}
        </ChangeTable>
      )}
    </>
  );
}

/** Column names as code: identifiers, the same in every language. */
function Columns({ names }: { names: string[] }) {
  return (
    <>
      {names.map((name, i) => (
        <>
          {i > 0 && ', '}
          <code>{name}</code>
        </>
      ))}
    </>
  );
}
