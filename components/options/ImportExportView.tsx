// Export the user's data; import notes and definitions (with a preview); import
// a newer IANA registry CSV.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { exportDefinitionsCsv, exportFileName, exportNotesCsv, exportUserJson } from '@/lib/export-user';
import { portLabel, protocolsLabel } from '@/lib/format';
import type { IanaImportInfo } from '@/lib/import/apply';
import type { IanaPreview, UserImportPreview } from '@/lib/import/diff';
import { MAX_IMPORT_MB } from '@/lib/import/limits';
import type { OptionsApi } from './api';
import { Section, StatusLine, TableScroll, errorText, formatDate, type Status } from './common';
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
      const what = kind === 'json' ? `${notes.length} notes and ${records.length} ports` : kind === 'notes' ? `${notes.length} notes` : `${records.length} ports`;
      setStatus({ kind: 'ok', text: `Exported ${what}.` });
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <Section title="Export" intro="Save your notes and your ports to a file, to back them up or share them with your team. Each file imports back as it was.">
      <div class="button-row">
        <button type="button" class="primary" onClick={() => void run('json')}>
          Everything (JSON)
        </button>
        <button type="button" onClick={() => void run('notes')}>
          Notes (CSV)
        </button>
        <button type="button" onClick={() => void run('definitions')}>
          Your ports (CSV)
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
      <td class="num added">{counts.added}</td>
      <td class="num changed">{counts.changed}</td>
      <td class="num">{counts.unchanged}</td>
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
            {['Change', ...columns].map((c) => (
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

function ChangeCell({ status }: { status: string }) {
  return (
    <td>
      <span class={`badge change-${status}`}>{status}</span>
    </td>
  );
}

function UserPreview({ preview }: { preview: UserImportPreview }) {
  const rows = [
    ...preview.definitionChanges.filter((c) => c.status !== 'unchanged').map((c) => ({ key: `d${c.key}`, status: c.status, what: 'Port', port: c.key, text: `${c.entry.title} — ${c.entry.summary}`, before: c.previous ? `${c.previous.title} — ${c.previous.summary}` : undefined })),
    ...preview.noteChanges.filter((c) => c.status !== 'unchanged').map((c) => ({ key: `n${c.port}`, status: c.status, what: 'Note', port: String(c.port), text: c.text, before: c.previous })),
  ];
  return (
    <>
      <table class="counts">
        <caption class="visually-hidden">What the import changes</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">Added</th>
            <th scope="col">Changed</th>
            <th scope="col">Unchanged</th>
          </tr>
        </thead>
        <tbody>
          <Counts label="Your ports" counts={preview.definitions} />
          <Counts label="Notes" counts={preview.notes} />
        </tbody>
      </table>
      {rows.length > 0 ? (
        <ChangeTable label="Rows that change" columns={['Kind', 'Port', 'New value', 'Was']} foot={rows.length > 200 && <p class="meta">…and {rows.length - 200} more.</p>}>
          {rows.slice(0, 200).map((r) => (
            <tr key={r.key}>
              <ChangeCell status={r.status} />
              <td>{r.what}</td>
              <td class="mono">{r.port}</td>
              <td class="clip">{r.text}</td>
              <td class="clip muted">{r.before ?? ''}</td>
            </tr>
          ))}
        </ChangeTable>
      ) : (
        <p class="meta">Everything in the file is already here: importing changes nothing.</p>
      )}
    </>
  );
}

function UserImportSection({ api, onChanged }: { api: OptionsApi; onChanged: () => void }) {
  const flow = useFileImport({ preview: api.previewImport, apply: api.applyImport, applying: 'Importing…', onApplied: onChanged });
  return (
    <Section
      title="Import notes and ports"
      intro={
        <>
          A JSON export of Porthole, or a CSV of notes (columns <code>port</code>, <code>note</code>) or of ports (<code>port</code>, <code>protocols</code>, <code>title</code>, <code>summary</code>, and any of <code>endPort</code>,{' '}
          <code>uses</code>, <code>risk</code>, <code>advice</code>, <code>related</code>, <code>commonness</code>, <code>references</code>, <code>keywords</code>). You see what changes before anything is written: new
          entries are added, differing ones replaced, nothing is deleted.
        </>
      }
    >
      <FileImport
        flow={flow}
        id="user-import-file"
        label="File to import"
        accept=".json,.csv,application/json,text/csv"
        hint={`JSON or CSV, up to ${MAX_IMPORT_MB} MB`}
        previewLabel="Import preview"
        applyLabel="Apply import"
        canApply={(p) => p.notes.added + p.notes.changed + p.definitions.added + p.definitions.changed > 0}
        done={(r) => `${r.definitions.added} ports added, ${r.definitions.changed} changed; ${r.notes.added} notes added, ${r.notes.changed} changed.`}
      >
        {(preview) => <UserPreview preview={preview} />}
      </FileImport>
    </Section>
  );
}

function IanaImportSection({ api, ianaImport, onChanged }: { api: OptionsApi; ianaImport?: IanaImportInfo; onChanged: () => void }) {
  const flow = useFileImport({ preview: api.previewIanaImport, apply: api.importIana, applying: 'Replacing the IANA registry…', onApplied: onChanged });

  const reset = async () => {
    try {
      await api.resetIana();
      flow.reset();
      flow.setStatus({ kind: 'ok', text: 'Back to the registry bundled with Porthole.' });
      onChanged();
    } catch (err) {
      flow.setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  return (
    <Section
      title="IANA registry"
      intro={
        <>
          Porthole ships a copy of the IANA port registry. To use a newer one without waiting for an update, download{' '}
          <a href={IANA_CSV_URL} target="_blank" rel="noopener">
            service-names-port-numbers.csv
          </a>{' '}
          from iana.org and import it here. It replaces the bundled IANA entries (Porthole's notes and yours stay) and is kept until an update of Porthole brings a registry at least as new.
        </>
      }
    >
      {ianaImport && (
        <div class="callout">
          <p>
            In use: <strong>{ianaImport.fileName ?? 'an imported registry'}</strong>, {ianaImport.recordCount.toLocaleString()} entries, newest entry {ianaImport.newestDate}, imported {formatDate(ianaImport.importedAt)}.
          </p>
          <button type="button" onClick={() => void reset()}>
            Go back to the bundled registry
          </button>
        </div>
      )}
      <FileImport
        flow={flow}
        id="iana-import-file"
        label="Registry CSV to import"
        accept=".csv,text/csv"
        hint={`CSV with IANA's columns, up to ${MAX_IMPORT_MB} MB`}
        previewLabel="Registry import preview"
        summary={(p) => `: ${p.recordCount.toLocaleString()} entries from ${p.rowCount.toLocaleString()} rows (${p.skipped.toLocaleString()} without a port or protocol skipped); newest entry ${p.newestDate}.`}
        applyLabel="Replace the IANA registry"
        done={(r) => `${r.counts.added} entries added, ${r.counts.changed} changed, ${r.counts.removed} removed.`}
      >
        {(preview) => (
          <>
            {preview.currentDate && preview.newestDate <= preview.currentDate && (
              <p class="warning">
                This file is not newer than the registry in use (as of {preview.currentDate}). You can still import it; the next update of Porthole will replace it.
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
        <caption class="visually-hidden">What the registry import changes</caption>
        <thead>
          <tr>
            <th scope="col">Added</th>
            <th scope="col">Changed</th>
            <th scope="col">Removed</th>
            <th scope="col">Unchanged</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td class="num added">{counts.added.toLocaleString()}</td>
            <td class="num changed">{counts.changed.toLocaleString()}</td>
            <td class="num removed">{counts.removed.toLocaleString()}</td>
            <td class="num">{counts.unchanged.toLocaleString()}</td>
          </tr>
        </tbody>
      </table>
      {changes.length > 0 && (
        <ChangeTable label="Examples of entries that change" columns={['Port', 'Protocol', 'Service', 'Description']}>
          {changes.map((c) => (
            <tr key={`${c.status}${c.id}`}>
              <ChangeCell status={c.status} />
              <td class="mono">{portLabel(c.port, c.endPort)}</td>
              <td>{protocolsLabel(c.protocols as never)}</td>
              <td class="mono">{c.serviceName}</td>
              <td class="clip">{c.description}</td>
            </tr>
          ))}
        </ChangeTable>
      )}
    </>
  );
}
