// Word lists of the detector: keywords that announce a port, the small
// words that may stand between a keyword and its number, and the words that
// show a look-alike (a physical port, a count, a non-host key, an image).
// All entries are lower case.
import { hashOf, hashSet, wordHash } from './hash.ts';

/** What a word before a number says about it (see classifyWord). */
/** not a keyword */
export const KW_NONE = 0;
/** port, Port, containerPort, DB_PORT, --port, puerto, порт … */
export const KW_PORT = 1;
/** ports, puertos, порты … (plural: "to" makes a range) */
export const KW_PORTS = 2;
/** a configuration key naming a range: ip_local_port_range, PassivePorts */
export const KW_RANGE_KEY = 3;
/** tcp, udp, sctp, dccp */
export const KW_PROTO = 4;
/** listen (nginx, Apache, server.listen(…)) */
export const KW_LISTEN = 5;
/** EXPOSE (Dockerfile); its list is separated by spaces */
export const KW_EXPOSE = 6;
/** -p (ssh, psql, nmap, docker, nc) */
export const KW_OPT_P = 7;
/** -P: a port for scp, sftp and mysql only */
export const KW_OPT_BIG_P = 8;
/** --dport, dport, dpt, spt, dports: colon pairs are ranges */
export const KW_DPORT = 9;
/** a linking word between keyword and number */
export const KW_LINK = 10;
/** "range": turns "to" into a range */
export const KW_LINK_RANGE = 11;
/** "from": "port from 8080 to 8081" is a change, two mentions */
export const KW_LINK_FROM = 12;
/** -L / -R / -D of ssh: a forwarded port follows */
export const KW_OPT_SSH = 13;
/** -l, -lvnp, -nlvp: netcat's listen options (and serve's -l): a port follows */
export const KW_OPT_NC = 14;
/** -s: hydra's port option */
export const KW_OPT_S = 15;

const KEYWORDS = new Map<string, number>();
function kw(kind: number, words: string): void {
  for (const w of words.trim().split(/\s+/)) KEYWORDS.set(w, kind);
}

kw(KW_PORT, `
  port portnumber portno portnum portnummer port# port-number port_number
  puerto porta poort porcie portu portti porten porty
  standaardpoort poortnummer numero_porta portanummer
  port_value portvalue port-value toport localforward remoteforward dynamicforward
  listenstream listendatagram http.server simplehttpserver runserver
  порт порта порту портом порте
  standardport zielport quellport serverport
  localport remoteport listenport connectport hostport containerport targetport nodeport
  serverport clientport srcport dstport destport sourceport publicport privateport
  externalport internalport lport rport bindport httpport httpsport sshport
  cổng
`);
kw(KW_PORTS, `
  ports puertos portas poorten portar porte
  порты портов портах портами
`);
kw(KW_PROTO, 'tcp udp sctp dccp');
kw(KW_LISTEN, 'listen listener');
kw(KW_EXPOSE, 'expose');
kw(KW_DPORT, 'dport dports dpt spt dpts spts multiport');
kw(KW_LINK_RANGE, 'range ranges rango intervalo plage bereich диапазон');
kw(KW_LINK_FROM, 'from von de desde da с');
kw(KW_LINK, `
  is was are be been becomes set to at on of the a an number no nr nº no. num
  default defaults by using uses use via as value currently usually normally
  typically now still changed change it's its which that here there used
  ist auf standardmäßig standard die der den dem nummer lautet wird wurde war verwendet
  est par défaut le la les du numéro sur utilise utilisé
  es el los las por defecto predeterminado número en del usa
  é padrão o os número na no em do usa
  è predefinita il numero sulla
  по умолчанию номер на это равен используется
  op het standaard
  those these di van für del for such under
  là mặc định trên
`);

/**
 * Keywords by wordHash, for the ASCII keywords whose hash no other keyword
 * shares (a hit is then confirmed character by character).
 */
const KEYWORD_BY_HASH = new Map<number, string>();
export const KEYWORD_KIND_BY_HASH = new Map<number, number>();
{
  const seen = new Map<number, number>();
  for (const w of KEYWORDS.keys()) { const h = hashOf(w); seen.set(h, (seen.get(h) ?? 0) + 1); }
  for (const [w, k] of KEYWORDS) {
    const h = hashOf(w);
    if (seen.get(h) !== 1 || !/^[\x00-\x7f]+$/.test(w) || w !== w.toLowerCase()) continue;
    KEYWORD_BY_HASH.set(h, w);
    KEYWORD_KIND_BY_HASH.set(h, k);
  }
}

