// Limits and the shared problem type of every importer.

/** Files larger than this are refused before anything reads them. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / (1024 * 1024);

/** One thing wrong with an import; `line` is 1-based where the format has lines. */
export interface ImportProblem {
  line?: number;
  message: string;
}

/** Importers stop listing problems after this many (the first ones are what matter). */
export const MAX_PROBLEMS = 50;

export function tooLargeMessage(bytes: number, fileName?: string): string {
  const size = `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${fileName ? `${fileName} is` : 'This file is'} ${size}; Porthole imports files up to ${MAX_IMPORT_MB} MB. Nothing was changed.`;
}

/** The check every importer runs first (text length is at most its UTF-8 size). */
export function sizeProblem(text: string, fileName?: string): ImportProblem | null {
  return text.length > MAX_IMPORT_BYTES ? { message: tooLargeMessage(text.length, fileName) } : null;
}

export function problemText(p: ImportProblem): string {
  return p.line !== undefined ? `Line ${p.line}: ${p.message}` : p.message;
}
