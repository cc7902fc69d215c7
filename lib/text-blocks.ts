// Text blocks: the page's text as a reader sees it, one block per run of
// inline content. `<code>localhost</code>:<b>8080</b>` is one block
// ("localhost:8080"); a paragraph, a table cell or a list item each start a
// new one, so no match ever joins text across a block boundary.
//
// The walk reads the DOM and never changes it. It is a generator so that the
// content script can take a few blocks at a time and yield to the page.

/** Elements whose text is never page prose: scripts, form fields, media. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'TEMPLATE',
  'HEAD', 'TITLE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO',
]);

/** Code editors render their own text and own their DOM: leave them alone. */
export const EDITOR_SELECTOR =
  '.ProseMirror, .CodeMirror, .cm-editor, .monaco-editor, .ace_editor, [data-slate-editor], [data-lexical-editor], .ql-editor';

/** Elements that are inline by default: text inside them joins its neighbours. */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'ACRONYM', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT',
  'I', 'IMG', 'INS', 'KBD', 'LABEL', 'MARK', 'NOBR', 'Q', 'S', 'SAMP', 'SLOT', 'SMALL', 'SPAN', 'STRIKE',
  'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR',
]);

export interface TextBlock {
  /** The text nodes of the block, in document order. */
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  /** The joined text; outside preformatted blocks, tabs and newlines read as spaces (same length). */
  text: string;
}

