// The user's notes per port: add, edit, delete, filter.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { UserNote } from '@/lib/types';
import { isValidPort } from '@/lib/types';
import type { OptionsApi } from './api';
import { errorText, formatDateTime, formatNumber, ltr, t } from '@/utils/i18n';
import { ChangedElsewhere } from '../ChangedElsewhere';
import { Section, StatusLine, type Status } from './common';

export function NotesView({ api }: { api: OptionsApi }) {
  const [notes, setNotes] = useState<UserNote[] | null>(null);
  const [filter, setFilter] = useState('');
  const [port, setPort] = useState('');
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [editing, setEditing] = useState<{ port: number; text: string } | null>(null);

  const reload = () =>
    api.listNotes().then(
      (list) => setNotes([...list].sort((a, b) => a.port - b.port)),
      (err) => setStatus({ kind: 'error', text: errorText(err) }),
    );
  useEffect(() => void reload(), []);

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!notes || !q) return notes ?? [];
    return notes.filter((n) => String(n.port).startsWith(q) || n.text.toLowerCase().includes(q));
  }, [notes, filter]);

  const add = async (e: Event) => {
    e.preventDefault();
    const n = Number(port.trim());
    if (!/^\d+$/.test(port.trim()) || !isValidPort(n)) return setStatus({ kind: 'error', text: t('options.notes.badPort') });
    if (!text.trim()) return setStatus({ kind: 'error', text: t('options.notes.writeFirst') });
    const existed = notes?.some((x) => x.port === n);
    try {
      await api.setNote({ port: n, text });
      setPort('');
      setText('');
      setStatus({ kind: 'ok', text: existed ? t('options.notes.replaced', { port: ltr(n) }) : t('options.notes.saved', { port: ltr(n) }) });
      await reload();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  const saveEdit = async () => {
    if (!editing) return;
    try {
      await api.setNote({ port: editing.port, text: editing.text });
      setStatus({ kind: 'ok', text: editing.text.trim() ? t('options.notes.saved', { port: ltr(editing.port) }) : t('options.notes.deleted', { port: ltr(editing.port) }) });
      setEditing(null);
      await reload();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  const remove = async (n: number) => {
    try {
      await api.setNote({ port: n, text: '' });
      setStatus({ kind: 'ok', text: t('options.notes.deleted', { port: ltr(n) }) });
      await reload();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  return (
    <>
      <Section title={t('options.notes.addTitle')} intro={t('options.notes.addIntro')}>
        <form class="note-form" onSubmit={add}>
          <div class="field field-port">
            <label for="note-port">{t('options.port')}</label>
            <input id="note-port" name="port" inputMode="numeric" autoComplete="off" value={port} onInput={(e) => setPort(e.currentTarget.value)} />
          </div>
          <div class="field field-grow">
            <label for="note-text">{t('options.notes.note')}</label>
            <textarea id="note-text" name="note" rows={2} maxLength={5000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
          <div class="actions">
            <button type="submit" class="primary">
              {t('common.saveNote')}
            </button>
          </div>
        </form>
        <StatusLine status={status} />
      </Section>

      <Section title={notes ? t('options.notes.listTitleCount', { count: formatNumber(notes.length) }) : t('options.notes.listTitle')} id="notes-list">
        <div class="toolbar">
          <label for="notes-filter" class="visually-hidden">
            {t('options.notes.filterLabel')}
          </label>
          <input id="notes-filter" type="search" placeholder={t('options.notes.filterPlaceholder')} value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </div>
        {notes === null ? (
          <p class="empty">{t('common.loading')}</p>
        ) : shown.length === 0 ? (
          <p class="empty">{notes.length === 0 ? t('options.notes.empty') : t('options.notes.noMatch')}</p>
        ) : (
          <ul class="items" aria-label={t('options.notes.listLabel')}>
            {shown.map((note) => (
              <li key={note.port} class="item">
                <div class="item-head">
                  <a class="port-chip" href={api.detailsHref(note.port)} target="_blank" rel="noopener">
                    {note.port}
                  </a>
                  <span class="meta">{t('options.notes.updated', { date: formatDateTime(note.updated) })}</span>
                  <ChangedElsewhere at={note.changedElsewhere} />
                  <span class="spacer" />
                  {editing?.port !== note.port && (
                    <>
                      <button type="button" onClick={() => setEditing({ port: note.port, text: note.text })} aria-label={t('options.notes.editLabel', { port: ltr(note.port) })}>
                        {t('options.edit')}
                      </button>
                      <button type="button" class="danger" onClick={() => void remove(note.port)} aria-label={t('options.notes.deleteLabel', { port: ltr(note.port) })}>
                        {t('options.delete')}
                      </button>
                    </>
                  )}
                </div>
                {editing?.port === note.port ? (
                  <div class="edit">
                    <label for={`edit-note-${note.port}`} class="visually-hidden">
                      {t('options.notes.noteFor', { port: ltr(note.port) })}
                    </label>
                    <textarea
                      id={`edit-note-${note.port}`}
                      rows={3}
                      maxLength={5000}
                      value={editing.text}
                      ref={(el) => el?.focus()}
                      onInput={(e) => setEditing({ port: note.port, text: e.currentTarget.value })}
                      onKeyDown={(e) => {
                        if (e.key === 'Escape') setEditing(null);
                        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void saveEdit();
                      }}
                    />
                    <div class="actions">
                      <button type="button" class="primary" onClick={() => void saveEdit()}>
                        {t('options.save')}
                      </button>
                      <button type="button" onClick={() => setEditing(null)}>
                        {t('common.cancel')}
                      </button>
                    </div>
                  </div>
                ) : (
                  <p class="note-text">{note.text}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
