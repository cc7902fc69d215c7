// The details view of one port or range: every record from every source with
// attribution and dates, popular uses, security notes, related ports, the
// user's note and copy-ready commands. Shown in the popup and on the details
// page. A pure view: data and callbacks come in as props; database and page
// text are rendered as text only.
import type { ComponentChildren, TargetedMouseEvent } from 'preact';
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { RANGE_CLASS_LABEL, highestRisk, isIana, portLabel, protocolsLabel, sourceLabel, titleOf } from '@/lib/format';
import { portCommands, safeHost } from '@/lib/port-commands';
import type { RangeSummary } from '@/lib/repository';
import {
  rangeClassOf,
  type KnowledgeRecord,
  type IanaRecord,
  type PortInfo,
  type PortRecord,
  type Protocol,
  type UserNote,
} from '@/lib/types';
import { CopyButton, IanaReference, Reference, RiskBadge, type CopyFn } from './parts';

export type DetailsContent =
  | { kind: 'loading'; port: number; endPort?: number }
  | { kind: 'port'; info: PortInfo; protocol?: Protocol }
  | { kind: 'range'; summary: RangeSummary; protocol?: Protocol }
  | { kind: 'error'; message: string };

export interface PortDetailsProps {
  content: DetailsContent;
  /** Names for related and nearby ports, when known. */
  portNames?: Record<number, string>;
  /** The link target of another port (a real URL, so it works without script too). */
  hrefFor: (port: number, endPort?: number) => string;
  /** When given, following a port link calls this instead of navigating (the popup). */
  onOpenPort?: (port: number, endPort?: number) => void;
  onSaveNote: (port: number, text: string) => Promise<UserNote | null>;
  copy: CopyFn;
  /** The page's own heading level: the popup nests the view under its header. */
  level?: 1 | 2;
}

type Knowledge = KnowledgeRecord;
const isKnowledge = (r: PortRecord): r is Knowledge => r.source !== 'iana';

export function PortDetails(props: PortDetailsProps) {
  const { content } = props;
  if (content.kind === 'loading') {
    return (
      <div class="details" aria-busy="true">
        <p class="muted">Looking up {portLabel(content.port, content.endPort)}…</p>
      </div>
    );
  }
  if (content.kind === 'error') {
    return (
      <div class="details">
        <p class="error" role="alert">
          {content.message}
        </p>
      </div>
    );
  }
  if (content.kind === 'range') return <RangeDetails {...props} summary={content.summary} protocol={content.protocol} />;
  return <SinglePort {...props} info={content.info} protocol={content.protocol} />;
}

function PortLink({ port, endPort, props, children }: { port: number; endPort?: number; props: PortDetailsProps; children: ComponentChildren }) {
  const onClick = props.onOpenPort
    ? (e: TargetedMouseEvent<HTMLAnchorElement>) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        props.onOpenPort?.(port, endPort);
      }
    : undefined;
  return (
    <a href={props.hrefFor(port, endPort)} onClick={onClick}>
      {children}
    </a>
  );
}

function Section({ title, children, level, id }: { title: string; children: ComponentChildren; level: 1 | 2; id?: string }) {
  const H = level === 1 ? 'h2' : 'h3';
  const generated = useId();
  const headingId = id ?? generated;
  return (
    <section class="section" aria-labelledby={headingId}>
      <H id={headingId} class="section-title">
        {title}
      </H>
      {children}
    </section>
  );
}

