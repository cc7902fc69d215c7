// Binds the options page's views to the background (Porthole's typed client)
// and to extension storage (settings).
import { browser } from 'wxt/browser';
import type { OptionsApi } from '@/components/options/api';
import { pick } from '@/lib/messages';
import { detailsUrl } from '@/lib/urls';
import { portApi } from './port-api';
import { loadSettings, saveSettings } from './settings-store';
import { syncStatusItem } from './sync-status';

const extensionUrl = browser.runtime.getURL as (path: string) => string;

export function createOptionsApi(): OptionsApi {
  return {
    ...pick(portApi, 'listNotes', 'setNote', 'listUserRecords', 'putUserRecord', 'deleteUserRecord', 'previewImport', 'applyImport', 'previewIanaImport', 'importIana', 'resetIana', 'about', 'managedPolicy', 'listPacks', 'removePack'),
    watchManagedPolicy: (onChange) => {
      const listener = (_changes: unknown, area: string) => {
        if (area === 'managed') onChange();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    loadSettings,
    syncStatus: () => syncStatusItem.getValue(),
    watchSyncStatus: (onChange) => syncStatusItem.watch(onChange),
    saveSettings,
    download: (fileName, mime, text) => {
      const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    detailsHref: (port, endPort) => extensionUrl(detailsUrl(port, endPort)),
  };
}