export interface WalkOptions {
  /** Returns the element's shadow root to enter (open ones by default). */
  shadowRootOf?: (el: Element) => ShadowRoot | null;
  /** Extra elements to skip (e.g. Porthole's own UI host). */
  skip?: (el: Element) => boolean;
  /** Called for each shadow root entered (to observe it, style it). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** For tags not in the inline list (custom elements): is it laid out inline? */
  isInline?: (el: Element) => boolean;
  /** Is this element's text laid out as written (pre, white-space: pre)? */
  isPreformatted?: (el: Element) => boolean;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_FRAGMENT_NODE = 11;

function isEditable(el: Element): boolean {
  const attr = el.getAttribute('contenteditable');
  if (attr !== null && attr !== 'false') return true;
  return (el as HTMLElement).isContentEditable === true;
}

/** True when Porthole must not read the element's text at all. */
export function isSkippedElement(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  if (isEditable(el)) return true;
  return el.matches(EDITOR_SELECTOR);
}

/** True when the node lies in (or is) a region Porthole skips. */
export function isInSkippedRegion(node: Node): boolean {
  for (let el: Element | null = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

function defaultShadowRootOf(el: Element): ShadowRoot | null {
  return el.shadowRoot;
}

function isInlineElement(el: Element, opts: WalkOptions): boolean {
  const tag = el.tagName.toUpperCase();
  if (INLINE_TAGS.has(tag)) return true;
  if (tag.includes('-') && opts.isInline) return opts.isInline(el);
  return false;
}

const EXIT = Symbol('exit');
type StackItem = Node | typeof EXIT;

function makeBlock(nodes: Text[], preformatted: boolean): TextBlock {
  const starts: number[] = [];
  let text = '';
  for (const n of nodes) {
    starts.push(text.length);
    text += n.data;
  }
  if (!preformatted) text = text.replace(/[\t\n\r\f]/g, ' ');
  return { nodes, starts, text };
}

/**
 * Walks `root` (an element, document or shadow root) in document order and
 * yields its text blocks. Enters shadow roots before the host's light
 * children; skips scripts, form fields, contenteditable and editor roots.
 * Blocks holding only whitespace are left out.
 */
export function* walkTextBlocks(root: Node, opts: WalkOptions = {}): Generator<TextBlock, void, undefined> {
  const shadowRootOf = opts.shadowRootOf ?? defaultShadowRootOf;
  const stack: StackItem[] = [root];
  let current: Text[] = [];
  let hasText = false;
  let pre = false;

  const flush = (): TextBlock | null => {
    if (current.length === 0) return null;
    const block = hasText ? makeBlock(current, pre) : null;
    current = [];
    hasText = false;
    pre = false;
    return block;
  };

  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item === EXIT) {
      const b = flush();
      if (b) yield b;
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      const t = item as Text;
      if (t.data.length === 0) continue;
      if (current.length === 0) {
        const parent = t.parentElement;
        pre = parent !== null && opts.isPreformatted ? opts.isPreformatted(parent) : parent?.closest('pre') != null;
      }
      current.push(t);
      if (!hasText && /\S/.test(t.data)) hasText = true;
      continue;
    }
    if (item.nodeType === DOCUMENT_FRAGMENT_NODE) {
      const b = flush();
      if (b) yield b;
      if (item !== root) opts.onShadowRoot?.(item as ShadowRoot);
      stack.push(EXIT);
      pushChildren(stack, item);
      continue;
    }
    if (item.nodeType === 9 /* document */) {
      const docEl = (item as Document).documentElement;
      if (docEl) stack.push(docEl);
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE) continue;
    const el = item as Element;
    if (isSkippedElement(el) || opts.skip?.(el)) continue;
    if (el.tagName.toUpperCase() === 'BR') {
      const b = flush();
      if (b) yield b;
      continue;
    }
    const shadow = shadowRootOf(el);
    if (!shadow && isInlineElement(el, opts)) {
      pushChildren(stack, el);
      continue;
    }
    const b = flush();
    if (b) yield b;
    stack.push(EXIT);
    pushChildren(stack, el);
    if (shadow) stack.push(shadow);
  }
  const last = flush();
  if (last) yield last;
}

/**
 * The node a walk must start from to re-read the block that holds `node`:
 * its nearest ancestor that is not inline (an element, a shadow root or the
 * document), so that text joined across inline elements is read whole.
 */
export function blockRootOf(node: Node, opts: WalkOptions = {}): Node {
  let cur: Node | null = node.nodeType === ELEMENT_NODE ? node : node.parentNode;
  const shadowRootOf = opts.shadowRootOf ?? defaultShadowRootOf;
  while (cur && cur.nodeType === ELEMENT_NODE) {
    const el = cur as Element;
    if (!isInlineElement(el, opts) || shadowRootOf(el)) return el;
    cur = el.parentNode;
  }
  return cur ?? node;
}

function pushChildren(stack: StackItem[], parent: Node): void {
  for (let c = parent.lastChild; c; c = c.previousSibling) stack.push(c);
}

/**
 * The element whose box holds all of the block's text: the nearest element
 * containing its first and last nodes. A one-token span or a hidden anchor at
 * the start of a block says nothing about where the rest of it is on screen.
 */
export function blockElement(block: TextBlock): Element | null {
  const last = block.nodes[block.nodes.length - 1];
  let el = block.nodes[0]?.parentElement ?? null;
  while (el && last && !el.contains(last)) el = el.parentElement;
  return el;
}

/** Where a block offset falls: the text node and the offset inside it. */
export interface NodePoint {
  node: Text;
  offset: number;
}

/**
 * Maps an offset in `block.text` back to a text node. At a boundary between
 * two nodes, a range end (`asEnd`) stays in the earlier node, a start moves to
 * the later one, so ranges never take in a neighbour's first character.
 */
export function locateOffset(block: TextBlock, offset: number, asEnd = false): NodePoint {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (s < offset || (!asEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo]!;
  return { node, offset: Math.min(offset - starts[lo]!, node.data.length) };
}

/** The block offset of a point in one of its nodes, or -1 if the node is not in the block. */
export function blockOffset(block: TextBlock, node: Node, offset: number): number {
  const i = block.nodes.indexOf(node as Text);
  return i < 0 ? -1 : block.starts[i]! + offset;
}

/** A short plain-text excerpt around [start, end), whitespace collapsed. */
export function excerpt(text: string, start: number, end: number, context = 40): string {
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}

/** Longest stretch of text handed to the detector in one go (content script, pasted text). */
export const DETECT_CHUNK = 16_000;

/** Where the detector's next piece of `text` from `from` ends: at a line break (or sentence end, or space) near `size`. */
export function chunkEnd(text: string, from: number, size = DETECT_CHUNK): number {
  if (text.length - from <= size) return text.length;
  const limit = from + size;
  const nl = text.lastIndexOf('\n', limit);
  if (nl > from + size / 2) return nl + 1;
  const dot = text.lastIndexOf('. ', limit);
  if (dot > from + size / 2) return dot + 2;
  const sp = text.lastIndexOf(' ', limit);
  return sp > from + size / 2 ? sp + 1 : limit;
}
