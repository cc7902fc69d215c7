// "Ports on this page" exports: a Markdown table, CSV, JSON, or firewall
// rules. Page text is untrusted: Markdown cells are escaped, CSV cells that a
// spreadsheet would run as formulas are neutralised. What people read (the
// Markdown title and header, the rules' comment) comes worded by the caller's
// `say`; what programs read (CSV header, JSON keys, the commands) stays as is.
import type { PageMentionGroup } from './messages.ts';
import { firewallCommand, netProtocols, type FirewallAction, type FirewallTool } from './port-commands.ts';
import { isProtocol } from './iana.ts';
import { portLabel } from './format.ts';
import type { Protocol } from './types.ts';
import { uiText, type Say } from './ui-text.ts';

export type ExportFormat = 'markdown' | 'csv' | 'json' | 'firewall';

/** One group of mentions with the service the database knows for it. */
export interface PagePortRow extends PageMentionGroup {
  service?: string;
  /** Who can reach it, when the text said (pasted text), in the reader's language: `Every interface (0.0.0.0)`. */
  reach?: string;
}

export interface PageExportInput {
  /** The page's address; empty for text that was pasted, not read from a page. */
  url: string;
  title: string;
  rows: PagePortRow[];
}

const hasReach = (rows: readonly PagePortRow[]) => rows.some((r) => r.reach !== undefined);

const protocolsOf = (row: PageMentionGroup): Protocol[] => row.protocols.map((p) => p.toLowerCase()).filter(isProtocol);
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function markdownCell(s: string): string {
  return oneLine(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([`*_[\]<>])/g, '\\$1');
}

export function toMarkdown({ url, title, rows }: PageExportInput, say: Say): string {
  const reach = hasReach(rows);
  const column = (name: 'port' | 'protocol' | 'service' | 'reach' | 'mentions') => markdownCell(say(uiText(`export.column.${name}`)));
  const lines = [
    url
      ? say(uiText('export.titlePage', { page: `[${markdownCell(title || url)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)` }))
      : say(uiText('export.titlePasted')),
    '',
    `| ${column('port')} | ${column('protocol')} | ${column('service')} |${reach ? ` ${column('reach')} |` : ''} ${column('mentions')} |`,
    `| ---: | --- | --- |${reach ? ' --- |' : ''} ---: |`,
    ...rows.map(
      (r) =>
        `| ${portLabel(r.port, r.endPort)} | ${markdownCell(r.protocols.join('/').toUpperCase()) || '—'} | ${markdownCell(r.service ?? '') || '—'} |${reach ? ` ${markdownCell(r.reach ?? '') || '—'} |` : ''} ${r.count} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function csvCell(value: string | number): string {
  let s = String(value);
  // A cell starting with = + - @ (or tab/CR) runs as a formula in spreadsheets.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv({ rows }: PageExportInput): string {
  const reach = hasReach(rows);
  const header = ['port', 'end_port', 'protocols', 'service', ...(reach ? ['reach'] : []), 'count', 'sample'];
  const body = rows.map((r) =>
    [r.port, r.endPort ?? r.port, r.protocols.join('/'), r.service ?? '', ...(reach ? [r.reach ?? ''] : []), r.count, oneLine(r.sample)].map(csvCell).join(','),
  );
  return `${[header.join(','), ...body].join('\r\n')}\r\n`;
}

export function toJson({ url, title, rows }: PageExportInput): string {
  return `${JSON.stringify(
    {
      url,
      title,
      ports: rows.map((r) => ({
        port: r.port,
        ...(r.endPort !== undefined && r.endPort !== r.port ? { endPort: r.endPort } : {}),
        protocols: r.protocols,
        ...(r.service ? { service: r.service } : {}),
        ...(r.reach ? { reach: r.reach } : {}),
        count: r.count,
        sample: r.sample,
      })),
    },
    null,
    2,
  )}\n`;
}

/** One firewall rule per port and protocol, each under a comment naming the service. */
export function toFirewallRules({ url, rows }: PageExportInput, tool: FirewallTool, action: FirewallAction, say: Say): string {
  const comment = '#'; // a comment in sh and in PowerShell alike
  const heading = url
    ? uiText(action === 'allow' ? 'export.rules.allowPage' : 'export.rules.blockPage', { url: oneLine(url) })
    : uiText(action === 'allow' ? 'export.rules.allowPasted' : 'export.rules.blockPasted');
  const lines = [`${comment} ${oneLine(say(heading))}`];
  for (const r of rows) {
    const target = { port: r.port, endPort: r.endPort ?? r.port, protocols: protocolsOf(r) };
    lines.push(`${comment} ${portLabel(r.port, r.endPort)}${r.service ? ` ${oneLine(r.service).replace(/[\r\n]/g, ' ')}` : ''}`);
    for (const p of netProtocols(target.protocols)) lines.push(firewallCommand(tool, action, target, p));
  }
  return `${lines.join('\n')}\n`;
}

export function exportPage(
  input: PageExportInput,
  format: ExportFormat,
  say: Say,
  firewall: { tool: FirewallTool; action: FirewallAction } = { tool: 'ufw', action: 'allow' },
): string {
  switch (format) {
    case 'markdown':
      return toMarkdown(input, say);
    case 'csv':
      return toCsv(input);
    case 'json':
      return toJson(input);
    case 'firewall':
      return toFirewallRules(input, firewall.tool, firewall.action, say);
  }
}
