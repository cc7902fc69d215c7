// The splits of the real-documentation corpus: any name with a labels file in
// lib/detect/realdocs (dev, holdout, fresh …), so that a new held-out split
// needs no change to the scripts.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REALDOCS_DIR, type RealdocsSplit } from '../lib/detect/realdocs/load.ts';

export function realdocsSplits(): string[] {
  return readdirSync(REALDOCS_DIR).filter((f) => f.endsWith('.labels')).map((f) => f.slice(0, -'.labels'.length)).sort();
}

/** The split of that name, or undefined when it has no labels file. */
export function realdocsSplit(name: string | undefined): RealdocsSplit | undefined {
  if (!name || !/^[a-z0-9-]+$/.test(name) || !existsSync(join(REALDOCS_DIR, `${name}.labels`))) return undefined;
  // load.ts names the splits made so far in its type; a newer one is read the same way, by file name.
  return name as RealdocsSplit;
}

/**
 * The development splits, which may be shown with the detector's output: dev,
 * fresh since it was scored once as a held-out split at the end of round 3
 * (cda6c83), fresh2 since it was scored once at the end of round 4 (d4d3d4a),
 * and fresh3 since it was scored once at the end of round 5 (a5ec03d). Every
 * other split (holdout …) is labelled blind and stays unseen: its labels are
 * shown without the detector's output.
 */
export const SPLITS_SHOWN_WITH_HITS: readonly string[] = ['dev', 'fresh', 'fresh2', 'fresh3'];
