// Underline, hover delay, card size and the sites where Porthole is off.
import { useEffect, useState } from 'preact/hooks';
import { CARD_SIZES, siteOf, type Settings } from '@/lib/settings';
import { errorText, formatNumber, ltr, t } from '@/utils/i18n';
import type { OptionsApi } from './api';
import { Section, StatusLine, type Status } from './common';
import { SyncSection } from './SyncSection';

const CARD_SIZE_LABEL: Record<(typeof CARD_SIZES)[number], () => string> = {
  compact: () => t('options.settings.compact'),
  normal: () => t('options.settings.normal'),
  large: () => t('options.settings.large'),
};

/** A hostname from what the user typed: `https://www.example.com/x` or `example.com`. */
export function siteFromInput(input: string): string | null {
  const t = input.trim().toLowerCase();
  if (!t) return null;
  const fromUrl = siteOf(/^[a-z][a-z0-9+.-]*:/.test(t) ? t : `https://${t}`);
  if (!fromUrl) return null;
  return /^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/.test(fromUrl) && fromUrl.length <= 253 ? fromUrl : null;
}

export function SettingsView({ api }: { api: OptionsApi }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [site, setSite] = useState('');
  const [siteStatus, setSiteStatus] = useState<Status>(null);

  useEffect(() => {
    api.loadSettings().then(setSettings, (err) => setStatus({ kind: 'error', text: errorText(err) }));
  }, []);

  const save = async (next: Settings, message = t('options.saved')) => {
    setSettings(next);
    try {
      await api.saveSettings(next);
      setStatus({ kind: 'ok', text: message });
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  if (!settings) return <p class="empty">{t('common.loading')}</p>;

  const addSite = async (e: Event) => {
    e.preventDefault();
    const host = siteFromInput(site);
    if (!host) return setSiteStatus({ kind: 'error', text: t('options.settings.badSite') });
    if (settings.disabledSites.includes(host)) return setSiteStatus({ kind: 'error', text: t('options.settings.alreadyOff', { site: ltr(host) }) });
    setSite('');
    setSiteStatus({ kind: 'ok', text: t('options.settings.nowOff', { site: ltr(host) }) });
    await save({ ...settings, disabledSites: [...settings.disabledSites, host].sort() });
  };

  const removeSite = async (host: string) => {
    setSiteStatus({ kind: 'ok', text: t('options.settings.onAgain', { site: ltr(host) }) });
    await save({ ...settings, disabledSites: settings.disabledSites.filter((s) => s !== host) });
  };

  return (
    <>
      <Section title={t('options.settings.onPages')} intro={t('options.settings.onPagesIntro')}>
        <div class="setting">
          <label class="check">
            <input type="checkbox" id="set-underline" checked={settings.underline} onChange={(e) => void save({ ...settings, underline: e.currentTarget.checked })} />
            {t('options.settings.underline')}
          </label>
          <p class="hint">{t('options.settings.underlineHint')}</p>
        </div>
        <div class="setting">
          <label for="set-delay">{t('options.settings.delay')}</label>
          <div class="inline">
            <input
              id="set-delay"
              type="range"
              min={0}
              max={1500}
              step={50}
              value={settings.hoverDelayMs}
              aria-valuetext={t('options.settings.delayValue', { ms: formatNumber(settings.hoverDelayMs) })}
              onInput={(e) => setSettings({ ...settings, hoverDelayMs: Number(e.currentTarget.value) })}
              onChange={(e) => void save({ ...settings, hoverDelayMs: Number(e.currentTarget.value) })}
            />
            <output for="set-delay" class="mono">
              {t('options.settings.delayShort', { ms: formatNumber(settings.hoverDelayMs) })}
            </output>
          </div>
          <p class="hint">{t('options.settings.delayHint')}</p>
        </div>
        <fieldset class="setting">
          <legend>{t('options.settings.cardSize')}</legend>
          <div class="segmented">
            {CARD_SIZES.map((size) => (
              <label key={size} class="check">
                <input type="radio" name="card-size" value={size} checked={settings.cardSize === size} onChange={() => void save({ ...settings, cardSize: size })} />
                {CARD_SIZE_LABEL[size]()}
              </label>
            ))}
          </div>
        </fieldset>
        <StatusLine status={status} />
      </Section>

      <SyncSection api={api} settings={settings} save={save} />

      <Section title={t('options.settings.sitesTitle')} intro={t('options.settings.sitesIntro')}>
        <form class="site-form" onSubmit={(e) => void addSite(e)}>
          <div class="field field-grow">
            <label for="site-input">{t('options.settings.site')}</label>
            <input id="site-input" dir="ltr" autoComplete="off" placeholder="example.com" value={site} onInput={(e) => setSite(e.currentTarget.value)} />
          </div>
          <div class="actions">
            <button type="submit" class="primary">
              {t('options.settings.turnOff')}
            </button>
          </div>
        </form>
        <StatusLine status={siteStatus} />
        {settings.disabledSites.length === 0 ? (
          <p class="empty">{t('options.settings.onEverywhere')}</p>
        ) : (
          <ul class="sites" aria-label={t('options.settings.sitesTitle')}>
            {settings.disabledSites.map((host) => (
              <li key={host}>
                <span class="mono" dir="ltr">
                  {host}
                </span>
                <button type="button" onClick={() => void removeSite(host)} aria-label={t('options.settings.removeLabel', { site: ltr(host) })}>
                  {t('options.settings.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
