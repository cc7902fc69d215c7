// The content script's lazily loaded parts. The manifest injects only the
// loader; the scanner part (highlighter, hit-test, hover; it asks the
// background to detect) and the
// card part (Preact, Floating UI, PortCard) are web-accessible scripts it
// imports with a dynamic import() when a frame needs them. Why this way, and
// not scripting.executeScript from the background: docs/content-script-loading.md.
//
// WXT builds each part as a classic script; evaluated by import() it runs in
// the content script's isolated world (the page never sees it) and puts its
// entry points in the registry below, which the loader then reads.
import type { ContentReplies, FrameMentions } from '@/lib/messages';
import type { createContentRequests } from './requests';
import type { CardOptions, CardPartController } from './card-types';
import type { createMentionNav } from './mention-nav';
import { extensionApi } from '@/utils/extension-api';

export interface ScannerStart {
  signal: AbortSignal;
  /** Where the context menu was last opened (the card goes there for a link). */
  contextPoint: () => { x: number; y: number } | null;
  /** This frame's key (FrameMentions.frame). */
  frameKey: string;
}

/** A running scanner part, as the loader drives it. */
export interface ScannerHandle {
  /** Answers a content request in the protocol's envelope, or leaves it to another frame (undefined). */
  answer(message: unknown, sender: { id?: string }): Promise<unknown> | undefined;
  /** Was this key event inside Porthole's card (the shortcut is then the card's)? */
  ownsEvent(event: Event): boolean;
  /** The keyboard shortcut: explain what is at the caret or selection. */
  explainAtCaret(): Promise<ContentReplies['explainAtCaret']>;
  /** Handles Porthole's in-page shortcuts (explain, next/previous mention); false for any other key. */
  onShortcut(event: KeyboardEvent): boolean;
  /** This frame's mentions, for "ports on this page" across frames. */
  mentions(): Promise<FrameMentions>;
}

export interface Parts {
  scanner: { start(options: ScannerStart): Promise<ScannerHandle> };
  card: { createCardController(options: CardOptions): CardPartController; createMentionNav: typeof createMentionNav; createContentRequests: typeof createContentRequests };
}

const REGISTRY = Symbol.for('porthole.parts');
const FILES: { [K in keyof Parts]: string } = { scanner: '/scanner-part.js', card: '/card-part.js' };

function registry(): Partial<Parts> {
  const g = globalThis as unknown as { [REGISTRY]?: Partial<Parts> };
  return (g[REGISTRY] ??= {});
}

/** Called by a part's script when it is evaluated. */
export function definePart<K extends keyof Parts>(name: K, part: Parts[K]): void {
  registry()[name] = part;
}

const loading = new Map<keyof Parts, Promise<unknown>>();

/** The part, importing its script the first time. */
export function loadPart<K extends keyof Parts>(name: K): Promise<Parts[K]> {
  const ready = registry()[name];
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(name) as Promise<Parts[K]> | undefined;
  if (!pending) {
    // getURL gives the per-session URL where the manifest asks for `use_dynamic_url` (Chrome).
    const url = (extensionApi.runtime.getURL as (path: string) => string)(FILES[name]);
    pending = import(/* @vite-ignore */ url).then(() => {
      const part = registry()[name];
      if (!part) throw new Error(`Porthole's ${name} part did not register.`);
      return part;
    });
    // A failed import may be retried (the extension was updated meanwhile, say).
    pending.catch(() => loading.delete(name));
    loading.set(name, pending);
  }
  return pending;
}
