// Every rule that decides a digit run, by stable id, in the order the pass
// tries them: first the family the pass hands the run to (after ':' →
// rules/hostport.ts, 'a:b' → rules/pairs.ts, otherwise rules/plain.ts), then
// within it the rules in the order its dispatch calls them. rules.test.ts
// checks this order against the dispatch functions' code.
//
// Rules pass a rule's code (its index here) to accept/emit, or to reject when
// they turn a run down; only traceMentions turns codes back into ids, so the
// pass builds no strings and allocates nothing for the trace.

export const RULE_IDS = [
  // Nothing took the run: no rule accepted it and none rejected it by name.
  'reject.no-rule',

  // After ':' (rules/hostport.ts, colonCase and namedHost).
  'specs.bus-port', // 10.0.0.1:6379@16379
  'reject.password', // user:1234@host
  'reject.version', // redis:7.2, 1.2.3, 00:01:45.120
  'reject.unit', // took:35ms, 80ms, 80%
  'reject.tag', // postgres:16-alpine
  'reject.colon-chain', // fe80::1:80, a:b:1:2: a longer colon chain, skipped whole
  'hostport.bracketed-host', // [smtp.example]:587
  'hostport.bracketed-placeholder', // http://[serverAddr]:7500
  'hostport.ipv6', // [::1]:22
  'hostport.wildcard', // *:80
  'hostport.ipv6-loopback', // ::1:27017
  'hostport.ipv6-any', // :::80
  'hostport.quoted-key', // "port":8080
  'hostport.bare-colon', // listening on :8080
  'reject.emoji-code', // :100:
  'reject.reply-or-display', // a line ":1" (Redis reply), DISPLAY=:1
  'hostport.host-variable', // ${host}:443
  'hostport.dns-root-zone', // .:53 { (CoreDNS's root zone)
  'specs.nmap-prefix', // -p U:53,T:80
  'hostport.lsof-i', // lsof -iTCP:8080
  'hostport.interface', // 127.0.0.53%lo:53
  'hostport.forwarded-node', // for="_7F2F367E:60138" (an obfuscated node in a Forwarded header)
  'specs.socat', // TCP-LISTEN:8080, TCP4:host:80
  'reject.not-a-host', // EPSG:4326, main.ts:42, user:1000
  'reject.port-0-placeholder', // 0.0.0.0:0
  'pairs.glued-p-map', // docker run -p5432:5432 (chainCase tries it first)
  'pairs.published-range-map', // -p 8080-8083:8080-8083, -p8080-8083:8080-8083 (two ranges)
  'specs.ssh-forward-spec', // ssh -L 1080:127.0.0.1:1080 (the local port), -L 9051:db.d.x:5432
  'hostport.ipv4', // 10.0.0.1:22
  'hostport.ip-map', // -p 127.0.0.1:8080:80
  'hostport.ssh-bind', // ssh -R 0.0.0.0:9022:…
  'hostport.spn', // MSSQLSvc/sql01.corp:1433
  'hostport.proxy-path', // /api/v1/namespaces/x/services/spark-master:8080/proxy (Kubernetes API proxy)
  'reject.path', // src/app.rs:17
  'hostport.ssh-forward', // ssh -L 8080:localhost:80
  'specs.curl-resolve', // --resolve example.com:443:127.0.0.1
  'hostport.labelled-localhost', // [myid:localhost:2181] (a log label before the address)
  'hostport.key-range', // dpts:1024:65535
  'hostport.key', // port:8080, tcp:21
  'hostport.two-ports', // server.1=zk1:2888:3888
  'reject.image-tag', // FROM node:20
  'hostport.name', // db.internal:5432, redis:6379

  // 'a:b' with no host (rules/pairs.ts, chainCase).
  'reject.in-host', // db1:5432, kafka-0:9092: the digits belong to a host
  'reject.clock-time', // 10:15:30, 10:30am, 00:01.5
  'reject.verse', // Genesis 1:1-3
  'pairs.map-list', // ports: ["8080:80", "443:443"]
  'pairs.map', // -p 8080:80
  'pairs.range', // --dport 1024:65535
  'pairs.by-suffix', // 80:30080/TCP, 6000:6063/tcp
  'specs.ids-rule-port', // alert tcp any any -> any [80:82,!8080] (Suricata/Snort rule headers)
  'reject.pair-no-reason', // 12:30, 16:9, John 3:16

  // A number with no colon around it (rules/plain.ts, plainCase).
  'servers.zookeeper', // server.5=10.0.0.5:2888:3888:participant;2181 (rules/servers.ts, from the N of server.N)
  'reject.glued', // v2, x_3, 1.5
  'specs.glued-p', // -p80,443
  'specs.port-flags', // "80r,443s" (Pi-hole's web server ports with flags)
  'specs.tcpdump-address', // 10.0.0.5.51514 > 10.0.0.9.80:
  'reject.compound', // 48-port, 3-way
  'reject.thousands', // 100,000
  'reject.symbol-before', // #22, $5, €80
  'reject.array-index', // ports[0]
  'reject.negative', // -5, 1-3 tails
  'reject.out-of-range', // 70000
  'list.continue', // ports 80, 443 and 8080
  'reject.count', // on 5 servers
  'reject.date', // 14/10/2016, 2024-01-12 in a space list
  'plain.proto-slash', // tcp/445
  // The keyword look-back and its vetting (rules/keyword.ts, rules/vetting.ts, keywordMention).
  'reject.port-0', // port 0 only after a port word
  'reject.netstat-queue', // tcp 0 0 0.0.0.0:22
  'reject.status-code', // UDP 401 Unauthorized responses
  'keyword.nc-listen', // nc -l 4444
  'reject.nc-option', // -l of other commands
  'keyword.dport', // --dport 22, DPT=3389
  'reject.price', // frais de port : 4,90 €
  'keyword.ufw-proto', // ufw allow proto udp to any port 51820
  'specs.nmap-xml-port', // <port protocol="tcp" portid="22"> (nmap's XML output)
  'reject.device-port', // Port 4 of the switch
  'reject.hardware', // USB port 2, plugged into port 3
  'reject.switch', // a switch's port 48
  'reject.backlog', // listen(5)
  'reject.p-not-port', // pbzip2 -p4, ps -p 1234
  'reject.option-not-port', // -P, -s, ssh's -p off their commands
  'keyword.hydra-s', // hydra -s 2222
  'keyword.ssh-p', // ssh -p 2222
  'keyword.port', // port 22, DB_PORT=5432, the port is 22
  'keyword.example', // the data port (e.g., 16379), a port (ex: '80')
  'keyword.mnemonic', // [p]orts 80 (tldr's mnemonic letters, read again without the brackets)
  'keyword.range-key', // ip_local_port_range = 32768 60999
  'keyword.protocol', // TCP 445
  'keyword.listen', // listen 80
  'keyword.expose', // EXPOSE 3000
  'keyword.option-p', // -p 5432, -P 3307
  'reject.prose-number', // moved 5 services
  // Something after the number (rules/after.ts).
  'after.proto-suffix', // 445/tcp
  'after.range-proto', // 80-81/tcp
  'specs.grepable', // 22/open/tcp//ssh///
  'after.port-word', // 8080 port, 22端口
  'after.list-then-port-word', // 80 和 443 端口
  'after.list-proto', // 80,443/tcp
  'after.service', // 22 (SSH), PostgreSQL (5432)
  'after.appositive', // the exporter's port, 9100, …
  'after.service-nearby', // Kafka brokers default to 9092
  'defaults.note', // TURN listener port for UDP and TCP (Default: 3478)
  'defaults.after-port-sentence', // Specifies the port number sshd listens on. The default is 22.
  'defaults.example-note', // ports to scan (e.g., 80,443,100-105)
  'defaults.docbook', // <samba:parameter name="krb5 port"> … <value type="default">88</value>
  // Line shapes, code calls and tools' port specs (rules/lines.ts, rules/code.ts, rules/specs.ts).
  'lines.ports-key', // compose long form target: 80
  'lines.ufw-row', // [ 2] 443   ALLOW IN
  'lines.value-of-port-key', // -Name PortNumber -Value 3390
  'lines.ufw-allow', // ufw allow 443
  'lines.ports-braces', // ports { http = 8500 }
  'lines.port-block', // port "http" { static = 8080, to = 80 } (Nomad)
  'lines.port-label', // Port used for incoming connections: 6881
  'specs.ports-map', // ports:\n  http: 9121
  'lines.compose-item', // - 5432 under ports:
  'code.call-host', // bind(('127.0.0.1', 8080))
  'code.port-call', // htons(8080)
  'specs.port-list-call', // port_or_service({25, 465})
  'specs.hping-scan', // hping3 --scan 80,3000,9000
  'specs.tool-port-option', // nats-server -m 8222, autossh -M 20000 (TOOL_PORT_OPTIONS)
  'specs.ipfw-port', // ipfw add deny tcp from any to any 40000 in
  'specs.port-forward', // kubectl port-forward pod/x 5000 6000
  'code.conn-string', // Server=db,1433
  'lines.directive', // replicaof 10.0.0.1 6379
  'lines.host-port-command', // nc -zv host 22, telnet host 25
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** The code of a rule id: its index in RULE_IDS. Called once per rule at module load. */
export function ruleCode(id: RuleId): number {
  return RULE_IDS.indexOf(id);
}

export const R_NO_RULE = 0;
