// The definition form's text fields <-> a knowledge entry (the same shape as
// curated records), checked with the one knowledge schema.
import * as v from 'valibot';
import { KnowledgeSchema, type KnowledgeEntry } from '@/lib/knowledge-schema';
import { normaliseEntry } from '@/lib/import/user-import';
import { isValidPort, type Protocol, type RiskLevel } from '@/lib/types';

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

function portField(text: string, label: string): number | string {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return `${label} must be a number from 0 to 65535.`;
  const n = Number(t);
  return isValidPort(n) ? n : `${label} ${t} is out of range (0–65535).`;
}

const FIELD_OF_PATH: Record<string, FormField> = { 'security.risk': 'risk', 'security.advice': 'advice' };

/** The entry the form describes, or one message per field in error. */
export function entryOfForm(form: DefinitionForm): { entry: KnowledgeEntry } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const port = portField(form.port, 'Port');
  if (typeof port === 'string') errors.port = port;
  let endPort: number | undefined;
  if (form.endPort.trim() !== '') {
    const end = portField(form.endPort, 'End port');
    if (typeof end === 'string') errors.endPort = end;
    else if (typeof port === 'number' && end < port) errors.endPort = 'End port must not be below the port.';
    else endPort = end;
  }
  if (form.protocols.length === 0) errors.protocols = 'Choose at least one protocol.';
  const related: number[] = [];
  for (const item of form.related.split(/[\s,;]+/).filter(Boolean)) {
    const r = portField(item, 'Related port');
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
  if (uses.filter((u) => u.primary).length > 1) errors.uses = 'Mark only one use as the main one (*).';
  if (form.risk === '' && form.advice.trim() !== '') errors.risk = 'Choose a risk level for the advice, or clear the advice.';
  if (form.risk !== '' && form.advice.trim() === '') errors.advice = 'Say what to do about the risk.';
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
    const message = /Invalid length: Expected >=1/.test(issue.message)
      ? 'This field is required.'
      : /Invalid length: Expected <=(\d+)/.test(issue.message)
        ? `Keep it under ${/<=(\d+)/.exec(issue.message)![1]} characters.`
        : field === 'references'
          ? 'Each reference must be an https:// URL or an identifier like "RFC 5321".'
          : issue.message;
    errors[field] ??= message;
  }
  return { errors };
}
