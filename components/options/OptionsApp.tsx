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
import { errorText } from './common';

export const TABS = [
  { id: 'notes', label: 'Notes' },
  { id: 'ports', label: 'Your ports' },
  { id: 'import', label: 'Import & export' },
  { id: 'settings', label: 'Settings' },
  { id: 'managed', label: 'Organisation' },
  { id: 'about', label: 'About' },
] as const;
export type TabId = (typeof TABS)[number]['id'];

const tabOfHash = (hash: string): TabId => TABS.find((t) => `#${t.id}` === hash)?.id ?? 'notes';

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
    const i = TABS.findIndex((t) => t.id === tab);
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    select(TABS[(to + TABS.length) % TABS.length]!.id, true);
  };

  return (
    <div class="options">
      <header class="top">
        <div class="brand">
          <img src="/icons/48.png" alt="" width={28} height={28} />
          <h1>Porthole</h1>
          <span class="subtitle">Options</span>
        </div>
        <nav aria-label="Options sections">
          <div role="tablist" aria-label="Options sections" class="tabs" onKeyDown={onKeyDown}>
            {TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls={`panel-${t.id}`}
                tabIndex={tab === t.id ? 0 : -1}
                ref={(el) => {
                  tabRefs.current[t.id] = el;
                }}
                onClick={() => select(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
        </nav>
      </header>
      <main>
        {TABS.map((t) => (
          <div key={t.id} role="tabpanel" id={`panel-${t.id}`} aria-labelledby={`tab-${t.id}`} hidden={tab !== t.id} class="tabpanel">
            {tab === t.id && t.id === 'notes' && <NotesView key={generation} api={api} />}
            {tab === t.id && t.id === 'ports' && <DefinitionsView key={generation} api={api} />}
            {tab === t.id && t.id === 'import' && <ImportExportView api={api} ianaImport={about?.ianaImport} onChanged={() => setGeneration((g) => g + 1)} />}
            {tab === t.id && t.id === 'settings' && <SettingsView api={api} />}
            {tab === t.id && t.id === 'managed' && <ManagedView api={api} />}
            {tab === t.id && t.id === 'about' && <AboutView about={about} error={aboutError} />}
          </div>
        ))}
      </main>
    </div>
  );
}
