// Small pieces the popup and the details page share: risk badges, copy
// buttons, reference links. Text only: nothing here renders HTML from data.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RiskLevel } from '@/lib/types';
import { t } from '@/utils/i18n';
import { riskLabel } from '../labels';

export function RiskBadge({ risk }: { risk: RiskLevel }) {
  return <span class={`badge risk risk-${risk}`}>{riskLabel(risk)}</span>;
}

export type CopyFn = (text: string) => Promise<void>;

/** A button that copies `text` and says so for a moment (also to screen readers). */
export function CopyButton({ text, copy, label = t('common.copy'), describedBy }: { text: string; copy: CopyFn; label?: string; describedBy?: string }) {
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onClick = async () => {
    try {
      await copy(text);
      setState('done');
    } catch {
      setState('failed');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 1600);
  };
  return (
    <button type="button" class={`copy ${state}`} onClick={onClick} aria-describedby={describedBy}>
      <span aria-live="polite">{state === 'done' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : label}</span>
    </button>
  );
}

const CVE = /^CVE-\d{4}-\d{4,}$/i;
const RFC = /^\[?RFC\s?(\d{1,5})\]?$/i;

/** Where a reference can safely link: https URLs, CVE ids, RFC numbers. Anything else stays text. */
export function referenceHref(ref: string): string | null {
  const text = ref.trim();
  if (CVE.test(text)) return `https://www.cve.org/CVERecord?id=${encodeURIComponent(text.toUpperCase())}`;
  const rfc = RFC.exec(text);
  if (rfc) return `https://www.rfc-editor.org/rfc/rfc${Number(rfc[1])}`;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Shows a reference as a link when it may be one; the visible text is the reference itself. */
export function Reference({ value }: { value: string }) {
  const href = referenceHref(value);
  if (!href) return <span class="ref">{value}</span>;
  let text = value;
  try {
    const url = new URL(value);
    text = `${url.hostname.replace(/^www\./, '')}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    /* CVE or RFC: keep the id */
  }
  return (
    <a class="ref" href={href} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  );
}

/** IANA references look like "[RFC4251][RFC-ietf-…]": split them into pieces, linking RFCs. */
export function IanaReference({ value }: { value: string }) {
  const parts = value.match(/\[[^\]]+\]|[^[\]]+/g) ?? [value];
  return (
    <>
      {parts.map((part, i) => {
        const href = referenceHref(part);
        return href ? (
          <a key={i} href={href} target="_blank" rel="noopener noreferrer">
            {part.replace(/^\[|\]$/g, '')}
          </a>
        ) : (
          <span key={i}>{part.replace(/^\[|\]$/g, '')} </span>
        );
      })}
    </>
  );
}
