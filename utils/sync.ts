// Browser sync in the background: when the user turns it on, every change to
// notes or definitions (here, or on another device through storage.sync)
// starts one sync round, a moment later so bursts become one write.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { PortholeDB } from '@/lib/db';
import { syncRound, type SyncState } from '@/lib/sync/round';
import { SYNC_PREFIX } from '@/lib/sync/payload';
import { uiText } from '@/lib/ui-text';
import { loadSettings, watchSettings } from './settings-store';
import { syncStatusItem } from './sync-status';

/** Rounds wait this long after the last change (storage.sync allows 120 writes a minute). */
const DEBOUNCE_MS = 1500;

const stateItem = storage.defineItem<SyncState | null>('local:syncState', { fallback: null });

const area = {
  get: () => browser.storage.sync.get(null) as Promise<Record<string, unknown>>,
  set: (items: Record<string, unknown>) => browser.storage.sync.set(items),
  remove: (keys: string[]) => browser.storage.sync.remove(keys),
};

export interface SyncDeps {
  ready: () => Promise<{ db: PortholeDB }>;
  /** Sync changed notes or definitions here: caches must be dropped. */
  changedHere: () => void;
}

export function registerSync(deps: SyncDeps): { localChanged: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  async function round(): Promise<void> {
    if (!(await loadSettings()).syncEnabled) return;
    const { db } = await deps.ready();
    const state = (await stateItem.getValue()) ?? { device: crypto.randomUUID(), known: {} };
    const result = await syncRound(db, area, state);
    await Promise.all([stateItem.setValue(result.state), syncStatusItem.setValue(result.status)]);
    if (result.changedHere) deps.changedHere();
  }

  function run(): void {
    if (running) {
      again = true;
      return;
    }
    running = round()
      .catch((err: unknown) =>
        syncStatusItem.setValue({ at: new Date().toISOString(), sent: 0, received: 0, ignored: [], error: uiText('sync.failed', { error: err instanceof Error ? err.message : String(err) }) }),
      )
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  };

  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'sync' && Object.keys(changes).some((k) => k.startsWith(SYNC_PREFIX))) schedule();
  });
  watchSettings((settings) => {
    if (settings.syncEnabled) schedule();
  });
  // A worker start (browser start, or woken by an event) catches up with what changed meanwhile.
  schedule();
  // Real-browser tests run a round at once through the service worker.
  (globalThis as { portholeSync?: unknown }).portholeSync = { run: round };
  return { localChanged: schedule };
}
