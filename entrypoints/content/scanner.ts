// Finds port mentions in the page's text and marks them, in slices small
// enough that the page never notices: text on screen first, the rest in idle
// time. Keeps an index from text nodes and ranges back to mentions for
// hit-testing, the popup's "Ports on this page" and the keyboard shortcut.
import type { PortMention } from '@/lib/detect/types';
import { blockElement, chunkEnd, isInSkippedRegion, locateOffset, walkTextBlocks, type TextBlock, type WalkOptions } from '@/lib/text-blocks';
import { createHighlightWindow, type Highlighter, type HighlightWindow } from './highlighter';

export type Detect = (text: string) => PortMention[];

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
  /** Characters of `block.text` already run through the detector. */
  done: number;
}

/** Time one slice may take; well under the 50 ms long-task line. */
const SLICE_MS = 8;
/** Text this far outside the viewport still counts as visible. */
const VISIBLE_MARGIN = 300;

export interface PageTextScannerOptions {
  detect: Detect;
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
  private deferred: BlockState[] = [];
  private deferredAt = 0;
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

  /** Drops everything (before a full rescan, or when switched off). */
  reset(): void {
    this.walkers = [];
    this.deferred = [];
    this.deferredAt = 0;
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
    return this.walkers.length > 0 || this.deferredAt < this.deferred.length;
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
    state.done = state.block.text.length; // any queued work on it is void
  }

  private pump(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    // Walks find what is on screen: run them (and anything someone waits for) promptly.
    const prompt = this.walkers.length > 0 || this.urgent > 0;
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
        if (this.isVisible(state)) this.process(state, end);
        if (state.done < state.block.text.length) this.deferred.push(state);
      }
    }
    while (this.deferredAt < this.deferred.length && performance.now() < end) {
      const state = this.deferred[this.deferredAt]!;
      if (this.process(state, end)) this.deferredAt++;
    }
    if (this.deferredAt >= this.deferred.length) {
      this.deferred = [];
      this.deferredAt = 0;
    } else if (this.deferredAt > 4096) {
      this.deferred = this.deferred.slice(this.deferredAt);
      this.deferredAt = 0;
    }
    if (this.busy) this.pump();
    else for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private register(block: TextBlock): BlockState {
    const state: BlockState = { block, box: blockElement(block), mentions: [], done: 0 };
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

  /** Detects and marks the next chunks of a block; true when the block is finished. */
  private process(state: BlockState, deadline: number): boolean {
    const { block } = state;
    const text = block.text;
    if (!this.blocks.has(state)) return true;
    if (!block.nodes[0]?.isConnected) {
      this.drop(state);
      return true;
    }
    while (state.done < text.length) {
      const from = state.done;
      const to = chunkEnd(text, from);
      const piece = from === 0 && to === text.length ? text : text.slice(from, to);
      for (const m of this.opts.detect(piece)) {
        const mention = from === 0 ? m : { ...m, start: m.start + from, end: m.end + from };
        this.mark(state, mention);
      }
      state.done = to;
      if (performance.now() >= deadline && state.done < text.length) return false;
    }
    return true;
  }

  private mark(state: BlockState, mention: PortMention): void {
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
