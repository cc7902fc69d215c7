// When the extension is updated, reloaded or removed, a content script already
// in a page loses its connection to it. The signal returned here aborts then,
// and every listener, observer, timer and highlight of Porthole's content
// script ends with it: when a newer copy starts in the same frame (it says so
// with a DOM event the older copy hears), or when the extension API reports
// no extension id any more (checked whenever the page is interacted with).
import { extensionApi } from '@/utils/extension-api';

const STARTED = 'porthole:content-script-started';

export function contentScriptLifetime(): AbortSignal {
  const controller = new AbortController();
  const { signal } = controller;
  const id = Math.random().toString(36).slice(2);
  document.dispatchEvent(new CustomEvent(STARTED, { detail: id }));
  document.addEventListener(
    STARTED,
    (e) => {
      if ((e as CustomEvent<unknown>).detail !== id) controller.abort();
    },
    { signal },
  );
  const check = () => {
    if (extensionApi.runtime?.id == null) controller.abort();
  };
  for (const type of ['pointerdown', 'keydown', 'focus']) window.addEventListener(type, check, { capture: true, passive: true, signal });
  return signal;
}
