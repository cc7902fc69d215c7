// User settings, kept in extension storage (not IndexedDB) so content
// scripts can read them without asking the background.
import * as v from 'valibot';
import { isSiteListed } from './sites.ts';

export const CARD_SIZES = ['compact', 'normal', 'large'] as const;

export const SettingsSchema = v.object({
  underline: v.optional(v.boolean(), true),
  hoverDelayMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3000)), 300),
  cardSize: v.optional(v.picklist(CARD_SIZES), 'normal'),
  /** Hostnames where Porthole does nothing at all. */
  disabledSites: v.optional(v.array(v.pipe(v.string(), v.maxLength(253))), []),
  /** Mirror notes and your own definitions to browser sync (storage.sync); off by default. */
  syncEnabled: v.optional(v.boolean(), false),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = v.parse(SettingsSchema, {});

/** Reads stored settings, falling back to defaults for anything missing or broken. */
export function readSettings(stored: unknown): Settings {
  const parsed = v.safeParse(SettingsSchema, stored ?? {});
  return parsed.success ? parsed.output : DEFAULT_SETTINGS;
}

export { isSiteListed, siteOf } from './sites.ts';

/** Whether Porthole is off at `url`: by the user's switch, or by the organisation's policy (`managedSites`). */
export function isSiteDisabled(settings: Settings, url: string, managedSites: readonly string[] = []): boolean {
  return isSiteListed(settings.disabledSites, url) || isSiteListed(managedSites, url);
}

export function withSite(settings: Settings, site: string, enabled: boolean): Settings {
  const others = settings.disabledSites.filter((s) => s !== site);
  return { ...settings, disabledSites: enabled ? others : [...others, site].sort() };
}
