// Prints precision, recall and F1 of the port-mention detector, with Wilson 95%
// intervals, and lists every miss.
//   node --experimental-strip-types scripts/detect-quality.ts [--all] [--quiet] [--holdout|--holdout2|--holdout3|--realdocs <split>]
// With no split it scores the labelled corpus in lib/detect/fixtures.
// --holdout scores the held-out corpus in lib/detect/holdout instead (cases
// written without looking at the detector or its fixtures; not used by tests).
// --holdout2 scores a second, fresh held-out corpus in lib/detect/holdout2
// (written without looking at the detector, its fixtures or the first holdout).
// --holdout3 scores a third, fresh held-out corpus in lib/detect/holdout3
// (written without looking at the detector, its fixtures or the earlier holdouts).
// --realdocs <split> (dev, holdout, fresh …) scores samples of public documentation, judged by hand
// (lib/detect/realdocs: the text is read from local snapshots of the
// repositories, so this needs them; it is not part of `npm test`). It prints
// every false mention and miss with its file line, and a table per repository.
import { findPortMentions } from '../lib/detect/index.ts';
import { loadFixtures } from '../lib/detect/fixtures/load.ts';
import { fileURLToPath } from 'node:url';
import { describe, scoreAll, wilson } from '../lib/detect/fixtures/score.ts';
import { loadSplit, type RealdocsSplit } from '../lib/detect/realdocs/load.ts';
import { scoreSample } from '../lib/detect/realdocs/score.ts';
import { realdocsSplit, realdocsSplits } from './realdocs-splits.ts';

const argv = process.argv.slice(2);
const args = new Set(argv);
const pct = (x: number) => x.toFixed(4);
const interval = (hits: number, n: number) => {
  const [lo, hi] = wilson(hits, n);
  return `[${lo.toFixed(3)}, ${hi.toFixed(3)}]`;
};

/** Totals with intervals: precision over found mentions, recall over expected ones. */
function printTotals(tp: number, fp: number, fn: number): { precision: number; recall: number } {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  console.log(`TP ${tp}  FP ${fp}  FN ${fn}`);
  console.log(`precision ${pct(precision)} ${interval(tp, tp + fp)}  recall ${pct(recall)} ${interval(tp, tp + fn)}  F1 ${pct(f1)}  (Wilson 95%)`);
  return { precision, recall };
}

function scoreRealdocs(split: RealdocsSplit): void {
  const samples = loadSplit(split);
  const perRepo = new Map<string, { samples: number; tp: number; fp: number; fn: number }>();
  let tp = 0, fp = 0, fn = 0;
  for (const s of samples) {
    const r = scoreSample(s, findPortMentions(s.text));
    tp += r.tp; fp += r.falsePositives.length; fn += r.misses.length;
    const repo = perRepo.get(s.repo) ?? { samples: 0, tp: 0, fp: 0, fn: 0 };
    repo.samples++; repo.tp += r.tp; repo.fp += r.falsePositives.length; repo.fn += r.misses.length;
    perRepo.set(s.repo, repo);
    if (args.has('--quiet')) continue;
    const where = (at: number) => {
      const before = s.text.slice(0, at);
      const lineStart = before.lastIndexOf('\n') + 1;
      const lineEnd = s.text.indexOf('\n', at);
      const line = s.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim();
      return `${s.lines[0] + (before.match(/\n/g)?.length ?? 0)}: ${line.length > 140 ? `${line.slice(0, 137)}…` : line}`;
    };
    for (const m of r.falsePositives) console.log(`FP ${s.id} ${s.path}:${where(m.start)}\n   found ${describe(m)} "${s.text.slice(m.start, m.end)}"`);
    for (const g of r.misses) console.log(`FN ${s.id} ${s.path}:${where(g.start)}\n   missed ${describe(g)} "${s.text.slice(g.start, g.end)}"`);
  }
  console.log(`\nreal documentation, ${split} split (lib/detect/realdocs/${split}.json)`);
  console.log('\nrepository                                 samples  gold  found  precision [95%]           recall [95%]');
  for (const [repo, r] of [...perRepo].sort((a, b) => a[0].localeCompare(b[0]))) {
    const p = r.tp + r.fp === 0 ? '     -' : pct(r.tp / (r.tp + r.fp));
    const rc = r.tp + r.fn === 0 ? '     -' : pct(r.tp / (r.tp + r.fn));
    console.log(`${repo.padEnd(42)} ${String(r.samples).padStart(7)} ${String(r.tp + r.fn).padStart(5)} ${String(r.tp + r.fp).padStart(6)}  ${p} ${interval(r.tp, r.tp + r.fp).padEnd(16)}  ${rc} ${interval(r.tp, r.tp + r.fn)}`);
  }
  console.log(`\nsamples ${samples.length} from ${perRepo.size} repositories, gold mentions ${tp + fn}, found ${tp + fp}`);
  printTotals(tp, fp, fn);
}

