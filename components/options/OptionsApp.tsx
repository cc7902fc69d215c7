// Porthole's options page: tabs for notes, your ports, import/export,
// settings and About. The page's hash names the tab (#notes, #ports, …).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AboutInfo } from '@/lib/messages';
import type { OptionsApi } from './api';
import { AboutView } from './AboutView';
import { DefinitionsView } from './DefinitionsView';
import { ImportExportView } from './ImportExportView';
import { ManagedView } from './ManagedView';
import { NotesView } from './NotesView';
import { SettingsView } from './SettingsView';
import { errorText, t, uiDir } from '@/utils/i18n';

export const TABS = [
  { id: 'notes', label: () => t('options.tab.notes') },
  { id: 'ports', label: () => t('options.tab.ports') },
  { id: 'import', label: () => t('options.tab.import') },
  { id: 'settings', label: () => t('options.tab.settings') },
  { id: 'managed', label: () => t('options.tab.managed') },
  { id: 'about', label: () => t('options.tab.about') },
] as const;
export type TabId = (typeof TABS)[number]['id'];

const tabOfHash = (hash: string): TabId => TABS.find((entry) => `#${entry.id}` === hash)?.id ?? 'notes';

export function OptionsApp({ api, initialHash = '' }: { api: OptionsApi; initialHash?: string }) {
  const [tab, setTab] = useState<TabId>(tabOfHash(initialHash));
  const [about, setAbout] = useState<AboutInfo | null>(null);
  const [aboutError, setAboutError] = useState<string | undefined>();
  // Bumped after imports so views reload what changed.
  const [generation, setGeneration] = useState(0);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  const loadAbout = () =>
    api.about().then(
      (a) => {
        setAbout(a);
        setAboutError(undefined);
      },
      (err) => setAboutError(errorText(err)),
    );
  useEffect(() => void loadAbout(), [generation]);

  useEffect(() => {
    const onHash = () => setTab(tabOfHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const select = (id: TabId, focus = false) => {
    setTab(id);
    history.replaceState(null, '', `#${id}`);
    if (focus) tabRefs.current[id]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((entry) => entry.id === tab);
    // Tabs run right to left in a right-to-left locale, and so do the arrows.
    const step = uiDir() === 'rtl' ? -1 : 1;
    const to = e.key === 'ArrowRight' ? i + step : e.key === 'ArrowLeft' ? i - step : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    select(TABS[(to + TABS.length) % TABS.length]!.id, true);
  };

  return (
    <div class="options">
      <header class="top">
        <div class="brand">
          <img src="/icons/48.png" alt="" width={28} height={28} />
          <h1>{t('manifest.name')}</h1>
          <span class="subtitle">{t('options.subtitle')}</span>
        </div>
        <nav aria-label={t('options.sections')}>
          <div role="tablist" aria-label={t('options.sections')} class="tabs" onKeyDown={onKeyDown}>
            {TABS.map((entry) => (
              <button
                key={entry.id}
                type="button"
                role="tab"
                id={`tab-${entry.id}`}
                aria-selected={tab === entry.id}
                aria-controls={`panel-${entry.id}`}
                tabIndex={tab === entry.id ? 0 : -1}
                ref={(el) => {
                  tabRefs.current[entry.id] = el;
                }}
                onClick={() => select(entry.id)}
              >
                {entry.label()}
              </button>
            ))}
          </div>
        </nav>
      </header>
      <main>
        {TABS.map((entry) => (
          <div key={entry.id} role="tabpanel" id={`panel-${entry.id}`} aria-labelledby={`tab-${entry.id}`} hidden={tab !== entry.id} class="tabpanel">
            {tab === entry.id && entry.id === 'notes' && <NotesView key={generation} api={api} />}
            {tab === entry.id && entry.id === 'ports' && <DefinitionsView key={generation} api={api} />}
            {tab === entry.id && entry.id === 'import' && <ImportExportView api={api} ianaImport={about?.ianaImport} onChanged={() => setGeneration((g) => g + 1)} />}
            {tab === entry.id && entry.id === 'settings' && <SettingsView api={api} />}
            {tab === entry.id && entry.id === 'managed' && <ManagedView api={api} />}
            {tab === entry.id && entry.id === 'about' && <AboutView about={about} error={aboutError} />}
          </div>
        ))}
      </main>
    </div>
  );
}
