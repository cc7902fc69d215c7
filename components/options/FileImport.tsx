// The import flow both import panels share: pick a file, see its problems or a
// preview of what it changes, then apply or cancel. The panels supply what to
// call and how to describe a preview and its result.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { MAX_IMPORT_BYTES, tooLargeMessage, type ImportProblem } from '@/lib/import/limits';
import type { ImportOutcome } from '@/lib/messages';
import { errorText, t } from '@/utils/i18n';
import { richText } from '../rich-text';
import { Problems, StatusLine, type Status } from './common';

type Step<T> =
  | { step: 'idle' }
  | { step: 'busy'; what: string }
  | { step: 'problems'; fileName: string; problems: ImportProblem[] }
  | { step: 'preview'; fileName: string; text: string; preview: T }
  | { step: 'done'; fileName: string; result: T };

type Import<T> = (file: { text: string; fileName: string }) => Promise<ImportOutcome<T>>;

/** Reads a chosen file, refusing it before reading when it is too large. */
async function readChosen(input: HTMLInputElement): Promise<{ fileName: string; text: string } | { fileName: string; problems: ImportProblem[] } | null> {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return null;
  if (file.size > MAX_IMPORT_BYTES) return { fileName: file.name, problems: [{ text: tooLargeMessage(file.size, file.name) }] };
  return { fileName: file.name, text: await file.text() };
}

/**
 * The steps of one import: `preview` checks a chosen file, `apply` writes it
 * (announced as `applying`), then `onApplied` runs. `status` is the panel's
 * status line, which the panel may also set for its own actions.
 */
export function useFileImport<T>({ preview, apply, applying, onApplied }: { preview: Import<T>; apply: Import<T>; applying: string; onApplied: () => void }) {
  const [step, setStep] = useState<Step<T>>({ step: 'idle' });
  const [status, setStatus] = useState<Status>(null);

  const failed = (err: unknown) => {
    setStep({ step: 'idle' });
    setStatus({ kind: 'error', text: t('options.io.failed', { error: errorText(err) }) });
  };

  const choose = async (e: Event) => {
    setStatus(null);
    try {
      const chosen = await readChosen(e.currentTarget as HTMLInputElement);
      if (!chosen) return;
      if ('problems' in chosen) return setStep({ step: 'problems', ...chosen });
      setStep({ step: 'busy', what: t('options.io.reading', { file: chosen.fileName }) });
      const o = await preview({ text: chosen.text, fileName: chosen.fileName });
      setStep(o.valid ? { step: 'preview', fileName: chosen.fileName, text: chosen.text, preview: o.result } : { step: 'problems', fileName: chosen.fileName, problems: o.problems });
    } catch (err) {
      failed(err);
    }
  };

  const applyChosen = async () => {
    if (step.step !== 'preview') return;
    const { fileName, text } = step;
    setStep({ step: 'busy', what: applying });
    try {
      const o = await apply({ text, fileName });
      setStep(o.valid ? { step: 'done', fileName, result: o.result } : { step: 'problems', fileName, problems: o.problems });
      onApplied();
    } catch (err) {
      failed(err);
    }
  };

  return { step, status, setStatus, choose, apply: applyChosen, reset: () => setStep({ step: 'idle' }) };
}

export type FileImportFlow<T> = ReturnType<typeof useFileImport<T>>;

/**
 * The file input and what follows it: the status line, progress, problems,
 * the preview with Apply and Cancel, and the result.
 */
export function FileImport<T>({
  flow,
  id,
  label,
  accept,
  hint,
  previewLabel,
  summary,
  children,
  applyLabel,
  canApply = () => true,
  done,
}: {
  flow: FileImportFlow<T>;
  id: string;
  label: string;
  accept: string;
  hint: ComponentChildren;
  /** The preview region's accessible name. */
  previewLabel: string;
  /** Follows "Preview of <file>" in the preview's title. */
  summary?: (preview: T) => ComponentChildren;
  /** The preview's body. */
  children: (preview: T) => ComponentChildren;
  applyLabel: string;
  canApply?: (preview: T) => boolean;
  /** Follows "Imported <file>: " once applied. */
  done: (result: T) => ComponentChildren;
}) {
  const { step } = flow;
  return (
    <>
      <div class="file-pick">
        <label for={id}>{label}</label>
        <input id={id} class="file-input" type="file" accept={accept} onChange={(e) => void flow.choose(e)} />
        <span class="hint">{hint}</span>
      </div>
      <StatusLine status={flow.status} />
      {step.step === 'busy' && (
        <p class="status" role="status">
          {step.what}
        </p>
      )}
      {step.step === 'problems' && <Problems title={t('options.io.cannotImport', { file: step.fileName })} problems={step.problems} />}
      {step.step === 'preview' && (
        <div class="preview" role="region" aria-label={previewLabel}>
          <p class="preview-title">
            {richText({ file: <strong>{step.fileName}</strong> }, (slots) => t('options.io.previewOf', slots))}
            {summary?.(step.preview)}
          </p>
          {children(step.preview)}
          <div class="actions">
            <button type="button" class="primary" onClick={() => void flow.apply()} disabled={!canApply(step.preview)}>
              {applyLabel}
            </button>
            <button type="button" onClick={flow.reset}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {step.step === 'done' && (
        <p class="status status-ok" role="status">
          {t('options.io.imported', { file: step.fileName })} {done(step.result)}
        </p>
      )}
    </>
  );
}
