// "Ports on this page": the mentions the active tab's content script found,
// grouped by port with counts and service, each a button that reveals the
// mention in the page; copy the list as Markdown, CSV, JSON or firewall rules.
import { useId, useState } from 'preact/hooks';
import { portLabel } from '@/lib/format';
import { exportPage, type PagePortRow } from '@/lib/page-export';
import { FIREWALL_TOOLS, type FirewallAction, type FirewallTool } from '@/lib/port-commands';
import type { RiskLevel } from '@/lib/types';
import { CopyButton, RiskBadge, type CopyFn } from '../details/parts';

export interface PagePortView extends PagePortRow {
  risk?: RiskLevel;
}

export type PagePortsState =
  | { kind: 'loading' }
  /** The tab cannot run a content script (browser pages, the web store, PDFs) or has none yet. */
  | { kind: 'unavailable'; reason: string }
  | { kind: 'ready'; url: string; title: string; rows: PagePortView[]; total: number };

export interface PagePortsProps {
  state: PagePortsState;
  onReveal: (row: PagePortView) => void;
  copy: CopyFn;
}

export function PagePorts({ state, onReveal, copy }: PagePortsProps) {
  const headingId = useId();
  return (
    <section class="page-ports" aria-labelledby={headingId}>
      <h2 id={headingId} class="section-title">
        On this page
        {state.kind === 'ready' && state.total > 0 && (
          <span class="count-note">
            {' '}
            · {state.rows.length} port{state.rows.length === 1 ? '' : 's'}, {state.total} mention{state.total === 1 ? '' : 's'}
          </span>
        )}
      </h2>
      {state.kind === 'loading' && <p class="muted">Reading the page…</p>}
      {state.kind === 'unavailable' && <p class="muted">{state.reason}</p>}
      {state.kind === 'ready' && state.rows.length === 0 && <p class="muted">No port numbers found on this page.</p>}
      {state.kind === 'ready' && state.rows.length > 0 && (
        <>
          <ul class="page-list">
            {state.rows.map((row) => (
              <li key={`${row.port}-${row.endPort ?? row.port}`}>
                <button type="button" class="page-row" onClick={() => onReveal(row)} title={row.sample}>
                  <span class={`result-port${row.endPort !== undefined && row.endPort !== row.port ? ' range' : ''}`}>{portLabel(row.port, row.endPort)}</span>
                  <span class="result-text">
                    <span class="result-title">{row.service ?? 'No registered service'}</span>
                    <span class="result-detail">{row.sample}</span>
                  </span>
                  <span class="result-meta">
                    {row.risk && row.risk !== 'info' && <RiskBadge risk={row.risk} />}
                    <span class="count" aria-label={`${row.count} mention${row.count === 1 ? '' : 's'}`}>
                      ×{row.count}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <ExportBar input={{ url: state.url, title: state.title, rows: state.rows }} copy={copy} />
        </>
      )}
    </section>
  );
}

/** Copy a list of ports as Markdown, CSV, JSON or firewall rules (also used for pasted text). */
export function ExportBar({ input, copy }: { input: Parameters<typeof exportPage>[0]; copy: CopyFn }) {
  const [tool, setTool] = useState<FirewallTool>('ufw');
  const [action, setAction] = useState<FirewallAction>('allow');
  const toolId = useId();
  const actionId = useId();
  return (
    <div class="export" role="group" aria-label="Copy the list">
      <div class="export-row">
        <span class="muted">Copy as</span>
        <CopyButton text={exportPage(input, 'markdown')} copy={copy} label="Markdown" />
        <CopyButton text={exportPage(input, 'csv')} copy={copy} label="CSV" />
        <CopyButton text={exportPage(input, 'json')} copy={copy} label="JSON" />
      </div>
      <div class="export-row">
        <label for={toolId} class="muted">
          Rules for
        </label>
        <select id={toolId} value={tool} onChange={(e) => setTool(e.currentTarget.value as FirewallTool)}>
          {FIREWALL_TOOLS.map((t) => (
            <option value={t.tool} key={t.tool}>
              {t.label}
            </option>
          ))}
        </select>
        <label for={actionId} class="visually-hidden">
          Rule action
        </label>
        <select id={actionId} value={action} onChange={(e) => setAction(e.currentTarget.value as FirewallAction)}>
          <option value="allow">allow</option>
          <option value="block">block</option>
        </select>
        <CopyButton text={exportPage(input, 'firewall', { tool, action })} copy={copy} label="Copy rules" />
      </div>
    </div>
  );
}
