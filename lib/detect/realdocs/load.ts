// Reads the real-documentation corpus: samples of public repositories' files,
// named by repository, commit, path and line range, with gold port mentions
// as character offsets into the sample. The text itself is not stored here:
// it is read back from a local snapshot of the repository (a bare git
// directory, by default /work/.mirror/<owner>+<name>/repo; set
// REALDOCS_MIRROR to the folder that holds them) and checked against the
// sample's sha256, so that the labels always meet the text they were made on.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The splits of the corpus (a labels file each); fresh2 and fresh3 were labelled blind. */
export type RealdocsSplit = 'dev' | 'holdout' | 'fresh' | 'fresh2' | 'fresh3';

export interface GoldMention {
  /** Offsets into the sample text (UTF-16, end exclusive), covering the digits as the detector's spans do. */
  start: number;
  end: number;
  port: number;
  endPort?: number;
}

export interface RealSample {
  id: string;
  repo: string;
  commit: string;
  path: string;
  /** First and last line of the file in the sample (1-based, inclusive). */
  lines: [number, number];
  /** Offsets of the sample in the file. */
  start: number;
  end: number;
  sha256: string;
  /** What kind of text it is: config, cli, scanner, prose, log, negative … */
  kind: string;
  gold: GoldMention[];
}

export interface LoadedSample extends RealSample {
  text: string;
}

export const REALDOCS_DIR = dirname(fileURLToPath(import.meta.url));

export function mirrorDir(): string {
  return process.env.REALDOCS_MIRROR ?? '/work/.mirror';
}

export function gitDirOf(repo: string): string {
  return join(mirrorDir(), repo.replace('/', '+'), 'repo');
}

export function readSplit(split: RealdocsSplit): RealSample[] {
  return JSON.parse(readFileSync(join(REALDOCS_DIR, `${split}.json`), 'utf8')) as RealSample[];
}

const fileCache = new Map<string, string>();

/** The whole file at a commit, from the repository's snapshot. */
export function readRepoFile(repo: string, commit: string, path: string): string {
  const key = `${repo}@${commit}:${path}`;
  const cached = fileCache.get(key);
  if (cached !== undefined) return cached;
  const gitDir = gitDirOf(repo);
  if (!existsSync(gitDir)) throw new Error(`no snapshot of ${repo} at ${gitDir}: fetch github:${repo} first (or set REALDOCS_MIRROR)`);
  let text: string;
  try {
    text = execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch {
    throw new Error(`${repo}: cannot read ${path} at ${commit} (the snapshot may be of another commit: fetch github:${repo} again)`);
  }
  fileCache.set(key, text);
  return text;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Offsets of lines from..to (1-based, inclusive) in a file, the last line's newline left out. */
export function lineRange(file: string, from: number, to: number): { start: number; end: number } {
  let start = 0;
  for (let line = 1; line < from; line++) {
    const nl = file.indexOf('\n', start);
    if (nl < 0) throw new Error(`the file has fewer than ${from} lines`);
    start = nl + 1;
  }
  let end = start;
  for (let line = from; line <= to; line++) {
    const nl = file.indexOf('\n', end);
    if (nl < 0) { if (line < to) throw new Error(`the file has fewer than ${to} lines`); end = file.length; break; }
    end = line === to ? nl : nl + 1;
  }
  return { start, end };
}

export function loadSample(s: RealSample): LoadedSample {
  const text = readRepoFile(s.repo, s.commit, s.path).slice(s.start, s.end);
  if (sha256(text) !== s.sha256) throw new Error(`${s.id}: the text of ${s.repo} ${s.path} ${s.lines.join('-')} is not the one that was labelled`);
  return { ...s, text };
}

export function loadSplit(split: RealdocsSplit): LoadedSample[] {
  return readSplit(split).map(loadSample);
}
