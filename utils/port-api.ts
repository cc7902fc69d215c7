// Porthole's one typed client to the background, used by every surface: the
// card, the popup, the details page and the options page.
import { browser } from 'wxt/browser';
import { createClient, type PortApi, type Replies, type Request } from '@/lib/messages';

export const portApi: PortApi = createClient<Request, Replies>((message) => browser.runtime.sendMessage(message));
