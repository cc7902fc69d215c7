// How lists sit in one CSV cell: items separated by `;`. A backslash escapes
// the next character (`\;` is a literal semicolon). Uses are `*name: note`
// (`*` marks the primary use), vulnerabilities `ID: note`.
import type { PortUse, Vulnerability } from '../types.ts';

/** Splits on unescaped `;`, keeping escapes in each raw item. */
function splitRaw(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) {
      current += c + cell[i + 1];
      i++;
    } else if (c === ';') {
      items.push(current);
      current = '';
    } else current += c;
  }
  items.push(current);
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

function unescape(raw: string): string {
  return raw.replace(/\\(.)/gs, '$1').trim();
}

/** Index of the first unescaped `ch` in raw, or -1. */
function unescapedIndex(raw: string, ch: string): number {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === ch) return i;
  }
  return -1;
}

export function parseList(cell: string): string[] {
  return splitRaw(cell).map(unescape).filter((s) => s !== '');
}

export function parseUses(cell: string): PortUse[] {
  return splitRaw(cell).map((raw) => {
    let body = raw;
    let primary = false;
    if (body.startsWith('*')) {
      primary = true;
      body = body.slice(1);
    }
    const colon = unescapedIndex(body, ':');
    const name = unescape(colon === -1 ? body : body.slice(0, colon));
    const note = colon === -1 ? '' : unescape(body.slice(colon + 1));
    const use: PortUse = { name };
    if (primary) use.primary = true;
    if (note) use.note = note;
    return use;
  });
}

export function parseVulnerabilities(cell: string): Vulnerability[] {
  return splitRaw(cell).map((raw) => {
    const colon = unescapedIndex(raw, ':');
    return { id: unescape(colon === -1 ? raw : raw.slice(0, colon)), note: colon === -1 ? '' : unescape(raw.slice(colon + 1)) };
  });
}

const escapeItem = (s: string): string => s.replace(/[\\;]/g, (c) => `\\${c}`);
const escapeHead = (s: string): string => s.replace(/[\\;:]/g, (c) => `\\${c}`).replace(/^\*/, '\\*');

export function formatList(items: readonly (string | number)[] | undefined): string {
  return (items ?? []).map((s) => escapeItem(String(s))).join('; ');
}

export function formatUses(uses: readonly PortUse[]): string {
  return uses.map((u) => `${u.primary ? '*' : ''}${escapeHead(u.name)}${u.note ? `: ${escapeItem(u.note)}` : ''}`).join('; ');
}

export function formatVulnerabilities(vulns: readonly Vulnerability[] | undefined): string {
  return (vulns ?? []).map((x) => `${escapeHead(x.id)}: ${escapeItem(x.note)}`).join('; ');
}
