// Talks to a tab's content script. Tabs that were open before Porthole was
// installed or updated have none (the browser only injects into new pages):
// when the user asks for it (popup, menu, shortcut — activeTab grants the
// tab), inject it once with the scripting API and ask again.
import { browser } from 'wxt/browser';
import { createClient, PAGE_MENTIONS_PORT, type ContentApi, type ContentReplies, type ContentRequest, type FrameAnswer, type FrameMentions, type Reply } from '@/lib/messages';
import { allFramesAnswered } from '@/lib/page-mentions';

const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/i;
/** A freshly injected script needs a moment to start listening. */
const RETRY_DELAYS_MS = [50, 100, 200, 400, 800];

function send(tabId: number, request: ContentRequest, frameId?: number): Promise<unknown> {
  return frameId !== undefined ? browser.tabs.sendMessage(tabId, request, { frameId }) : browser.tabs.sendMessage(tabId, request);
}

async function inject(tabId: number, frameId?: number): Promise<void> {
  const declared = browser.runtime.getManifest().content_scripts?.[0];
  const target = { tabId, ...(frameId !== undefined ? { frameIds: [frameId] } : {}) };
  if (declared?.css?.length) await browser.scripting.insertCSS({ target, files: declared.css });
  // The manifest's own file list (WXT types `files` with build-time paths).
  await browser.scripting.executeScript({ target, files: (declared?.js ?? []) as ['/content-loader.js'] });
}

/**
 * Sends `request` to the content script of `tabId` (one frame, or the top
 * frame's answer when none is given), injecting the script first where it is
 * missing. Throws where no script can run (browser pages, the store, PDFs).
 */
export async function sendToContentScript(tabId: number, request: ContentRequest, frameId?: number): Promise<unknown> {
  try {
    return await send(tabId, request, frameId);
  } catch (err) {
    if (!NO_RECEIVER.test(String(err))) throw err;
  }
  await inject(tabId, frameId);
  for (const delay of RETRY_DELAYS_MS) {
    await new Promise((r) => setTimeout(r, delay));
    try {
      return await send(tabId, request, frameId);
    } catch (err) {
      if (!NO_RECEIVER.test(String(err))) throw err;
    }
  }
  throw new Error('Porthole could not start in this tab.');
}

/**
 * The typed client to a tab's content script (one frame, or whichever frame
 * answers). A page that does not answer within `timeoutMs` rejects.
 */
export function contentApi(tabId: number, options: { frameId?: number; timeoutMs?: number } = {}): ContentApi {
  const { frameId, timeoutMs } = options;
  return createClient<ContentRequest, ContentReplies>((message) => {
    const reply = sendToContentScript(tabId, message, frameId);
    if (timeoutMs === undefined) return reply;
    return Promise.race([reply, new Promise((_, reject) => setTimeout(() => reject(new Error('The page did not answer.')), timeoutMs))]);
  });
}

const isFrameMentions = (m: unknown): m is FrameMentions => {
  const f = m as Partial<FrameMentions> | null;
  return typeof f?.frame === 'string' && Array.isArray(f.groups) && Array.isArray(f.path) && typeof f.childFrames === 'number';
};

/**
 * "Ports on this page" from every frame of a tab that runs Porthole's content
 * script, same- and cross-origin: one port to the whole tab, on which each
 * frame says at once that it is reading, then posts its mentions. Done when
 * every frame has answered (see `allFramesAnswered`); or, once the top frame
 * has and no frame is still reading, `quietMs` after the last answer (frames
 * no content script runs in, such as `about:blank`, never answer); or at
 * `timeoutMs` whatever has come. An empty list: no content script answered.
 */
export function collectFrameMentions(tabId: number, { timeoutMs = 8000, quietMs = 600 } = {}): Promise<FrameMentions[]> {
  return new Promise((resolve) => {
    const reports = new Map<string, FrameMentions>();
    const reading = new Set<string>();
    let port: ReturnType<typeof browser.tabs.connect>;
    try {
      port = browser.tabs.connect(tabId, { name: PAGE_MENTIONS_PORT });
    } catch {
      resolve([]);
      return;
    }
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(overall);
      clearTimeout(quiet);
      resolve([...reports.values()]);
      try {
        port.disconnect();
      } catch {
        // Closed from the other side already.
      }
    };
    const overall = setTimeout(finish, timeoutMs);
    port.onMessage.addListener((message: unknown) => {
      const reply = message as Reply<FrameAnswer | null>;
      if (!reply?.ok || typeof reply.value !== 'object' || reply.value === null) return;
      const answer = reply.value;
      if ('reading' in answer && typeof answer.frame === 'string') {
        if (!reports.has(answer.frame)) reading.add(answer.frame);
      } else if (isFrameMentions(answer)) {
        reading.delete(answer.frame);
        reports.set(answer.frame, answer);
      } else return;
      clearTimeout(quiet);
      if (reading.size > 0) return;
      const all = [...reports.values()];
      if (allFramesAnswered(all)) finish();
      else if (all.some((r) => r.path.length === 0)) quiet = setTimeout(finish, quietMs);
    });
    port.onDisconnect.addListener(finish);
  });
}
