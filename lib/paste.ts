// "Paste to explain": every port in a pasted text (ss, netstat, docker ps,
// compose, nmap, firewall rules, logs), grouped by port with where it
// listens, sorted by what deserves attention first, and a summary in words.
// Pure: the caller supplies the detector, a pause between slices (so a big
// paste never freezes the page) and the service names and risks.
import type { PortMention } from './detect/types.ts';
import { PublishReader } from './publish-context.ts';
import { attentionScore, mentionExposure, publishPassesHostFirewall, type Exposure, type ExposureScope } from './exposure.ts';
import type { PagePortRow } from './page-export.ts';
import { chunkEnd, excerpt } from './text-blocks.ts';
import type { RiskLevel } from './types.ts';
import { uiText, type UiText, type UiTextCode, type UiTextParam } from './ui-text.ts';

export const MAX_PASTE_MB = 5;
export const MAX_PASTE_BYTES = MAX_PASTE_MB * 1024 * 1024;

/** UTF-8 size of a text, without building the bytes. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Why a paste is refused, or null when it may be read. */
export function pasteRefusal(text: string): UiText | null {
  // Quick bound first: every UTF-16 unit is at least one byte.
  if (text.length < MAX_PASTE_BYTES / 3) return null;
  const bytes = utf8Length(text);
  if (bytes < MAX_PASTE_BYTES) return null;
  return uiText('paste.refused', { size: Math.round(bytes / 1024 / 102.4) / 10, max: MAX_PASTE_MB });
}

/** One port (or range) of a paste. */
export interface PastePort {
  port: number;
  endPort?: number;
  protocols: string[];
  count: number;
  /** The text around its first mention. */
  sample: string;
  /** The widest reach any of its mentions gave (every interface beats this machine). */
  exposure?: Exposure;
}

const REACH: Record<ExposureScope, number> = { 'this-machine': 0, 'local-network': 1, internet: 2, 'every-interface': 3 };

function wider(a: Exposure | undefined, b: Exposure | null): Exposure | undefined {
  if (!b) return a;
  if (!a) return b;
  const ra = REACH[a.scope] + (a.publish ? 0.5 : 0);
  const rb = REACH[b.scope] + (b.publish ? 0.5 : 0);
  return rb > ra ? b : a;
}

/**
 * Runs the detector over `text` in slices, calling `pause` between them, and
 * groups what it finds by port. `signal` stops early (a newer paste).
 */
export async function findPastePorts(
  text: string,
  detect: (text: string) => PortMention[],
  pause: () => Promise<void>,
  signal?: AbortSignal,
): Promise<PastePort[]> {
  const groups = new Map<string, PastePort & { protocolSet: Set<string> }>();
  const publishes = new PublishReader(text);
  for (let from = 0; from < text.length; ) {
    if (signal?.aborted) break;
    const to = chunkEnd(text, from);
    for (const found of detect(from === 0 && to === text.length ? text : text.slice(from, to))) {
      const m = { ...found, start: found.start + from, end: found.end + from };
      const end = m.endPort !== undefined && m.endPort !== m.port ? m.endPort : undefined;
      const key = end === undefined ? String(m.port) : `${m.port}-${end}`;
      let g = groups.get(key);
      if (!g) {
        g = { port: m.port, protocols: [], count: 0, sample: excerpt(text, m.start, m.end), protocolSet: new Set() };
        if (end !== undefined) g.endPort = end;
        groups.set(key, g);
      }
      g.count++;
      if (m.protocol) g.protocolSet.add(m.protocol);
      const exposure = wider(g.exposure, mentionExposure(publishes, m));
      if (exposure) g.exposure = exposure;
    }
    from = to;
    if (from < text.length) await pause();
  }
  return [...groups.values()].map(({ protocolSet, ...g }) => ({ ...g, protocols: [...protocolSet].sort() }));
}

/** What the database says about a port, for a paste row. */
export interface PortGist {
  service?: string;
  risk?: RiskLevel;
}

/** A paste port with what the database says about it. */
export interface PasteRow extends PastePort, PagePortRow, PortGist {}

/** Paste ports and what the database says about them, as rows in attention order. */
export function pasteRows(ports: readonly PastePort[], gists: ReadonlyMap<number, PortGist>): PasteRow[] {
  return sortByAttention(
    ports.map((p) => {
      const gist = gists.get(p.port);
      return { ...p, ...(gist?.service ? { service: gist.service } : {}), ...(gist?.risk ? { risk: gist.risk } : {}) };
    }),
  );
}

/** What deserves attention first: reach × risk, then port order. */
export function sortByAttention(rows: PasteRow[]): PasteRow[] {
  return [...rows].sort((a, b) => attentionScore(b.exposure, b.risk) - attentionScore(a.exposure, a.risk) || a.port - b.port || (a.endPort ?? a.port) - (b.endPort ?? b.port));
}

/** A row's port and name for a sentence: `3306 MySQL (high risk)`. */
function rowPhrase(r: PasteRow): UiTextParam {
  const port = r.endPort !== undefined ? `${r.port}–${r.endPort}` : String(r.port);
  const named = r.service ? uiText('paste.summary.row', { port, service: r.service }) : port;
  if (r.risk !== 'high' && r.risk !== 'critical') return named;
  return uiText('paste.summary.risky', { row: named, risk: uiText(r.risk === 'critical' ? 'paste.summary.risk.critical' : 'paste.summary.risk.high') });
}

const LISTED = 8;

/** The first rows by name, then how many more: "8080, 9000, … and 3 more". */
function listOf(rows: PasteRow[]): UiTextParam[] {
  const shown = rows.slice(0, LISTED).map(rowPhrase);
  const more = rows.length - shown.length;
  return more > 0 ? [...shown, uiText('paste.summary.more', { count: more })] : shown;
}

export interface SummaryLine {
  /** What the sentence is about, for its colour. */
  kind: ExposureScope | 'published' | 'no-address' | 'none';
  text: UiText;
}

/**
 * The paste in a few sentences, widest reach first: "3 services listen on
 * every interface: 3306 MySQL (high risk), 6379 Redis (critical risk), and 22 SSH."
 * `rows` are expected in attention order (see sortByAttention).
 */
export function pasteSummary(rows: PasteRow[]): SummaryLine[] {
  if (rows.length === 0) return [{ kind: 'none', text: uiText('paste.summary.none') }];
  const lines: SummaryLine[] = [];
  const of = (scope: ExposureScope) => rows.filter((r) => r.exposure?.scope === scope);
  const add = (kind: SummaryLine['kind'], picked: PasteRow[], code: UiTextCode) => {
    if (picked.length) lines.push({ kind, text: uiText(code, { count: picked.length, list: listOf(picked) }, picked.length) });
  };
  add('every-interface', of('every-interface'), 'paste.summary.everyInterface');
  add('published', rows.filter((r) => r.exposure?.publish && publishPassesHostFirewall(r.exposure.publish) && r.exposure.scope !== 'this-machine'), 'paste.summary.published');
  add('internet', of('internet'), 'paste.summary.internet');
  add('local-network', of('local-network'), 'paste.summary.localNetwork');
  add('this-machine', of('this-machine'), 'paste.summary.thisMachine');
  add('no-address', rows.filter((r) => !r.exposure), 'paste.summary.noAddress');
  return lines;
}
