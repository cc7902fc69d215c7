// What the options views need from the extension: the background's requests
// (Porthole's typed client, `portApi`) and extension storage. main.tsx binds
// it; views never touch data directly.
import type { PortApi } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import type { SyncStatus } from '@/lib/sync/round';

export type OptionsApi = Pick<
  PortApi,
  'listNotes' | 'setNote' | 'listUserRecords' | 'putUserRecord' | 'deleteUserRecord' | 'previewImport' | 'applyImport' | 'previewIanaImport' | 'importIana' | 'resetIana' | 'about' | 'managedPolicy' | 'listPacks' | 'removePack'
> & {
  /** Calls back when the organisation's policy changes; returns the unwatch function. */
  watchManagedPolicy: (onChange: () => void) => () => void;
  loadSettings: () => Promise<Settings>;
  /** The last browser-sync round (null before the first), and a watch on it; the watch returns its unwatch function. */
  syncStatus: () => Promise<SyncStatus | null>;
  watchSyncStatus: (onChange: (status: SyncStatus | null) => void) => () => void;
  saveSettings: (settings: Settings) => Promise<void>;
  /** Offers text as a file download. */
  download: (fileName: string, mime: string, text: string) => void;
  /** URL of the details page of a port, for links. */
  detailsHref: (port: number, endPort?: number) => string;
};
