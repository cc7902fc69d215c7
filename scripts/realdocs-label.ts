// Authoring tool for the real-documentation corpus (lib/detect/realdocs).
// Labels are written by hand in lib/detect/realdocs/<split>.labels:
//
//   @ <id> <owner/name> <commit> <path> <from>-<to> <kind>   a sample: lines from..to of a file
//   <line> <span>[#n] [=PORT[-END]]                          a gold mention on that file line:
//        the span's text (the port's digits, or a range from first to last digit), the nth such
//        text on the line (default 1st); the port is the span's first number, END its last
//   none                                                     the sample has no mention
//   # …                                                      a comment
//
//   <split> is any name with a labels file there: dev, holdout, fresh, fresh2, fresh3 …
//
//   node --experimental-strip-types scripts/realdocs-label.ts show <split> [--hits] [id …]
//     prints samples with file line numbers; gold spans in «», and with --hits the detector's
//     spans in ⟦⟧ (development splits only, dev, fresh, fresh2 and fresh3: every other split,
//     holdout among them, is labelled blind, so --hits is refused there)
//   node --experimental-strip-types scripts/realdocs-label.ts draft dev [id …]
//     prints label lines from the detector's output for samples not yet labelled (dev only),
//     as a first suggestion to check by hand
//   node --experimental-strip-types scripts/realdocs-label.ts build <split>
//     resolves the labels to offsets and writes lib/detect/realdocs/<split>.json
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPortMentions } from '../lib/detect/index.ts';
import {
  REALDOCS_DIR, lineRange, readRepoFile, sha256, type GoldMention, type RealSample, type RealdocsSplit,
} from '../lib/detect/realdocs/load.ts';
import { SPLITS_SHOWN_WITH_HITS, realdocsSplit, realdocsSplits } from './realdocs-splits.ts';

interface LabelLine { line: number; span: string; nth: number; port?: number; endPort?: number; where: string }
interface Draft { id: string; repo: string; commit: string; path: string; from: number; to: number; kind: string; none: boolean; labels: LabelLine[] }

function parseLabels(split: RealdocsSplit): Draft[] {
  const file = join(REALDOCS_DIR, `${split}.labels`);
  const drafts: Draft[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const where = `${split}.labels:${i + 1}`;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('@ ')) {
      const [id, repo, commit, path, range, kind] = line.slice(2).trim().split(/\s+/);
      const m = /^(\d+)-(\d+)$/.exec(range ?? '');
      if (!id || !repo || !commit || !path || !m || !kind) throw new Error(`${where}: a sample is "@ id owner/name commit path from-to kind"`);
      if (drafts.some((d) => d.id === id)) throw new Error(`${where}: sample id ${id} used twice`);
      drafts.push({ id, repo, commit, path, from: Number(m[1]), to: Number(m[2]), kind, none: false, labels: [] });
      return;
    }
    const d = drafts.at(-1);
    if (!d) throw new Error(`${where}: label before any sample`);
    if (line === 'none') { d.none = true; return; }
    const m = /^(\d+) (.+?)(?:#(\d+))?(?: =(\d+)(?:-(\d+))?)?$/.exec(line);
    if (!m) throw new Error(`${where}: a label is "<line> <span>[#n] [=PORT[-END]]"`);
    d.labels.push({
      line: Number(m[1]), span: m[2]!, nth: m[3] ? Number(m[3]) : 1,
      port: m[4] ? Number(m[4]) : undefined, endPort: m[5] ? Number(m[5]) : undefined, where,
    });
  });
  return drafts;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function resolve(d: Draft): RealSample {
  const file = readRepoFile(d.repo, d.commit, d.path);
  const { start, end } = lineRange(file, d.from, d.to);
  const text = file.slice(start, end);
  if (d.none && d.labels.length) throw new Error(`${d.id}: "none" and labels`);
  if (!d.none && !d.labels.length) throw new Error(`${d.id}: not labelled yet (labels, or "none")`);
  const gold: GoldMention[] = d.labels.map((l) => {
    if (l.line < d.from || l.line > d.to) throw new Error(`${l.where}: line ${l.line} is outside ${d.from}-${d.to}`);
    const ls = lineRange(file, l.line, l.line);
    const lineText = file.slice(ls.start, ls.end);
    let at = -1;
    for (let seen = 0, from = 0; seen < l.nth; from = at + 1) {
      at = lineText.indexOf(l.span, from);
      if (at < 0) throw new Error(`${l.where}: "${l.span}" #${l.nth} not on line ${l.line}: ${lineText}`);
      if (!isDigit(lineText[at - 1]) && !isDigit(lineText[at + l.span.length])) seen++;
    }
    const numbers = l.span.match(/\d+/g) ?? [];
    if (!numbers.length || !isDigit(l.span[0]) || !isDigit(l.span.at(-1))) throw new Error(`${l.where}: a span starts and ends with digits`);
    const port = l.port ?? Number(numbers[0]);
    const last = Number(numbers.at(-1));
    const endPort = l.endPort ?? (numbers.length > 1 && last !== port ? last : undefined);
    const g: GoldMention = { start: ls.start - start + at, end: ls.start - start + at + l.span.length, port };
    if (endPort !== undefined) g.endPort = endPort;
    return g;
  });
  gold.sort((a, b) => a.start - b.start);
  return { id: d.id, repo: d.repo, commit: d.commit, path: d.path, lines: [d.from, d.to], start, end, sha256: sha256(text), kind: d.kind, gold };
}

