// The user's own port definitions ("yours"): a list, and a form to add or edit one.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { rangeKey } from '@/lib/curated';
import { portLabel, protocolsLabel, RISK_LABEL } from '@/lib/format';
import { entryOfRecord } from '@/lib/import/diff';
import { COMMONNESS_TIERS, PROTOCOLS, RISK_LEVELS, type UserRecord } from '@/lib/types';
import type { OptionsApi } from './api';
import { ChangedElsewhere, Section, StatusLine, errorText, type Status } from './common';
import { EMPTY_FORM, entryOfForm, formOfEntry, type DefinitionForm, type FormErrors, type FormField } from './definition-form';

const COMMONNESS_LABEL: Record<string, string> = { '1': '1 — met everywhere', '2': '2 — common', '3': '3 — occasional', '4': '4 — rare' };

export function DefinitionsView({ api }: { api: OptionsApi }) {
  const [records, setRecords] = useState<UserRecord[] | null>(null);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<{ id: string | null; form: DefinitionForm } | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [status, setStatus] = useState<Status>(null);

  const reload = () =>
    api.listUserRecords().then(
      (list) => setRecords(list),
      (err) => setStatus({ kind: 'error', text: errorText(err) }),
    );
  useEffect(() => void reload(), []);

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!records || !q) return records ?? [];
    return records.filter((r) => String(r.port).startsWith(q) || `${r.title} ${r.summary} ${(r.keywords ?? []).join(' ')}`.toLowerCase().includes(q));
  }, [records, filter]);

  const open = (record: UserRecord | null) => {
    setErrors({});
    setStatus(null);
    setEditing({ id: record?.id ?? null, form: record ? formOfEntry(entryOfRecord(record)) : { ...EMPTY_FORM } });
    requestAnimationFrame(() => document.getElementById('def-port')?.focus());
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!editing) return;
    const result = entryOfForm(editing.form);
    if ('errors' in result) {
      setErrors(result.errors);
      const first = Object.keys(result.errors)[0];
      requestAnimationFrame(() => document.getElementById(first === 'protocols' ? 'def-protocol-tcp' : `def-${first}`)?.focus());
      return;
    }
    const key = rangeKey(result.entry.port, result.entry.endPort ?? result.entry.port);
    const clash = records?.find((r) => r.id === `user:${key}` && r.id !== editing.id);
    if (clash) {
      setErrors({ port: `You already have a definition for ${key}. Edit that one instead.` });
      return;
    }
    try {
      const saved = await api.putUserRecord({ entry: result.entry });
      // Moving a definition to another port replaces the old one.
      if (editing.id && editing.id !== saved.id) await api.deleteUserRecord({ id: editing.id });
      setEditing(null);
      setStatus({ kind: 'ok', text: `Saved ${portLabel(saved.port, saved.endPort)}: ${saved.title}.` });
      await reload();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  const remove = async (record: UserRecord) => {
    try {
      await api.deleteUserRecord({ id: record.id });
      setStatus({ kind: 'ok', text: `Deleted ${portLabel(record.port, record.endPort)}: ${record.title}.` });
      await reload();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  return (
    <>
      <Section
        title={`Your ports${records ? ` (${records.length})` : ''}`}
        intro="Your team's own ports, such as 8443 = billing admin API. They are shown first everywhere, marked “yours”."
        id="definitions-list"
      >
        <div class="toolbar">
          <label for="defs-filter" class="visually-hidden">
            Filter your ports
          </label>
          <input id="defs-filter" type="search" placeholder="Filter by port, title or keyword" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
          <span class="spacer" />
          {!editing && (
            <button type="button" class="primary" onClick={() => open(null)}>
              Add a port
            </button>
          )}
        </div>
        <StatusLine status={status} />
        {editing && <DefinitionEditor form={editing.form} isNew={editing.id === null} errors={errors} onChange={(form) => setEditing({ ...editing, form })} onSubmit={save} onCancel={() => setEditing(null)} />}
        {records === null ? (
          <p class="empty">Loading…</p>
        ) : shown.length === 0 ? (
          <p class="empty">{records.length === 0 ? 'No ports of your own yet.' : 'No port matches the filter.'}</p>
        ) : (
          <ul class="items" aria-label="Your ports">
            {shown.map((r) => (
              <li key={r.id} class="item">
                <div class="item-head">
                  <a class="port-chip" href={api.detailsHref(r.port, r.endPort)} target="_blank" rel="noopener">
                    {portLabel(r.port, r.endPort)}
                  </a>
                  <span class="proto">{protocolsLabel(r.protocols)}</span>
                  <strong class="item-title">{r.title}</strong>
                  <span class="badge badge-yours">Yours</span>
                  <ChangedElsewhere at={r.changedElsewhere} />
                  {r.security && <span class={`badge risk-${r.security.risk}`}>{RISK_LABEL[r.security.risk]}</span>}
                  <span class="spacer" />
                  <button type="button" onClick={() => open(r)} aria-label={`Edit ${portLabel(r.port, r.endPort)} ${r.title}`}>
                    Edit
                  </button>
                  <button type="button" class="danger" onClick={() => void remove(r)} aria-label={`Delete ${portLabel(r.port, r.endPort)} ${r.title}`}>
                    Delete
                  </button>
                </div>
                <p class="note-text">{r.summary}</p>
                {r.uses.length > 0 && <p class="meta">Uses: {r.uses.map((u) => u.name).join(', ')}</p>}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

interface EditorProps {
  form: DefinitionForm;
  isNew: boolean;
  errors: FormErrors;
  onChange: (form: DefinitionForm) => void;
  onSubmit: (e: Event) => void;
  onCancel: () => void;
}

function DefinitionEditor({ form, isNew, errors, onChange, onSubmit, onCancel }: EditorProps) {
  const set = <K extends FormField>(key: K, value: DefinitionForm[K]) => onChange({ ...form, [key]: value });
  const text = (key: FormField, label: string, opts: { hint?: string; multiline?: number; className?: string; maxLength?: number } = {}) => {
    const id = `def-${key}`;
    const error = errors[key];
    const described = [opts.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    const common = {
      id,
      name: key,
      value: form[key] as string,
      maxLength: opts.maxLength,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': described,
      onInput: (e: Event) => set(key, (e.currentTarget as HTMLInputElement).value as never),
    };
    return (
      <div class={`field ${opts.className ?? ''}`}>
        <label for={id}>{label}</label>
        {opts.multiline ? <textarea rows={opts.multiline} {...common} /> : <input {...common} autoComplete="off" />}
        {opts.hint && (
          <span class="hint" id={`${id}-hint`}>
            {opts.hint}
          </span>
        )}
        {error && (
          <span class="field-error" id={`${id}-error`}>
            {error}
          </span>
        )}
      </div>
    );
  };
  return (
    <form class="definition-form" onSubmit={onSubmit} aria-label={isNew ? 'Add a port' : 'Edit port'} noValidate>
      <h3>{isNew ? 'Add a port' : `Edit ${form.port}${form.endPort ? `–${form.endPort}` : ''}`}</h3>
      <div class="grid">
        {text('port', 'Port', { className: 'field-port' })}
        {text('endPort', 'End port', { className: 'field-port', hint: 'For a range' })}
        <fieldset class="field protocols" aria-describedby={errors.protocols ? 'def-protocols-error' : undefined}>
          <legend>Protocols</legend>
          <div class="check-row">
          {PROTOCOLS.map((p) => (
            <label key={p} class="check">
              <input
                type="checkbox"
                id={`def-protocol-${p}`}
                checked={form.protocols.includes(p)}
                onChange={(e) => set('protocols', e.currentTarget.checked ? PROTOCOLS.filter((x) => x === p || form.protocols.includes(x)) : form.protocols.filter((x) => x !== p))}
              />
              {p.toUpperCase()}
            </label>
          ))}
          </div>
          {errors.protocols && (
            <span class="field-error" id="def-protocols-error">
              {errors.protocols}
            </span>
          )}
        </fieldset>
      </div>
      {text('title', 'Title', { hint: 'A short name, e.g. “Billing admin API”', maxLength: 80 })}
      {text('summary', 'Summary', { hint: 'One line for the card', maxLength: 240 })}
      {text('details', 'Details', { multiline: 3, maxLength: 2000 })}
      {text('uses', 'Uses', { multiline: 3, hint: 'One per line, “name: note”; start the main one with *' })}
      <div class="grid">
        <div class="field">
          <label for="def-risk">Risk when exposed</label>
          <select
            id="def-risk"
            value={form.risk}
            aria-invalid={errors.risk ? true : undefined}
            aria-describedby={errors.risk ? 'def-risk-error' : undefined}
            onChange={(e) => set('risk', e.currentTarget.value as DefinitionForm['risk'])}
          >
            <option value="">Not stated</option>
            {RISK_LEVELS.map((r) => (
              <option key={r} value={r}>
                {RISK_LABEL[r]}
              </option>
            ))}
          </select>
          {errors.risk && (
            <span class="field-error" id="def-risk-error">
              {errors.risk}
            </span>
          )}
        </div>
        <div class="field">
          <label for="def-commonness">Commonness</label>
          <select id="def-commonness" value={form.commonness} onChange={(e) => set('commonness', e.currentTarget.value as DefinitionForm['commonness'])}>
            <option value="">Not stated</option>
            {COMMONNESS_TIERS.map((c) => (
              <option key={c} value={String(c)}>
                {COMMONNESS_LABEL[String(c)]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {text('advice', 'Advice', { multiline: 2, hint: 'What to do about the risk', maxLength: 600 })}
      <div class="grid">
        {text('related', 'Related ports', { hint: 'e.g. 443, 8080' })}
        {text('keywords', 'Keywords', { hint: 'Comma-separated, for search' })}
      </div>
      {text('references', 'References', { multiline: 2, hint: 'One per line: https:// links or ids like RFC 9110' })}
      <div class="actions">
        <button type="submit" class="primary">
          {isNew ? 'Add port' : 'Save changes'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