/**
 * Whether text[a, b), an ASCII word, is a linking word (KW_LINK, KW_LINK_RANGE,
 * KW_LINK_FROM): what classifyWord(text.slice(a, b), 0) would say, without
 * slicing. False means "not known here" (ask classifyWord).
 */
export function linkWordAt(text: string, a: number, b: number, hash: number): boolean {
  const k = KEYWORD_KIND_BY_HASH.get(hash);
  if (k !== KW_LINK && k !== KW_LINK_RANGE && k !== KW_LINK_FROM) return false;
  const w = KEYWORD_BY_HASH.get(hash)!;
  if (w.length !== b - a) return false;
  for (let i = 0; i < w.length; i++) {
    let c = text.charCodeAt(a + i);
    if (c >= 128) return false;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== w.charCodeAt(i)) return false;
  }
  return true;
}

export function classifyWord(word: string, dashes: number): number {
  const lower = word.toLowerCase();
  if (dashes === 1 && word.length === 1) {
    if (word === 'p') return KW_OPT_P;
    if (word === 'P') return KW_OPT_BIG_P;
    if (word === 'L' || word === 'R' || word === 'D') return KW_OPT_SSH;
    if (word === 'l') return KW_OPT_NC;
    if (word === 's') return KW_OPT_S;
    return KW_NONE;
  }
  if (dashes === 1 && word.length <= 6 && /^[a-z]+$/.test(word) && (word.endsWith('p') || word.includes('l'))) return KW_OPT_NC;
  const k = KEYWORDS.get(lower);
  if (k !== undefined) {
    // Words that are keywords only as options or in firewall rules.
    if (dashes === 0 && (k === KW_PROTO) && word !== lower && word !== word.toUpperCase()) return KW_NONE;
    if (dashes > 0 && (k === KW_LINK || k === KW_LINK_FROM || k === KW_LINK_RANGE)) return KW_NONE;
    // LISTEN in capitals is a socket state in netstat/ss output, not nginx's directive.
    if (k === KW_LISTEN && word === 'LISTEN') return KW_NONE;
    return k;
  }
  if (lower === 'sport' || lower === 'sports') return dashes >= 2 ? KW_DPORT : KW_NONE;
  const dot = lower.lastIndexOf('.');
  if (dot > 0 && dot < lower.length - 1) {
    // server.listen(…), config.ports
    const last = KEYWORDS.get(lower.slice(dot + 1));
    if (last === KW_PORT || last === KW_PORTS || last === KW_LISTEN) return last;
  }
  if (dot > 0 && (lower.startsWith('ports.') || lower.startsWith('port.') || lower.includes('.ports.') || lower.includes('.port.'))) {
    // master.service.ports.redis, ports.http: a key under a ports map.
    const last = lower.slice(dot + 1);
    if (/^[a-z][a-z0-9_-]*$/.test(last) && last !== 'protocol' && last !== 'name' && last !== 'count') return KW_PORT;
  }
  if (lower.includes('port_range') || lower.includes('portrange') || lower.includes('port-range') || lower.includes('ports_range')) return KW_RANGE_KEY;
  // Compound keys: server.port, DB_PORT, tls-port, pasv_min_port, containerPort.
  const n = word.length;
  if (n > 5) {
    if (lower.endsWith('_port') || lower.endsWith('-port') || lower.endsWith('.port')) return KW_PORT;
    if (lower.endsWith('_ports') || lower.endsWith('-ports') || lower.endsWith('.ports')) return KW_PORTS;
    if (!CAMEL_EXCLUDED.has(lower)) {
      const p = word.endsWith('Port') ? n - 4 : word.endsWith('Ports') ? n - 5 : -1;
      if (p > 0) {
        const c = word.charCodeAt(p - 1);
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return p === n - 4 ? KW_PORT : KW_RANGE_KEY;
        // RCONPort, SSHPort, HTTPPort: an acronym before Port.
        if (p >= 2 && p <= 6 && p === n - 4 && /^[A-Z]+$/.test(word.slice(0, p))) return KW_PORT;
      }
      if (word.endsWith('PORT') && word === word.toUpperCase()) return KW_PORT;
    }
  }
  return KW_NONE;
}

