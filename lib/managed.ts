// The organisation's policy for Porthole (browser-managed storage: Chrome
// policy `3rdparty.extensions.<id>`, Firefox policies.json `3rdparty`).
// Pure: whatever the policy holds, the result is the entries that check out
// and a reason for each one skipped; a bad entry never breaks the rest.
import * as v from 'valibot';
import { rangeKey } from './curated.ts';
import { checkDefinition } from './import/user-import.ts';
import { managedSitesOf } from './managed-sites.ts';
import type { ManagedRecord } from './types.ts';

/** The policy's keys (the same in public/managed-schema.json). */
export const MANAGED_KEYS = ['definitions', 'disabledSites'] as const;
/** Definitions beyond this many are skipped (a policy is not a database). */
export const MAX_MANAGED_DEFINITIONS = 5000;

export interface ManagedProblem {
  /** Where in the policy: `definitions[2]`, `disabledSites[0]`, or `policy`. */
  where: string;
  message: string;
}

export interface ManagedPolicy {
  records: ManagedRecord[];
  disabledSites: string[];
  problems: ManagedProblem[];
}

export const NO_POLICY: ManagedPolicy = { records: [], disabledSites: [], problems: [] };

const ExtraSchema = v.strictObject({
  team: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty.'), v.maxLength(80, 'is longer than 80 characters.'))),
  notes: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty.'), v.maxLength(2000, 'is longer than 2000 characters.'))),
});

/** One policy definition → a record, or the reasons it is skipped. */
function managedRecordOf(item: unknown): { record: ManagedRecord } | { problems: string[] } {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return checkDefinition(item) as { problems: string[] };
  const { team, notes, ...definition } = item as Record<string, unknown>;
  const extra = v.safeParse(ExtraSchema, { team, notes });
  const checked = checkDefinition(definition);
  const problems = [
    ...(extra.success ? [] : extra.issues.map((issue) => `${v.getDotPath(issue) ?? 'entry'}: ${issue.message}`)),
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

/** Reads the policy as the browser gives it (`storage.managed.get()`). */
export function parseManagedPolicy(policy: unknown): ManagedPolicy {
  if (policy === undefined || policy === null) return NO_POLICY;
  if (typeof policy !== 'object' || Array.isArray(policy)) {
    return { ...NO_POLICY, problems: [{ where: 'policy', message: 'must be an object with "definitions" and/or "disabledSites"; nothing in it was used.' }] };
  }
  const problems: ManagedProblem[] = [];
  const unknown = Object.keys(policy).filter((k) => !(MANAGED_KEYS as readonly string[]).includes(k));
  for (const key of unknown) problems.push({ where: key, message: `is not a Porthole policy; expected ${MANAGED_KEYS.map((k) => `"${k}"`).join(' or ')}.` });

  const records: ManagedRecord[] = [];
  const list = (policy as { definitions?: unknown }).definitions;
  if (list !== undefined && !Array.isArray(list)) problems.push({ where: 'definitions', message: 'must be a list of port definitions.' });
  else if (list) {
    const seen = new Map<string, number>();
    list.slice(0, MAX_MANAGED_DEFINITIONS).forEach((item, i) => {
      const where = `definitions[${i}]`;
      const checked = managedRecordOf(item);
      if ('problems' in checked) {
        problems.push({ where, message: checked.problems.map((m) => m.replace(/^: /, '')).join(' ') });
        return;
      }
      const key = rangeKey(checked.record.port, checked.record.endPort);
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({ where, message: `port ${key} is already defined by definitions[${first}]; this one is skipped.` });
        return;
      }
      seen.set(key, i);
      records.push(checked.record);
    });
    if (list.length > MAX_MANAGED_DEFINITIONS) {
      problems.push({ where: 'definitions', message: `has ${list.length} entries; only the first ${MAX_MANAGED_DEFINITIONS} are used.` });
    }
  }
  const sites = managedSitesOf(policy);
  return { records: records.sort((a, b) => a.port - b.port), disabledSites: sites.sites, problems: [...problems, ...sites.problems] };
}
