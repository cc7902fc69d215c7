// The extension API for the content script (its loader and parts) and the
// typed client they share with the extension pages.
// Not `wxt/browser`: with the webextension-polyfill module that brings the
// polyfill (~3 KB gzipped) into every frame, and these scripts need none of
// it — they answer messages with `sendResponse`, and every other call they
// make returns a promise natively (Chrome MV3, Firefox).
import type { WxtBrowser } from 'wxt/browser';

type Globals = { browser?: WxtBrowser; chrome?: WxtBrowser };
const g = globalThis as unknown as Globals;

export const extensionApi: WxtBrowser = (g.browser?.runtime?.id ? g.browser : g.chrome) as WxtBrowser;
