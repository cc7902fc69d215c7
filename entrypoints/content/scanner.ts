// Finds port mentions in the page's text and marks them, in slices small
// enough that the page never notices: text on screen first, the rest in idle
// time. The detector is not in the page's frame: the text of many blocks at
// once goes to Porthole's background worker (`detect`), which answers with
// each block's mentions; one request is in flight at a time, and whatever the
// walk found meanwhile goes in the next (visible blocks first). Keeps an index
// from text nodes and ranges back to mentions for hit-testing, the popup's
// "Ports on this page" and the keyboard shortcut.
import type { PortMention } from '@/lib/detect/types';
import { DETECT_MAX_CHARS, DETECT_MAX_TEXTS } from '@/lib/messages';
import { blockElement, chunkEnd, isInSkippedRegion, locateOffset, walkTextBlocks, type TextBlock, type WalkOptions } from '@/lib/text-blocks';
import { createHighlightWindow, type Highlighter, type HighlightWindow } from './highlighter';

/** Mentions in each text, in order; null when they could not be had (the texts then stay unmarked). */
export type DetectBatch = (texts: string[]) => Promise<PortMention[][] | null>;

export interface Mention {
  block: BlockState;
  mention: PortMention;
  range: Range;
}

export interface BlockState {
  block: TextBlock;
  /** The element whose box holds the block's text (see blockElement). */
  box: Element | null;
  mentions: Mention[];
  /** Characters of `block.text` already sent to the detector. */
  sent: number;
}

/** A mention the detector found, waiting to be marked. */
interface Found {
  state: BlockState;
  mention: PortMention;
}

/** Time one slice may take; well under the 50 ms long-task line. */
const SLICE_MS = 8;
/** Text this far outside the viewport still counts as visible. */
const VISIBLE_MARGIN = 300;
/**
 * Characters per request: well under what one may carry (DETECT_MAX_CHARS),
 * so that copying a request and its answer between the frame and the worker
 * stays a short task on either side; a 1 MB page takes a few round trips,
 * each answer marked while the worker reads the next.
 */
const SEND_CHARS = Math.min(250_000, DETECT_MAX_CHARS);
/** The detector reads ports from ASCII digit runs only: text without a digit is not sent. */
const DIGIT = /[0-9]/;

