import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import { createPopupApi } from '@/utils/popup-api';
import '@/components/styles.css';

// `?tab=ID` describes that tab instead of the active one (the popup opened as a page).
render(<Popup api={createPopupApi(new URLSearchParams(location.search))} />, document.getElementById('app')!);
