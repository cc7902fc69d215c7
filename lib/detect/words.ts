// Word lists of the detector: the words that show a look-alike (a physical
// port, a count, a non-host key, an image), known services and their ports,
// command and directive names, and the words that join list items and
// ranges. All entries are lower case.
import { hashOf, hashSet, wordHash } from './hash.ts';

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
  // things, not machines: key names, key types and sizes, coordinate codes, labels
  'object', 'obj', 'session', 'sess', 'key', 'keys', 'token', 'cart', 'customer', 'account', 'article', 'post',
  'comment', 'event', 'msg', 'message', 'label', 'product', 'invoice', 'member', 'topic', 'thread', 'bucket',
  'rsa', 'dsa', 'ec', 'ecdsa', 'ed25519', 'epsg', 'crs', 'srid', 'tel', 'fax', 'phone', 'inf', 'le', 'urn', 'isbn', 'doi',
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

const SERVICE_HASHES = new Set<number>();
for (const w of SERVICE_PORTS.keys()) SERVICE_HASHES.add(hashOf(w));

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

/** netcat and friends: -l / -lvnp take a port. */
export const NC_CMDS = new Set(['nc', 'ncat', 'netcat']);
/** Package runners before a command name: npx serve -l 5000. */
export const RUNNERS = new Set(['npx', 'pnpx', 'bunx', 'pnpm', 'yarn', 'npm']);
/** Calls whose first argument is a port: new ServerSocket(6789), htons(8080). */
export const PORT_CALLS = new Set([
  'serversocket', 'datagramsocket', 'multicastsocket', 'htons', 'inetsocketaddress', 'socketaddress', 'setport',
  'withport', 'useport', 'listenandserve', 'listentcp', 'listenudp',
]);
export const PORT_CALL_HASHES = hashSet(PORT_CALLS);
/** Keys of SQL Server / ADO.NET connection strings whose value is "host,port". */
export const CONN_HOST_KEYS = new Set(['server', 'data source', 'address', 'addr', 'network address', 'datasource']);
/** Words of a "Port …:" form label that make the number a count or a setting that is not a port. */
export const LABEL_NOT_PORT = new Set([
  'number', 'count', 'total', 'max', 'maximum', 'min', 'minimum', 'open', 'closed', 'scanned', 'filtered',
  'available', 'free', 'speed', 'status', 'state', 'type', 'mode', 'name', 'id', 'vlan', 'errors', 'utilization',
  'usage', 'security', 'channel', 'duplex', 'description', 'cost', 'priority',
]);

/** Commands whose -p takes something other than a port (a PID, a directory, a prompt). */
export const P_NOT_PORT = new Set([
  'ps', 'top', 'htop', 'strace', 'ltrace', 'gdb', 'lsof', 'renice', 'taskset', 'perf', 'pidstat', 'kill',
  'pstack', 'jstack', 'jmap', 'jcmd', 'prlimit', 'ionice', 'chrt', 'py-spy', 'mkdir', 'cp', 'install', 'patch',
  'xargs', 'make', 'pytest', 'git', 'pmap', 'pwdx', 'cat', 'ls', 'tar', 'zip', 'unzip', 'read', 'pgrep', 'pkill',
  'nsenter', 'crictl', 'docker-compose-exec', 'watch', 'bpftrace', 'tcpdump', 'ping', 'passwd', 'useradd',
  // processes, threads, parallelism: compressors, hashers, tracers, job runners
  'pbzip2', 'pigz', 'lbzip2', 'pixz', 'plzip', 'pzstd', 'argon2', 'dtrace', 'parallel', 'mpirun', 'mpiexec',
  'stress', 'stress-ng', 'gcore', 'criu', 'iotop', 'pv',
]);
/** Commands where -P is the port (elsewhere -P is parallelism, Perl regex …). */
export const BIG_P_PORT = new Set(['scp', 'sftp', 'mysql', 'mariadb', 'mysqldump', 'mysqladmin', 'rsync', 'curl']);
/** Kerberos service classes written in lower case before "/host:port". */
export const SPN_CLASSES = new Set(['ldap', 'cifs', 'host', 'http', 'wsman', 'termsrv', 'gc', 'dns', 'smtp', 'imap', 'postgres', 'kafka']);
/** Commands whose -s is the port (hydra). */
export const S_PORT = new Set(['hydra']);
/** Commands whose positional arguments are host then port. */
export const HOST_PORT_CMDS = new Set(['nc', 'ncat', 'netcat', 'telnet', 'socat', 'nping', 'hping3', 'tcping', 'psping']);
export const HOST_PORT_CMD_HASHES = hashSet(HOST_PORT_CMDS);
/** Actions that start a Suricata/Snort rule header: action proto src sport -> dst dport (options). */
export const IDS_ACTIONS = new Set(['alert', 'pass', 'drop', 'reject', 'rejectsrc', 'rejectdst', 'rejectboth', 'log']);
/**
 * Config directives whose arguments are an address then a port
 * (redis replicaof/slaveof, sentinel monitor, OpenVPN remote). Unlike nc,
 * further numbers are not ports (sentinel's quorum), and the address must
 * look like one (an IPv4 address, a dotted name, localhost).
 */
