// Content script: finds port mentions in the page, marks them without
// changing the DOM and explains them in a hover card. The parts live beside
// this file (one per concern); `ctx.signal` ends them all when the extension
// is updated or unloaded.
import './highlight.css';
import { startPorthole } from './app';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_start',
  main(ctx) {
    void startPorthole(ctx.signal);
  },
});
