// The address-bar keyword (`port 5432`): suggestion texts and what Enter
// opens. Chrome reads suggestion descriptions as XML (<match>, <dim>, <url>),
// Firefox as plain text; database text is escaped either way.
import { portLabel, protocolsLabel } from './format.ts';
import type { SearchHit } from './search.ts';
import { parseQuery } from './query.ts';
import type { Protocol } from './types.ts';

export interface OmniboxSuggestion {
  /** What the address bar holds when the suggestion is chosen; Enter then opens it. */
  content: string;
  description: string;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Description text without control characters (they break Chrome's XML parser too). */
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

export function suggestionsFor(hits: readonly SearchHit[], xml: boolean, max = 6): OmniboxSuggestion[] {
  const seen = new Set<string>();
  const out: OmniboxSuggestion[] = [];
  for (const hit of hits) {
    const content = portLabel(hit.port, hit.endPort).replace('–', '-');
    if (seen.has(content)) continue;
    seen.add(content);
    const protocols = hit.protocols.length > 0 ? ` (${protocolsLabel(hit.protocols)})` : '';
    const detail = hit.detail && hit.detail !== hit.title ? hit.detail : '';
    const head = `${content}${protocols}`;
    const title = clean(hit.title);
    const rest = clean(detail).slice(0, 120);
    out.push({
      content,
      description: xml
        ? `<match>${escapeXml(head)}</match> ${escapeXml(title)}${rest ? ` <dim>— ${escapeXml(rest)}</dim>` : ''}`
        : `${head} ${title}${rest ? ` — ${rest}` : ''}`,
    });
    if (out.length >= max) break;
  }
  return out;
}

export type OmniboxTarget = { port: number; endPort?: number; protocol?: Protocol } | { search: string } | null;

/** What Enter opens for the typed text: a port or range directly, else the top search hit. */
export function targetOf(text: string): OmniboxTarget {
  const q = parseQuery(text);
  switch (q.kind) {
    case 'port':
      return { port: q.port, ...(q.protocol ? { protocol: q.protocol } : {}) };
    case 'range':
      return { port: q.port, endPort: q.endPort, ...(q.protocol ? { protocol: q.protocol } : {}) };
    case 'text':
      return { search: q.text };
    default:
      return null;
  }
}
