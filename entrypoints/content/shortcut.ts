/** The keyboard shortcut the content script answers itself (the manifest command sends the same request). */
export function isExplainShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyP';
}