export const HOST_PORT_DIRECTIVES = new Set(['replicaof', 'slaveof', 'sentinel', 'remote', 'connect']);
/** Words after a three-digit number that make it an HTTP status (UDP 401 Unauthorized responses), not a port. */
export const HTTP_STATUS_WORDS = new Set([
  'unauthorized', 'forbidden', 'responses', 'response', 'replies', 'reply', 'errors', 'error', 'status', 'redirect', 'redirects',
]);
/** Words on a line that make a small number after "port" a network port rather than a socket on a device. */
export const NET_CONTEXT = new Set([
  'tcp', 'udp', 'ip', 'ipv4', 'ipv6', 'ssh', 'http', 'https', 'ftp', 'smtp', 'dns', 'firewall', 'iptables', 'ufw',
  'nmap', 'nc', 'netcat', 'telnet', 'listen', 'listens', 'listening', 'bind', 'binds', 'bound', 'socket', 'sockets',
  'localhost', 'daemon', 'echo', 'discard', 'protocol', 'packets', 'traffic', 'kernel', 'ephemeral', 'tcpmux',
]);
/** Every usual port of a known service: a cheap first test for serviceNearby. */
export const ALL_SERVICE_PORTS = new Set<number>();
for (const ports of SERVICE_PORTS.values()) for (const p of ports) ALL_SERVICE_PORTS.add(p);
/** Words that, with a service named close by, make its usual port a mention: default, port … */
export const SERVICE_DEFAULT_CUES = hashSet(['default', 'defaults', 'port', 'ports', 'standard', 'standardport']);
/** Words of a switch or patch panel before "port N". */
export const SWITCH_WORDS = new Set(['switch', 'switches', 'uplink', 'uplinks', 'sfp', 'patch', 'rj', 'poe', 'vlan', 'vlans', 'trunk', 'gbic']);
/** Words that make "port N" a network port even near a switch. */
export const STRONG_NET = new Set(['tcp', 'udp', 'ssh', 'telnet', 'http', 'https', 'snmp', 'listen', 'listens', 'listening', 'nmap', 'iptables', 'ufw', 'ftp', 'dns', 'syslog', 'tftp', 'web', 'gui']);
export const SWITCH_WORD_HASHES = hashSet(SWITCH_WORDS);
export const STRONG_NET_HASHES = hashSet(STRONG_NET);
/** Plain port words (not config keys): a small number after them needs network context. */
export const PLAIN_PORT_WORDS = new Set([
  'port', 'ports', 'porta', 'porte', 'portas', 'puerto', 'puertos', 'poort', 'poorten', 'porty', 'portu', 'portar',
  'porten', 'portti', 'porcie', 'порт', 'порта', 'порту', 'портом', 'порте', 'порты', 'портов', 'портах', 'портами',
]);

/** Turkish case suffixes after "port" (portu, portunu, portuna …). */
export const TR_PORT_SUFFIXES = new Set(['unu', 'una', 'unda', 'undan', 'uyla', 'tan', 'ta']);
/** Short suffixes, taken only after "numaralı" (Polish "portu" is a genitive: terminal 2 portu lotniczego). */
export const TR_PORT_SHORT = new Set(['u', 'a', 'un']);

/** Hashes of single words that rules compare a word with. */
export const H_TARGET = hashOf('target');
export const H_PUBLISHED = hashOf('published');
export const H_NUMBER = hashOf('number');
export const H_ALLOW = hashOf('allow');
export const H_DENY = hashOf('deny');
export const H_LIMIT = hashOf('limit');
export const H_REJECT = hashOf('reject');
export const H_IN = hashOf('in');
export const H_OUT = hashOf('out');
export const H_ANY = hashOf('any');
export const H_TIMES = hashOf('times');
export const H_VALUE = hashOf('value');
export const H_STATIC = hashOf('static');
export const H_TO = hashOf('to');
export const H_BETWEEN = hashOf('between');

/** Words after which user:secret is a credential, not host:port (addauth digest user1:12345, curl -u admin:1234). */
export const CREDENTIAL_BEFORE = new Set(['digest', 'auth', 'addauth', 'basic', '-u', '--user', '--proxy-user', '--auth']);

/** Short options that name a port for one command only (the command, then its options): nats-server -m 8222 (monitoring), autossh -M 20000 (monitoring), openssl s_server -accept 4433. */
export const TOOL_PORT_OPTIONS = new Map<string, readonly string[]>([
  ['nats-server', ['-m', '-ms']],
  ['autossh', ['-M']],
  ['openssl', ['-accept']],
]);
