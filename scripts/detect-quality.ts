// Prints precision, recall and F1 of the port-mention detector on the
// labelled corpus in lib/detect/fixtures, and lists every miss.
//   node --experimental-strip-types scripts/detect-quality.ts [--all] [--quiet] [--holdout|--holdout2|--holdout3]
// --holdout scores the held-out corpus in lib/detect/holdout instead (cases
// written without looking at the detector or its fixtures; not used by tests).
// --holdout2 scores a second, fresh held-out corpus in lib/detect/holdout2
// (written without looking at the detector, its fixtures or the first holdout).
// --holdout3 scores a third, fresh held-out corpus in lib/detect/holdout3
// (written without looking at the detector, its fixtures or the earlier holdouts).
import { findPortMentions } from '../lib/detect/index.ts';
import { loadFixtures } from '../lib/detect/fixtures/load.ts';
import { fileURLToPath } from 'node:url';
import { describe, scoreAll } from '../lib/detect/fixtures/score.ts';

const args = new Set(process.argv.slice(2));
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

const pct = (x: number) => x.toFixed(4);
if (holdout3) console.log('\nthird held-out corpus (lib/detect/holdout3)');
else if (holdout2) console.log('\nsecond held-out corpus (lib/detect/holdout2)');
else if (holdout) console.log('\nheld-out corpus (lib/detect/holdout)');
console.log(`\ncases ${fixtures.length}, expected mentions ${score.tp + score.fn}, found ${score.tp + score.fp}`);
console.log(`TP ${score.tp}  FP ${score.fp}  FN ${score.fn}`);
console.log(`precision ${pct(score.precision)}  recall ${pct(score.recall)}  F1 ${pct(score.f1)}`);
console.log(`protocol/host right on ${score.attributeChecks - score.attributeErrors} of ${score.attributeChecks} matched mentions`);
const ok = score.precision >= 0.98 && score.recall >= 0.95;
console.log(ok ? 'targets met (precision ≥ 0.98, recall ≥ 0.95)' : 'targets NOT met (precision ≥ 0.98, recall ≥ 0.95)');
