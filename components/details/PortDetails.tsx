// The details view of one port or range: every record from every source with
// attribution and dates, popular uses, security notes, related ports, the
// user's note and copy-ready commands. Shown in the popup and on the details
// page. A pure view: data and callbacks come in as props; database and page
// text are rendered as text only.
import type { ComponentChildren, TargetedMouseEvent } from 'preact';
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { highestRisk, isIana, portLabel, protocolsLabel } from '@/lib/format';
import { portCommands, safeHost } from '@/lib/port-commands';
import type { RangeSummary } from '@/lib/repository';
import {
  rangeClassOf,
  type KnowledgeRecord,
  type PortInfo,
  type PortRecord,
  type Protocol,
  type UserNote,
} from '@/lib/types';
import { errorText, formatDate, formatList, formatNumber, ltr, say, t } from '@/utils/i18n';
import { knowledgeLang, portsTitle, rangeClassLabel, recordTitle, sourceLabel } from '../labels';
import type { Exposure } from '@/lib/exposure';
import { ExposureLine } from '../ExposureLine';
import { ChangedElsewhere } from '../ChangedElsewhere';
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
  /** Where the mention the view was opened from said the port listens. */
  exposure?: Exposure;
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
        <p class="muted">{t('details.lookingUp', { port: ltr(portLabel(content.port, content.endPort)) })}</p>
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
        <div class="port-big" aria-hidden="true" dir="ltr">
          {info.port}
        </div>
        <div class="head-text">
          <H class="details-title">
            <span class="visually-hidden">{t('details.portPrefix', { port: ltr(info.port) })}</span>
            <span lang={best ? knowledgeLang(best) : undefined}>{recordTitle(best)}</span>
          </H>
          <div class="chips">
            {protocols.length > 0 && (
              <span class="chip" dir="ltr">
                {protocolsLabel(protocols)}
              </span>
            )}
            <span class="chip">{rangeClassLabel(info.rangeClass)}</span>
            {risk && <RiskBadge risk={risk} />}
          </div>
        </div>
      </header>
      {props.exposure && <ExposureLine exposure={props.exposure} risk={risk} />}
      {summary && (
        <p class="summary" lang={best ? knowledgeLang(best) : undefined}>
          {summary}
        </p>
      )}

      {(records.length === 0 || (info.nearby && info.nearby.length > 0)) && (
        <div class="callout">
          <p>
            {noServiceText(records.length === 0, protocol)} {t('details.unofficial')}
          </p>
          {info.nearby && info.nearby.length > 0 && (
            <p>
              {t('details.nearby')}{' '}
              {info.nearby.map((n, i) => (
                <>
                  {i > 0 && ', '}
                  <PortLink port={n.port} props={props}>
                    <bdi dir="ltr">
                      {n.port} ({n.serviceName})
                    </bdi>
                  </PortLink>
                </>
              ))}
            </p>
          )}
        </div>
      )}

      {uses.length > 0 && (
        <Section title={t('details.popularUses')} level={level}>
          <ul class="uses">
            {uses.map((u, i) => (
              <li key={i}>
                <span class="use-name" lang={knowledgeLang(u.from)}>
                  {u.name}
                </span>
                {u.primary && <span class="badge subtle">{t('details.mostCommon')}</span>}
                {u.note && <span class="use-note" lang={knowledgeLang(u.from)}> — {u.note}</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {secured.length > 0 && (
        <Section title={t('details.security')} level={level}>
          {secured.map((r) => (
            <div class={`security risk-border-${r.security!.risk}`} key={r.id}>
              <p class="security-head">
                <RiskBadge risk={r.security!.risk} />
                {secured.length > 1 && <span class="muted"> {r.title}</span>}
              </p>
              <p lang={knowledgeLang(r)}>{r.security!.advice}</p>
              {r.security!.vulnerabilities && r.security!.vulnerabilities.length > 0 && (
                <ul class="vulns" lang={knowledgeLang(r)}>
                  {r.security!.vulnerabilities.map((v) => (
                    <li key={v.id}>
                      <Reference value={v.id} />
                      <span> — {v.note}</span>
                    </li>
                  ))}
                </ul>
              )}
              {r.security!.malware && r.security!.malware.length > 0 && <p class="muted">{t('details.malware', { names: formatList(r.security!.malware, 'unit') })}</p>}
            </div>
          ))}
        </Section>
      )}

      {related.length > 0 && (
        <Section title={t('details.related')} level={level}>
          <ul class="related">
            {related.map((p) => (
              <li key={p}>
                <PortLink port={p} props={props}>
                  <span class="mono" dir="ltr">
                    {p}
                  </span>
                  {props.portNames?.[p] && <span class="related-name">{props.portNames[p]}</span>}
                </PortLink>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {records.length > 0 && (
        <Section title={t('details.sources')} level={level}>
          <ol class="records">
            {records.map((r) => (
              <RecordBlock key={r.id} record={r} port={info.port} />
            ))}
          </ol>
        </Section>
      )}

      <Section title={t('details.yourNote')} level={level}>
        <NoteEditor port={info.port} note={info.note} onSave={props.onSaveNote} />
      </Section>

      <Section title={t('details.commands')} level={level}>
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
          {spans && t('details.covers', { range: ltr(portLabel(record.port, record.endPort)) })}
          <bdi dir="ltr">{protocolsLabel(record.protocols)}</bdi>
        </span>
      </div>
      {isIana(record) ? (
        <>
          <p class="record-title">
            <span class="mono" dir="ltr">
              {record.serviceName || '—'}
            </span>
            {record.description && <span lang="en"> — {record.description}</span>}
            {record.alias && <span class="badge subtle">{t('details.alias')}</span>}
          </p>
          <dl class="facts">
            {record.assignee && <Fact term={t('details.assignee')} value={record.assignee} />}
            {record.contact && record.contact !== record.assignee && <Fact term={t('details.contact')} value={record.contact} />}
            {record.registered && <Fact term={t('details.registered')} value={formatDate(record.registered)} />}
            {record.modified && <Fact term={t('details.modified')} value={formatDate(record.modified)} />}
            {record.reference && (
              <div class="fact">
                <dt>{t('details.reference')}</dt>
                <dd dir="ltr">
                  <IanaReference value={record.reference} />
                </dd>
              </div>
            )}
            {record.notes && <Fact term={t('details.notes')} value={record.notes} lang="en" />}
            {record.unauthorizedUse && <Fact term={t('details.unauthorized')} value={record.unauthorizedUse} lang="en" />}
          </dl>
        </>
      ) : (
        <>
          <p class="record-title" lang={knowledgeLang(record)}>
            {record.title}
          </p>
          <p lang={knowledgeLang(record)}>{record.details || record.summary}</p>
          {record.source === 'managed' && record.notes && <p class="org-notes">{record.notes}</p>}
          {record.source === 'managed' && <p class="muted">{t('details.managedNote')}</p>}
          {record.source === 'user' && (
            <p class="muted">
              {t('details.updated', { date: formatDate(record.updated) })} <ChangedElsewhere at={record.changedElsewhere} />
            </p>
          )}
          {record.references && record.references.length > 0 && (
            <p class="refs">
              <span class="muted">{t('details.references')}</span>
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
      {port !== record.port && !spans && <p class="muted">{t('details.listedFor', { port: ltr(record.port) })}</p>}
    </li>
  );
}

function Fact({ term, value, lang }: { term: string; value: string; lang?: string }) {
  return (
    <div class="fact">
      <dt>{term}</dt>
      <dd lang={lang}>{value}</dd>
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
    setStatus(t('details.saving'));
    try {
      const result = await onSave(port, text.trim());
      setSaved(result ?? undefined);
      setText(result?.text ?? '');
      setStatus(result ? t('details.noteSaved') : t('details.noteRemoved'));
    } catch (err) {
      setStatus(t('details.couldNotSave', { error: errorText(err) }));
    }
  };
  return (
    <form class="note" onSubmit={save}>
      <label for={id} class="visually-hidden">
        {t('details.noteLabel', { port: ltr(port) })}
      </label>
      <textarea
        id={id}
        rows={3}
        maxLength={5000}
        placeholder={t('details.notePlaceholder')}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save(e);
        }}
      />
      <div class="note-actions">
        <button type="submit" class="primary" disabled={!dirty}>
          {t('common.saveNote')}
        </button>
        <span class="muted" role="status">
          {status || (saved ? t('details.savedOn', { date: formatDate(saved.updated) }) : '')}
        </span>
        {!status && <ChangedElsewhere at={saved?.changedElsewhere} />}
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
        <label for={hostId}>{t('details.host')}</label>
        <input
          id={hostId}
          type="text"
          inputMode="url"
          spellcheck={false}
          autoComplete="off"
          dir="ltr"
          placeholder={t('details.hostPlaceholder')}
          value={host}
          onInput={(e) => setHost(e.currentTarget.value)}
          aria-invalid={host !== '' && shownHost === 'HOST'}
        />
      </div>
      {host !== '' && shownHost === 'HOST' && <p class="error">{t('details.badHost')}</p>}
      {groups.map((g, i) => (
        <details class="cmd-group" open={i === 0} key={g.id}>
          <summary>{say(g.title)}</summary>
          <ul>
            {g.commands.map((c, j) => (
              <li key={j} class="cmd">
                <div class="cmd-label">
                  <span>{say(c.label)}</span>
                  <span class="badge subtle">{formatList(c.platforms, 'unit')}</span>
                </div>
                <div class="cmd-row">
                  <code dir="ltr">{c.command}</code>
                  <CopyButton text={c.command} copy={copy} />
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
        <div class="port-big range" aria-hidden="true" dir="ltr">
          {portLabel(summary.port, summary.endPort)}
        </div>
        <div class="head-text">
          <H class="details-title">{portsTitle(portLabel(summary.port, summary.endPort))}</H>
          <div class="chips">
            {protocols.length > 0 && (
              <span class="chip" dir="ltr">
                {protocolsLabel(protocols)}
              </span>
            )}
            {classes.map((c) => (
              <span class="chip" key={c}>
                {rangeClassLabel(c)}
              </span>
            ))}
            {risks.length > 0 && <RiskBadge risk={highestRisk(summary.ports.flatMap((p) => p.records))!} />}
          </div>
        </div>
      </header>
      {props.exposure && <ExposureLine exposure={props.exposure} risk={highestRisk(summary.ports.flatMap((p) => p.records))} />}
      <p class="summary">{rangeSummaryText(summary)}</p>
      {summary.spanning.length > 0 && (
        <Section title={t('details.rangesOverlapping')} level={level}>
          <ol class="records">
            {summary.spanning.map((r) => (
              <RecordBlock key={r.id} record={r} port={r.port} />
            ))}
          </ol>
        </Section>
      )}
      <Section title={t('details.portsInRange')} level={level}>
        {summary.ports.length === 0 ? (
          <p class="muted">{t('details.rangeNone')}</p>
        ) : (
          <ul class="range-ports">
            {summary.ports.map((p) => {
              const best = p.records.find(isKnowledge) ?? p.records[0];
              const risk = highestRisk(p.records);
              return (
                <li key={p.port}>
                  <PortLink port={p.port} props={props}>
                    <span class="mono" dir="ltr">
                      {p.port}
                    </span>
                    <span class="range-name" lang={best ? knowledgeLang(best) : undefined}>
                      {recordTitle(best)}
                    </span>
                  </PortLink>
                  {best && isIana(best) && best.description && best.description !== best.serviceName && (
                    <span class="muted" lang="en">
                      {' '}
                      {best.description}
                    </span>
                  )}
                  {risk && <RiskBadge risk={risk} />}
                </li>
              );
            })}
          </ul>
        )}
        {summary.truncated && <p class="muted">{t('details.rangeFirst', { count: formatNumber(summary.ports.length) })}</p>}
      </Section>
      <Section title={t('details.commands')} level={level}>
        <Commands port={summary.port} endPort={summary.endPort} protocols={protocols} copy={props.copy} />
      </Section>
    </article>
  );
}

function noServiceText(noRecords: boolean, protocol: Protocol | undefined): string {
  if (protocol) {
    const over = { protocol: ltr(protocol.toUpperCase()) };
    return noRecords ? t('details.noServiceUsesOver', over) : t('details.noNamedServiceOver', over);
  }
  return noRecords ? t('details.noServiceUses') : t('details.noNamedService');
}

/** "11 ports; 3 with a record of their own, 1 range entry overlapping." */
function rangeSummaryText(summary: RangeSummary): string {
  const size = summary.endPort - summary.port + 1;
  const own = summary.ports.length;
  const ports = t('details.rangePortCount', size, { count: formatNumber(size) });
  const records = t('details.rangeRecordCount', own, { count: `${formatNumber(own)}${summary.truncated ? '+' : ''}` });
  if (summary.spanning.length === 0) return t('details.rangeSummary', { ports, records });
  const overlaps = t('details.rangeOverlapCount', summary.spanning.length, { count: formatNumber(summary.spanning.length) });
  return t('details.rangeSummaryOverlap', { ports, records, overlaps });
}
