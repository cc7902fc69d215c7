import { render } from 'preact';
import { browser } from 'wxt/browser';
import { DetailsPage } from '@/components/details/DetailsPage';
import { parseDetailsParams, parseExposureParams } from '@/lib/details-params';
import { detailsUrl } from '@/lib/urls';
import { pick } from '@/lib/messages';
import { portApi } from '@/utils/port-api';
import { describePorts } from '@/utils/describe-ports';
import '@/components/styles.css';
import { applyLocale } from '@/utils/i18n';

applyLocale(document.documentElement);

const extensionUrl = browser.runtime.getURL as (path: string) => string;
const params = new URLSearchParams(location.search);
const parsed = parseDetailsParams(params);

render(
  <DetailsPage
    target={parsed.ok ? parsed.target : null}
    problem={parsed.ok ? undefined : parsed.problem}
    paste={params.has('paste')}
    exposure={parseExposureParams(params)}
    api={{
      ...pick(portApi, 'lookup', 'lookupRange', 'setNote'),
      hrefFor: (port, endPort) => extensionUrl(detailsUrl(port, endPort)),
      copy: (text) => navigator.clipboard.writeText(text),
      describePorts,
    }}
  />,
  document.getElementById('app')!,
);
