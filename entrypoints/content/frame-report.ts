// One frame's answer to "ports on this page" (FrameMentions in lib/messages.ts):
// its mentions with where the frame sits in the page, so the popup can show
// each frame's part in page order and reveal a mention in the right frame.
import type { FrameMentions, PageMentionGroup } from '@/lib/messages';

/** A random key for this frame, so the popup can ask for a mention in it again. */
export function newFrameKey(): string {
  return Math.random().toString(36).slice(2, 12);
}

/**
 * This frame's index among its parent's frames, from the top frame down.
 * A parent's `frames`, their count and their identity are readable across
 * origins, so this works in cross-origin frames too.
 */
function framePath(): number[] {
  const path: number[] = [];
  for (let w: Window = window; w !== w.parent; w = w.parent) {
    const siblings = w.parent.frames;
    let i = 0;
    while (i < siblings.length && siblings[i] !== w) i++;
    path.unshift(i);
  }
  return path;
}

export function frameReport(frame: string, groups: PageMentionGroup[], total: number): FrameMentions {
  return { url: location.href, title: document.title, groups, total, frame, path: framePath(), childFrames: window.frames.length };
}
