// Tells what kind of file the user gave before any parser sees it, so a PNG
// or a PDF gets "this is an image", not a cryptic CSV error.

export type Sniffed = { kind: 'json' } | { kind: 'csv' } | { kind: 'binary'; what: string } | { kind: 'empty' };

const MAGIC: [RegExp, string][] = [
  [/^\x89PNG/, 'a PNG image'],
  [/^\uFFFDPNG/, 'a PNG image'],
  [/^GIF8[79]a/, 'a GIF image'],
  [/^(\xFF\xD8\xFF|\uFFFD\uFFFD\uFFFD)/, 'a JPEG image'],
  [/^%PDF-/, 'a PDF document'],
  [/^PK\x03\x04/, 'a ZIP archive (or an Office document)'],
  [/^\x1F(\x8B|\uFFFD)/, 'a gzip archive'],
  [/^RIFF....WEBP/s, 'a WebP image'],
  [/^SQLite format 3/, 'an SQLite database'],
];

export function sniff(text: string): Sniffed {
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  for (const [re, what] of MAGIC) if (re.test(head)) return { kind: 'binary', what };
  // NUL bytes or many replacement characters: binary, whatever it is.
  const odd = (head.match(/[\u0000\uFFFD]/g) ?? []).length;
  if (head.includes('\u0000') || odd > 8) return { kind: 'binary', what: 'a binary file' };
  const start = head.trimStart();
  if (start === '') return { kind: 'empty' };
  if (start.startsWith('{') || start.startsWith('[')) return { kind: 'json' };
  return { kind: 'csv' };
}
