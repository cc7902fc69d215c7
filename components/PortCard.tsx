// The hover card: everything Porthole knows about one port or range, with
// actions. Pure view: data and callbacks come in as props; page text is only
// ever rendered as text.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Exposure } from '@/lib/exposure';
import { highestRisk, ianaLine, portLabel, protocolsLabel } from '@/lib/format';
import type { RangeSummary } from '@/lib/repository';
import { ChangedElsewhere } from './ChangedElsewhere';
import { ExposureLine, exposurePlainText } from './ExposureLine';
import {
  rangeClassOf,
  type KnowledgeRecord,
  type IanaRecord,
  type PortInfo,
  type PortRecord,
  type Protocol,
  type RiskLevel,
  type UserNote,
} from '@/lib/types';
import { formatList, formatNumber, ltr, t, uiLocale } from '@/utils/i18n';
import { knowledgeLang, portTitle, portsTitle, rangeClassLabel, riskLabel, sourceLabel } from './labels';

export type CardContent =
  | { kind: 'loading'; port: number; endPort?: number }
  | { kind: 'port'; info: PortInfo; protocol?: Protocol }
  | { kind: 'range'; summary: RangeSummary }
  | { kind: 'none'; text: string }
  | { kind: 'error'; port?: number; message: string };

export interface CardChoice {
  port: number;
  endPort?: number;
  protocol?: Protocol;
}

export interface PortCardProps {
  content: CardContent;
  /** Who can reach the port, when the mention's text gave an address or a container publish. */
  exposure?: Exposure;
  /** A link's scheme (`https`) when the port is the one it implies: the link itself names no port. */
  impliedBy?: string;
  /** Several ports in a selection: chips to switch between them. */
  choices?: CardChoice[];
  chosen?: number;
  onChoose?: (index: number) => void;
  /** Opens another port in the card (related, nearby, a port of a range). */
  onOpenPort: (port: number) => void;
  onBack?: () => void;
  onCopy: (text: string) => Promise<boolean>;
  onDetails: (port: number, endPort?: number, protocol?: Protocol) => void;
  /** Turns Porthole off on this site; absent where the page has no site. */
  onDisableSite?: () => void;
  onSaveNote: (port: number, text: string) => Promise<void>;
  onClose: () => void;
  /** Focus the card when it opens (keyboard and menu), not on hover. */
  autoFocus?: boolean;
}

type Knowledge = KnowledgeRecord;

const isKnowledge = (r: PortRecord): r is Knowledge => r.source !== 'iana';
const isIana = (r: PortRecord): r is IanaRecord => r.source === 'iana';

export function RiskBadge({ risk }: { risk: RiskLevel }) {
  return <span class={`badge risk-${risk}`}>{riskLabel(risk)}</span>;
}

function protocolsOf(records: readonly PortRecord[], given?: Protocol): Protocol[] {
  if (given) return [given];
  const set = new Set<Protocol>();
  for (const r of records) for (const p of r.protocols) set.add(p);
  return [...set];
}

/** The name a port goes by: your title, Porthole's title, or IANA's service name. */
export function portName(info: PortInfo): string | undefined {
  const k = info.records.find(isKnowledge);
  if (k) return k.title;
  const i = info.records.find((r): r is IanaRecord => isIana(r) && !!r.serviceName);
  return i?.serviceName;
}

/** The language of a port's name: English unless it is your own. */
function nameLang(info: PortInfo): 'en' | undefined {
  const k = info.records.find(isKnowledge);
  return k ? knowledgeLang(k) : 'en';
}

