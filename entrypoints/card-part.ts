// The content script's card part (Preact, Floating UI, PortCard), loaded by
// the scanner part on the first hover intent or the first request for a card.
import { createCardController } from './content/card';
import { definePart } from './content/parts';

export default defineUnlistedScript(() => {
  definePart('card', { createCardController });
});
