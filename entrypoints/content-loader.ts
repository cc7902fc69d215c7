// Content script: only the loader (content/loader.ts), injected into every
// frame by the manifest (wxt.config.ts). It decides whether a frame needs
// Porthole and loads the scanner part (scanner-part.ts) and the card part
// (card-part.ts) when it does. An unlisted script rather than WXT's
// defineContentScript: that wrapper brings its context class and the
// webextension polyfill, more than the loader itself weighs;
// content/lifetime.ts does the one job of it the loader needs.
import { startLoader } from './content/loader';
import { contentScriptLifetime } from './content/lifetime';

export default defineUnlistedScript(() => {
  startLoader(contentScriptLifetime());
});
