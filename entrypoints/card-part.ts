// The content script's card part (Preact, Floating UI, PortCard, the keyboard
// navigation between mentions, and the answers to the popup's and the context
// menu's requests), loaded by the scanner part on the first hover intent, the
// first request or the first move.
import { createCardController } from './content/card';
import { createMentionNav } from './content/mention-nav';
import { definePart } from './content/parts';
import { createContentRequests } from './content/requests';

export default defineUnlistedScript(() => {
  definePart('card', { createCardController, createMentionNav, createContentRequests });
});
