// The user's own port definitions ("yours"): a list, and a form to add or edit one.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { rangeKey } from '@/lib/curated';
import { portLabel } from '@/lib/format';
import { entryOfRecord } from '@/lib/import/diff';
import { COMMONNESS_TIERS, PROTOCOLS, RISK_LEVELS, type UserRecord } from '@/lib/types';
import { errorText, formatList, formatNumber, ltr, t } from '@/utils/i18n';
import { riskLabel } from '../labels';
import type { OptionsApi } from './api';
import { ChangedElsewhere } from '../ChangedElsewhere';
import { DefinitionHead, Section, StatusLine, type Status } from './common';
import { InstalledPacksSection, SharePackSection } from './PacksSection';
import { EMPTY_FORM, entryOfForm, formOfEntry, type DefinitionForm, type FormErrors, type FormField } from './definition-form';

const COMMONNESS_LABEL: Record<(typeof COMMONNESS_TIERS)[number], () => string> = {
  1: () => t('options.defs.commonness1'),
  2: () => t('options.defs.commonness2'),
  3: () => t('options.defs.commonness3'),
  4: () => t('options.defs.commonness4'),
};

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
      setErrors({ port: t('options.defs.exists', { port: ltr(key) }) });
      return;
    }
    try {
      const saved = await api.putUserRecord({ entry: result.entry });
      // Moving a definition to another port replaces the old one.
      if (editing.id && editing.id !== saved.id) await api.deleteUserRecord({ id: editing.id });
      setEditing(null);
      setStatus({ kind: 'ok', text: t('options.defs.saved', { port: ltr(portLabel(saved.port, saved.endPort)), title: saved.title }) });
      await reload();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  const remove = async (record: UserRecord) => {
    try {
      await api.deleteUserRecord({ id: record.id });
      setStatus({ kind: 'ok', text: t('options.defs.deleted', { port: ltr(portLabel(record.port, record.endPort)), title: record.title }) });
      await reload();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  return (
    <>
      <Section
        title={records ? t('options.defs.titleCount', { count: formatNumber(records.length) }) : t('options.defs.title')}
        intro={t('options.defs.intro')}
        id="definitions-list"
      >
        <div class="toolbar">
          <label for="defs-filter" class="visually-hidden">
            {t('options.defs.filterLabel')}
          </label>
          <input id="defs-filter" type="search" placeholder={t('options.defs.filterPlaceholder')} value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
          <span class="spacer" />
          {!editing && (
            <button type="button" class="primary" onClick={() => open(null)}>
              {t('options.defs.add')}
            </button>
          )}
        </div>
        <StatusLine status={status} />
        {editing && <DefinitionEditor form={editing.form} isNew={editing.id === null} errors={errors} onChange={(form) => setEditing({ ...editing, form })} onSubmit={save} onCancel={() => setEditing(null)} />}
        {records === null ? (
          <p class="empty">{t('common.loading')}</p>
        ) : shown.length === 0 ? (
          <p class="empty">{records.length === 0 ? t('options.defs.empty') : t('options.defs.noMatch')}</p>
        ) : (
          <ul class="items" aria-label={t('options.defs.title')}>
            {shown.map((r) => (
              <li key={r.id} class="item">
                <DefinitionHead
                  record={r}
                  detailsHref={api.detailsHref(r.port, r.endPort)}
                  badge={
                    <>
                      <span class="badge badge-yours">{t('options.defs.yours')}</span>
                      <ChangedElsewhere at={r.changedElsewhere} />
                    </>
                  }
                >
                  <span class="spacer" />
                  <button type="button" onClick={() => open(r)} aria-label={t('options.defs.editLabel', { port: ltr(portLabel(r.port, r.endPort)), title: r.title })}>
                    {t('options.edit')}
                  </button>
                  <button type="button" class="danger" onClick={() => void remove(r)} aria-label={t('options.defs.deleteLabel', { port: ltr(portLabel(r.port, r.endPort)), title: r.title })}>
                    {t('options.delete')}
                  </button>
                </DefinitionHead>
                <p class="note-text">{r.summary}</p>
                {r.uses.length > 0 && <p class="meta">{t('options.defs.uses', { names: formatList(r.uses.map((u) => u.name), 'unit') })}</p>}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <InstalledPacksSection api={api} />
      {records && <SharePackSection api={api} records={records} />}
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
    <form class="definition-form" onSubmit={onSubmit} aria-label={isNew ? t('options.defs.add') : t('options.defs.editForm')} noValidate>
      <h3>{isNew ? t('options.defs.add') : t('options.defs.editTitle', { port: ltr(`${form.port}${form.endPort ? `–${form.endPort}` : ''}`) })}</h3>
      <div class="grid">
        {text('port', t('options.port'), { className: 'field-port' })}
        {text('endPort', t('options.defs.endPort'), { className: 'field-port', hint: t('options.defs.endPortHint') })}
        <fieldset class="field protocols" aria-describedby={errors.protocols ? 'def-protocols-error' : undefined}>
          <legend>{t('options.defs.protocols')}</legend>
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
      {text('title', t('options.defs.titleField'), { hint: t('options.defs.titleHint'), maxLength: 80 })}
      {text('summary', t('options.defs.summary'), { hint: t('options.defs.summaryHint'), maxLength: 240 })}
      {text('details', t('options.defs.details'), { multiline: 3, maxLength: 2000 })}
      {text('uses', t('options.defs.usesField'), { multiline: 3, hint: t('options.defs.usesHint') })}
      <div class="grid">
        <div class="field">
          <label for="def-risk">{t('options.defs.risk')}</label>
          <select
            id="def-risk"
            value={form.risk}
            aria-invalid={errors.risk ? true : undefined}
            aria-describedby={errors.risk ? 'def-risk-error' : undefined}
            onChange={(e) => set('risk', e.currentTarget.value as DefinitionForm['risk'])}
          >
            <option value="">{t('options.defs.notStated')}</option>
            {RISK_LEVELS.map((r) => (
              <option key={r} value={r}>
                {riskLabel(r)}
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
          <label for="def-commonness">{t('options.defs.commonness')}</label>
          <select id="def-commonness" value={form.commonness} onChange={(e) => set('commonness', e.currentTarget.value as DefinitionForm['commonness'])}>
            <option value="">{t('options.defs.notStated')}</option>
            {COMMONNESS_TIERS.map((c) => (
              <option key={c} value={String(c)}>
                {COMMONNESS_LABEL[c]()}
              </option>
            ))}
          </select>
        </div>
      </div>
      {text('advice', t('options.defs.advice'), { multiline: 2, hint: t('options.defs.adviceHint'), maxLength: 600 })}
      <div class="grid">
        {text('related', t('options.defs.related'), { hint: t('options.defs.relatedHint') })}
        {text('keywords', t('options.defs.keywords'), { hint: t('options.defs.keywordsHint') })}
      </div>
      {text('references', t('options.defs.references'), { multiline: 2, hint: t('options.defs.referencesHint') })}
      <div class="actions">
        <button type="submit" class="primary">
          {isNew ? t('options.defs.addPort') : t('options.defs.saveChanges')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
