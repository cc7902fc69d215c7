// Address-bar keyword `port`: suggestions as the user types, Enter opens the
// details page. Registered once from the background.
import { browser } from 'wxt/browser';
import type { SearchAnswer } from '@/lib/repository';
import { escapeXml, suggestionsFor, targetOf } from '@/lib/omnibox';
import { detailsUrl } from '@/lib/urls';
import type { Protocol } from '@/lib/types';
import { hitWords } from '@/components/labels';
import { formatList, t } from './i18n';

const extensionUrl = browser.runtime.getURL as (path: string) => string;

export interface OmniboxDeps {
  search: (query: string) => Promise<SearchAnswer>;
}

export function registerOmnibox({ search }: OmniboxDeps): void {
  const omnibox = browser.omnibox;
  if (!omnibox) return;
  // Chrome parses descriptions as XML; Firefox shows them as text.
  const xml = !import.meta.env.FIREFOX;
  // The translated sentence is escaped; only the examples carry <match>.
  const examples = ['5432', '53/udp', '135-139'];
  const slot = '\ue000';
  const sentence = t('omnibox.default', { examples: slot });
  omnibox.setDefaultSuggestion({
    description: xml ? escapeXml(sentence).replace(slot, formatList(examples.map((e) => `<match>${e}</match>`), 'unit')) : sentence.replace(slot, formatList(examples, 'unit')),
  });

  let latest = 0;
  omnibox.onInputChanged.addListener((text, suggest) => {
    const mine = ++latest;
    search(text.slice(0, 200)).then(
      (answer) => {
        if (mine === latest) suggest(suggestionsFor(answer.hits.map((hit) => ({ ...hit, ...hitWords(hit) })), xml));
      },
      () => {
        if (mine === latest) suggest([]);
      },
    );
  });

  omnibox.onInputEntered.addListener(async (text, disposition) => {
    let target = targetOf(text);
    if (target && 'search' in target) {
      const hit = (await search(target.search).catch(() => null))?.hits[0];
      target = hit ? { port: hit.port, ...(hit.endPort !== hit.port ? { endPort: hit.endPort } : {}) } : null;
    }
    // Nothing matched: open the popup's page so the user sees why.
    const url = target ? extensionUrl(detailsUrl(target.port, target.endPort, target.protocol as Protocol | undefined)) : extensionUrl(`/popup.html`);
    if (disposition === 'currentTab') await browser.tabs.update({ url });
    else await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
  });
}
