import { browser } from 'wxt/browser';
import { handleMessage } from '@/lib/messages';
import { createService } from '@/lib/service';
import type { PortDataset } from '@/lib/types';
import { detailsUrl } from '@/lib/urls';
import { registerContextMenu } from '@/utils/context-menu';
import { registerOmnibox } from '@/utils/omnibox';
import { registerSync } from '@/utils/sync';

// WXT types getURL with the paths it saw at build time; ours carry queries.
const extensionUrl = browser.runtime.getURL as (path: string) => string;

async function readBundled<T>(path: '/data/ports.json' | '/data/version.json'): Promise<T> {
  const response = await fetch(extensionUrl(path));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

export default defineBackground(() => {
  // Browser sync (when the user turns it on) follows every change to notes and definitions.
  let sync: { localChanged: () => void } | undefined;
  const service = createService({
    bundledVersion: async () => (await readBundled<{ version: string }>('/data/version.json')).version,
    loadDataset: () => readBundled<PortDataset>('/data/ports.json'),
    openDetails: async (port, endPort, protocol, place) => {
      await browser.tabs.create({ url: extensionUrl(detailsUrl(port, endPort, protocol, place)) });
    },
    extensionVersion: browser.runtime.getManifest().version,
    readManagedPolicy: () => browser.storage.managed.get(),
    userDataChanged: () => sync?.localChanged(),
  });
  sync = registerSync({ ready: service.ready, changedHere: service.userDataWritten });

  // The organisation changed its policy: cards, search and details use the new one.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') service.managedChanged();
  });

  // Load the bundled data on install and update, not on every worker start.
  browser.runtime.onInstalled.addListener(() => {
    void service.ready();
  });

  // Address-bar keyword `port` (omnibox): suggestions from the same search as the popup.
  registerOmnibox({ search: (query) => service.handlers.search({ type: 'search', query, limit: 8 }) });

  // Right-click "Explain this port" and the explain shortcut.
  registerContextMenu();

  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    handleMessage(service.handlers, message, sender, browser.runtime.id),
  );
});
