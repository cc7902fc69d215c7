// Copy-ready commands to check a port, and to open or block it in the common
// firewalls. Protocol-aware (TCP and UDP differ in every tool) and range-aware
// (each tool spells a range its own way: `a-b`, `a:b`, `a..b`).
import type { Protocol } from './types.ts';

export type Tool = 'nc' | 'nmap' | 'ss' | 'lsof' | 'powershell' | 'ufw' | 'iptables' | 'nft' | 'firewalld' | 'windows';
export type FirewallTool = Extract<Tool, 'ufw' | 'iptables' | 'nft' | 'firewalld' | 'windows'>;
export type FirewallAction = 'allow' | 'block';
export type Platform = 'Linux' | 'macOS' | 'Windows' | 'Linux, macOS';

export const FIREWALL_TOOLS: { tool: FirewallTool; label: string }[] = [
  { tool: 'ufw', label: 'ufw' },
  { tool: 'iptables', label: 'iptables' },
  { tool: 'nft', label: 'nftables' },
  { tool: 'firewalld', label: 'firewalld' },
  { tool: 'windows', label: 'Windows Firewall' },
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
  platform: Platform;
  /** What the command does, in a few words. */
  label: string;
  command: string;
}

export interface CommandGroup {
  id: 'check' | 'listen' | 'allow' | 'block';
  title: string;
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
    check.push({ tool: 'nc', platform: 'Linux, macOS', label: `Is ${P(p)} ${span(t, '–')} open on ${host}?`, command: `nc -zv${udp ? 'u' : ''} ${host} ${span(t, '-')}` });
    check.push({ tool: 'nmap', platform: 'Linux, macOS', label: `Scan ${P(p)} ${span(t, '–')} with nmap`, command: `${udp ? 'sudo ' : ''}nmap ${udp ? '-sU ' : ''}-p ${span(t, '-')} ${host}` });
    if (!udp) {
      check.push({
        tool: 'powershell',
        platform: 'Windows',
        label: 'Test the TCP connection (PowerShell)',
        command: isRange(t)
          ? `${t.port}..${end} | ForEach-Object { Test-NetConnection -ComputerName ${host} -Port $_ -InformationLevel Quiet }`
          : `Test-NetConnection -ComputerName ${host} -Port ${t.port}`,
      });
    }

    const filter = isRange(t) ? `'( sport >= :${t.port} and sport <= :${end} )'` : `'sport = :${t.port}'`;
    listen.push({ tool: 'ss', platform: 'Linux', label: `What listens on ${P(p)} ${span(t, '–')}?`, command: `sudo ss -l${udp ? 'u' : 't'}np ${filter}` });
    listen.push({
      tool: 'lsof',
      platform: 'macOS',
      label: `What listens on ${P(p)} ${span(t, '–')}?`,
      command: `sudo lsof -nP -i${P(p)}:${span(t, '-')}${udp ? '' : ' -sTCP:LISTEN'}`,
    });
    const ps = isRange(t) ? `(${t.port}..${end})` : String(t.port);
    listen.push({
      tool: 'powershell',
      platform: 'Windows',
      label: `What listens on ${P(p)} ${span(t, '–')}? (PowerShell)`,
      command: udp
        ? `Get-NetUDPEndpoint -LocalPort ${ps} | Select-Object LocalAddress, LocalPort, OwningProcess`
        : `Get-NetTCPConnection -State Listen -LocalPort ${ps} | Select-Object LocalAddress, LocalPort, OwningProcess`,
    });
  }
  return [
    { id: 'check', title: 'Check from another machine', commands: check },
    { id: 'listen', title: 'See what listens here', commands: listen },
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

const FIREWALL_PLATFORM: Record<FirewallTool, Platform> = { ufw: 'Linux', iptables: 'Linux', nft: 'Linux', firewalld: 'Linux', windows: 'Windows' };
const FIREWALL_NAME: Record<FirewallTool, string> = { ufw: 'ufw', iptables: 'iptables', nft: 'nftables', firewalld: 'firewalld', windows: 'Windows Firewall (PowerShell, as administrator)' };

export function firewallCommands(action: FirewallAction, t: PortTarget): CommandGroup {
  const commands: PortCommand[] = [];
  for (const { tool } of FIREWALL_TOOLS) {
    for (const p of netProtocols(t.protocols)) {
      commands.push({ tool, platform: FIREWALL_PLATFORM[tool], label: `${FIREWALL_NAME[tool]}: ${action} ${P(p)}`, command: firewallCommand(tool, action, t, p) });
    }
  }
  return action === 'allow'
    ? { id: 'allow', title: 'Open it (allow incoming)', commands }
    : { id: 'block', title: 'Block it (drop incoming)', commands };
}

/** Everything the details view offers to copy, in display order. */
export function portCommands(t: PortTarget): CommandGroup[] {
  return [...checkCommands(t), firewallCommands('allow', t), firewallCommands('block', t)];
}