function show(d: Draft, hits: boolean): void {
  const file = readRepoFile(d.repo, d.commit, d.path);
  const { start, end } = lineRange(file, d.from, d.to);
  const text = file.slice(start, end);
  const marks: { at: number; s: string }[] = [];
  if (d.labels.length) {
    for (const g of resolve(d).gold) marks.push({ at: g.start, s: '«' }, { at: g.end, s: '»' });
  }
  if (hits) for (const m of findPortMentions(text)) marks.push({ at: m.start, s: '⟦' }, { at: m.end, s: '⟧' });
  marks.sort((a, b) => a.at - b.at);
  let out = '';
  let pos = 0;
  for (const mk of marks) { out += text.slice(pos, mk.at) + mk.s; pos = mk.at; }
  out += text.slice(pos);
  console.log(`@ ${d.id} ${d.repo} ${d.path} ${d.from}-${d.to} ${d.kind}${d.none ? ' (none)' : ''}`);
  out.split('\n').forEach((l, i) => console.log(`${String(d.from + i).padStart(6)}| ${l}`));
}

function draft(d: Draft): void {
  const file = readRepoFile(d.repo, d.commit, d.path);
  const { start, end } = lineRange(file, d.from, d.to);
  const text = file.slice(start, end);
  console.log(`@ ${d.id} ${d.repo} ${d.commit} ${d.path} ${d.from}-${d.to} ${d.kind}`);
  const got = findPortMentions(text);
  if (!got.length) console.log('none');
  for (const m of got) {
    const before = text.slice(0, m.start);
    const line = d.from + (before.match(/\n/g)?.length ?? 0);
    const lineStart = before.lastIndexOf('\n') + 1;
    const span = text.slice(m.start, m.end);
    let nth = 0;
    for (let at = text.indexOf(span, lineStart); at >= 0 && at <= m.start; at = text.indexOf(span, at + 1)) {
      if (!isDigit(text[at - 1]) && !isDigit(text[at + span.length])) nth++;
    }
    console.log(`${line} ${span}${nth > 1 ? `#${nth}` : ''}`);
  }
}

const [cmd, name, ...rest] = process.argv.slice(2);
const split = realdocsSplit(name);
if (!split || !['show', 'draft', 'build'].includes(cmd ?? '')) {
  console.error(`usage: realdocs-label.ts show|draft|build ${realdocsSplits().join('|')} [--hits] [id …]`);
  process.exit(2);
}
if ((cmd === 'draft' || rest.includes('--hits')) && !SPLITS_SHOWN_WITH_HITS.includes(split)) {
  console.error(`the ${split} split is labelled blind: draft and --hits are for the development splits only (${SPLITS_SHOWN_WITH_HITS.join(', ')})`);
  process.exit(2);
}
const ids = rest.filter((a) => !a.startsWith('--'));
const drafts = parseLabels(split).filter((d) => !ids.length || ids.includes(d.id));
if (cmd === 'show') {
  for (const d of drafts) show(d, rest.includes('--hits'));
} else if (cmd === 'draft') {
  for (const d of drafts) if (!d.labels.length && !d.none) draft(d);
} else {
  const samples = drafts.map(resolve);
  writeFileSync(join(REALDOCS_DIR, `${split}.json`), `${JSON.stringify(samples, null, 1)}\n`);
  const gold = samples.reduce((n, s) => n + s.gold.length, 0);
  console.log(`${split}: ${samples.length} samples from ${new Set(samples.map((s) => s.repo)).size} repositories, ${gold} gold mentions`);
}
