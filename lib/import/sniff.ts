// Tells what kind of file the user gave before any parser sees it, so a PNG
// or a PDF gets "this is an image", not a cryptic CSV error.
import { uiText, type UiText } from '../ui-text.ts';

export type Sniffed = { kind: 'json' } | { kind: 'csv' } | { kind: 'binary'; what: UiText } | { kind: 'empty' };

const MAGIC: [RegExp, UiText][] = [
  [/^\x89PNG/, uiText('import.what.png')],
  [/^\uFFFDPNG/, uiText('import.what.png')],
  [/^GIF8[79]a/, uiText('import.what.gif')],
  [/^(\xFF\xD8\xFF|\uFFFD\uFFFD\uFFFD)/, uiText('import.what.jpeg')],
  [/^%PDF-/, uiText('import.what.pdf')],
  [/^PK\x03\x04/, uiText('import.what.zip')],
  [/^\x1F(\x8B|\uFFFD)/, uiText('import.what.gzip')],
  [/^RIFF....WEBP/s, uiText('import.what.webp')],
  [/^SQLite format 3/, uiText('import.what.sqlite')],
];

export function sniff(text: string): Sniffed {
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  for (const [re, what] of MAGIC) if (re.test(head)) return { kind: 'binary', what };
  // NUL bytes or many replacement characters: binary, whatever it is.
  const odd = (head.match(/[\u0000\uFFFD]/g) ?? []).length;
  if (head.includes('\u0000') || odd > 8) return { kind: 'binary', what: uiText('import.what.binary') };
  const start = head.trimStart();
  if (start === '') return { kind: 'empty' };
  if (start.startsWith('{') || start.startsWith('[')) return { kind: 'json' };
  return { kind: 'csv' };
}
