// Limits and the shared problem type of every importer.
import { uiText, type UiText } from '../ui-text.ts';

/** Files larger than this are refused before anything reads them. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / (1024 * 1024);

/** One thing wrong with an import; `line` is 1-based where the format has lines. */
export interface ImportProblem {
  line?: number;
  text: UiText;
}

/** Importers stop listing problems after this many (the first ones are what matter). */
export const MAX_PROBLEMS = 50;

export function tooLargeMessage(bytes: number, fileName?: string): UiText {
  const size = Math.round(bytes / 1024 / 102.4) / 10;
  return fileName ? uiText('import.tooLargeNamed', { file: fileName, size, max: MAX_IMPORT_MB }) : uiText('import.tooLarge', { size, max: MAX_IMPORT_MB });
}

/** The check every importer runs first (text length is at most its UTF-8 size). */
export function sizeProblem(text: string, fileName?: string): ImportProblem | null {
  return text.length > MAX_IMPORT_BYTES ? { text: tooLargeMessage(text.length, fileName) } : null;
}

/** A problem with its line, as one text: "Line 4: …". */
export function problemText(p: ImportProblem): UiText {
  return p.line !== undefined ? uiText('import.onLine', { line: String(p.line), problem: p.text }) : p.text;
}

/** A problem at a place in the data: "definitions[2].title: is missing.". */
export const problemAt = (where: string, problem: UiText): UiText => uiText('import.at', { where, problem });