/** Plain text of what the card says, for the Copy action. */
export function cardPlainText(content: CardContent, exposure?: Exposure): string {
  if (content.kind === 'port') {
    const { info } = content;
    const protocols = protocolsOf(info.records, content.protocol);
    const lines = [`${portTitle(info.port)}${protocols.length ? `/${protocolsLabel(protocols)}` : ''}${portName(info) ? ` — ${portName(info)}` : ''}`];
    lines.push(rangeClassLabel(info.rangeClass));
    if (exposure) lines.push(exposurePlainText(exposure));
    for (const r of info.records) {
      if (isKnowledge(r)) {
        lines.push(`${r.summary} (${sourceLabel(r)})`);
        if (r.uses.length) lines.push(t('card.plain.uses', { names: formatList(r.uses.map((u) => u.name), 'unit') }));
        if (r.security) lines.push(`${riskLabel(r.security.risk)}: ${r.security.advice}`);
      } else if (!r.alias) {
        lines.push(`${ianaLine(r)} (${sourceLabel(r)})`);
      }
    }
    if (info.records.length === 0) lines.push(t('card.plain.noService'));
    if (info.note) lines.push(t('card.plain.myNote', { text: info.note.text }));
    return lines.join('\n');
  }
  if (content.kind === 'range') {
    const { summary } = content;
    const lines = [portsTitle(portLabel(summary.port, summary.endPort))];
    if (exposure) lines.push(exposurePlainText(exposure));
    for (const r of summary.spanning) lines.push(`${portLabel(r.port, r.endPort)}: ${isIana(r) ? ianaLine(r) : r.title}`);
    for (const p of summary.ports) lines.push(`${p.port}: ${portName(p) ?? ''}`);
    return lines.join('\n');
  }
  if (content.kind === 'none') return t('card.plain.noPort');
  if (content.kind === 'loading') return portTitle(content.port) + (content.endPort !== undefined && content.endPort !== content.port ? `–${content.endPort}` : '');
  return content.message;
}

function Source({ record, children }: { record: PortRecord; children?: ComponentChildren }) {
  return (
    <p class="source">
      {sourceLabel(record)}
      {children}
    </p>
  );
}

const USES_SHOWN = 5;

function KnowledgeBlock({ record }: { record: Knowledge }) {
  const uses = [...record.uses].sort((a, b) => Number(!!b.primary) - Number(!!a.primary));
  const shown = uses.slice(0, USES_SHOWN);
  return (
    <section class="block" aria-label={`${sourceLabel(record)}: ${record.title}`}>
      <p class="summary" lang={knowledgeLang(record)}>
        {record.summary}
      </p>
      {shown.length > 0 && (
        <>
          <h3>{t('card.commonUses')}</h3>
          <ul class="uses" lang={knowledgeLang(record)}>
            {shown.map((u) => (
              <li key={u.name} class={u.primary ? 'primary' : undefined}>
                {u.name}
                {u.note && <span class="muted"> — {u.note}</span>}
              </li>
            ))}
            {uses.length > shown.length && (
              <li class="muted more" lang={knowledgeLang(record) && uiLocale()}>
                {t('card.moreUses', { count: formatNumber(uses.length - shown.length) })}
              </li>
            )}
          </ul>
        </>
      )}
      <Source record={record}>{record.source === 'user' && record.changedElsewhere && <> <ChangedElsewhere at={record.changedElsewhere} /></>}</Source>
    </section>
  );
}

function SecurityBlock({ record }: { record: Knowledge }) {
  const security = record.security;
  if (!security) return null;
  return (
    <section class={`block security risk-${security.risk}`} aria-label={t('card.securityLabel', { risk: riskLabel(security.risk) })}>
      <div class="security-head">
        <h3>{t('card.security')}</h3>
        <RiskBadge risk={security.risk} />
      </div>
      <p lang={knowledgeLang(record)}>{security.advice}</p>
      {security.vulnerabilities && security.vulnerabilities.length > 0 && (
        <ul class="vulns" lang={knowledgeLang(record)}>
          {security.vulnerabilities.slice(0, 3).map((v) => (
            <li key={v.id}>
              <code>{v.id}</code> {v.note}
            </li>
          ))}
        </ul>
      )}
      {security.malware && security.malware.length > 0 && <p class="muted">{t('card.malware', { names: formatList(security.malware, 'unit') })}</p>}
      <Source record={record} />
    </section>
  );
}