/** Camel-case words that end in "Port" but name hardware or something else. */
const CAMEL_EXCLUDED = new Set([
  'displayport', 'airport', 'passport', 'transport', 'viewport', 'comport', 'switchport', 'teleport',
  'thunderport', 'usbport', 'serialport', 'hdmiport', 'lightport', 'deport', 'newport', 'davenport',
  'sfpport', 'lanport', 'poeport', 'wanport', 'dvport', 'vgaport', 'midiport', 'gpioport',
]);

/** Words right before "port" that make it a physical or hardware port. */
export const PHYSICAL_BEFORE = new Set([
  'usb', 'usb-a', 'usb-c', 'usb2', 'usb3', 'type-c', 'serial', 'hdmi', 'ethernet', 'parallel', 'com', 'console',
  'sfp', 'sfp+', 'qsfp', 'lan', 'uplink', 'audio', 'display', 'vga', 'dvi', 'thunderbolt', 'firewire',
  'charging', 'charge', 'power', 'dock', 'expansion', 'pci', 'pcie', 'sata', 'rj45', 'rj-45', 'fiber', 'fibre',
  'optical', 'physical', 'switch', 'hub', 'trunk', 'access', 'mini', 'micro', 'headphone', 'microphone',
  'mic', 'midi', 'printer', 'keyboard', 'mouse', 'gpio', 'jtag', 'uart', 'i2c', 'spi', 'poe', 'patch',
  'into', 'front', 'rear', 'back', 'left', 'right', 'bottom', 'top', 'side',
  'seriellen', 'serielle', 'série', 'serie', 'серийный', 'последовательный',
]);

/** Words after "port N" (small N) that show a physical port: port 3 of the switch. */
export const PHYSICAL_AFTER = new Set([
  'switch', 'hub', 'panel', 'motherboard', 'router', 'dock', 'laptop', 'card', 'adapter', 'controller',
  'chassis', 'splitter', 'kvm', 'monitor', 'board', 'module', 'device', 'printer',
]);

/** Words after "N port" that make N a count of hardware ports (a 24 port switch). */
export const COUNTED_AFTER = new Set([
  'switch', 'switches', 'hub', 'hubs', 'router', 'routers', 'gigabit', 'ethernet', 'usb', 'patch', 'panel',
  'kvm', 'charger', 'charging', 'card', 'adapter', 'splitter', 'dock', 'docking', 'console', 'serial', 'sfp',
  'poe', 'managed', 'unmanaged', 'desktop', 'rackmount', 'network', 'lan', 'gbe', 'fast', 'model', 'version',
]);

/** Words after a number that show it counts things (port on 5 servers, ports 80 and 3 others). */
export const COUNT_NOUNS = new Set([
  'servers', 'server', 'hosts', 'machines', 'machine', 'times', 'devices', 'users', 'clients', 'connections',
  'seconds', 'second', 'secs', 'sec', 's', 'minutes', 'minute', 'mins', 'min', 'hours', 'hour', 'hrs', 'days',
  'day', 'weeks', 'months', 'years', 'ms', 'bytes', 'byte', 'kb', 'mb', 'gb', 'packets', 'requests', 'items',
  'entries', 'rules', 'ports', 'switches', 'computers', 'nodes', 'containers', 'pods', 'instances', 'services',
  'sessions', 'threads', 'processes', 'attempts', 'retries', 'tries', 'people', 'other', 'others', 'more',
  'new', 'different', 'additional', 'extra', 'separate', 'of', 'percent', 'errors', 'error', 'failures',
  'lines', 'files', 'steps', 'bits', 'x', 'vlans', 'vlan', 'ips', 'addresses', 'networks', 'mbps', 'gbps',
  'kbps', 'euros', 'dollars', 'units', 'pieces', 'pcs', 'apps', 'websites', 'sites', 'tabs', 'windows',
]);

