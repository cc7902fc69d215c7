import { describe, expect, it } from 'vitest';
import { checkCommands, firewallCommand, firewallCommands, netProtocols, portCommands, safeHost } from './port-commands.ts';
import { codeLine } from './test-ui-text.ts';

const all = (groups: ReturnType<typeof portCommands>) => groups.flatMap((g) => g.commands.map((c) => c.command));

describe('checkCommands', () => {
  it('writes the TCP checks for one port', () => {
    const commands = all(checkCommands({ port: 139, protocols: ['tcp'], host: 'fileserver.lan' }));
    expect(commands).toEqual(
      expect.arrayContaining([
        'nc -zv fileserver.lan 139',
        'nmap -p 139 fileserver.lan',
        'Test-NetConnection -ComputerName fileserver.lan -Port 139',
        "sudo ss -ltnp 'sport = :139'",
        'sudo lsof -nP -iTCP:139 -sTCP:LISTEN',
      ]),
    );
    expect(commands.some((c) => c.includes('-u') || c.includes('-sU'))).toBe(false);
  });

  it('switches every tool to UDP for 53/udp', () => {
    const commands = all(checkCommands({ port: 53, protocols: ['udp'] }));
    expect(commands).toEqual(
      expect.arrayContaining(['nc -zvu HOST 53', 'sudo nmap -sU -p 53 HOST', "sudo ss -lunp 'sport = :53'", expect.stringContaining('Get-NetUDPEndpoint -LocalPort 53')]),
    );
    // Test-NetConnection only speaks TCP: not offered for UDP.
    expect(commands.some((c) => c.startsWith('Test-NetConnection'))).toBe(false);
  });

  it('spells ranges per tool', () => {
    const commands = all(checkCommands({ port: 135, endPort: 139 }));
    expect(commands).toEqual(
      expect.arrayContaining([
        'nc -zv HOST 135-139',
        'nmap -p 135-139 HOST',
        "sudo ss -ltnp '( sport >= :135 and sport <= :139 )'",
        expect.stringMatching(/^135\.\.139 \| ForEach-Object/),
      ]),
    );
  });
});

describe('what the commands say (message codes the views word)', () => {
  it('names each check by protocol, ports and host, and each group', () => {
    const groups = checkCommands({ port: 135, endPort: 139, protocols: ['tcp'], host: 'fileserver.lan' });
    expect(groups.map((g) => codeLine(g.title))).toEqual(['portCommands.check', 'portCommands.listen']);
    expect(groups[0]!.commands.map((c) => [codeLine(c.label), c.platforms.join(' ')])).toEqual([
      ['portCommands.isOpen(protocol=TCP, ports=135–139, host=fileserver.lan)', 'Linux macOS'],
      ['portCommands.scan(protocol=TCP, ports=135–139)', 'Linux macOS'],
      ['portCommands.testTcp', 'Windows'],
    ]);
    expect(groups[1]!.commands.map((c) => codeLine(c.label))).toEqual([
      'portCommands.listens(protocol=TCP, ports=135–139)',
      'portCommands.listens(protocol=TCP, ports=135–139)',
      'portCommands.listensPowerShell(protocol=TCP, ports=135–139)',
    ]);
  });

  it('names each firewall rule by firewall, action and protocol', () => {
    const block = firewallCommands('block', { port: 53, protocols: ['udp'] });
    expect(codeLine(block.title)).toBe('portCommands.block');
    expect(block.commands.map((c) => codeLine(c.label))).toEqual([
      'portCommands.blockRule(firewall=ufw, protocol=UDP)',
      'portCommands.blockRule(firewall=iptables, protocol=UDP)',
      'portCommands.blockRule(firewall=nftables, protocol=UDP)',
      'portCommands.blockRule(firewall=firewalld, protocol=UDP)',
      'portCommands.blockRule(firewall=portCommands.windowsFirewallAdmin, protocol=UDP)',
    ]);
    expect(block.commands.at(-1)!.platforms).toEqual(['Windows']);
    expect(codeLine(firewallCommands('allow', { port: 22 }).commands[0]!.label)).toBe('portCommands.allowRule(firewall=ufw, protocol=TCP)');
    expect(codeLine(firewallCommands('allow', { port: 22 }).title)).toBe('portCommands.allow');
  });
});

