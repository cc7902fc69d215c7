// "Ports on this page": the mentions the active tab's content script found,
// grouped by port with counts and service, each a button that reveals the
// mention in the page; the page's iframes each in their own part, after the
// page's own; copy the whole list as Markdown, CSV, JSON or firewall rules.
import { useId, useState } from 'preact/hooks';
import { portLabel } from '@/lib/format';
import { exportPage, type PagePortRow } from '@/lib/page-export';
import { mergeGroups } from '@/lib/page-mentions';
import { FIREWALL_TOOLS, type FirewallAction, type FirewallTool } from '@/lib/port-commands';
import type { RiskLevel } from '@/lib/types';
import { CopyButton, RiskBadge, type CopyFn } from '../details/parts';
import { formatNumber, say, sayValue, t } from '@/utils/i18n';

export interface PagePortView extends PagePortRow {
  risk?: RiskLevel;
  /** The key of the iframe the mentions are in (none: the page itself). */
  frame?: string;
}

/** The part of the list found in one of the page's iframes. */
export interface PageFrameView {
  key: string;
  url: string;
  title: string;
  rows: PagePortView[];
  total: number;
}

export type PagePortsState =
  | { kind: 'loading' }
  /** The tab cannot run a content script (browser pages, the web store, PDFs) or has none yet. */
  | { kind: 'unavailable'; reason: string }
  /** `rows` and `total` are the page's own; `frames` its iframes with mentions, in page order. */
  | { kind: 'ready'; url: string; title: string; rows: PagePortView[]; total: number; frames?: PageFrameView[] };

export interface PagePortsProps {
  state: PagePortsState;
  onReveal: (row: PagePortView) => void;
  copy: CopyFn;
}

/** A frame's name for its heading: its title, else its host. */
function frameName(frame: PageFrameView): string {
  const title = frame.title.trim();
  if (title) return title;
  try {
    return new URL(frame.url).host || frame.url;
  } catch {
    return frame.url;
  }
}

function PortRows({ rows, onReveal }: { rows: PagePortView[]; onReveal: (row: PagePortView) => void }) {
  return (
    <ul class="page-list">
      {rows.map((row) => (
        <li key={`${row.port}-${row.endPort ?? row.port}`}>
          <button type="button" class="page-row" onClick={() => onReveal(row)} title={row.sample}>
            <span dir="ltr" class={`result-port${row.endPort !== undefined && row.endPort !== row.port ? ' range' : ''}`}>{portLabel(row.port, row.endPort)}</span>
            <span class="result-text">
              <span class="result-title">{row.service ?? t('label.noService')}</span>
              <span class="result-detail">{row.sample}</span>
            </span>
            <span class="result-meta">
              {row.risk && row.risk !== 'info' && <RiskBadge risk={row.risk} />}
              <span class="count" aria-label={mentionCount(row.count)}>
                ×{formatNumber(row.count)}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** One part of the list (the page's own, or an iframe's) under its own heading. */
function FramePart({ title, rows, total, onReveal }: { title: string; rows: PagePortView[]; total: number; onReveal: (row: PagePortView) => void }) {
  const headingId = useId();
  return (
    <section class="page-frame" aria-labelledby={headingId}>
      <h3 id={headingId} class="frame-title">
        <span class="frame-name">{title}</span>
        <span class="count-note">
          {' · '}
          {t('page.counts', { ports: portCount(rows.length), mentions: mentionCount(total) })}
        </span>
      </h3>
      <PortRows rows={rows} onReveal={onReveal} />
    </section>
  );
}

export function PagePorts({ state, onReveal, copy }: PagePortsProps) {
  const headingId = useId();
  const frames = state.kind === 'ready' ? (state.frames ?? []) : [];
  // The whole page, iframes included: what the heading counts and the export copies.
  const all = state.kind === 'ready' ? (frames.length ? mergeGroups([state.rows, ...frames.map((f) => f.rows)]) : state.rows) : [];
  const total = state.kind === 'ready' ? state.total + frames.reduce((n, f) => n + f.total, 0) : 0;
  return (
    <section class="page-ports" aria-labelledby={headingId}>
      <h2 id={headingId} class="section-title">
        {t('page.title')}
        {state.kind === 'ready' && total > 0 && (
          <span class="count-note">
            {' · '}
            {t('page.counts', { ports: portCount(all.length), mentions: mentionCount(total) })}
          </span>
        )}
      </h2>
      {state.kind === 'loading' && <p class="muted">{t('page.reading')}</p>}
      {state.kind === 'unavailable' && <p class="muted">{state.reason}</p>}
      {state.kind === 'ready' && all.length === 0 && <p class="muted">{t('page.none')}</p>}
      {state.kind === 'ready' && all.length > 0 && (
        <>
          {frames.length === 0 ? (
            <PortRows rows={state.rows} onReveal={onReveal} />
          ) : (
            <>
              {state.rows.length > 0 && <FramePart title={t('page.ownPart')} rows={state.rows} total={state.total} onReveal={onReveal} />}
              {frames.map((frame) => (
                <FramePart key={frame.key} title={t('page.framePart', { name: frameName(frame) })} rows={frame.rows} total={frame.total} onReveal={onReveal} />
              ))}
            </>
          )}
          <ExportBar input={{ url: state.url, title: state.title, rows: all }} copy={copy} />
        </>
      )}
    </section>
  );
}

const portCount = (n: number) => t('page.portCount', n, { count: formatNumber(n) });
const mentionCount = (n: number) => t('page.mentionCount', n, { count: formatNumber(n) });

/** Copy a list of ports as Markdown, CSV, JSON or firewall rules (also used for pasted text). */
export function ExportBar({ input, copy }: { input: Parameters<typeof exportPage>[0]; copy: CopyFn }) {
  const [tool, setTool] = useState<FirewallTool>('ufw');
  const [action, setAction] = useState<FirewallAction>('allow');
  const toolId = useId();
  const actionId = useId();
  return (
    <div class="export" role="group" aria-label={t('page.exportGroup')}>
      <div class="export-row">
        <span class="muted">{t('page.copyAs')}</span>
        <CopyButton text={exportPage(input, 'markdown', say)} copy={copy} label="Markdown" />
        <CopyButton text={exportPage(input, 'csv', say)} copy={copy} label="CSV" />
        <CopyButton text={exportPage(input, 'json', say)} copy={copy} label="JSON" />
      </div>
      <div class="export-row">
        <label for={toolId} class="muted">
          {t('page.rulesFor')}
        </label>
        <select id={toolId} value={tool} onChange={(e) => setTool(e.currentTarget.value as FirewallTool)}>
          {FIREWALL_TOOLS.map((f) => (
            <option value={f.tool} key={f.tool}>
              {sayValue(f.label)}
            </option>
          ))}
        </select>
        <label for={actionId} class="visually-hidden">
          {t('page.ruleAction')}
        </label>
        <select id={actionId} value={action} onChange={(e) => setAction(e.currentTarget.value as FirewallAction)}>
          <option value="allow">{t('page.allow')}</option>
          <option value="block">{t('page.block')}</option>
        </select>
        <CopyButton text={exportPage(input, 'firewall', say, { tool, action })} copy={copy} label={t('page.copyRules')} />
      </div>
    </div>
  );
}
