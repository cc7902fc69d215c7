// Underline, hover delay, card size and the sites where Porthole is off.
import { useEffect, useState } from 'preact/hooks';
import { CARD_SIZES, siteOf, type Settings } from '@/lib/settings';
import type { OptionsApi } from './api';
import { Section, StatusLine, errorText, type Status } from './common';
import { SyncSection } from './SyncSection';

const CARD_SIZE_LABEL: Record<(typeof CARD_SIZES)[number], string> = { compact: 'Compact', normal: 'Normal', large: 'Large' };

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

  const save = async (next: Settings, message = 'Saved.') => {
    setSettings(next);
    try {
      await api.saveSettings(next);
      setStatus({ kind: 'ok', text: message });
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  if (!settings) return <p class="empty">Loading…</p>;

  const addSite = async (e: Event) => {
    e.preventDefault();
    const host = siteFromInput(site);
    if (!host) return setSiteStatus({ kind: 'error', text: 'Enter a site such as example.com or a page address.' });
    if (settings.disabledSites.includes(host)) return setSiteStatus({ kind: 'error', text: `Porthole is already off on ${host}.` });
    setSite('');
    setSiteStatus({ kind: 'ok', text: `Porthole is now off on ${host}.` });
    await save({ ...settings, disabledSites: [...settings.disabledSites, host].sort() }, 'Saved.');
  };

  const removeSite = async (host: string) => {
    setSiteStatus({ kind: 'ok', text: `Porthole is on again on ${host}.` });
    await save({ ...settings, disabledSites: settings.disabledSites.filter((s) => s !== host) });
  };

  return (
    <>
      <Section title="On pages" intro="How port mentions look and behave on the pages you visit. Changes apply at once.">
        <div class="setting">
          <label class="check">
            <input type="checkbox" id="set-underline" checked={settings.underline} onChange={(e) => void save({ ...settings, underline: e.currentTarget.checked })} />
            Underline port mentions
          </label>
          <p class="hint">A subtle dotted line under ports Porthole can explain. Cards still open on hover when it is off.</p>
        </div>
        <div class="setting">
          <label for="set-delay">Hover delay</label>
          <div class="inline">
            <input
              id="set-delay"
              type="range"
              min={0}
              max={1500}
              step={50}
              value={settings.hoverDelayMs}
              aria-valuetext={`${settings.hoverDelayMs} milliseconds`}
              onInput={(e) => setSettings({ ...settings, hoverDelayMs: Number(e.currentTarget.value) })}
              onChange={(e) => void save({ ...settings, hoverDelayMs: Number(e.currentTarget.value) })}
            />
            <output for="set-delay" class="mono">
              {settings.hoverDelayMs} ms
            </output>
          </div>
          <p class="hint">How long the pointer rests on a port before its card opens.</p>
        </div>
        <fieldset class="setting">
          <legend>Card size</legend>
          <div class="segmented">
            {CARD_SIZES.map((size) => (
              <label key={size} class="check">
                <input type="radio" name="card-size" value={size} checked={settings.cardSize === size} onChange={() => void save({ ...settings, cardSize: size })} />
                {CARD_SIZE_LABEL[size]}
              </label>
            ))}
          </div>
        </fieldset>
        <StatusLine status={status} />
      </Section>

      <SyncSection api={api} settings={settings} save={save} />

      <Section title="Sites where Porthole is off" intro="Porthole does nothing at all on these sites and their subdomains. You can also switch the current site off from the toolbar popup.">
        <form class="site-form" onSubmit={(e) => void addSite(e)}>
          <div class="field field-grow">
            <label for="site-input">Site</label>
            <input id="site-input" autoComplete="off" placeholder="example.com" value={site} onInput={(e) => setSite(e.currentTarget.value)} />
          </div>
          <div class="actions">
            <button type="submit" class="primary">
              Turn off here
            </button>
          </div>
        </form>
        <StatusLine status={siteStatus} />
        {settings.disabledSites.length === 0 ? (
          <p class="empty">Porthole is on everywhere.</p>
        ) : (
          <ul class="sites" aria-label="Sites where Porthole is off">
            {settings.disabledSites.map((host) => (
              <li key={host}>
                <span class="mono">{host}</span>
                <button type="button" onClick={() => void removeSite(host)} aria-label={`Remove ${host}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
