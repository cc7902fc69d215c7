// The content script's scanner part (text blocks, highlighter, hit-test,
// hover, the frame's list of mentions; the detector runs in the background),
// loaded by the loader into frames that need it.
import { startPorthole } from './content/app';
import { definePart } from './content/parts';

export default defineUnlistedScript(() => {
  definePart('scanner', { start: startPorthole });
});
