// A cheap first look at a frame's text: could it mention a port at all? The
// content-script loader asks this before loading the detector, so pages and
// frames without anything port-shaped (most ad and widget iframes) cost almost
// nothing. It must never say no where the detector would find a mention (a
// test runs it over every labelled case); saying yes too often only costs a
// load of the scanner.
//
// Port-shaped: a digit within a short stretch of something the detector reads
// ports beside — `:` `(` `=` `/` `@` (host:port, maps, `22 (SSH)`, keys,
// `445/tcp`, URLs), a command-line option, an IPv4 address, or a word about
// ports, protocols, servers or connections (in the languages the detector
// knows), or a word with tldr's mnemonic letter (`[l]isten`), which the
// detector reads without the brackets. Linear: each alternative is a fixed token, then a bounded stretch.
const CONTEXT = String.raw`[:(=/@]|\s-{1,2}[a-z]|\d\.\d{1,3}\.\d|port|porci|puert|poort|порт|cổng|\b(?:tcp|udp|sctp|listen\w*|expose|allow|deny|ufw|bind|connect\w*|socket\w*|server|default|remote|host|proxy|forward\w*|open|firewall|service|dpts?|spt|nc|telnet|ssh|https?)\b|\[[a-z]\][a-z]|端口|埠|ポート|포트|번|番`;
const PORT_SHAPED = new RegExp(String.raw`(?:${CONTEXT})[^]{0,80}?\d|\d[^]{0,80}?(?:${CONTEXT})`, 'i');

export function mayMentionPorts(text: string): boolean {
  return PORT_SHAPED.test(text);
}

/**
 * Feeds text in pieces (text nodes in document order) and remembers whether
 * any piece, joined to the end of the one before, looks port-shaped: a mention
 * split over elements (`localhost</code>:<b>8080`) is still seen.
 */
export function createPortHint(): { add(text: string): boolean; readonly found: boolean } {
  let tail = '';
  let found = false;
  return {
    add(text) {
      if (found) return true;
      const joined = tail + text;
      found = mayMentionPorts(joined);
      // Enough of the end to complete a keyword, its linking words and a digit.
      tail = joined.slice(-100);
      return found;
    },
    get found() {
      return found;
    },
  };
}
