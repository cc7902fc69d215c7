// Settings in extension storage, readable from content scripts and pages.
// The storage API itself rather than WXT's storage helper: the content
// script's scanner part reads settings, and every KB there is paid in every
// frame with ports (docs/performance.md).
import { readSettings, type Settings } from '@/lib/settings';
import { managedSitesOf } from '@/lib/managed-sites';
import { extensionApi as browser } from './extension-api';

/** The `storage.local` key (the loader reads it too, for the sites switched off). */
const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  return readSettings((await browser.storage.local.get(KEY))[KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: readSettings(settings) });
}

/** Calls back with fresh settings whenever any context changes them; returns the unwatch function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
    const change = changes[KEY];
    // Writing the same settings again is no change.
    if (change && JSON.stringify(change.newValue) !== JSON.stringify(change.oldValue)) onChange(readSettings(change.newValue));
  };
  browser.storage.local.onChanged.addListener(listener);
  return () => browser.storage.local.onChanged.removeListener(listener);
}

/** Sites where the organisation's policy turns Porthole off (none when there is no policy). */
export async function loadManagedSites(): Promise<string[]> {
  try {
    return managedSitesOf(await browser.storage.managed.get('disabledSites')).sites;
  } catch {
    // Firefox rejects when no policy is installed.
    return [];
  }
}

/** Calls back with the policy's sites whenever the organisation changes them; returns the unwatch function. */
export function watchManagedSites(onChange: (sites: string[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'managed' && 'disabledSites' in changes) onChange(managedSitesOf({ disabledSites: changes.disabledSites!.newValue }).sites);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