/** Single-label keys that are not host names when followed by ":number". */
export const NON_HOST_PARTS = new Set([
  'status', 'code', 'line', 'lines', 'ln', 'col', 'column', 'row', 'page', 'pid', 'ppid', 'uid', 'gid', 'id',
  'step', 'count', 'size', 'len', 'length', 'time', 'timeout', 'delay', 'interval', 'ttl', 'retry', 'retries',
  'attempt', 'attempts', 'error', 'err', 'errno', 'exit', 'level', 'version', 'ver', 'rev', 'build', 'max',
  'min', 'limit', 'offset', 'index', 'idx', 'total', 'num', 'number', 'score', 'rank', 'priority', 'weight',
  'width', 'height', 'ms', 'sec', 'seconds', 'minutes', 'hours', 'day', 'days', 'year', 'month', 'date',
  'duration', 'elapsed', 'took', 'latency', 'mem', 'memory', 'cpu', 'bytes', 'chapter', 'verse', 'vol',
  'volume', 'issue', 'ticket', 'bug', 'note', 'tip', 'stage', 'phase', 'round', 'epoch', 'iter', 'iteration',
  'batch', 'loss', 'seed', 'rate', 'fps', 'bitrate', 'scale', 'zoom', 'ratio', 'age', 'qty', 'quantity',
  'amount', 'price', 'cost', 'sum', 'avg', 'mean', 'uptime', 'chunk', 'block', 'frame', 'seq', 'sequence',
  'ack', 'win', 'mtu', 'mss', 'hop', 'hops', 'pos', 'position', 'rgb', 'rgba', 'hsl', 'z', 'opacity', 'font',
  'margin', 'padding', 'top', 'left', 'right', 'bottom', 'flex', 'order', 'grid', 'span', 'nth', 'ref', 'pr',
  'commit', 'pull', 'rule', 'tab', 'ex', 'example', 'fig', 'figure', 'table', 'section', 'sect', 'item',
  'question', 'answer', 'task', 'test', 'case', 'run', 'job', 'try', 'ver', 'release', 'tag', 'latest',
  'user', 'group', 'mode', 'perm', 'chmod', 'owner', 'file', 'files', 'sha', 'hash', 'crc', 'checksum',
  'episode', 'season', 'part', 'track', 'disc', 'level', 'lvl', 'hp', 'mp', 'xp', 'exp', 'dmg', 'atk', 'def',
  'str', 'int', 'dex', 'km', 'mi', 'kg', 'lb', 'cm', 'mm', 'px', 'em', 'pt', 'rem', 'deg', 'kcal', 'temp',
]);

/** Images whose tags are small numbers: node:20, redis:7, postgres:16. */
export const IMAGE_NAMES = new Set([
  'node', 'python', 'pypy', 'redis', 'postgres', 'postgresql', 'mysql', 'mariadb', 'mongo', 'mongodb', 'ubuntu',
  'debian', 'alpine', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'busybox', 'golang', 'go',
  'openjdk', 'java', 'eclipse-temurin', 'amazoncorretto', 'maven', 'gradle', 'ruby', 'php', 'perl', 'rust',
  'nginx', 'httpd', 'traefik', 'haproxy', 'caddy', 'elasticsearch', 'kibana', 'logstash', 'rabbitmq',
  'memcached', 'cassandra', 'couchdb', 'influxdb', 'neo4j', 'sonarqube', 'jenkins', 'gitlab', 'grafana',
  'prometheus', 'vault', 'consul', 'etcd', 'kafka', 'zookeeper', 'tomcat', 'jetty', 'wordpress', 'ghost',
  'drupal', 'joomla', 'nextcloud', 'bitnami', 'dotnet', 'aspnet', 'sdk', 'runtime', 'gcc', 'clang',
  'swift', 'elixir', 'erlang', 'haskell', 'julia', 'r-base', 'bash', 'docker', 'dind', 'deno', 'bun',
  'oraclelinux', 'archlinux', 'opensuse', 'kalilinux', 'windows', 'nanoserver', 'servercore', 'mcr',
  'keycloak', 'minio', 'solr', 'sentry', 'selenium', 'cypress', 'playwright', 'timescaledb', 'postgis',
]);

