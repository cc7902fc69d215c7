// Packs: the installed ones (each removable as a whole) and sharing a choice
// of your own ports as a pack file. Installing and updating go through the
// import preview (Import & export).
import { useEffect, useState } from 'preact/hooks';
import { portLabel } from '@/lib/format';
import { entryOfRecord } from '@/lib/import/diff';
import { packFileName, readPack, writePack } from '@/lib/packs/pack';
import type { InstalledPack } from '@/lib/packs/store';
import { problemText } from '@/lib/import/limits';
import { errorText, formatNumber, say, t } from '@/utils/i18n';
import type { UserRecord } from '@/lib/types';
import type { OptionsApi } from './api';
import { Section, StatusLine, type Status } from './common';

const portCount = (n: number) => t('options.packs.portCount', n, { count: formatNumber(n) });

export function InstalledPacksSection({ api }: { api: OptionsApi }) {
  const [packs, setPacks] = useState<InstalledPack[] | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const reload = () => api.listPacks().then(setPacks, (err) => setStatus({ kind: 'error', text: errorText(err) }));
  useEffect(() => void reload(), []);

  const remove = async (pack: InstalledPack) => {
    try {
      const n = await api.removePack({ name: pack.name });
      setStatus({ kind: 'ok', text: t('options.packs.removed', { name: pack.name, ports: portCount(n) }) });
      await reload();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  return (
    <Section title={t('options.packs.installedTitle')} intro={t('options.packs.installedIntro')}>
      <StatusLine status={status} />
      {!packs ? (
        <p class="empty">{t('common.loading')}</p>
      ) : packs.length === 0 ? (
        <p class="empty">{t('options.packs.none')}</p>
      ) : (
        <ul class="items" aria-label={t('options.packs.listLabel')}>
          {packs.map((p) => (
            <li key={p.id} class="item">
              <div class="item-head">
                <strong class="item-title">{p.name}</strong>
                <span class="meta">{t('options.packs.meta', { version: p.version, author: p.author, ports: portCount(p.ports.length) })}</span>
                <span class="spacer" />
                <button type="button" class="danger" onClick={() => void remove(p)} aria-label={t('options.packs.removeLabel', { name: p.name })}>
                  {t('options.packs.remove')}
                </button>
              </div>
              <p class="meta mono" dir="ltr">
                {p.ports.join(', ')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function SharePackSection({ api, records }: { api: OptionsApi; records: UserRecord[] }) {
  const [name, setName] = useState('');
  const [version, setVersion] = useState('1.0.0');
  const [author, setAuthor] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<Status>(null);

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  const share = (e: Event) => {
    e.preventDefault();
    const definitions = records.filter((r) => chosen.has(r.id)).map(entryOfRecord);
    const meta = { name, version, author };
    const text = writePack(meta, definitions);
    // The file must install as it is: check it with the importer's own reader.
    const read = readPack(JSON.parse(text));
    if (!read.ok) return setStatus({ kind: 'error', text: read.problems.map((p) => say(problemText(p))).join(' ') });
    api.download(packFileName(read.pack), 'application/json', text);
    setStatus({ kind: 'ok', text: t('options.packs.saved', { name: read.pack.name, version: read.pack.version, ports: portCount(definitions.length) }) });
  };

  if (records.length === 0) return null;
  return (
    <Section title={t('options.packs.shareTitle')} intro={t('options.packs.shareIntro')}>
      <form class="pack-form" onSubmit={share}>
        <div class="grid">
          <div class="field">
            <label for="pack-name">{t('options.packs.name')}</label>
            <input id="pack-name" maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="pack-version">{t('options.packs.version')}</label>
            <input id="pack-version" maxLength={30} value={version} onInput={(e) => setVersion(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="pack-author">{t('options.packs.author')}</label>
            <input id="pack-author" maxLength={80} value={author} onInput={(e) => setAuthor(e.currentTarget.value)} />
          </div>
        </div>
        <fieldset>
          <legend>{t('options.packs.ports')}</legend>
          {records.map((r) => (
            <label key={r.id} class="check">
              <input type="checkbox" checked={chosen.has(r.id)} onChange={(e) => toggle(r.id, e.currentTarget.checked)} />
              <span class="mono" dir="ltr">
                {portLabel(r.port, r.endPort)}
              </span>{' '}
              {r.title}
            </label>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary">
            {t('options.packs.save')}
          </button>
        </div>
      </form>
      <StatusLine status={status} />
    </Section>
  );
}
