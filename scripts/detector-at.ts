// The port-mention detector as it was at an earlier commit, for the identity
// check (scripts/detect-identity.ts) and the A/B benchmark (bench/detect-ab.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TraceEntry } from '../lib/detect/trace.ts';
import type { PortMention } from '../lib/detect/types.ts';

export type Detect = (text: string) => PortMention[];
export type Trace = (text: string) => TraceEntry[];

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Extracts lib/detect (and the shared types it imports) at rev into a
 * temporary folder and imports its findPortMentions (and its traceMentions,
 * undefined at commits before the rule trace). Throws when rev is not a
 * commit. Call cleanup() to remove the folder.
 */
export async function detectorAt(rev: string): Promise<{ detect: Detect; trace: Trace | undefined; commit: string; cleanup: () => void }> {
  let commit: string;
  try {
    commit = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    throw new Error(`not a commit: ${rev}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'detector-at-'));
  try {
    const archive = execFileSync('git', ['archive', '--format=tar', commit, 'lib/detect', 'lib/types.ts'], { cwd: ROOT, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    const mod = (await import(pathToFileURL(join(dir, 'lib/detect/index.ts')).href)) as { findPortMentions: Detect; traceMentions?: Trace };
    return { detect: mod.findPortMentions, trace: mod.traceMentions, commit, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
