import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import { createPopupApi } from '@/utils/popup-api';
import '@/components/styles.css';
import { applyLocale, t } from '@/utils/i18n';

applyLocale(document.documentElement);
document.title = t('manifest.name');

// `?tab=ID` describes that tab instead of the active one (the popup opened as a page).
render(<Popup api={createPopupApi(new URLSearchParams(location.search))} />, document.getElementById('app')!);
