// Porthole's first scan waits for the page's load event: a content script at
// `document_idle` may run before it, and scanning then would delay the page's
// own load. A page whose load never comes (a stalled image) is scanned anyway
// after LOAD_WAIT_CAP_MS.
export const LOAD_WAIT_CAP_MS = 3000;

export function afterPageLoad(signal: AbortSignal, start: () => void): void {
  if (document.readyState === 'complete') {
    start();
    return;
  }
  let done = false;
  const run = () => {
    if (done || signal.aborted) return;
    done = true;
    window.removeEventListener('load', onLoad);
    clearTimeout(timer);
    start();
  };
  // Let the load event's own listeners finish before the first slice.
  const onLoad = () => setTimeout(run, 0);
  window.addEventListener('load', onLoad, { once: true });
  const timer = setTimeout(run, LOAD_WAIT_CAP_MS);
  signal.addEventListener('abort', () => {
    window.removeEventListener('load', onLoad);
    clearTimeout(timer);
  }, { once: true });
}
