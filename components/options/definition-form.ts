// The definition form's text fields <-> a knowledge entry (the same shape as
// curated records), checked with the one knowledge schema.
import * as v from 'valibot';
import { KnowledgeSchema, type KnowledgeEntry } from '@/lib/knowledge-schema';
import { normaliseEntry } from '@/lib/import/user-import';
import { isValidPort, type Protocol, type RiskLevel } from '@/lib/types';
import { formatNumber, ltr, t } from '@/utils/i18n';

export interface DefinitionForm {
  port: string;
  endPort: string;
  protocols: Protocol[];
  title: string;
  summary: string;
  details: string;
  /** One use per line: `*name: note` (`*` marks the main use). */
  uses: string;
  risk: '' | RiskLevel;
  advice: string;
  /** Ports separated by commas or spaces. */
  related: string;
  commonness: '' | '1' | '2' | '3' | '4';
  /** One per line. */
  references: string;
  /** Comma-separated. */
  keywords: string;
}

export type FormField = keyof DefinitionForm;
export type FormErrors = Partial<Record<FormField, string>>;

export const EMPTY_FORM: DefinitionForm = {
  port: '', endPort: '', protocols: ['tcp'], title: '', summary: '', details: '', uses: '', risk: '', advice: '', related: '', commonness: '', references: '', keywords: '',
};

export function formOfEntry(e: KnowledgeEntry): DefinitionForm {
  return {
    port: String(e.port),
    endPort: e.endPort !== undefined && e.endPort !== e.port ? String(e.endPort) : '',
    protocols: [...e.protocols],
    title: e.title,
    summary: e.summary,
    details: e.details ?? '',
    uses: e.uses.map((u) => `${u.primary ? '*' : ''}${u.name}${u.note ? `: ${u.note}` : ''}`).join('\n'),
    risk: e.security?.risk ?? '',
    advice: e.security?.advice ?? '',
    related: (e.related ?? []).join(', '),
    commonness: e.commonness !== undefined ? (String(e.commonness) as DefinitionForm['commonness']) : '',
    references: (e.references ?? []).join('\n'),
    keywords: (e.keywords ?? []).join(', '),
  };
}

type PortFieldName = 'port' | 'endPort' | 'related';

function portField(text: string, field: PortFieldName): number | string {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return t(`options.defs.error.${field}.notNumber`);
  const n = Number(value);
  return isValidPort(n) ? n : t(`options.defs.error.${field}.outOfRange`, { value: ltr(value) });
}

const FIELD_OF_PATH: Record<string, FormField> = { 'security.risk': 'risk', 'security.advice': 'advice' };

/** The entry the form describes, or one message per field in error. */
export function entryOfForm(form: DefinitionForm): { entry: KnowledgeEntry } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const port = portField(form.port, 'port');
  if (typeof port === 'string') errors.port = port;
  let endPort: number | undefined;
  if (form.endPort.trim() !== '') {
    const end = portField(form.endPort, 'endPort');
    if (typeof end === 'string') errors.endPort = end;
    else if (typeof port === 'number' && end < port) errors.endPort = t('options.defs.error.endBelow');
    else endPort = end;
  }
  if (form.protocols.length === 0) errors.protocols = t('options.defs.error.protocols');
  const related: number[] = [];
  for (const item of form.related.split(/[\s,;]+/).filter(Boolean)) {
    const r = portField(item, 'related');
    if (typeof r === 'string') errors.related = r;
    else related.push(r);
  }
  const uses = form.uses
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const primary = line.startsWith('*');
      const body = primary ? line.slice(1) : line;
      const colon = body.indexOf(':');
      const name = (colon === -1 ? body : body.slice(0, colon)).trim();
      const note = colon === -1 ? '' : body.slice(colon + 1).trim();
      return { name, ...(primary ? { primary: true } : {}), ...(note ? { note } : {}) };
    });
  if (uses.filter((u) => u.primary).length > 1) errors.uses = t('options.defs.error.oneMainUse');
  if (form.risk === '' && form.advice.trim() !== '') errors.risk = t('options.defs.error.riskForAdvice');
  if (form.risk !== '' && form.advice.trim() === '') errors.advice = t('options.defs.error.adviceForRisk');
  if (Object.keys(errors).length > 0) return { errors };

  const raw: Record<string, unknown> = { port, protocols: form.protocols, title: form.title, summary: form.summary, uses };
  if (endPort !== undefined) raw.endPort = endPort;
  if (form.details.trim()) raw.details = form.details;
  if (form.risk) raw.security = { risk: form.risk, advice: form.advice };
  if (related.length) raw.related = related;
  if (form.commonness) raw.commonness = Number(form.commonness);
  const references = form.references.split('\n').map((s) => s.trim()).filter(Boolean);
  if (references.length) raw.references = references;
  const keywords = form.keywords.split(',').map((s) => s.trim()).filter(Boolean);
  if (keywords.length) raw.keywords = keywords;
  const parsed = v.safeParse(KnowledgeSchema, raw);
  if (parsed.success) return { entry: normaliseEntry(parsed.output) };
  for (const issue of parsed.issues) {
    const path = v.getDotPath(issue) ?? '';
    const top = path.split('.')[0] ?? '';
    const field = FIELD_OF_PATH[path] ?? ((top in EMPTY_FORM ? top : 'title') as FormField);
    // Valibot's own messages are English: say it from the issue's kind instead.
    const message =
      issue.type === 'min_length'
        ? t('options.defs.error.required')
        : issue.type === 'max_length'
          ? t('options.defs.error.tooLong', { max: formatNumber(Number(issue.requirement)) })
          : field === 'references'
            ? t('options.defs.error.reference')
            : t('options.defs.error.invalid');
    errors[field] ??= message;
  }
  return { errors };
}
