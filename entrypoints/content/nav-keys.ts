// What the scanner part needs of the keyboard navigation between mentions
// before it loads (it comes with the card part, on the first move): the
// shortcut's keys and the name of the navigation's host element.

export const NAV_HOST_TAG = 'porthole-nav';
export type NavDirection = 'next' | 'previous';

/** The shortcut the content script answers itself (the manifest commands send the same request). */
export function moveShortcutOf(e: KeyboardEvent): NavDirection | null {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return null;
  return e.code === 'KeyJ' ? 'next' : e.code === 'KeyK' ? 'previous' : null;
}
