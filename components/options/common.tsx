// Small pieces every options view uses.
import type { ComponentChildren } from 'preact';
import type { ImportProblem } from '@/lib/import/limits';
import { useId } from 'preact/hooks';
import { portLabel, protocolsLabel } from '@/lib/format';
import type { ManagedRecord, UserRecord } from '@/lib/types';
import { say, t } from '@/utils/i18n';
import { riskLabel } from '../labels';

export type Status = { kind: 'ok' | 'error'; text: string } | null;

/** A polite status line (role=status) or an alert for errors. */
export function StatusLine({ status, id }: { status: Status; id?: string }) {
  if (!status) return <p class="status" role="status" id={id} />;
  return status.kind === 'error' ? (
    <p class="status status-error" role="alert" id={id}>
      {status.text}
    </p>
  ) : (
    <p class="status status-ok" role="status" id={id}>
      {status.text}
    </p>
  );
}

export function Problems({ problems, title }: { problems: ImportProblem[]; title: string }) {
  return (
    <div class="problems" role="alert">
      <p class="problems-title">{title}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {p.line !== undefined && <span class="line-no">{t('options.lineNo', { line: p.line })}</span>}
            {say(p.text)}
          </li>
        ))}
      </ul>
      <p class="problems-foot">{t('options.nothingChanged')}</p>
    </div>
  );
}

export function Section({ title, intro, children, id }: { title: string; intro?: ComponentChildren; children: ComponentChildren; id?: string }) {
  // Ids from the title would collide in scripts \W does not match (Japanese, Arabic…).
  const generated = useId();
  const headingId = id ? `${id}-heading` : generated;
  return (
    <section class="panel" aria-labelledby={headingId} id={id}>
      <h2 id={headingId}>{title}</h2>
      {intro && <p class="intro">{intro}</p>}
      {children}
    </section>
  );
}

/** A scrollable table region, focusable so keyboard users can scroll it. */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/**
 * The head line of a port definition in a list: its port (a link to its
 * details), protocols, title, where it comes from (`badge`), its risk, then
 * whatever actions the list offers.
 */
export function DefinitionHead({ record, detailsHref, badge, children }: { record: UserRecord | ManagedRecord; detailsHref: string; badge: ComponentChildren; children?: ComponentChildren }) {
  return (
    <div class="item-head">
      <a class="port-chip" href={detailsHref} target="_blank" rel="noopener" dir="ltr">
        {portLabel(record.port, record.endPort)}
      </a>
      <span class="proto" dir="ltr">
        {protocolsLabel(record.protocols)}
      </span>
      <strong class="item-title">{record.title}</strong>
      {badge}
      {record.security && <span class={`badge risk-${record.security.risk}`}>{riskLabel(record.security.risk)}</span>}
      {children}
    </div>
  );
}
