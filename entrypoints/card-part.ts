// The content script's card part (Preact, Floating UI, PortCard, and the
// keyboard navigation between mentions), loaded by the scanner part on the
// first hover intent, the first request for a card or the first move.
import { createCardController } from './content/card';
import { createMentionNav } from './content/mention-nav';
import { definePart } from './content/parts';

export default defineUnlistedScript(() => {
  definePart('card', { createCardController, createMentionNav });
});
