import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { explainClick } from './context-menu';

const TAB = { id: 7, index: 2, windowId: 1 };
const NO_PAGE = new Error('Cannot access a chrome:// URL');

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

/** The tab's content script answers every request with `true`; returns what it was sent. */
function pageAnswers() {
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: true } as never);
}

/** No content script can run in the tab (a browser page): the details page opens instead. */
function noPage() {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(NO_PAGE);
  return vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
}

describe('explainClick on a link', () => {
  it('asks the frame to explain the link, whether or not it names a port', async () => {
    const send = pageAnswers();
    expect(await explainClick({ linkUrl: 'https://example.com/docs', frameId: 3 }, TAB)).toBe('card');
    expect(await explainClick({ linkUrl: 'http://shop.example:8080/', frameId: 0 }, TAB)).toBe('card');
    expect(send.mock.calls.map((c) => [c[1], c[2]])).toEqual([
      [{ type: 'explainLink', url: 'https://example.com/docs' }, { frameId: 3 }],
      [{ type: 'explainLink', url: 'http://shop.example:8080/' }, { frameId: 0 }],
    ]);
  });

  it('explains a selection inside a link, not the link', async () => {
    const send = pageAnswers();
    await explainClick({ selectionText: 'port 5432', linkUrl: 'https://example.com/', frameId: 0 }, TAB);
    expect(send.mock.calls[0]![1]).toEqual({ type: 'explainSelection', text: 'port 5432' });
  });

  it('opens the details of the port the link names, else of the one its scheme implies, where no card can show', async () => {
    const create = noPage();
    expect(await explainClick({ linkUrl: 'http://shop.example:8080/', frameId: 0 }, TAB)).toBe('details');
    expect(await explainClick({ linkUrl: 'https://example.com/docs', frameId: 0 }, TAB)).toBe('details');
    expect(create.mock.calls.map((c) => new URL(c[0].url!).search)).toEqual([expect.stringMatching(/port=8080\b/), expect.stringMatching(/port=443\b/)]);
    expect(create.mock.calls[0]![0]).toMatchObject({ index: 3, windowId: 1 });
  });

  it('does nothing for a link without a network port where no card can show', async () => {
    const create = noPage();
    expect(await explainClick({ linkUrl: 'mailto:ops@example.com', frameId: 0 }, TAB)).toBe('none');
    expect(create).not.toHaveBeenCalled();
  });
});
