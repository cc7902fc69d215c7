// storage.sync limits (Chrome's documented quotas; Firefox's are the same or
// larger) and how the browser counts an item against them. Write rates (120 a
// minute) are kept by writing once per debounced round (utils/sync.ts).

/** Total bytes of all items. */
export const QUOTA_BYTES = 102_400;
/** Bytes of one item: its key plus its value as JSON. */
export const QUOTA_BYTES_PER_ITEM = 8192;
export const MAX_ITEMS = 512;

const encoder = new TextEncoder();

export function itemBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;
}
