// The browser-sync switch and what the last sync round did.
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings';
import type { SyncStatus } from '@/lib/sync/round';
import type { OptionsApi } from './api';
import { formatDateTime, formatNumber, say, t } from '@/utils/i18n';
import { Section } from './common';

export function SyncSection({ api, settings, save }: { api: OptionsApi; settings: Settings; save: (next: Settings, message?: string) => Promise<void> }) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    void api.syncStatus().then(setStatus, () => {});
    return api.watchSyncStatus(setStatus);
  }, [api]);

  return (
    <Section
      title={t('options.sync.title')}
      intro={t('options.sync.intro')}
    >
      <div class="setting">
        <label class="check">
          <input
            type="checkbox"
            id="set-sync"
            checked={settings.syncEnabled}
            onChange={(e) => void save({ ...settings, syncEnabled: e.currentTarget.checked }, e.currentTarget.checked ? t('options.sync.on') : t('options.sync.off'))}
          />
          {t('options.sync.switch')}
        </label>
        <p class="hint">{t('options.sync.hint')}</p>
      </div>
      {settings.syncEnabled && status && (
        <div aria-label={t('options.sync.status')} role="group">
          {status.error ? (
            <p class="status status-error" role="alert">
              {say(status.error)}
            </p>
          ) : (
            <p class="status status-ok" role="status">
              {t('options.sync.last', { date: formatDateTime(status.at), sent: formatNumber(status.sent), received: formatNumber(status.received) })}
            </p>
          )}
          {status.ignored.length > 0 && (
            <ul class="problems" aria-label={t('options.sync.ignored')}>
              {status.ignored.map((text, i) => (
                <li key={i}>{say(text)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Section>
  );
}
