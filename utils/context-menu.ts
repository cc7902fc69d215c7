// Right-click "Explain this port" (selections and links) and the keyboard
// command, in the background. The tab's content script shows the card; where
// none can run (browser pages, the PDF viewer, store pages) the details page
// opens instead.
//
// The item shows on every link: no menu API can limit it to links with an
// explicit port (match patterns cannot tell `host:80` from `host`, Chrome has
// no way to change a menu once it is open, and Firefox's `menus.onShown`
// gives no link URL without host permissions). So a link that names no port
// gets the port its scheme implies, with the card saying plainly that the
// link itself names none.
import { browser, type Browser } from 'wxt/browser';
import { findPortMentions } from '@/lib/detect';
import { linkPortOf, portsInSelection, type SelectedPort } from '@/lib/selection-ports';
import { detailsUrl } from '@/lib/urls';
import { contentApi } from './content-script';
import { t } from './i18n';

export const MENU_ID = 'porthole-explain';
export const EXPLAIN_COMMAND = 'explain-port';

type ClickInfo = Pick<Browser.contextMenus.OnClickData, 'selectionText' | 'linkUrl' | 'frameId'>;
type TabLike = Pick<Browser.tabs.Tab, 'id' | 'index' | 'windowId'>;

const extensionUrl = browser.runtime.getURL as (path: string) => string;

function createMenus(): void {
  browser.contextMenus.removeAll().then(
    () =>
      browser.contextMenus.create({ id: MENU_ID, title: t('menu.explain'), contexts: ['selection', 'link'] }, () => {
        // Reading lastError keeps Chrome from logging an unchecked error on a re-create.
        void browser.runtime.lastError;
      }),
    () => {},
  );
}

/**
 * Handles a click on the menu item. Returns where the answer went: the tab's
 * card, a details page, or nowhere (no content script and no port).
 */
export async function explainClick(info: ClickInfo, tab: TabLike | undefined): Promise<'card' | 'details' | 'none'> {
  // A selection wins over the link it may be in.
  const selection = info.selectionText?.trim() ? info.selectionText : '';
  const link = !selection && info.linkUrl ? info.linkUrl.slice(0, 8192) : '';
  if (tab?.id !== undefined && tab.id >= 0) {
    try {
      const page = contentApi(tab.id, { frameId: info.frameId ?? 0 });
      await (link ? page.explainLink({ url: link }) : page.explainSelection({ text: selection.slice(0, 100_000) }));
      return 'card';
    } catch {
      // No content script can run in that frame: a browser page, the PDF viewer, a store page.
    }
  }
  const port = link ? linkPort(link) : portsInSelection(selection, findPortMentions(selection))[0];
  if (!port) return 'none';
  await browser.tabs.create({
    url: extensionUrl(detailsUrl(port.port, port.endPort, port.protocol)),
    ...(tab && tab.index >= 0 ? { index: tab.index + 1, windowId: tab.windowId } : {}),
  });
  return 'details';
}

/** The port a link names, else the one its scheme implies. */
function linkPort(url: string): SelectedPort | undefined {
  const link = linkPortOf(url);
  return link.kind === 'none' ? undefined : { port: link.port };
}

/** The shortcuts that move between the page's mentions (manifest commands). */
export const MOVE_COMMANDS: Record<string, 'next' | 'previous'> = { 'next-port': 'next', 'previous-port': 'previous' };

/** Next/previous mention: the tab's top frame moves its focus ring and announces the mention. */
export async function moveCommand(tab: TabLike | undefined, direction: 'next' | 'previous'): Promise<boolean> {
  if (tab?.id === undefined || tab.id < 0) return false;
  try {
    return await contentApi(tab.id, { frameId: 0 }).moveMention({ direction });
  } catch {
    return false;
  }
}

/** The keyboard command: the focused frame of the active tab explains what is at its caret. */
export async function explainCommand(tab: TabLike | undefined): Promise<boolean> {
  if (tab?.id === undefined || tab.id < 0) return false;
  try {
    return await contentApi(tab.id).explainAtCaret();
  } catch {
    return false;
  }
}

export function registerContextMenu(): void {
  browser.runtime.onInstalled.addListener(createMenus);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void explainClick(info, tab);
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    const direction = Object.hasOwn(MOVE_COMMANDS, command) ? MOVE_COMMANDS[command] : undefined;
    const run = command === EXPLAIN_COMMAND ? explainCommand : direction ? (t: TabLike | undefined) => moveCommand(t, direction) : null;
    if (!run) return;
    if (tab) void run(tab);
    else void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => run(active));
  });
  // Real-browser tests reach the handlers through the service worker (native menus cannot be clicked).
  (globalThis as { portholeContextMenu?: unknown }).portholeContextMenu = { explainClick, explainCommand, moveCommand, MENU_ID };
}
