import { render } from 'preact';
import { browser } from 'wxt/browser';
import { DetailsPage } from '@/components/details/DetailsPage';
import { parseDetailsParams } from '@/lib/details-params';
import { detailsUrl } from '@/lib/urls';
import { ask } from '@/utils/messaging';
import '@/components/styles.css';

const extensionUrl = browser.runtime.getURL as (path: string) => string;
const parsed = parseDetailsParams(new URLSearchParams(location.search));

render(
  <DetailsPage
    target={parsed.ok ? parsed.target : null}
    problem={parsed.ok ? undefined : parsed.reason}
    api={{
      lookup: (port, protocol) => ask({ type: 'lookup', port, ...(protocol ? { protocol } : {}) }),
      lookupRange: (port, endPort) => ask({ type: 'lookupRange', port, endPort }),
      setNote: (port, text) => ask({ type: 'setNote', port, text }),
      hrefFor: (port, endPort) => extensionUrl(detailsUrl(port, endPort)),
      copy: (text) => navigator.clipboard.writeText(text),
    }}
  />,
  document.getElementById('app')!,
);
