// Settings in extension storage, readable from content scripts and pages.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '@/lib/settings';

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
