// The full details page (details.html?port=139&end=…&proto=…), which hover
// cards, the context menu and the omnibox open.
import { useEffect } from 'preact/hooks';
import type { DetailsProblem } from '@/lib/details-params';
import type { Exposure } from '@/lib/exposure';
import { portLabel } from '@/lib/format';
import type { PortApi } from '@/lib/messages';
import { PasteExplain, type PasteExplainProps } from '../paste/PasteExplain';
import { ltr, t } from '@/utils/i18n';
import { PortDetails } from './PortDetails';
import type { CopyFn } from './parts';
import { useDetails, type DetailsSource, type DetailsTarget } from './useDetails';

export interface DetailsPageApi extends DetailsSource, Pick<PortApi, 'setNote'> {
  hrefFor: (port: number, endPort?: number) => string;
  copy: CopyFn;
  describePorts: PasteExplainProps['describePorts'];
}

export interface DetailsPageProps {
  api: DetailsPageApi;
  target: DetailsTarget | null;
  problem?: DetailsProblem;
  /** The page was opened to explain pasted text, not one port (details.html?paste). */
  paste?: boolean;
  /** Where the mention it was opened from said the port listens. */
  exposure?: Exposure | null;
}

export function DetailsPage({ api, target, problem, paste = false, exposure }: DetailsPageProps) {
  const { content, portNames } = useDetails(api, target);
  useEffect(() => {
    document.title = target ? t('details.pageTitle', { port: ltr(portLabel(target.port, target.endPort)) }) : paste ? t('details.pasteTitle') : t('manifest.name');
  }, [target?.port, target?.endPort]);
  return (
    <div class="page">
      <header class="topbar page-topbar">
        <div class="brand">
          <img src="/icons/32.png" alt="" width={22} height={22} />
          <span>{t('manifest.name')}</span>
        </div>
        <span class="muted">{t('details.portDetails')}</span>
      </header>
      <main class="page-body">
        {paste && !target ? (
          <h1 class="details-title">{t('paste.title')}</h1>
        ) : !target || !content ? (
          <div class="details">
            <h1 class="details-title">{t('details.noPortTitle')}</h1>
            <p class="error">
              {problemText(problem ?? { code: 'noPort' })} {t('details.tryExample')}
            </p>
          </div>
        ) : (
          <PortDetails content={content} portNames={portNames} hrefFor={api.hrefFor} onSaveNote={(port, text) => api.setNote({ port, text })} copy={api.copy} level={1} {...(exposure ? { exposure } : {})} />
        )}
        <PasteExplain describePorts={api.describePorts} copy={api.copy} open={paste && !target} />
      </main>
    </div>
  );
}

function problemText(problem: DetailsProblem): string {
  switch (problem.code) {
    case 'noPort':
      return t('details.noPortParam');
    case 'notAPort':
      return t('details.notAPort', { port: ltr(problem.port) });
    case 'badEnd':
      return t('details.badEnd', { end: ltr(problem.end), port: ltr(problem.port) });
  }
}
