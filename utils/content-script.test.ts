import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToContentScript } from './content-script';

const NO_RECEIVER = new Error('Could not establish connection. Receiving end does not exist.');

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Porthole',
    version: '0.1.0',
    content_scripts: [{ matches: ['<all_urls>'], js: ['content-loader.js'], css: ['assets/highlight.css'] }],
  });
});

describe('sendToContentScript', () => {
  it('answers from a running content script without injecting', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(true as never);
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    expect(await sendToContentScript(7, { type: 'explainAtCaret' })).toBe(true);
    expect(send).toHaveBeenCalledTimes(1);
    expect(inject).not.toHaveBeenCalled();
  });

  it('injects the declared script and CSS into a tab open since before install, then asks again', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValueOnce(NO_RECEIVER).mockRejectedValueOnce(NO_RECEIVER).mockResolvedValue(true as never);
    const css = vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockResolvedValue(undefined);
    const js = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    expect(await sendToContentScript(7, { type: 'explainSelection', text: 'port 22' }, 0)).toBe(true);
    expect(css).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['assets/highlight.css'] });
    expect(js).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['content-loader.js'] });
  });

  it('gives up where no script may run (a browser page), with the browser’s error', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(NO_RECEIVER);
    vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    await expect(sendToContentScript(7, { type: 'pageMentions' })).rejects.toThrow('chrome://');
  });

  it('does not inject on other errors', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('No tab with id: 7'));
    const js = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    await expect(sendToContentScript(7, { type: 'pageMentions' })).rejects.toThrow('No tab');
    expect(js).not.toHaveBeenCalled();
  });
});
