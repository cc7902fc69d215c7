// Export the user's data; import notes and definitions (with a preview); import
// a newer IANA registry CSV.
import { useState } from 'preact/hooks';
import { exportDefinitionsCsv, exportFileName, exportNotesCsv, exportUserJson } from '@/lib/export-user';
import { portLabel, protocolsLabel } from '@/lib/format';
import type { IanaImportInfo } from '@/lib/import/apply';
import type { IanaPreview, UserImportPreview } from '@/lib/import/diff';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB, tooLargeMessage, type ImportProblem } from '@/lib/import/limits';
import type { ImportOutcome } from '@/lib/messages';
import type { OptionsApi } from './api';
import { Problems, Section, StatusLine, TableScroll, errorText, formatDate, type Status } from './common';

export const IANA_CSV_URL = 'https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.csv';

type Step<T> =
  | { step: 'idle' }
  | { step: 'busy'; what: string }
  | { step: 'problems'; fileName: string; problems: ImportProblem[] }
  | { step: 'preview'; fileName: string; text: string; preview: T }
  | { step: 'done'; fileName: string; result: T };

/** Reads a chosen file, refusing it before reading when it is too large. */
async function readChosen(input: HTMLInputElement): Promise<{ fileName: string; text: string } | { fileName: string; problems: ImportProblem[] } | null> {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return null;
  if (file.size > MAX_IMPORT_BYTES) return { fileName: file.name, problems: [{ message: tooLargeMessage(file.size, file.name) }] };
  return { fileName: file.name, text: await file.text() };
}

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
      const [notes, records] = await Promise.all([api.listNotes(), api.listDefinitions()]);
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
        <TableScroll label="Rows that change">
          <table class="changes">
            <caption class="visually-hidden">Rows that change</caption>
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">Kind</th>
                <th scope="col">Port</th>
                <th scope="col">New value</th>
                <th scope="col">Was</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, 200).map((r) => (
                <tr key={r.key}>
                  <td>
                    <span class={`badge change-${r.status}`}>{r.status}</span>
                  </td>
                  <td>{r.what}</td>
                  <td class="mono">{r.port}</td>
                  <td class="clip">{r.text}</td>
                  <td class="clip muted">{r.before ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > 200 && <p class="meta">…and {rows.length - 200} more.</p>}
        </TableScroll>
      ) : (
        <p class="meta">Everything in the file is already here: importing changes nothing.</p>
      )}
    </>
  );
}

