// The organisation's policy for Porthole (browser-managed storage: Chrome
// policy `3rdparty.extensions.<id>`, Firefox policies.json `3rdparty`).
// Pure: whatever the policy holds, the result is the entries that check out
// and a reason for each one skipped; a bad entry never breaks the rest.
import * as v from 'valibot';
import { rangeKey } from './curated.ts';
import { checkDefinition, definitionProblemText, type DefinitionProblem } from './import/user-import.ts';
import { uiText, type UiText } from './ui-text.ts';
import { managedSitesOf } from './managed-sites.ts';
import type { ManagedRecord } from './types.ts';

/** The policy's keys (the same in public/managed-schema.json). */
export const MANAGED_KEYS = ['definitions', 'disabledSites'] as const;
/** Definitions beyond this many are skipped (a policy is not a database). */
export const MAX_MANAGED_DEFINITIONS = 5000;

export interface ManagedProblem {
  /** Where in the policy: `definitions[2]`, `disabledSites[0]`, or `policy`. */
  where: string;
  text: UiText;
}

export interface ManagedPolicy {
  records: ManagedRecord[];
  disabledSites: string[];
  problems: ManagedProblem[];
}

export const NO_POLICY: ManagedPolicy = { records: [], disabledSites: [], problems: [] };

const ExtraSchema = v.strictObject({
  team: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80))),
  notes: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2000))),
});

/** One policy definition → a record, or the reasons it is skipped. */
function managedRecordOf(item: unknown): { record: ManagedRecord } | { problems: DefinitionProblem[] } {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return checkDefinition(item) as { problems: DefinitionProblem[] };
  const { team, notes, ...definition } = item as Record<string, unknown>;
  const extra = v.safeParse(ExtraSchema, { team, notes });
  const checked = checkDefinition(definition);
  const problems = [
    ...(extra.success ? [] : extra.issues.map((issue) => extraProblem(issue))),
    ...('problems' in checked ? checked.problems : []),
  ];
  if (problems.length > 0 || 'problems' in checked || !extra.success) return { problems };
  const { entry } = checked;
  const endPort = entry.endPort ?? entry.port;
  const { endPort: _e, ...rest } = entry;
  const record: ManagedRecord = { ...rest, id: `managed:${rangeKey(entry.port, endPort)}`, source: 'managed', endPort };
  if (extra.output.team) record.team = extra.output.team;
  if (extra.output.notes) record.notes = extra.output.notes;
  return { record };
}

function extraProblem(issue: v.BaseIssue<unknown>): DefinitionProblem {
  const path = v.getDotPath(issue) ?? undefined;
  if (issue.type === 'min_length') return { path, text: uiText('import.issue.empty') };
  if (issue.type === 'max_length') return { path, text: uiText('import.issue.tooLong', { max: Number((issue as { requirement?: unknown }).requirement) }) };
  return { path, text: uiText('import.issue.type', { expected: issue.expected ?? '', received: issue.received }) };
}

/** Reads the policy as the browser gives it (`storage.managed.get()`). */
export function parseManagedPolicy(policy: unknown): ManagedPolicy {
  if (policy === undefined || policy === null) return NO_POLICY;
  if (typeof policy !== 'object' || Array.isArray(policy)) {
    return { ...NO_POLICY, problems: [{ where: 'policy', text: uiText('managed.notObject') }] };
  }
  const problems: ManagedProblem[] = [];
  const unknown = Object.keys(policy).filter((k) => !(MANAGED_KEYS as readonly string[]).includes(k));
  for (const key of unknown) problems.push({ where: key, text: uiText('managed.unknownKey', { keys: MANAGED_KEYS.map((k) => `"${k}"`).join(', ') }) });

  const records: ManagedRecord[] = [];
  const list = (policy as { definitions?: unknown }).definitions;
  if (list !== undefined && !Array.isArray(list)) problems.push({ where: 'definitions', text: uiText('managed.notList') });
  else if (list) {
    const seen = new Map<string, number>();
    list.slice(0, MAX_MANAGED_DEFINITIONS).forEach((item, i) => {
      const where = `definitions[${i}]`;
      const checked = managedRecordOf(item);
      if ('problems' in checked) {
        // One line per reason; the entry is skipped once (the view counts entries by `where`).
        for (const p of checked.problems) problems.push({ where, text: definitionProblemText(p) });
        return;
      }
      const key = rangeKey(checked.record.port, checked.record.endPort);
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({ where, text: uiText('managed.duplicate', { port: key, first: `definitions[${first}]` }) });
        return;
      }
      seen.set(key, i);
      records.push(checked.record);
    });
    if (list.length > MAX_MANAGED_DEFINITIONS) {
      problems.push({ where: 'definitions', text: uiText('managed.tooMany', { count: list.length, max: MAX_MANAGED_DEFINITIONS }) });
    }
  }
  const sites = managedSitesOf(policy);
  return { records: records.sort((a, b) => a.port - b.port), disabledSites: sites.sites, problems: [...problems, ...sites.problems] };
}
