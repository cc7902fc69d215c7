// Page text and database text must reach the screen as text. This test fails
// on any HTML sink in product code, so a future change cannot slip one in.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const PRODUCT_DIRS = ['entrypoints', 'components', 'lib', 'utils'];
const SINKS = [
  /\.innerHTML\s*=/,
  /\.outerHTML\s*=/,
  /insertAdjacentHTML\s*\(/,
  /dangerouslySetInnerHTML/,
  /document\.write(ln)?\s*\(/,
  /createContextualFragment\s*\(/,
  /\bsetHTMLUnsafe\s*\(/,
  /\beval\s*\(/,
  /new Function\s*\(/,
];

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(sourceFiles(path));
    else if (/\.(ts|tsx|js|html)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

function findSinks(text: string): string[] {
  return SINKS.filter((re) => re.test(text)).map(String);
}

describe('no HTML sinks in product code', () => {
  it('the check itself catches each sink', () => {
    expect(findSinks('el.innerHTML = text')).toHaveLength(1);
    expect(findSinks('<div dangerouslySetInnerHTML={{ __html: x }} />')).toHaveLength(1);
    expect(findSinks('node.insertAdjacentHTML("beforeend", s)')).toHaveLength(1);
    expect(findSinks('el.textContent = text')).toEqual([]);
  });

  it('no file under entrypoints/, components/, lib/ or utils/ uses one', () => {
    const offenders = PRODUCT_DIRS.flatMap((d) => sourceFiles(join(ROOT, d)))
      .map((f) => ({ file: relative(ROOT, f), sinks: findSinks(readFileSync(f, 'utf8')) }))
      .filter((x) => x.sinks.length > 0);
    expect(offenders).toEqual([]);
  });
});