function IanaBlock({ records, port }: { records: IanaRecord[]; port: number }) {
  const main = records.filter((r) => !r.alias);
  const aliases = records.filter((r) => r.alias && r.serviceName).map((r) => r.serviceName);
  const shown = (main.length ? main : records).slice(0, 4);
  return (
    <section class="block" aria-label={t('card.iana')}>
      <h3>{t('card.iana')}</h3>
      <ul class="iana">
        {shown.map((r) => (
          <li key={r.id}>
            {r.serviceName ? <code>{r.serviceName}</code> : null}
            {r.serviceName && r.description ? ' — ' : null}
            {r.description ? <span lang="en">{r.description}</span> : !r.serviceName ? t('card.reserved') : null}
            <span class="muted">
              {' '}
              (<bdi dir="ltr">{protocolsLabel(r.protocols)}</bdi>
              {r.endPort !== r.port && r.port !== port ? `, ${t('card.rangeNote', { range: ltr(portLabel(r.port, r.endPort)) })}` : ''})
            </span>
          </li>
        ))}
      </ul>
      {aliases.length > 0 && <p class="muted">{t('card.alsoRegistered', { names: formatList(aliases, 'unit') })}</p>}
      {shown[0] && <Source record={shown[0]} />}
    </section>
  );
}

function PortLink({ port, label, onOpen }: { port: number; label?: string; onOpen: (port: number) => void }) {
  return (
    <button type="button" class="chip" onClick={() => onOpen(port)} title={t('card.explainPort', { port: ltr(port) })}>
      <bdi dir="ltr">{port}</bdi>
      {label ? <span class="chip-label"> {label}</span> : null}
    </button>
  );
}

function NoteEditor({ port, note, onSave }: { port: number; note?: UserNote; onSave: (port: number, text: string) => Promise<void> }) {
  const initial = note?.text;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(initial ?? '');
  const [state, setState] = useState<'idle' | 'saving' | 'error'>('idle');
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (editing) area.current?.focus();
  }, [editing]);
  useEffect(() => {
    setText(initial ?? '');
    setEditing(false);
  }, [port, initial]);

  if (!editing) {
    return (
      <section class="block note" aria-label={t('card.myNote')}>
        {initial ? (
          <>
            <h3>{t('card.myNote')}</h3>
            <p class="note-text">{initial}</p>
            {note?.changedElsewhere && (
              <p>
                <ChangedElsewhere at={note.changedElsewhere} />
              </p>
            )}
            <button type="button" class="link" onClick={() => setEditing(true)}>
              {t('card.editNote')}
            </button>
          </>
        ) : (
          <button type="button" class="link" onClick={() => setEditing(true)}>
            {t('card.addNote', { port: ltr(port) })}
          </button>
        )}
      </section>
    );
  }
  const save = async () => {
    setState('saving');
    try {
      await onSave(port, text.trim());
      setState('idle');
      setEditing(false);
    } catch {
      setState('error');
    }
  };
  return (
    <section class="block note" aria-label={t('card.myNote')}>
      <label class="note-label">
        {t('card.myNoteAbout', { port: ltr(port) })}
        <textarea
          ref={area}
          value={text}
          maxLength={5000}
          rows={3}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
            e.stopPropagation();
          }}
        />
      </label>
      <div class="row">
        <button type="button" class="btn primary" disabled={state === 'saving'} onClick={() => void save()}>
          {t('common.saveNote')}
        </button>
        <button type="button" class="btn" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </button>
        {state === 'error' && <span class="error">{t('card.noteFailed')}</span>}
      </div>
    </section>
  );
}

function PortBody({ info, protocol, onOpenPort, onSaveNote }: { info: PortInfo; protocol?: Protocol; onOpenPort: (p: number) => void; onSaveNote: PortCardProps['onSaveNote'] }) {
  const knowledge = info.records.filter(isKnowledge);
  const iana = info.records.filter(isIana);
  const related = [...new Set(knowledge.flatMap((k) => k.related ?? []))].filter((p) => p !== info.port).slice(0, 8);
  return (
    <>
      {knowledge.map((k) => (
        <KnowledgeBlock key={k.id} record={k} />
      ))}
      {iana.length > 0 && <IanaBlock records={iana} port={info.port} />}
      {knowledge.map((k) => (
        <SecurityBlock key={`${k.id}-security`} record={k} />
      ))}
      {info.records.length === 0 && (
        <section class="block">
          <p class="summary">{protocol ? t('card.noServiceOver', { protocol: ltr(protocol.toUpperCase()) }) : t('card.noService')}</p>
          {info.nearby && info.nearby.length > 0 && (
            <>
              <h3>{t('card.nearby')}</h3>
              <div class="chips">
                {info.nearby.map((n) => (
                  <PortLink key={n.port} port={n.port} label={n.serviceName} onOpen={onOpenPort} />
                ))}
              </div>
            </>
          )}
        </section>
      )}
      {related.length > 0 && (
        <section class="block" aria-label={t('card.related')}>
          <h3>{t('card.related')}</h3>
          <div class="chips">
            {related.map((p) => (
              <PortLink key={p} port={p} onOpen={onOpenPort} />
            ))}
          </div>
        </section>
      )}
      <NoteEditor port={info.port} note={info.note} onSave={onSaveNote} />
    </>
  );
}

