// The user's notes per port: add, edit, delete, filter.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { UserNote } from '@/lib/types';
import { isValidPort } from '@/lib/types';
import type { OptionsApi } from './api';
import { ChangedElsewhere, Section, StatusLine, errorText, formatDate, type Status } from './common';

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
    if (!/^\d+$/.test(port.trim()) || !isValidPort(n)) return setStatus({ kind: 'error', text: 'Port must be a number from 0 to 65535.' });
    if (!text.trim()) return setStatus({ kind: 'error', text: 'Write the note first.' });
    const existed = notes?.some((x) => x.port === n);
    try {
      await api.setNote({ port: n, text });
      setPort('');
      setText('');
      setStatus({ kind: 'ok', text: existed ? `Note for port ${n} replaced.` : `Note for port ${n} saved.` });
      await reload();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  const saveEdit = async () => {
    if (!editing) return;
    try {
      await api.setNote({ port: editing.port, text: editing.text });
      setStatus({ kind: 'ok', text: editing.text.trim() ? `Note for port ${editing.port} saved.` : `Note for port ${editing.port} deleted.` });
      setEditing(null);
      await reload();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  const remove = async (n: number) => {
    try {
      await api.setNote({ port: n, text: '' });
      setStatus({ kind: 'ok', text: `Note for port ${n} deleted.` });
      await reload();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  return (
    <>
      <Section title="Add a note" intro="A note is yours alone: it shows on the port's card and in its details.">
        <form class="note-form" onSubmit={add}>
          <div class="field field-port">
            <label for="note-port">Port</label>
            <input id="note-port" name="port" inputMode="numeric" autoComplete="off" value={port} onInput={(e) => setPort(e.currentTarget.value)} />
          </div>
          <div class="field field-grow">
            <label for="note-text">Note</label>
            <textarea id="note-text" name="note" rows={2} maxLength={5000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
          <div class="actions">
            <button type="submit" class="primary">
              Save note
            </button>
          </div>
        </form>
        <StatusLine status={status} />
      </Section>

      <Section title={`Your notes${notes ? ` (${notes.length})` : ''}`} id="notes-list">
        <div class="toolbar">
          <label for="notes-filter" class="visually-hidden">
            Filter notes
          </label>
          <input id="notes-filter" type="search" placeholder="Filter by port or text" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </div>
        {notes === null ? (
          <p class="empty">Loading…</p>
        ) : shown.length === 0 ? (
          <p class="empty">{notes.length === 0 ? 'No notes yet. Add one above, or from any port card.' : 'No note matches the filter.'}</p>
        ) : (
          <ul class="items" aria-label="Notes">
            {shown.map((note) => (
              <li key={note.port} class="item">
                <div class="item-head">
                  <a class="port-chip" href={api.detailsHref(note.port)} target="_blank" rel="noopener">
                    {note.port}
                  </a>
                  <span class="meta">Updated {formatDate(note.updated)}</span>
                  <ChangedElsewhere at={note.changedElsewhere} />
                  <span class="spacer" />
                  {editing?.port !== note.port && (
                    <>
                      <button type="button" onClick={() => setEditing({ port: note.port, text: note.text })} aria-label={`Edit note for port ${note.port}`}>
                        Edit
                      </button>
                      <button type="button" class="danger" onClick={() => void remove(note.port)} aria-label={`Delete note for port ${note.port}`}>
                        Delete
                      </button>
                    </>
                  )}
                </div>
                {editing?.port === note.port ? (
                  <div class="edit">
                    <label for={`edit-note-${note.port}`} class="visually-hidden">
                      Note for port {note.port}
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
                        Save
                      </button>
                      <button type="button" onClick={() => setEditing(null)}>
                        Cancel
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
