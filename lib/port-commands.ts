// Copy-ready commands to check a port, and to open or block it in the common
// firewalls. Protocol-aware (TCP and UDP differ in every tool) and range-aware
// (each tool spells a range its own way: `a-b`, `a:b`, `a..b`).
import type { Protocol } from './types.ts';
import { uiText, type UiText } from './ui-text.ts';

export type Tool = 'nc' | 'nmap' | 'ss' | 'lsof' | 'powershell' | 'ufw' | 'iptables' | 'nft' | 'firewalld' | 'windows';
export type FirewallTool = Extract<Tool, 'ufw' | 'iptables' | 'nft' | 'firewalld' | 'windows'>;
export type FirewallAction = 'allow' | 'block';
export type Platform = 'Linux' | 'macOS' | 'Windows';

/** The firewalls by name: product names as written, Windows' own firewall in the reader's words. */
export const FIREWALL_TOOLS: { tool: FirewallTool; label: string | UiText }[] = [
  { tool: 'ufw', label: 'ufw' },
  { tool: 'iptables', label: 'iptables' },
  { tool: 'nft', label: 'nftables' },
  { tool: 'firewalld', label: 'firewalld' },
  { tool: 'windows', label: uiText('portCommands.windowsFirewall') },
];

export interface PortTarget {
  port: number;
  /** Last port of a range; omit or equal to `port` for one port. */
  endPort?: number;
  /** Only TCP and UDP get commands; anything else falls back to TCP. */
  protocols?: readonly Protocol[];
  /** Host for the remote checks; `HOST` when missing or not a plain host name. */
  host?: string;
}

export interface PortCommand {
  tool: Tool;
  platforms: Platform[];
  /** What the command does, in a few words. */
  label: UiText;
  /** The command itself: shell or PowerShell, never translated. */
  command: string;
}

export interface CommandGroup {
  id: 'check' | 'listen' | 'allow' | 'block';
  title: UiText;
  commands: PortCommand[];
}

type NetProtocol = 'tcp' | 'udp';

/** The protocols commands are written for: TCP and/or UDP, TCP when none is known. */
export function netProtocols(protocols: readonly Protocol[] | undefined): NetProtocol[] {
  const out = (['tcp', 'udp'] as const).filter((p) => protocols?.includes(p));
  return out.length > 0 ? out : ['tcp'];
}

/** A host name or IP address that is safe to paste into a shell; anything else becomes `HOST`. */
export function safeHost(host: string | undefined): string {
  const h = host?.trim() ?? '';
  return /^(?:[A-Za-z0-9](?:[A-Za-z0-9._-]{0,252})|\[?[0-9A-Fa-f:.]{2,45}\]?)$/.test(h) ? h : 'HOST';
}

function span(t: PortTarget, sep: string): string {
  const end = t.endPort ?? t.port;
  return end > t.port ? `${t.port}${sep}${end}` : String(t.port);
}

const isRange = (t: PortTarget) => (t.endPort ?? t.port) > t.port;
const P = (p: NetProtocol) => p.toUpperCase();