/** Single-label names that are host names in compose files and configs. */
export const HOST_NAMES = new Set([
  'localhost', 'db', 'database', 'postgres', 'postgresql', 'pg', 'mysql', 'mariadb', 'mongo', 'mongodb',
  'redis', 'app', 'web', 'api', 'server', 'backend', 'frontend', 'cache', 'proxy', 'nginx', 'kafka',
  'zookeeper', 'rabbitmq', 'elasticsearch', 'es', 'kibana', 'grafana', 'prometheus', 'jaeger', 'minio',
  'memcached', 'consul', 'vault', 'etcd', 'broker', 'worker', 'host', 'gateway', 'service', 'auth',
  'keycloak', 'jenkins', 'gitlab', 'mailhog', 'smtp', 'mail', 'ldap', 'dns', 'loki', 'tempo', 'collector',
  'registry', 'traefik', 'haproxy', 'envoy', 'ui', 'admin', 'sftp', 'ftp', 'ssh', 'vpn', 'router', 'nas',
  'origin', 'upstream', 'master', 'primary', 'replica', 'slave', 'node1', 'node2', 'node3', 'www', 'httpd',
]);

/** File extensions of source and config files: main.ts:42 is a line number. */
export const FILE_EXTENSIONS = new Set([
  'ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'py', 'pyx', 'pyi', 'rs', 'go', 'java', 'kt', 'kts',
  'scala', 'sc', 'groovy', 'gradle', 'c', 'h', 'cc', 'cpp', 'cxx', 'hpp', 'hh', 'hxx', 'm', 'mm', 'cs', 'fs',
  'vb', 'rb', 'erb', 'php', 'pl', 'pm', 'sh', 'bash', 'zsh', 'ps1', 'psm1', 'bat', 'cmd', 'swift', 'dart',
  'lua', 'ex', 'exs', 'erl', 'hrl', 'hs', 'ml', 'mli', 'clj', 'cljs', 'jl', 'r', 'zig', 'nim', 'v', 'vue',
  'svelte', 'astro', 'html', 'htm', 'css', 'scss', 'sass', 'less', 'yml', 'yaml', 'json', 'jsonc', 'toml',
  'xml', 'md', 'mdx', 'txt', 'sql', 'ini', 'conf', 'cfg', 'log', 'lock', 'tf', 'hcl', 'proto', 'graphql',
  'gql', 'twig', 'jinja', 'j2', 'tpl', 'mk', 'cmake', 'asm', 's', 'f90', 'f', 'pas', 'd', 'sol', 'wasm',
  'map', 'snap', 'rst', 'tex', 'csv', 'tsv', 'pyc', 'so', 'dll', 'exe', 'o', 'a', 'class', 'jar', 'dockerfile',
]);

/**
 * Known services and the ports they are usually written with, so that
 * "PostgreSQL (5432)" or "22 (SSH)" count without a keyword.
 */
export const SERVICE_PORTS = new Map<string, number[]>([
  ['ssh', [22]], ['sftp', [22]], ['ftp', [20, 21]], ['ftps', [989, 990]], ['telnet', [23]],
  ['smtp', [25, 465, 587]], ['smtps', [465]], ['submission', [587]], ['dns', [53]], ['domain', [53]],
  ['dhcp', [67, 68]], ['tftp', [69]], ['http', [80, 8080, 8000]], ['https', [443, 8443]], ['kerberos', [88]],
  ['pop3', [110, 995]], ['pop3s', [995]], ['ntp', [123]], ['netbios', [137, 138, 139]], ['imap', [143, 993]],
  ['imaps', [993]], ['snmp', [161, 162]], ['ldap', [389, 636]], ['ldaps', [636]], ['smb', [445]],
  ['cifs', [445]], ['syslog', [514]], ['rdp', [3389]], ['mysql', [3306]], ['mariadb', [3306]],
  ['postgresql', [5432]], ['postgres', [5432]], ['redis', [6379]], ['mongodb', [27017]], ['mongo', [27017]],
  ['mssql', [1433]], ['oracle', [1521]], ['vnc', [5900]], ['kafka', [9092]], ['elasticsearch', [9200, 9300]],
  ['memcached', [11211]], ['rabbitmq', [5672, 15672]], ['amqp', [5672]], ['zookeeper', [2181]], ['mqtt', [1883, 8883]],
  ['sip', [5060, 5061]], ['nfs', [2049]], ['winrm', [5985, 5986]], ['irc', [6667]], ['etcd', [2379, 2380]],
  ['consul', [8500]], ['prometheus', [9090]], ['grafana', [3000]], ['docker', [2375, 2376]], ['kubelet', [10250]],
  ['bgp', [179]], ['rsync', [873]], ['cassandra', [9042]], ['couchdb', [5984]], ['influxdb', [8086]],
  ['openvpn', [1194]], ['wireguard', [51820]], ['ipsec', [500, 4500]], ['l2tp', [1701]], ['pptp', [1723]],
  ['radius', [1812, 1813]], ['tacacs', [49]], ['smtp-submission', [587]], ['minecraft', [25565]],
]);

