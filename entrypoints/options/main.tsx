import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createOptionsApi } from '@/utils/options-api';
import '@/components/options/options.css';
import { applyLocale, t } from '@/utils/i18n';

applyLocale(document.documentElement);
document.title = t('options.pageTitle');


render(<OptionsApp api={createOptionsApi()} initialHash={location.hash} />, document.getElementById('app')!);