/** Commands to see whether a port answers (from here) or listens (on this machine). */
export function checkCommands(t: PortTarget): CommandGroup[] {
  const host = safeHost(t.host);
  const protocols = netProtocols(t.protocols);
  const end = t.endPort ?? t.port;
  const check: PortCommand[] = [];
  const listen: PortCommand[] = [];
  for (const p of protocols) {
    const udp = p === 'udp';
    const what = { protocol: P(p), ports: span(t, '–') };
    check.push({ tool: 'nc', platforms: ['Linux', 'macOS'], label: uiText('portCommands.isOpen', { ...what, host }), command: `nc -zv${udp ? 'u' : ''} ${host} ${span(t, '-')}` });
    check.push({ tool: 'nmap', platforms: ['Linux', 'macOS'], label: uiText('portCommands.scan', what), command: `${udp ? 'sudo ' : ''}nmap ${udp ? '-sU ' : ''}-p ${span(t, '-')} ${host}` });
    if (!udp) {
      check.push({
        tool: 'powershell',
        platforms: ['Windows'],
        label: uiText('portCommands.testTcp'),
        command: isRange(t)
          ? `${t.port}..${end} | ForEach-Object { Test-NetConnection -ComputerName ${host} -Port $_ -InformationLevel Quiet }`
          : `Test-NetConnection -ComputerName ${host} -Port ${t.port}`,
      });
    }

    const filter = isRange(t) ? `'( sport >= :${t.port} and sport <= :${end} )'` : `'sport = :${t.port}'`;
    listen.push({ tool: 'ss', platforms: ['Linux'], label: uiText('portCommands.listens', what), command: `sudo ss -l${udp ? 'u' : 't'}np ${filter}` });
    listen.push({
      tool: 'lsof',
      platforms: ['macOS'],
      label: uiText('portCommands.listens', what),
      command: `sudo lsof -nP -i${P(p)}:${span(t, '-')}${udp ? '' : ' -sTCP:LISTEN'}`,
    });
    const ps = isRange(t) ? `(${t.port}..${end})` : String(t.port);
    listen.push({
      tool: 'powershell',
      platforms: ['Windows'],
      label: uiText('portCommands.listensPowerShell', what),
      command: udp
        ? `Get-NetUDPEndpoint -LocalPort ${ps} | Select-Object LocalAddress, LocalPort, OwningProcess`
        : `Get-NetTCPConnection -State Listen -LocalPort ${ps} | Select-Object LocalAddress, LocalPort, OwningProcess`,
    });
  }
  return [
    { id: 'check', title: uiText('portCommands.check'), commands: check },
    { id: 'listen', title: uiText('portCommands.listen'), commands: listen },
  ];
}

/** One firewall rule for one protocol. */
export function firewallCommand(tool: FirewallTool, action: FirewallAction, t: PortTarget, p: NetProtocol): string {
  const allow = action === 'allow';
  switch (tool) {
    case 'ufw':
      return `sudo ufw ${allow ? 'allow' : 'deny'} ${span(t, ':')}/${p}`;
    case 'iptables':
      return `sudo iptables -A INPUT -p ${p} --dport ${span(t, ':')} -j ${allow ? 'ACCEPT' : 'DROP'}`;
    case 'nft':
      return `sudo nft add rule inet filter input ${p} dport ${span(t, '-')} ${allow ? 'accept' : 'drop'}`;
    case 'firewalld':
      return allow
        ? `sudo firewall-cmd --permanent --add-port=${span(t, '-')}/${p} && sudo firewall-cmd --reload`
        : `sudo firewall-cmd --permanent --add-rich-rule='rule port port="${span(t, '-')}" protocol="${p}" drop' && sudo firewall-cmd --reload`;
    case 'windows':
      return `New-NetFirewallRule -DisplayName "Porthole: ${allow ? 'allow' : 'block'} ${P(p)} ${span(t, '-')}" -Direction Inbound -Protocol ${P(p)} -LocalPort ${span(t, '-')} -Action ${allow ? 'Allow' : 'Block'}`;
  }
}

// The rule's label names how to run it where that is not plain: PowerShell, as administrator.
const firewallName = (tool: FirewallTool, label: string | UiText): string | UiText => (tool === 'windows' ? uiText('portCommands.windowsFirewallAdmin') : label);

export function firewallCommands(action: FirewallAction, t: PortTarget): CommandGroup {
  const commands: PortCommand[] = [];
  for (const { tool, label } of FIREWALL_TOOLS) {
    for (const p of netProtocols(t.protocols)) {
      commands.push({
        tool,
        platforms: [tool === 'windows' ? 'Windows' : 'Linux'],
        label: uiText(action === 'allow' ? 'portCommands.allowRule' : 'portCommands.blockRule', { firewall: firewallName(tool, label), protocol: P(p) }),
        command: firewallCommand(tool, action, t, p),
      });
    }
  }
  return { id: action, title: uiText(action === 'allow' ? 'portCommands.allow' : 'portCommands.block'), commands };
}

/** Everything the details view offers to copy, in display order. */
export function portCommands(t: PortTarget): CommandGroup[] {
  return [...checkCommands(t), firewallCommands('allow', t), firewallCommands('block', t)];
}
