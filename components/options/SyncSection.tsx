// The browser-sync switch and what the last sync round did.
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings';
import type { SyncStatus } from '@/lib/sync/round';
import type { OptionsApi } from './api';
import { formatDateTime } from '@/utils/i18n';
import { Section } from './common';

export function SyncSection({ api, settings, save }: { api: OptionsApi; settings: Settings; save: (next: Settings, message?: string) => Promise<void> }) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    void api.syncStatus().then(setStatus, () => {});
    return api.watchSyncStatus(setStatus);
  }, [api]);

  return (
    <Section
      title="Sync"
      intro="Mirror your notes and your own ports to every browser signed in to the same browser account, through the browser's own sync. No Porthole server is involved. Browser sync holds about 100 KB."
    >
      <div class="setting">
        <label class="check">
          <input
            type="checkbox"
            id="set-sync"
            checked={settings.syncEnabled}
            onChange={(e) => void save({ ...settings, syncEnabled: e.currentTarget.checked }, e.currentTarget.checked ? 'Sync is on.' : 'Sync is off; your data stays in this browser.')}
          />
          Sync notes and your ports through the browser
        </label>
        <p class="hint">When the same note or port changes on two devices, the later change wins; deleting on one device deletes everywhere.</p>
      </div>
      {settings.syncEnabled && status && (
        <div aria-label="Sync status" role="group">
          {status.error ? (
            <p class="status status-error" role="alert">
              {status.error}
            </p>
          ) : (
            <p class="status status-ok" role="status">
              Last synced {formatDateTime(status.at)}: {status.sent} sent, {status.received} received.
            </p>
          )}
          {status.ignored.length > 0 && (
            <ul class="problems" aria-label="Ignored sync entries">
              {status.ignored.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Section>
  );
}