function SinglePort(props: PortDetailsProps & { info: PortInfo; protocol?: Protocol }) {
  const { info, protocol, level = 1 } = props;
  const records = info.records;
  const knowledge = records.filter(isKnowledge);
  const iana = records.filter(isIana);
  const best = knowledge[0] ?? iana[0];
  const risk = highestRisk(records);
  // Curated and your records say which protocol the port is used with in
  // practice (445: TCP); IANA often reserves both.
  const practical = knowledge.length > 0 ? knowledge : records;
  const protocols: Protocol[] = protocol ? [protocol] : [...new Set(practical.flatMap((r) => r.protocols))];
  const uses = knowledge.flatMap((r) => r.uses.map((u) => ({ ...u, from: r })));
  uses.sort((a, b) => Number(!!b.primary) - Number(!!a.primary));
  const secured = knowledge.filter((r) => r.security);
  const related = [...new Set(knowledge.flatMap((r) => r.related ?? []))].filter((p) => p !== info.port);
  const H = level === 1 ? 'h1' : 'h2';
  const summary = best && isKnowledge(best) ? best.summary : best && isIana(best) && best.serviceName ? best.description : undefined;

  return (
    <article class="details">
      <header class="details-head">
        <div class="port-big" aria-hidden="true">
          {info.port}
        </div>
        <div class="head-text">
          <H class="details-title">
            <span class="visually-hidden">Port {info.port}: </span>
            {titleOf(best)}
          </H>
          <div class="chips">
            {protocols.length > 0 && <span class="chip">{protocolsLabel(protocols)}</span>}
            <span class="chip">{RANGE_CLASS_LABEL[info.rangeClass]}</span>
            {risk && <RiskBadge risk={risk} />}
          </div>
        </div>
      </header>
      {summary && <p class="summary">{summary}</p>}

      {(records.length === 0 || (info.nearby && info.nearby.length > 0)) && (
        <div class="callout">
          <p>
            {records.length === 0 ? 'No registered service uses this port' : 'No named service is registered on this port'}
            {protocol ? ` over ${protocol.toUpperCase()}` : ''}. Software may still use it unofficially.
          </p>
          {info.nearby && info.nearby.length > 0 && (
            <p>
              Nearby registered ports:{' '}
              {info.nearby.map((n, i) => (
                <>
                  {i > 0 && ', '}
                  <PortLink port={n.port} props={props}>
                    {n.port} ({n.serviceName})
                  </PortLink>
                </>
              ))}
            </p>
          )}
        </div>
      )}

      {uses.length > 0 && (
        <Section title="Popular uses" level={level}>
          <ul class="uses">
            {uses.map((u, i) => (
              <li key={i}>
                <span class="use-name">{u.name}</span>
                {u.primary && <span class="badge subtle">most common</span>}
                {u.note && <span class="use-note"> — {u.note}</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {secured.length > 0 && (
        <Section title="Security" level={level}>
          {secured.map((r) => (
            <div class={`security risk-border-${r.security!.risk}`} key={r.id}>
              <p class="security-head">
                <RiskBadge risk={r.security!.risk} />
                {secured.length > 1 && <span class="muted"> {r.title}</span>}
              </p>
              <p>{r.security!.advice}</p>
              {r.security!.vulnerabilities && r.security!.vulnerabilities.length > 0 && (
                <ul class="vulns">
                  {r.security!.vulnerabilities.map((v) => (
                    <li key={v.id}>
                      <Reference value={v.id} />
                      <span> — {v.note}</span>
                    </li>
                  ))}
                </ul>
              )}
              {r.security!.malware && r.security!.malware.length > 0 && <p class="muted">Malware seen on this port: {r.security!.malware.join(', ')}</p>}
            </div>
          ))}
        </Section>
      )}

      {related.length > 0 && (
        <Section title="Related ports" level={level}>
          <ul class="related">
            {related.map((p) => (
              <li key={p}>
                <PortLink port={p} props={props}>
                  <span class="mono">{p}</span>
                  {props.portNames?.[p] && <span class="related-name">{props.portNames[p]}</span>}
                </PortLink>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {records.length > 0 && (
        <Section title="What the sources say" level={level}>
          <ol class="records">
            {records.map((r) => (
              <RecordBlock key={r.id} record={r} port={info.port} />
            ))}
          </ol>
        </Section>
      )}

      <Section title="Your note" level={level}>
        <NoteEditor port={info.port} note={info.note} onSave={props.onSaveNote} />
      </Section>

      <Section title="Commands" level={level}>
        <Commands port={info.port} protocols={protocols} copy={props.copy} />
      </Section>
    </article>
  );
}

function RecordBlock({ record, port }: { record: PortRecord; port: number }) {
  const spans = record.endPort > record.port;
  return (
    <li class={`record source-${record.source}`}>
      <div class="record-head">
        <span class="source">{sourceLabel(record)}</span>
        <span class="muted">
          {spans && `covers ${portLabel(record.port, record.endPort)} · `}
          {protocolsLabel(record.protocols)}
        </span>
      </div>
      {isIana(record) ? (
        <>
          <p class="record-title">
            <span class="mono">{record.serviceName || '—'}</span>
            {record.description && <span> — {record.description}</span>}
            {record.alias && <span class="badge subtle">alias</span>}
          </p>
          <dl class="facts">
            {record.assignee && <Fact term="Assignee" value={record.assignee} />}
            {record.contact && record.contact !== record.assignee && <Fact term="Contact" value={record.contact} />}
            {record.registered && <Fact term="Registered" value={record.registered} />}
            {record.modified && <Fact term="Modified" value={record.modified} />}
            {record.reference && (
              <div class="fact">
                <dt>Reference</dt>
                <dd>
                  <IanaReference value={record.reference} />
                </dd>
              </div>
            )}
            {record.notes && <Fact term="Notes" value={record.notes} />}
            {record.unauthorizedUse && <Fact term="Unauthorized use reported" value={record.unauthorizedUse} />}
          </dl>
        </>
      ) : (
        <>
          <p class="record-title">{record.title}</p>
          {record.details ? <p>{record.details}</p> : <p>{record.summary}</p>}
          {record.source === 'managed' && record.notes && <p class="org-notes">{record.notes}</p>}
          {record.source === 'managed' && <p class="muted">Set by your organisation's browser policy; it cannot be changed here.</p>}
          {record.source === 'user' && <p class="muted">Updated {record.updated.slice(0, 10)}</p>}
          {record.references && record.references.length > 0 && (
            <p class="refs">
              <span class="muted">References: </span>
              {record.references.map((ref, i) => (
                <>
                  {i > 0 && ' · '}
                  <Reference value={ref} />
                </>
              ))}
            </p>
          )}
        </>
      )}
      {port !== record.port && !spans && <p class="muted">Listed for port {record.port}.</p>}
    </li>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div class="fact">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function NoteEditor({ port, note, onSave }: { port: number; note?: UserNote; onSave: (port: number, text: string) => Promise<UserNote | null> }) {
  const [text, setText] = useState(note?.text ?? '');
  const [saved, setSaved] = useState<UserNote | undefined>(note);
  const [status, setStatus] = useState('');
  const id = useId();
  useEffect(() => {
    setText(note?.text ?? '');
    setSaved(note);
    setStatus('');
  }, [port, note?.updated]);
  const dirty = text.trim() !== (saved?.text ?? '');
  const save = async (e: Event) => {
    e.preventDefault();
    setStatus('Saving…');
    try {
      const result = await onSave(port, text.trim());
      setSaved(result ?? undefined);
      setText(result?.text ?? '');
      setStatus(result ? 'Note saved.' : 'Note removed.');
    } catch (err) {
      setStatus(`Could not save: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return (
    <form class="note" onSubmit={save}>
      <label for={id} class="visually-hidden">
        Your note for port {port}
      </label>
      <textarea
        id={id}
        rows={3}
        maxLength={5000}
        placeholder="What this port is on your network (only stored in this browser)"
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save(e);
        }}
      />
      <div class="note-actions">
        <button type="submit" class="primary" disabled={!dirty}>
          Save note
        </button>
        <span class="muted" role="status">
          {status || (saved ? `Saved ${saved.updated.slice(0, 10)}` : '')}
        </span>
      </div>
    </form>
  );
}

export function Commands({ port, endPort, protocols, copy }: { port: number; endPort?: number; protocols: Protocol[]; copy: CopyFn }) {
  const [host, setHost] = useState('');
  const hostId = useId();
  const groups = useMemo(() => portCommands({ port, endPort, protocols, host: host || undefined }), [port, endPort, protocols.join(), host]);
  const shownHost = safeHost(host);
  return (
    <div class="commands">
      <div class="host-row">
        <label for={hostId}>Host</label>
        <input
          id={hostId}
          type="text"
          inputMode="url"
          spellcheck={false}
          autoComplete="off"
          placeholder="HOST (name or IP to check)"
          value={host}
          onInput={(e) => setHost(e.currentTarget.value)}
          aria-invalid={host !== '' && shownHost === 'HOST'}
        />
      </div>
      {host !== '' && shownHost === 'HOST' && <p class="error">That is not a plain host name or IP address; the commands keep HOST.</p>}
      {groups.map((g, i) => (
        <details class="cmd-group" open={i === 0} key={g.id}>
          <summary>{g.title}</summary>
          <ul>
            {g.commands.map((c, j) => (
              <li key={j} class="cmd">
                <div class="cmd-label">
                  <span>{c.label}</span>
                  <span class="badge subtle">{c.platform}</span>
                </div>
                <div class="cmd-row">
                  <code>{c.command}</code>
                  <CopyButton text={c.command} copy={copy} label="Copy" />
                </div>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}

function RangeDetails(props: PortDetailsProps & { summary: RangeSummary; protocol?: Protocol }) {
  const { summary, protocol, level = 1 } = props;
  const H = level === 1 ? 'h1' : 'h2';
  const classes = [...new Set([rangeClassOf(summary.port), rangeClassOf(summary.endPort)])];
  const risks = summary.ports.map((p) => highestRisk(p.records)).filter((r) => r !== undefined);
  const protocols: Protocol[] = protocol ? [protocol] : [...new Set([...summary.ports, { records: summary.spanning }].flatMap((p) => p.records.flatMap((r) => r.protocols)))];
  return (
    <article class="details">
      <header class="details-head">
        <div class="port-big range" aria-hidden="true">
          {portLabel(summary.port, summary.endPort)}
        </div>
        <div class="head-text">
          <H class="details-title">Ports {portLabel(summary.port, summary.endPort)}</H>
          <div class="chips">
            {protocols.length > 0 && <span class="chip">{protocolsLabel(protocols)}</span>}
            {classes.map((c) => (
              <span class="chip" key={c}>
                {RANGE_CLASS_LABEL[c]}
              </span>
            ))}
            {risks.length > 0 && <RiskBadge risk={highestRisk(summary.ports.flatMap((p) => p.records))!} />}
          </div>
        </div>
      </header>
      <p class="summary">
        {summary.endPort - summary.port + 1} ports; {summary.ports.length}
        {summary.truncated ? '+' : ''} with a record of their own{summary.spanning.length > 0 ? `, ${summary.spanning.length} range entr${summary.spanning.length === 1 ? 'y' : 'ies'} overlapping` : ''}.
      </p>
      {summary.spanning.length > 0 && (
        <Section title="Ranges overlapping" level={level}>
          <ol class="records">
            {summary.spanning.map((r) => (
              <RecordBlock key={r.id} record={r} port={r.port} />
            ))}
          </ol>
        </Section>
      )}
      <Section title="Ports in this range" level={level}>
        {summary.ports.length === 0 ? (
          <p class="muted">No port in this range has a record of its own.</p>
        ) : (
          <ul class="range-ports">
            {summary.ports.map((p) => {
              const best = p.records.find(isKnowledge) ?? p.records[0];
              const risk = highestRisk(p.records);
              return (
                <li key={p.port}>
                  <PortLink port={p.port} props={props}>
                    <span class="mono">{p.port}</span>
                    <span class="range-name">{titleOf(best)}</span>
                  </PortLink>
                  {best && isIana(best) && best.description && best.description !== best.serviceName && <span class="muted"> {best.description}</span>}
                  {risk && <RiskBadge risk={risk} />}
                </li>
              );
            })}
          </ul>
        )}
        {summary.truncated && <p class="muted">Showing the first {summary.ports.length} ports with records.</p>}
      </Section>
      <Section title="Commands" level={level}>
        <Commands port={summary.port} endPort={summary.endPort} protocols={protocols} copy={props.copy} />
      </Section>
    </article>
  );
}