function UserImportSection({ api, onChanged }: { api: OptionsApi; onChanged: () => void }) {
  const [state, setState] = useState<Step<UserImportPreview>>({ step: 'idle' });
  const [error, setError] = useState<Status>(null);

  const outcome = (fileName: string, text: string, o: ImportOutcome<UserImportPreview>, applied: boolean) => {
    if (!o.valid) setState({ step: 'problems', fileName, problems: o.problems });
    else if (applied) setState({ step: 'done', fileName, result: o.result });
    else setState({ step: 'preview', fileName, text, preview: o.result });
  };

  const choose = async (e: Event) => {
    setError(null);
    try {
      const chosen = await readChosen(e.currentTarget as HTMLInputElement);
      if (!chosen) return;
      if ('problems' in chosen) return setState({ step: 'problems', ...chosen });
      setState({ step: 'busy', what: `Reading ${chosen.fileName}…` });
      outcome(chosen.fileName, chosen.text, await api.previewImport(chosen.text, chosen.fileName), false);
    } catch (err) {
      setState({ step: 'idle' });
      setError({ kind: 'error', text: `${errorText(err)} Nothing was changed.` });
    }
  };

  const apply = async () => {
    if (state.step !== 'preview') return;
    const { fileName, text } = state;
    setState({ step: 'busy', what: 'Importing…' });
    try {
      outcome(fileName, text, await api.applyImport(text, fileName), true);
      onChanged();
    } catch (err) {
      setState({ step: 'idle' });
      setError({ kind: 'error', text: `${errorText(err)} Nothing was changed.` });
    }
  };

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
      <div class="file-pick">
        <label for="user-import-file">File to import</label>
        <input id="user-import-file" class="file-input" type="file" accept=".json,.csv,application/json,text/csv" onChange={(e) => void choose(e)} />
        <span class="hint">JSON or CSV, up to {MAX_IMPORT_MB} MB</span>
      </div>
      <StatusLine status={error} />
      {state.step === 'busy' && (
        <p class="status" role="status">
          {state.what}
        </p>
      )}
      {state.step === 'problems' && <Problems title={`${state.fileName} cannot be imported`} problems={state.problems} />}
      {state.step === 'preview' && (
        <div class="preview" aria-label="Import preview" role="region">
          <p class="preview-title">
            Preview of <strong>{state.fileName}</strong>
          </p>
          <UserPreview preview={state.preview} />
          <div class="actions">
            <button type="button" class="primary" onClick={() => void apply()} disabled={state.preview.notes.added + state.preview.notes.changed + state.preview.definitions.added + state.preview.definitions.changed === 0}>
              Apply import
            </button>
            <button type="button" onClick={() => setState({ step: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.step === 'done' && (
        <p class="status status-ok" role="status">
          Imported {state.fileName}: {state.result.definitions.added} ports added, {state.result.definitions.changed} changed; {state.result.notes.added} notes added, {state.result.notes.changed} changed.
        </p>
      )}
    </Section>
  );
}

function IanaImportSection({ api, ianaImport, onChanged }: { api: OptionsApi; ianaImport?: IanaImportInfo; onChanged: () => void }) {
  const [state, setState] = useState<Step<IanaPreview>>({ step: 'idle' });
  const [status, setStatus] = useState<Status>(null);

  const choose = async (e: Event) => {
    setStatus(null);
    try {
      const chosen = await readChosen(e.currentTarget as HTMLInputElement);
      if (!chosen) return;
      if ('problems' in chosen) return setState({ step: 'problems', ...chosen });
      setState({ step: 'busy', what: `Reading ${chosen.fileName}…` });
      const o = await api.previewIanaImport(chosen.text, chosen.fileName);
      setState(o.valid ? { step: 'preview', fileName: chosen.fileName, text: chosen.text, preview: o.result } : { step: 'problems', fileName: chosen.fileName, problems: o.problems });
    } catch (err) {
      setState({ step: 'idle' });
      setStatus({ kind: 'error', text: `${errorText(err)} Nothing was changed.` });
    }
  };

  const apply = async () => {
    if (state.step !== 'preview') return;
    const { fileName, text } = state;
    setState({ step: 'busy', what: 'Replacing the IANA registry…' });
    try {
      const o = await api.importIana(text, fileName);
      setState(o.valid ? { step: 'done', fileName, result: o.result } : { step: 'problems', fileName, problems: o.problems });
      onChanged();
    } catch (err) {
      setState({ step: 'idle' });
      setStatus({ kind: 'error', text: `${errorText(err)} Nothing was changed.` });
    }
  };

  const reset = async () => {
    try {
      await api.resetIana();
      setState({ step: 'idle' });
      setStatus({ kind: 'ok', text: 'Back to the registry bundled with Porthole.' });
      onChanged();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
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
      <div class="file-pick">
        <label for="iana-import-file">Registry CSV to import</label>
        <input id="iana-import-file" class="file-input" type="file" accept=".csv,text/csv" onChange={(e) => void choose(e)} />
        <span class="hint">CSV with IANA's columns, up to {MAX_IMPORT_MB} MB</span>
      </div>
      <StatusLine status={status} />
      {state.step === 'busy' && (
        <p class="status" role="status">
          {state.what}
        </p>
      )}
      {state.step === 'problems' && <Problems title={`${state.fileName} cannot be imported`} problems={state.problems} />}
      {state.step === 'preview' && (
        <div class="preview" role="region" aria-label="Registry import preview">
          <p class="preview-title">
            Preview of <strong>{state.fileName}</strong>: {state.preview.recordCount.toLocaleString()} entries from {state.preview.rowCount.toLocaleString()} rows ({state.preview.skipped.toLocaleString()} without a port or protocol skipped); newest entry {state.preview.newestDate}.
          </p>
          {state.preview.currentDate && state.preview.newestDate <= state.preview.currentDate && (
            <p class="warning">
              This file is not newer than the registry in use (as of {state.preview.currentDate}). You can still import it; the next update of Porthole will replace it.
            </p>
          )}
          <IanaChanges preview={state.preview} />
          <div class="actions">
            <button type="button" class="primary" onClick={() => void apply()}>
              Replace the IANA registry
            </button>
            <button type="button" onClick={() => setState({ step: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.step === 'done' && (
        <p class="status status-ok" role="status">
          Imported {state.fileName}: {state.result.counts.added} entries added, {state.result.counts.changed} changed, {state.result.counts.removed} removed.
        </p>
      )}
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
        <TableScroll label="Examples of entries that change">
          <table class="changes">
            <caption class="visually-hidden">Examples of entries that change</caption>
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">Port</th>
                <th scope="col">Protocol</th>
                <th scope="col">Service</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={`${c.status}${c.id}`}>
                  <td>
                    <span class={`badge change-${c.status}`}>{c.status}</span>
                  </td>
                  <td class="mono">{portLabel(c.port, c.endPort)}</td>
                  <td>{protocolsLabel(c.protocols as never)}</td>
                  <td class="mono">{c.serviceName}</td>
                  <td class="clip">{c.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