/** Words before a name that may stand between keyword and number: the port of Redis is 6379. */
export const OF_WORDS = new Set(['of', 'for', 'de', 'du', 'des', 'del', 'do', 'da', 'von', 'für', 'des', 'di', 'van', 'under', 'on']);

/** Linking words between list items: and, or, und, et, y, и, 和 … */
export const LIST_WORDS = new Set([
  'and', 'or', 'und', 'oder', 'et', 'ou', 'y', 'o', 'e', 'и', 'или', 'en', 'plus', 'i', 'oraz', 'lub', 'và', 'hoặc', 've', 'veya',
]);

/** Words joining the two ends of a range in prose: through, bis, à, до … */
export const RANGE_WORDS = new Set(['through', 'thru', 'till', 'until', 'bis', 'à', 'a', 'al', 'hasta', 'até', 'ate', 'до', 'по', 'tot']);

const KEYWORD_HASHES = new Set<number>();
for (const w of KEYWORDS.keys()) KEYWORD_HASHES.add(hashOf(w));
for (const w of ['sport', 'sports', 'p', 'l', 'r', 'd', 's']) KEYWORD_HASHES.add(hashOf(w));

const SERVICE_HASHES = new Set<number>();
for (const w of SERVICE_PORTS.keys()) SERVICE_HASHES.add(hashOf(w));

function endsWithLower(text: string, b: number, len: number, word: string): boolean {
  if (b - len < 0) return false;
  for (let i = 0; i < len; i++) {
    let c = text.charCodeAt(b - len + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Cheap test, without allocating, of whether text[a, b) can be a keyword or
 * linking word; classifyWord gives the answer only when this says maybe.
 */
export function mayBeKeyword(text: string, a: number, b: number, hash = wordHash(text, a, b)): boolean {
  if (KEYWORD_HASHES.has(hash)) return true;
  const n = b - a;
  if (n < 5) {
    if (n >= 2 && a > 0 && text.charCodeAt(a - 1) === 45 && text.charCodeAt(a - 2) !== 45) {
      const last = text.charCodeAt(b - 1);
      if (last === 112) return true;
      for (let i = a; i < b; i++) if (text.charCodeAt(i) === 108) return true;
    }
    return false;
  }
  if (endsWithLower(text, b, 4, 'port') || endsWithLower(text, b, 5, 'ports') || endsWithLower(text, b, 6, 'listen')) return true;
  for (let i = a; i + 5 <= b; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c === 114 && endsWithLower(text, i + 5, 5, 'range')) return true;
    if (c === 112 && endsWithLower(text, i + 4, 4, 'port')) {
      const d = text.charCodeAt(i + 4);
      if (d === 46 || ((d | 32) === 115 && text.charCodeAt(i + 5) === 46)) return true; // ports.redis
    }
  }
  if (n <= 6 && a > 1 && text.charCodeAt(a - 1) === 45 && text.charCodeAt(a - 2) !== 45) {
    // -lvnp, -nlvp (netcat)
    const last = text.charCodeAt(b - 1);
    if (last === 112 || last === 108) return true;
    for (let i = a; i < b; i++) if (text.charCodeAt(i) === 108) return true;
  }
  return false;
}

/** Whether text[a, b) may name a service of SERVICE_PORTS. */
export function mayBeService(text: string, a: number, b: number, hash = wordHash(text, a, b)): boolean {
  return SERVICE_HASHES.has(hash);
}

export const COUNT_NOUN_HASHES = hashSet(COUNT_NOUNS);
export const PHYSICAL_BEFORE_HASHES = hashSet(PHYSICAL_BEFORE);
export const FILE_EXTENSION_HASHES = hashSet(FILE_EXTENSIONS);
export const NON_HOST_HASHES = hashSet(NON_HOST_PARTS);
export const PROTOCOL_HASHES = new Map<number, 'tcp' | 'udp' | 'sctp' | 'dccp'>([
  [hashOf('tcp'), 'tcp'], [hashOf('udp'), 'udp'], [hashOf('sctp'), 'sctp'], [hashOf('dccp'), 'dccp'],
]);
