// "Paste to explain": a text box for ss/netstat/docker ps/compose/nmap
// output, firewall rules or logs; every port in it listed by what deserves
// attention first, with service, risk and where it listens, a summary in
// words and the same exports as "ports on this page". The detector runs in
// slices with a pause between them, so the view never freezes; nothing
// leaves the browser.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { findPortMentions } from '@/lib/detect';
import { exposureTone, reachLabel } from '@/lib/exposure';
import { portLabel } from '@/lib/format';
import { findPastePorts, pasteRefusal, pasteRows, pasteSummary, type PasteRow, type PortGist, type SummaryLine } from '@/lib/paste';
import { RiskBadge, type CopyFn } from '../details/parts';
import { ExportBar } from '../page/PagePorts';
import { richText } from '../rich-text';
import { errorText, formatNumber, say, t } from '@/utils/i18n';

export interface PasteExplainProps {
  /** Service names and risks for these ports (the database). */
  describePorts: (ports: number[]) => Promise<Map<number, PortGist>>;
  copy: CopyFn;
  /** Open from the start (the details page); the popup starts folded. */
  open?: boolean;
}

type State =
  | { kind: 'idle' }
  | { kind: 'refused'; message: string }
  | { kind: 'reading' }
  | { kind: 'done'; rows: PasteRow[]; summary: { kind: SummaryLine['kind']; text: string }[]; total: number }
  | { kind: 'error'; message: string };

/** Pastes longer than this are read without being shown in the box: laying out megabytes of text in a textarea alone freezes a page. */
const SHOWN_CHARS = 200_000;

/** Lets the browser paint and handle input between slices of detection. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function PasteExplain({ describePorts, copy, open = false }: PasteExplainProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  /** How many answers (lists, refusals, errors) were given: lets a watcher tell a new one from the last. */
  const [answers, setAnswers] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const running = useRef<AbortController | null>(null);
  /** A paste too long to show in the box, kept here instead (the box then stays empty). */
  const [unshown, setUnshown] = useState<{ text: string; size: string } | null>(null);
  const fieldId = useId();
  const hintId = useId();
  useEffect(() => () => running.current?.abort(), []);
  // The box is uncontrolled: megabytes of text never go through component state.
  const currentText = () => unshown?.text ?? area.current?.value ?? '';

  const explain = async (text: string) => {
    running.current?.abort();
    const refusal = pasteRefusal(text);
    if (refusal) {
      setState({ kind: 'refused', message: say(refusal) });
      setAnswers((n) => n + 1);
      return;
    }
    const controller = new AbortController();
    running.current = controller;
    setState({ kind: 'reading' });
    try {
      const ports = await findPastePorts(text, findPortMentions, pause, controller.signal);
      const gists = await describePorts(ports.map((p) => p.port));
      if (controller.signal.aborted) return;
      // Who can reach each port, in the reader's words (the list and the exports show it).
      const rows = pasteRows(ports, gists).map((r) => (r.exposure ? { ...r, reach: say(reachLabel(r.exposure)) } : r));
      setState({ kind: 'done', rows, summary: pasteSummary(rows).map((line) => ({ kind: line.kind, text: say(line.text) })), total: rows.reduce((n, r) => n + r.count, 0) });
    } catch (err) {
      if (controller.signal.aborted) return;
      setState({ kind: 'error', message: t('paste.failed', { error: errorText(err) }) });
    }
    setAnswers((n) => n + 1);
  };

  return (
    <details class="paste" open={open} data-answers={answers}>
      <summary class="section-title">{t('paste.title')}</summary>
      <label for={fieldId} class="paste-label">
        {richText(
          { ss: <code>ss -tlnp</code>, netstat: <code>netstat -an</code>, docker: <code>docker ps</code>, nmap: <code>nmap</code> },
          (slots) => t('paste.label', slots),
        )}
      </label>
      <textarea
        id={fieldId}
        ref={area}
        class="paste-box"
        rows={5}
        spellcheck={false}
        aria-describedby={hintId}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void explain(currentText());
          }
        }}
        onInput={() => setUnshown(null)}
        onPaste={(e) => {
          const text = e.clipboardData?.getData('text/plain');
          if (!text) return;
          e.preventDefault();
          const box = e.currentTarget;
          if (text.length > SHOWN_CHARS) {
            box.value = '';
            setUnshown({ text, size: formatNumber(Math.round(text.length / 1024 / 102.4) / 10) });
            void explain(text);
          } else {
            setUnshown(null);
            box.setRangeText(text, box.selectionStart, box.selectionEnd, 'end');
            void explain(box.value);
          }
        }}
      />
      {unshown && <p class="muted">{t('paste.tooLong', { size: unshown.size })}</p>}
      <div class="paste-actions">
        <button type="button" class="primary" onClick={() => void explain(currentText())} disabled={state.kind === 'reading'}>
          {t('paste.explain')}
        </button>
        <span id={hintId} class="muted">
          {t('paste.hint', { mb: formatNumber(5) })}
        </span>
      </div>
      <div aria-live="polite">
        {state.kind === 'reading' && (
          <p class="muted" aria-busy="true">
            {t('paste.reading')}
          </p>
        )}
        {state.kind === 'refused' && (
          <p class="error" role="alert">
            {state.message}
          </p>
        )}
        {state.kind === 'error' && (
          <p class="error" role="alert">
            {state.message}
          </p>
        )}
        {state.kind === 'done' && (
          <div class="paste-summary">
            {state.summary.map((line) => (
              <p key={line.kind} class={`summary-line summary-${line.kind}`}>
                {line.text}
              </p>
            ))}
          </div>
        )}
      </div>
      {state.kind === 'done' && state.rows.length > 0 && (
        <>
          <p class="count-note muted">
            {t('page.counts', {
              ports: t('page.portCount', state.rows.length, { count: formatNumber(state.rows.length) }),
              mentions: t('page.mentionCount', state.total, { count: formatNumber(state.total) }),
            })}
          </p>
          <ul class="page-list paste-list" aria-label={t('paste.listLabel')}>
            {state.rows.map((row) => (
              <li key={`${row.port}-${row.endPort ?? row.port}`} class="page-row paste-row">
                <span dir="ltr" class={`result-port${row.endPort !== undefined ? ' range' : ''}`}>{portLabel(row.port, row.endPort)}</span>
                <span class="result-text">
                  <span class="result-title">{row.service ?? t('label.noService')}</span>
                  {row.exposure && row.reach && <span class={`reach tone-${exposureTone(row.exposure, row.risk)}`}>{row.reach}</span>}
                  <span class="result-detail">{row.sample}</span>
                </span>
                <span class="result-meta">
                  {row.risk && row.risk !== 'info' && <RiskBadge risk={row.risk} />}
                  <span class="count" aria-label={t('page.mentionCount', row.count, { count: formatNumber(row.count) })}>
                    ×{formatNumber(row.count)}
                  </span>
                </span>
              </li>
            ))}
          </ul>
          <ExportBar input={{ url: '', title: t('paste.exportTitle'), rows: state.rows }} copy={copy} />
        </>
      )}
    </details>
  );
}