function RangeBody({ summary, onOpenPort }: { summary: RangeSummary; onOpenPort: (p: number) => void }) {
  return (
    <>
      {summary.spanning.length > 0 && (
        <section class="block" aria-label={t('card.rangeRegistered')}>
          <h3>{t('card.rangeRegisteredTitle')}</h3>
          <ul class="iana">
            {summary.spanning.slice(0, 5).map((r) => (
              <li key={r.id}>
                <strong dir="ltr">{portLabel(r.port, r.endPort)}</strong> <span lang={knowledgeLang(r)}>{isIana(r) ? ianaLine(r) : r.title}</span>
                <span class="muted"> ({sourceLabel(r)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="block" aria-label={t('card.rangePorts')}>
        <h3>{summary.ports.length ? t('card.rangeKnown') : t('card.rangeNone')}</h3>
        {summary.ports.length > 0 && (
          <ul class="range-ports">
            {summary.ports.map((p) => {
              const risk = highestRisk(p.records);
              return (
                <li key={p.port}>
                  <PortLink port={p.port} onOpen={onOpenPort} />
                  {portName(p) ? (
                    <span class="range-name" lang={nameLang(p)}>
                      {portName(p)}
                    </span>
                  ) : (
                    <span class="range-name">{t('card.reservedName')}</span>
                  )}
                  {risk && risk !== 'info' && <RiskBadge risk={risk} />}
                </li>
              );
            })}
          </ul>
        )}
        {summary.truncated && <p class="muted">{t('card.rangeMore')}</p>}
      </section>
    </>
  );
}

function Header({ id, content }: { id: string; content: CardContent }) {
  let title: ComponentChildren;
  let sub: ComponentChildren = null;
  let chips: ComponentChildren = null;
  if (content.kind === 'port') {
    const { info } = content;
    const protocols = protocolsOf(info.records, content.protocol);
    const risk = highestRisk(info.records);
    const name = portName(info);
    title = (
      <>
        <span class="port-num">{portTitle(info.port)}</span>
        {name && (
          <span class="port-name" lang={nameLang(info)}>
            {name}
          </span>
        )}
      </>
    );
    chips = (
      <>
        {protocols.length > 0 && (
          <span class="badge proto" dir="ltr">
            {protocolsLabel(protocols)}
          </span>
        )}
        {risk && <RiskBadge risk={risk} />}
      </>
    );
    sub = rangeClassLabel(info.rangeClass);
  } else if (content.kind === 'range') {
    const { port, endPort } = content.summary;
    title = <span class="port-num">{portsTitle(portLabel(port, endPort))}</span>;
    const a = rangeClassOf(port);
    const b = rangeClassOf(endPort);
    sub = a === b ? rangeClassLabel(a) : t('label.rangeClass.span', { from: rangeClassLabel(a), to: rangeClassLabel(b) });
    const risk = highestRisk(content.summary.ports.flatMap((p) => p.records));
    chips = risk && risk !== 'info' ? <RiskBadge risk={risk} /> : null;
  } else if (content.kind === 'loading') {
    title = <span class="port-num">{content.endPort !== undefined ? portsTitle(portLabel(content.port, content.endPort)) : portTitle(content.port)}</span>;
    sub = t('card.lookingUp');
  } else if (content.kind === 'none') {
    title = <span class="port-num">{t('card.noPort')}</span>;
  } else {
    title = <span class="port-num">{content.port !== undefined ? portTitle(content.port) : t('manifest.name')}</span>;
  }
  return (
    <header class="head">
      <div class="title-row">
        <div class="head-chips">{chips}</div>
        <h2 id={id}>{title}</h2>
      </div>
      {sub && <p class="range-class">{sub}</p>}
    </header>
  );
}

function currentTarget(content: CardContent): { port: number; endPort?: number; protocol?: Protocol } | null {
  if (content.kind === 'port') return { port: content.info.port, ...(content.protocol ? { protocol: content.protocol } : {}) };
  if (content.kind === 'range') return { port: content.summary.port, endPort: content.summary.endPort };
  if (content.kind === 'loading') return { port: content.port, ...(content.endPort !== undefined ? { endPort: content.endPort } : {}) };
  if (content.kind === 'error' && content.port !== undefined) return { port: content.port };
  return null;
}

export function PortCard(props: PortCardProps) {
  const { content, choices, chosen = 0 } = props;
  const headingId = useId();
  const root = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  useEffect(() => {
    if (props.autoFocus) root.current?.focus();
  }, [props.autoFocus]);
  useEffect(() => setCopied('idle'), [content]);
  const target = currentTarget(content);

  return (
    <div
      ref={root}
      class="card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      {choices && choices.length > 1 && (
        <div class="choices" role="group" aria-label={t('card.choices')}>
          {choices.map((c, i) => (
            <button key={`${c.port}-${c.endPort ?? ''}`} type="button" class={`chip${i === chosen ? ' active' : ''}`} aria-pressed={i === chosen} onClick={() => props.onChoose?.(i)}>
              <bdi dir="ltr">
                {portLabel(c.port, c.endPort)}
                {c.protocol ? `/${c.protocol}` : ''}
              </bdi>
            </button>
          ))}
        </div>
      )}
      <Header id={headingId} content={content} />
      <div class="body">
        {props.impliedBy && target && <p class="implied">{t('card.impliedPort', { scheme: ltr(`${props.impliedBy}://`), port: ltr(target.port) })}</p>}
        {props.exposure && content.kind === 'port' && <ExposureLine exposure={props.exposure} risk={highestRisk(content.info.records)} />}
        {props.exposure && content.kind === 'range' && <ExposureLine exposure={props.exposure} risk={highestRisk(content.summary.ports.flatMap((p) => p.records))} />}
        {content.kind === 'port' && <PortBody info={content.info} protocol={content.protocol} onOpenPort={props.onOpenPort} onSaveNote={props.onSaveNote} />}
        {content.kind === 'range' && <RangeBody summary={content.summary} onOpenPort={props.onOpenPort} />}
        {content.kind === 'none' && (
          <section class="block">
            <p class="summary">
              {content.text
                ? t('card.noPortInSelection')
                : t('card.noPortAtCaret')}
            </p>
            {content.text && <p class="quote">“{content.text.length > 120 ? `${content.text.slice(0, 120)}…` : content.text}”</p>}
          </section>
        )}
        {content.kind === 'error' && (
          <section class="block">
            <p class="error">{content.message}</p>
          </section>
        )}
      </div>
      <footer class="actions">
        {props.onBack && (
          <button type="button" class="btn" onClick={props.onBack}>
            {t('card.back')}
          </button>
        )}
        {content.kind !== 'none' && content.kind !== 'loading' && (
          <button
            type="button"
            class="btn"
            onClick={async () => setCopied((await props.onCopy(cardPlainText(content, props.exposure))) ? 'done' : 'failed')}
          >
            {copied === 'done' ? t('common.copied') : copied === 'failed' ? t('common.copyFailed') : t('common.copy')}
          </button>
        )}
        {target && (
          <button type="button" class="btn" onClick={() => props.onDetails(target.port, target.endPort, target.protocol)}>
            {t('card.details')}
          </button>
        )}
        <span class="spacer" />
        {props.onDisableSite && (
          <button type="button" class="btn quiet" onClick={props.onDisableSite} title={t('card.notOnSiteTitle')}>
            {t('card.notOnSite')}
          </button>
        )}
        <button type="button" class="btn quiet close" aria-label={t('card.close')} onClick={props.onClose}>
          ×
        </button>
      </footer>
    </div>
  );
}
