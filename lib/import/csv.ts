// Reads CSV with Papa Parse, keeping the line each row starts on (quoted
// fields may hold newlines, so rows and lines differ).
import Papa from 'papaparse';
import { MAX_PROBLEMS, type ImportProblem } from './limits.ts';
import { uiText, type UiTextCode } from '../ui-text.ts';

export interface CsvRow {
  /** 1-based line the row starts on. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  headerLine: number;
  rows: CsvRow[];
}

/** Maps character offsets to 1-based line numbers. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const PAPA_MESSAGES: Record<string, UiTextCode> = {
  MissingQuotes: 'import.csv.missingQuote',
  InvalidQuotes: 'import.csv.invalidQuotes',
  UndetectableDelimiter: 'import.csv.noDelimiter',
  TooFewFields: 'import.csv.tooFewFields',
  TooManyFields: 'import.csv.tooManyFields',
};

/** Parses the whole text; any syntax error makes the result a list of problems. */
export function readCsv(input: string): { ok: true; table: CsvTable } | { ok: false; problems: ImportProblem[] } {
  const text = input.replace(/^\uFEFF/, '');
  const lineOf = lineIndex(text);
  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  let offset = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    step: (result) => {
      const start = offset;
      offset = result.meta.cursor;
      for (const error of result.errors) {
        if (problems.length >= MAX_PROBLEMS) break;
        const at = typeof error.index === 'number' ? error.index : start;
                const code = PAPA_MESSAGES[error.code];
        problems.push({ line: lineOf(Math.min(at, text.length)), text: uiText('import.csv.malformed', { problem: code ? uiText(code) : error.message }) });
      }
      const cells = result.data;
      // Skip blank lines (a lone empty cell), including the trailing newline.
      if (cells.length === 0 || (cells.length === 1 && cells[0]!.trim() === '')) return;
      // Papa's cursor sits after the row's newline; the row starts where the last one ended.
      let at = start;
      while (at < text.length && (text[at] === '\n' || text[at] === '\r')) at++;
      rows.push({ line: lineOf(at), cells });
    },
  });
  if (problems.length > 0) return { ok: false, problems };
  const [first, ...rest] = rows;
  if (!first) return { ok: false, problems: [{ text: uiText('import.empty') }] };
  return { ok: true, table: { header: first.cells.map((c) => c.trim()), headerLine: first.line, rows: rest } };
}

/** Cells by column name; missing cells read as empty. */
export function cellsByName(header: string[], row: CsvRow): Map<string, string> {
  const out = new Map<string, string>();
  header.forEach((name, i) => out.set(name, row.cells[i] ?? ''));
  return out;
}
