// Porthole's one typed client to the background, used by every surface: the
// card, the popup, the details page and the options page.
import { createClient, type PortApi, type Replies, type Request } from '@/lib/messages';
import { extensionApi } from './extension-api';

export const portApi: PortApi = createClient<Request, Replies>((message) => extensionApi.runtime.sendMessage(message));
