// The scanner part's detector is the background's: a frame sends the text of
// its blocks to Porthole's own background worker (runtime messages reach
// nothing else; the text never leaves the browser) and marks the offsets it
// gets back, so the detector's code is not evaluated in every frame with ports.
// The worker may be asleep (MV3) or an event page not yet loaded (Firefox):
// the request wakes it. A request that gets no answer is sent once more;
// after that its text stays unmarked, quietly (the page's console is the
// page's).
import type { PortMention } from '@/lib/detect/types';
import { portApi } from '@/utils/port-api';

/** How long to wait before the one retry: long enough for a background that is still starting (Firefox at browser start) to listen. */
const RETRY_AFTER_MS = 500;

export async function detectInBackground(texts: string[]): Promise<PortMention[][] | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, RETRY_AFTER_MS));
    try {
      return await portApi.detect({ texts });
    } catch {
      // A worker stopped mid-request, a background not listening yet, or the extension reloaded: the retry tells.
    }
  }
  return null;
}
