// Unit tests read the real English messages through the same `t` the views
// use: WXT's fakeBrowser has no i18n, so getMessage is served from locales/en.json.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageLookup } from '../../scripts/locales.ts';

const lookup = await messageLookup('en');
fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => lookup(key, substitutions)) as typeof fakeBrowser.i18n.getMessage;
