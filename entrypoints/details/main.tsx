import { render } from 'preact';
import { browser } from 'wxt/browser';
import { DetailsPage } from '@/components/details/DetailsPage';
import { parseDetailsParams } from '@/lib/details-params';
import { detailsUrl } from '@/lib/urls';
import { pick } from '@/lib/messages';
import { portApi } from '@/utils/port-api';
import '@/components/styles.css';

const extensionUrl = browser.runtime.getURL as (path: string) => string;
const parsed = parseDetailsParams(new URLSearchParams(location.search));

render(
  <DetailsPage
    target={parsed.ok ? parsed.target : null}
    problem={parsed.ok ? undefined : parsed.reason}
    api={{
      ...pick(portApi, 'lookup', 'lookupRange', 'setNote'),
      hrefFor: (port, endPort) => extensionUrl(detailsUrl(port, endPort)),
      copy: (text) => navigator.clipboard.writeText(text),
    }}
  />,
  document.getElementById('app')!,
);
