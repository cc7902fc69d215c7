// Settings in extension storage, readable from content scripts and pages.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '@/lib/settings';
import { managedSitesOf } from '@/lib/managed-sites';
import { extensionApi as browser } from './extension-api';

const item = storage.defineItem<unknown>('local:settings', { fallback: DEFAULT_SETTINGS });

export async function loadSettings(): Promise<Settings> {
  return readSettings(await item.getValue());
}

export async function saveSettings(settings: Settings): Promise<void> {
  await item.setValue(readSettings(settings));
}

/** Calls back with fresh settings whenever any context changes them; returns the unwatch function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return item.watch((value) => onChange(readSettings(value)));
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