/** A first-in first-out list that does not shift arrays. */
class Queue<T> {
  private items: T[] = [];
  private head = 0;
  get size(): number {
    return this.items.length - this.head;
  }
  push(item: T): void {
    this.items.push(item);
  }
  peek(): T | undefined {
    return this.items[this.head];
  }
  shift(): T | undefined {
    const item = this.items[this.head++];
    if (this.head >= this.items.length) this.clear();
    else if (this.head > 4096) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

export interface PageTextScannerOptions {
  detect: DetectBatch;
  highlighter: Highlighter;
  walk: WalkOptions;
  signal: AbortSignal;
  /** Called once, when the first mention of the page is marked. */
  onFirstMention?: () => void;
}

export class PageTextScanner {
  readonly blocks = new Set<BlockState>();
  private readonly byNode = new WeakMap<Text, BlockState>();
  private readonly byRange = new WeakMap<AbstractRange, Mention>();
  /** Walks in progress (the whole document, or roots that changed). */
  private walkers: Generator<TextBlock, void, undefined>[] = [];
  /** Blocks whose text is still to be sent: those near the viewport when walked, and the rest. */
  private readonly sendSoon = new Queue<BlockState>();
  private readonly sendLater = new Queue<BlockState>();
  /** The detector's answers still to be marked: promptly (near the viewport) and in idle time. */
  private readonly markSoon = new Queue<Found>();
  private readonly markLater = new Queue<Found>();
  private inFlight = false;
  private scheduled = false;
  private urgent = 0;
  private idleWaiters: (() => void)[] = [];
  private marked = false;
  private readonly rectCache = new Map<Element, boolean>();
  private readonly window: HighlightWindow;
  stopped = false;

  constructor(private readonly opts: PageTextScannerOptions) {
    this.window = createHighlightWindow(opts.highlighter, (key) => (key as BlockState).mentions.map((m) => m.range), opts.signal);
    opts.signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** Queues a walk of `root` (document, element or shadow root). */
  scan(root: Node): void {
    if (this.stopped) return;
    this.walkers.push(walkTextBlocks(root, this.opts.walk));
    this.pump();
  }

  /** Forgets every block inside `root` (or detached from the page). */
  forgetWithin(root: Node): void {
    for (const state of this.blocks) {
      const first = state.block.nodes[0];
      if (!first || !first.isConnected || root.contains(first)) this.drop(state);
    }
  }

  /** Forgets every block whose text left the page. */
  forgetDetached(): void {
    for (const state of this.blocks) {
      if (!state.block.nodes.every((n) => n.isConnected)) this.drop(state);
    }
  }

  /** Drops everything (before a full rescan, or when switched off). An answer in flight is then ignored. */
  reset(): void {
    this.walkers = [];
    for (const q of [this.sendSoon, this.sendLater, this.markSoon, this.markLater]) q.clear();
    this.window.reset();
    for (const state of this.blocks) for (const n of state.block.nodes) this.byNode.delete(n);
    this.blocks.clear();
  }

  stop(): void {
    this.stopped = true;
    this.reset();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  get busy(): boolean {
    return this.walkers.length > 0 || this.inFlight || this.sendSoon.size + this.sendLater.size + this.markSoon.size + this.markLater.size > 0;
  }

  /** Resolves once all queued text is scanned (work runs at full pace meanwhile). */
  whenIdle(): Promise<void> {
    if (!this.busy || this.stopped) return Promise.resolve();
    this.urgent++;
    return new Promise<void>((resolve) => {
      this.idleWaiters.push(() => {
        this.urgent--;
        resolve();
      });
    });
  }

  mentionOfRange(range: AbstractRange): Mention | undefined {
    return this.byRange.get(range);
  }

  blockOfNode(node: Node): BlockState | undefined {
    return node.nodeType === 3 ? this.byNode.get(node as Text) : undefined;
  }

  *mentions(): Generator<Mention> {
    for (const state of this.blocks) yield* state.mentions;
  }

  private drop(state: BlockState): void {
    this.window.untrack(state, state.mentions.map((m) => m.range));
    for (const n of state.block.nodes) if (this.byNode.get(n) === state) this.byNode.delete(n);
    this.blocks.delete(state);
    state.sent = state.block.text.length; // any queued work on it is void
  }

  private pump(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    // Walks find what is on screen: run them, the marks on screen (and anything someone waits for) promptly.
    const prompt = this.walkers.length > 0 || this.markSoon.size > 0 || this.urgent > 0;
    if (!prompt && typeof requestIdleCallback === 'function') {
      requestIdleCallback((deadline) => this.slice(Math.min(SLICE_MS, Math.max(2, deadline.timeRemaining()))), { timeout: 1000 });
    } else {
      setTimeout(() => this.slice(SLICE_MS), 0);
    }
  }

  private slice(budget: number): void {
    this.scheduled = false;
    if (this.stopped || this.opts.signal.aborted) return;
    const end = performance.now() + budget;
    this.rectCache.clear();
    // What is on screen first: the answers for it are marked before the walk goes on.
    while (this.markSoon.size > 0 && performance.now() < end) this.mark(this.markSoon.shift()!);
    while (this.walkers.length > 0 && performance.now() < end) {
      const walker = this.walkers[0]!;
      // Pull a handful of blocks between clock checks.
      for (let i = 0; i < 16; i++) {
        const next = walker.next();
        if (next.done) {
          this.walkers.shift();
          break;
        }
        const state = this.register(next.value);
        (this.isVisible(state) ? this.sendSoon : this.sendLater).push(state);
      }
    }
    while (this.markLater.size > 0 && performance.now() < end) this.mark(this.markLater.shift()!);
    this.next();
  }

  /** Sends what waits if no request is in flight, then schedules the next slice or tells the waiters that all is done. */
  private next(): void {
    this.send();
    if (this.walkers.length > 0 || this.markSoon.size + this.markLater.size > 0) this.pump();
    else if (!this.busy) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /**
   * One request to the detector with the text waiting: visible blocks first,
   * the rest once no walk is running (a walk may still find text on screen),
   * at most SEND_CHARS characters and DETECT_MAX_TEXTS texts; the rest
   * goes in the next request, sent when this one is answered.
   */
  private send(): void {
    if (this.inFlight || this.stopped) return;
    const texts: string[] = [];
    const pieces: { state: BlockState; from: number; soon: boolean }[] = [];
    let chars = 0;
    const take = (queue: Queue<BlockState>, soon: boolean): boolean => {
      for (let state = queue.peek(); state; state = queue.peek()) {
        const text = state.block.text;
        while (state.sent < text.length) {
          const from = state.sent;
          const to = chunkEnd(text, from);
          if (texts.length >= DETECT_MAX_TEXTS || (chars + to - from > SEND_CHARS && texts.length > 0)) return false;
          state.sent = to;
          const piece = from === 0 && to === text.length ? text : text.slice(from, to);
          if (!DIGIT.test(piece)) continue;
          texts.push(piece);
          pieces.push({ state, from, soon });
          chars += piece.length;
        }
        queue.shift();
      }
      return true;
    };
    if (take(this.sendSoon, true) && this.walkers.length === 0) take(this.sendLater, false);
    if (texts.length === 0) return;
    this.inFlight = true;
    void this.opts.detect(texts).then(
      (found) => this.received(pieces, found),
      () => this.received(pieces, null),
    );
  }

  private received(pieces: { state: BlockState; from: number; soon: boolean }[], found: PortMention[][] | null): void {
    this.inFlight = false;
    if (this.stopped) return;
    // Not answered (twice): these blocks stay unmarked; later changes to the page are sent again.
    pieces.forEach(({ state, from, soon }, i) => {
      if (!this.blocks.has(state)) return;
      for (const m of found?.[i] ?? []) {
        const mention = from === 0 ? m : { ...m, start: m.start + from, end: m.end + from };
        (soon ? this.markSoon : this.markLater).push({ state, mention });
      }
    });
    this.next();
  }

  private register(block: TextBlock): BlockState {
    const state: BlockState = { block, box: blockElement(block), mentions: [], sent: 0 };
    // A newer walk of the same text replaces the older block.
    for (const n of block.nodes) {
      const old = this.byNode.get(n);
      if (old && old !== state) this.drop(old);
      this.byNode.set(n, state);
    }
    this.blocks.add(state);
    this.window.track(state, state.box);
    return state;
  }

  private isVisible(state: BlockState): boolean {
    const el = state.box;
    if (!el) return true;
    let visible = this.rectCache.get(el);
    if (visible === undefined) {
      const r = el.getBoundingClientRect();
      visible = r.bottom >= -VISIBLE_MARGIN && r.top <= innerHeight + VISIBLE_MARGIN && r.right >= 0 && r.left <= innerWidth;
      this.rectCache.set(el, visible);
    }
    return visible;
  }

  private mark({ state, mention }: Found): void {
    if (!this.blocks.has(state)) return;
    if (!state.block.nodes[0]?.isConnected) {
      this.drop(state);
      return;
    }
    const a = locateOffset(state.block, mention.start);
    const b = locateOffset(state.block, mention.end, true);
    const range = new Range();
    try {
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
    } catch {
      return; // the text changed under us; the mutation rescan will catch up
    }
    const m: Mention = { block: state, mention, range };
    state.mentions.push(m);
    this.byRange.set(range, m);
    this.window.added(state, range);
    if (!this.marked) {
      this.marked = true;
      this.opts.onFirstMention?.();
    }
  }
}

/** Is this root (a changed node's block) somewhere Porthole reads? */
export function isScannable(node: Node, skip: (el: Element) => boolean): boolean {
  if (isInSkippedRegion(node)) return false;
  for (let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (skip(el)) return false;
  }
  return true;
}
