// Porthole starts once the page has loaded. The script is injected at
// `document_start`, where injection costs the page nothing, and then waits:
// registering a highlight or scanning while the page still parses slows the
// parser and delays the page's own load event (measured in bench/content.ts).
// A page whose load never comes (a stalled image) gets Porthole anyway after
// LOAD_WAIT_CAP_MS.
export const LOAD_WAIT_CAP_MS = 3000;

export function pageLoaded(signal: AbortSignal): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      window.removeEventListener('load', onLoad);
      clearTimeout(timer);
      resolve();
    };
    // Let the load event's own listeners finish first.
    const onLoad = () => setTimeout(done, 0);
    window.addEventListener('load', onLoad, { once: true });
    const timer = setTimeout(done, LOAD_WAIT_CAP_MS);
    signal.addEventListener('abort', done, { once: true });
  });
}