describe('firewall commands', () => {
  it('opens and blocks one TCP port in every firewall', () => {
    const t = { port: 445, protocols: ['tcp'] as const };
    expect(firewallCommand('ufw', 'allow', t, 'tcp')).toBe('sudo ufw allow 445/tcp');
    expect(firewallCommand('ufw', 'block', t, 'tcp')).toBe('sudo ufw deny 445/tcp');
    expect(firewallCommand('iptables', 'allow', t, 'tcp')).toBe('sudo iptables -A INPUT -p tcp --dport 445 -j ACCEPT');
    expect(firewallCommand('iptables', 'block', t, 'tcp')).toBe('sudo iptables -A INPUT -p tcp --dport 445 -j DROP');
    expect(firewallCommand('nft', 'allow', t, 'tcp')).toBe('sudo nft add rule inet filter input tcp dport 445 accept');
    expect(firewallCommand('nft', 'block', t, 'tcp')).toBe('sudo nft add rule inet filter input tcp dport 445 drop');
    expect(firewallCommand('firewalld', 'allow', t, 'tcp')).toBe('sudo firewall-cmd --permanent --add-port=445/tcp && sudo firewall-cmd --reload');
    expect(firewallCommand('firewalld', 'block', t, 'tcp')).toContain(`rule port port="445" protocol="tcp" drop`);
    expect(firewallCommand('windows', 'block', t, 'tcp')).toBe(
      'New-NetFirewallRule -DisplayName "Porthole: block TCP 445" -Direction Inbound -Protocol TCP -LocalPort 445 -Action Block',
    );
  });

  it('writes ranges as a:b for ufw and iptables, a-b elsewhere', () => {
    const t = { port: 6000, endPort: 6063, protocols: ['udp'] as const };
    expect(firewallCommand('ufw', 'allow', t, 'udp')).toBe('sudo ufw allow 6000:6063/udp');
    expect(firewallCommand('iptables', 'allow', t, 'udp')).toBe('sudo iptables -A INPUT -p udp --dport 6000:6063 -j ACCEPT');
    expect(firewallCommand('nft', 'allow', t, 'udp')).toBe('sudo nft add rule inet filter input udp dport 6000-6063 accept');
    expect(firewallCommand('firewalld', 'allow', t, 'udp')).toContain('--add-port=6000-6063/udp');
    expect(firewallCommand('windows', 'allow', t, 'udp')).toContain('-Protocol UDP -LocalPort 6000-6063 -Action Allow');
  });

  it('writes one rule per protocol for tcp+udp ports', () => {
    const group = firewallCommands('allow', { port: 53, protocols: ['tcp', 'udp'] });
    expect(group.commands.filter((c) => c.tool === 'ufw').map((c) => c.command)).toEqual(['sudo ufw allow 53/tcp', 'sudo ufw allow 53/udp']);
  });
});

describe('inputs', () => {
  it('keeps TCP and UDP only, TCP by default', () => {
    expect(netProtocols(['sctp'])).toEqual(['tcp']);
    expect(netProtocols(undefined)).toEqual(['tcp']);
    expect(netProtocols(['udp', 'tcp', 'dccp'])).toEqual(['tcp', 'udp']);
  });

  it('never pastes a host that could run as shell code', () => {
    expect(safeHost('db-1.example.com')).toBe('db-1.example.com');
    expect(safeHost('10.0.0.5')).toBe('10.0.0.5');
    expect(safeHost('[::1]')).toBe('[::1]');
    expect(safeHost('x; rm -rf /')).toBe('HOST');
    expect(safeHost('$(id)')).toBe('HOST');
    expect(safeHost('')).toBe('HOST');
  });

  it('orders the groups check, listen, allow, block', () => {
    expect(portCommands({ port: 22 }).map((g) => g.id)).toEqual(['check', 'listen', 'allow', 'block']);
  });
});
