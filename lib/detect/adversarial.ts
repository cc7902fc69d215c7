// Inputs built to make a careless scanner go quadratic: the safety test
// bounds the detector's time on each, and bench/detect.ts prints it.
const MB = 1 << 20;

export function adversarialInputs(size = MB): [string, string][] {
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return [
    ['1:1:1:…', fill('1:')],
    ['port port port …', fill('port ')],
    ['digits', fill('1234567890')],
    ['[::::…', `[${fill(':').slice(1)}`],
    ['a.a.a.a…:', `${fill('a.').slice(0, size - 1)}:`],
    ['ports 1, 1, 1, …', `ports ${fill('1, ').slice(6)}`],
    ['- 1\\n under ports:', `ports:\n${fill('  - 1\n')}`],
    ['localhost:1 …', fill('localhost:1 ')],
    ['TCP 1 TCP 1 …', fill('TCP 1 ')],
    ['dashes 1-1-1…', fill('1-')],
    ['a:a:a…:1', `${fill('a:').slice(0, size - 2)}:1`],
    ['{{1}} {{1}} …', fill('{{1}} ')],
    ['[-p|--p] 1 …', fill('[-p|--p] 1 ')],
    ['  x: 1\\n under ports:', `ports:\n${fill('  x: 1\n')}`],
    ['port 1 up to …', fill('port 1 up to ')],
    ['[p]orts (e.g., 1) …', fill('[p]orts (e.g., 1) ')],
    ['ssh -L 1:h:1 …', `ssh ${fill('-L 1:h:1 ')}`],
    ['-p [::1]:1:1 …', fill('-p [::1]:1:1 ')],
    ['alert tcp any [1,1,…] -> …', fill(`alert tcp any [${'1,'.repeat(60)}1] -> any 1\n`)],
    ['server.1=a:1:1|a:1:1|… a (a ZooKeeper line that fails late)', fill(`server.1=${'a:1:1|'.repeat(100)}a `)],
    ['port :code:`1` **Port** \\(1\\) …', fill('port :code:`1` **Port**  \\(1\\) .port = "1" ')],
    ['port pair (default is 1) …, the default is 1.', fill('port pair (default is 1), the default is 1. ')],
    ['1a:1 1a:1 … (hosts starting with a digit, no dot)', fill('1a:1 ')],
    ['ports to probe (e.g., 1,1) 1 is a b c port …', fill('ports to probe (e.g., 1,1) 1 is a b c port <port>1 [id:localhost:1] ')],
    ['SSH is 22 (usually 1 or 1) **1** `1` port …', fill('SSH is 22 port (usually 1 or 1) **1** a port, `100`, `1` port ')],
    ['ufw allow out 1 in 1 …', fill('ufw allow out 1 in 1 deny in 1 ')],
    ['-p1-2:1-2 -p 1-2:1-2-1-2:1 …', fill('-p1-2:1-2 -p 1-2:1-2-1-2:1 ')],
    ['<value type="default">1 … then a parameter', `${fill('<value type="default">1</value>\n').slice(0, size - 32)}<p parameter name="a port">`],
  ];
}
