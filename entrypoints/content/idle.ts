// Work that can wait runs when the frame is idle, one small task at a time.

/** At the latest this long after asking, even on a page that is never idle. */
export const IDLE_TIMEOUT_MS = 2000;

/** Resolves when the frame is next idle (or after IDLE_TIMEOUT_MS). */
export function nextIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 0);
  });
}
