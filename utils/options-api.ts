// Binds the options page's views to the background (through `ask`) and to
// extension storage (settings).
import { browser } from 'wxt/browser';
import type { OptionsApi } from '@/components/options/api';
import { detailsUrl } from '@/lib/urls';
import { ask } from './messaging';
import { loadSettings, saveSettings } from './settings-store';

const extensionUrl = browser.runtime.getURL as (path: string) => string;

export function createOptionsApi(): OptionsApi {
  return {
    listNotes: () => ask({ type: 'listNotes' }),
    setNote: (port, text) => ask({ type: 'setNote', port, text }),
    listDefinitions: () => ask({ type: 'listUserRecords' }),
    putDefinition: (entry) => ask({ type: 'putUserRecord', entry }),
    deleteDefinition: (id) => ask({ type: 'deleteUserRecord', id }),
    previewImport: (text, fileName) => ask({ type: 'previewImport', text, fileName }),
    applyImport: (text, fileName) => ask({ type: 'applyImport', text, fileName }),
    previewIanaImport: (text, fileName) => ask({ type: 'previewIanaImport', text, fileName }),
    importIana: (text, fileName) => ask({ type: 'importIana', text, fileName }),
    resetIana: () => ask({ type: 'resetIana' }),
    about: () => ask({ type: 'about' }),
    loadSettings,
    saveSettings,
    download: (fileName, mime, text) => {
      const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    detailsHref: (port, endPort) => extensionUrl(detailsUrl(port, endPort)),
  };
}
