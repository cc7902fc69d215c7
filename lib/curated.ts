// Turns the curated files of data/curated/ into records, checking each one
// against the knowledge schema and against the other files.
import * as v from 'valibot';
import { CuratedFileSchema, type KnowledgeEntry } from './knowledge-schema.ts';
import type { CuratedRecord } from './types.ts';

export interface CuratedProblem {
  file: string;
  message: string;
}

export function rangeKey(port: number, endPort: number): string {
  return port === endPort ? String(port) : `${port}-${endPort}`;
}

export function curatedRecordOf(entry: KnowledgeEntry): CuratedRecord {
  const endPort = entry.endPort ?? entry.port;
  const { endPort: _e, ...rest } = entry;
  return { ...rest, id: `curated:${rangeKey(entry.port, endPort)}`, source: 'curated', endPort };
}

/**
 * Validates parsed curated files. `knownPorts` tells whether a related port
 * is described elsewhere (the IANA registry); curated ports count too.
 */
export function loadCurated(
  files: { name: string; content: unknown }[],
  knownPorts: (port: number) => boolean,
): { records: CuratedRecord[]; problems: CuratedProblem[] } {
  const problems: CuratedProblem[] = [];
  const records: CuratedRecord[] = [];
  const seen = new Map<string, string>();
  for (const { name, content } of files) {
    const parsed = v.safeParse(CuratedFileSchema, content);
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        problems.push({ file: name, message: `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}` });
      }
      continue;
    }
    for (const entry of parsed.output.ports) {
      const record = curatedRecordOf(entry);
      const key = rangeKey(record.port, record.endPort);
      const where = `${name} ${key}`;
      if (record.endPort < record.port) problems.push({ file: name, message: `${key}: endPort before port` });
      const previous = seen.get(key);
      if (previous) problems.push({ file: name, message: `${key} is already described in ${previous}` });
      seen.set(key, name);
      const primaries = record.uses.filter((u) => u.primary).length;
      if (primaries > 1) problems.push({ file: name, message: `${where}: more than one primary use` });
      records.push(record);
    }
  }
  const curatedPorts = new Set(records.map((r) => r.port));
  for (const r of records) {
    for (const related of r.related ?? []) {
      if (related === r.port) problems.push({ file: r.id, message: `relates to itself` });
      else if (!curatedPorts.has(related) && !knownPorts(related)) {
        problems.push({ file: r.id, message: `related port ${related} is neither curated nor registered` });
      }
    }
  }
  return { records, problems };
}
