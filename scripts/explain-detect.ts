// Why did the detector find (or not find) a port here? Prints the rule trace
// of a text as a table: every digit run the pass looked at, the port read,
// accepted or not, and the id of the rule that decided (lib/detect/rules.ts).
//   node --experimental-strip-types scripts/explain-detect.ts "db at db.internal:5432 at 12:30"
//   echo "…" | node --experimental-strip-types scripts/explain-detect.ts -
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { traceMentions } from '../lib/detect/index.ts';

/** The trace of text as lines of a table (header first). */
export function explainTable(text: string): string[] {
  const rows = traceMentions(text).map((e) => {
    const m = e.mention;
    const extra = m === undefined ? '' : [m.endPort !== undefined ? `-${m.endPort}` : '', m.protocol ? `/${m.protocol}` : '', m.host !== undefined ? ` @${m.host}` : ''].join('');
    const from = Math.max(0, e.start - 16);
    const context = `${from > 0 ? '…' : ''}${text.slice(from, e.start)}[${text.slice(e.start, e.end)}]${text.slice(e.end, e.end + 16)}`.replace(/\s/g, ' ');
    return [`${e.start}-${e.end}`, e.port < 0 ? '-' : `${e.port}${extra}`, e.accepted ? 'port' : 'no', e.rule, context];
  });
  const head = ['span', 'port', 'verdict', 'rule', 'context'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = process.argv[2];
  if (arg === undefined) {
    console.error('usage: explain-detect.ts "text" (or - to read the text from stdin)');
    process.exit(2);
  }
  const text = arg === '-' ? readFileSync(0, 'utf8') : arg;
  const lines = explainTable(text);
  console.log(lines.length > 2 ? lines.join('\n') : 'no digits in the text');
}
