// Runs addons-linter on the Firefox package: no errors, and no warnings but
// the two we cannot avoid — Preact's renderer contains the code path for
// `dangerouslySetInnerHTML` (`e.innerHTML = d.__html`), which Porthole never
// uses (tests/unit/no-html-sinks.test.ts forbids it); and the content script
// imports its own parts with `import(runtime.getURL(path))`, where the path
// comes from a fixed table in entrypoints/content/parts.ts (the linter warns
// on any import() whose argument is not a literal).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

interface Finding {
  code: string;
  message: string;
  file?: string;
}

const zip = `.output/porthole-${JSON.parse(readFileSync('package.json', 'utf8')).version}-firefox.zip`;
let output: string;
try {
  output = execFileSync('npx', ['addons-linter', '--boring', '--output', 'json', zip], { encoding: 'utf8' });
} catch (err) {
  // addons-linter exits non-zero on errors but still prints its JSON report.
  output = (err as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(output) as { errors: Finding[]; warnings: Finding[]; notices: Finding[] };
const isPreactInnerHtml = (w: Finding) => w.code === 'UNSAFE_VAR_ASSIGNMENT' && /innerHTML/.test(w.message);
const isPartImport = (w: Finding) =>
  w.code === 'UNSAFE_VAR_ASSIGNMENT' &&
  /Unsafe call to import/.test(w.message) &&
  w.file !== undefined &&
  // Its only import() is of an extension URL (getURL of the parts table).
  (readFileSync(`.output/firefox-mv2/${w.file}`, 'utf8').match(/\bimport\(/g) ?? []).length === 1 &&
  /\bimport\([\w$]+\.runtime\.getURL\(/.test(readFileSync(`.output/firefox-mv2/${w.file}`, 'utf8'));
const unexpected = [...report.errors, ...report.warnings.filter((w) => !isPreactInnerHtml(w) && !isPartImport(w))];
const preactOnly = report.warnings.filter(isPreactInnerHtml).every((w) => {
  const source = readFileSync(`.output/firefox-mv2/${w.file}`, 'utf8');
  return /innerHTML=\w+\.__html/.test(source);
});
console.log(`addons-linter ${zip}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
for (const f of unexpected) console.log(`  ${f.code} ${f.file ?? ''}: ${f.message}`);
if (unexpected.length > 0 || !preactOnly) {
  console.error(unexpected.length > 0 ? 'addons-linter found problems.' : 'An innerHTML warning does not come from Preact’s renderer.');
  process.exit(1);
}
