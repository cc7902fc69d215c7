import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createOptionsApi } from '@/utils/options-api';
import '@/components/options/options.css';

render(<OptionsApp api={createOptionsApi()} initialHash={location.hash} />, document.getElementById('app')!);
