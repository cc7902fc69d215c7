// The last browser-sync round's outcome, written by the background and shown
// by the options page (extension storage, so the page can watch it).
import { storage } from 'wxt/utils/storage';
import type { SyncStatus } from '@/lib/sync/round';

// Version 2 holds message codes where version 1 held English sentences: those are dropped (the next round writes anew).
export const syncStatusItem = storage.defineItem<SyncStatus | null>('local:syncStatus', { fallback: null, version: 2, migrations: { 2: () => null } });