function scoreFixtures(): void {
  const holdout = args.has('--holdout');
  const holdout2 = args.has('--holdout2');
  const holdout3 = args.has('--holdout3');
  const fixtures = holdout3
    ? loadFixtures(fileURLToPath(new URL('../lib/detect/holdout3', import.meta.url)))
    : holdout2
    ? loadFixtures(fileURLToPath(new URL('../lib/detect/holdout2', import.meta.url)))
    : holdout ? loadFixtures(fileURLToPath(new URL('../lib/detect/holdout', import.meta.url))) : loadFixtures();
  const score = scoreAll(fixtures, findPortMentions);

  if (!args.has('--quiet')) {
    for (const c of score.cases) {
      if (c.fp === 0 && c.fn === 0 && c.attributeErrors.length === 0 && !args.has('--all')) continue;
      const f = c.fixture;
      const text = f.text.length > 160 ? `${f.text.slice(0, 157)}…` : f.text;
      console.log(`${f.file}:${f.line} [${f.section}] ${JSON.stringify(text)}`);
      console.log(`  expected: ${f.expected.map(describe).join(', ') || '-'}`);
      console.log(`  got:      ${c.got.map((m) => `${describe(m)} "${f.text.slice(m.start, m.end)}"`).join(', ') || '-'}`);
      for (const a of c.attributeErrors) console.log(`  attribute: ${a}`);
    }
    // Per-section summary.
    const sections = new Map<string, { tp: number; fp: number; fn: number; cases: number }>();
    for (const c of score.cases) {
      const s = sections.get(c.fixture.section) ?? { tp: 0, fp: 0, fn: 0, cases: 0 };
      s.tp += c.tp; s.fp += c.fp; s.fn += c.fn; s.cases++;
      sections.set(c.fixture.section, s);
    }
    const bad = [...sections].filter(([, s]) => s.fp + s.fn > 0);
    if (bad.length) {
      console.log('\nSections with errors:');
      for (const [name, s] of bad) console.log(`  ${name}: ${s.cases} cases, ${s.fp} false, ${s.fn} missed`);
    }
  }

  if (holdout3) console.log('\nthird held-out corpus (lib/detect/holdout3)');
  else if (holdout2) console.log('\nsecond held-out corpus (lib/detect/holdout2)');
  else if (holdout) console.log('\nheld-out corpus (lib/detect/holdout)');
  console.log(`\ncases ${fixtures.length}, expected mentions ${score.tp + score.fn}, found ${score.tp + score.fp}`);
  const { precision, recall } = printTotals(score.tp, score.fp, score.fn);
  console.log(`protocol/host right on ${score.attributeChecks - score.attributeErrors} of ${score.attributeChecks} matched mentions`);
  const ok = precision >= 0.98 && recall >= 0.95;
  console.log(ok ? 'targets met (precision ≥ 0.98, recall ≥ 0.95)' : 'targets NOT met (precision ≥ 0.98, recall ≥ 0.95)');
}

const realdocs = argv.indexOf('--realdocs');
if (realdocs >= 0) {
  const split = realdocsSplit(argv[realdocs + 1]);
  if (!split) {
    console.error(`--realdocs needs a split: ${realdocsSplits().join(', ')}`);
    process.exit(2);
  }
  scoreRealdocs(split);
} else {
  scoreFixtures();
}
