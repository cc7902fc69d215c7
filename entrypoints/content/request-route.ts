// Which frame answers a request sent to the whole tab. tabs.sendMessage
// reaches every frame and the first reply wins, so each frame decides at once,
// before anything loads, from the request's type (and the frame it names);
// the request is validated where it is answered (requests.ts, in the card part).
import type { ContentRequestType } from '@/lib/messages';
import { isTopFrame } from './frame-check';

export function answersHere(message: { type?: unknown; frame?: unknown }, frameKey: string): boolean {
  switch (message.type as ContentRequestType) {
    // One list and one keyboard ring per tab: the top frame's.
    case 'pageMentions':
    case 'moveMention':
      return isTopFrame();
    // In the frame the popup names, else in the top frame.
    case 'revealMention':
      return message.frame === undefined ? isTopFrame() : message.frame === frameKey;
    // The context menu's requests are sent to the frame it was opened in.
    case 'explainSelection':
    case 'explainLink':
      return true;
    // Only the focused frame answers the shortcut.
    case 'explainAtCaret':
      return document.hasFocus();
    default:
      return false;
  }
}
