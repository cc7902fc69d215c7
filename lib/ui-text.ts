// Words lib/ wants a user to read, as a message code with parameters. lib/
// runs without a browser and cannot translate, so it says *what* to say; the
// views say it in the user's language (`say` in utils/i18n.ts). Every code is
// a key of locales/en.json: the compiler checks that in utils/i18n.ts and
// tests/unit/ui-text.test.ts checks it against the file.

export const UI_TEXT_CODES = [
  // lib/exposure.ts
  'exposure.scope.everyInterface',
  'exposure.scope.thisMachine',
  'exposure.scope.localNetwork',
  'exposure.scope.internet',
  'exposure.range.unspecified',
  'exposure.range.loopback',
  'exposure.range.private',
  'exposure.range.uniqueLocal',
  'exposure.range.siteLocal',
  'exposure.range.linkLocal',
  'exposure.range.shared',
  'exposure.range.public',
  'exposure.reach.host',
  'exposure.reach.publish',
  'exposure.reach.hostPublish',
  'exposure.detail.everyInterface',
  'exposure.detail.everyInterfaceAt',
  'exposure.detail.thisMachine',
  'exposure.detail.localNetwork',
  'exposure.detail.internet',
  'exposure.publish.fromContainer',
  'exposure.publish.mapped',
  'exposure.publish.thisMachine',
  'exposure.publish.everyInterface',
  'exposure.publish.at',
  'exposure.firewall.docker',
  'exposure.firewall.podman',
  'exposure.firewall.nerdctl',
  'exposure.fix.publish',
  'exposure.fix.hostIp',
  'exposure.fix.start',
  // lib/paste.ts
  'paste.refused',
  'paste.summary.none',
  'paste.summary.everyInterface',
  'paste.summary.published',
  'paste.summary.internet',
  'paste.summary.localNetwork',
  'paste.summary.thisMachine',
  'paste.summary.noAddress',
  'paste.summary.more',
  'paste.summary.row',
  'paste.summary.risky',
  'paste.summary.risk.high',
  'paste.summary.risk.critical',
  // lib/sync/ (and utils/sync.ts)
  'sync.reason.notOurs',
  'sync.reason.notObject',
  'sync.reason.format',
  'sync.reason.badTime',
  'sync.reason.badDevice',
  'sync.reason.badParts',
  'sync.reason.partsMissing',
  'sync.reason.partsInvalid',
  'sync.reason.badNote',
  'sync.reason.badDefinition',
  'sync.reason.portMismatch',
  'sync.ignored',
  'sync.entry.note',
  'sync.entry.definition',
  'sync.entry.other',
  'sync.refused',
  'sync.overQuota.bytes',
  'sync.overQuota.items',
  'sync.failed',
] as const;

export type UiTextCode = (typeof UI_TEXT_CODES)[number];

/**
 * A parameter: text shown as written (a port, an address, a file name — keep
 * ports as strings, since numbers are formatted as counts), a count, more
 * words, or a list of them (joined the way the language lists things).
 */
export type UiTextParam = string | number | UiText | readonly UiTextParam[];

export interface UiText {
  code: UiTextCode;
  params?: Readonly<Record<string, UiTextParam>>;
  /** Picks the plural form of a plural message. */
  count?: number;
}

export function uiText(code: UiTextCode, params?: Record<string, UiTextParam>, count?: number): UiText {
  return { code, ...(params ? { params } : {}), ...(count !== undefined ? { count } : {}) };
}
