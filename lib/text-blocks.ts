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
  /**
   * Is the element's text left out of a selection (`user-select: none`)?
   * Asked only inside pre and code, of elements that start a line and hold
   * nothing but digits: that is how inline line numbers look (Chroma, Pygments).
   */
  isUnselectable?: (el: Element) => boolean;
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

/** Class names of line-number gutters: Chroma, Pygments, Rouge, GitHub, highlight.js. */
const GUTTER_CLASS = /(?:^|\s)(?:ln|lnt|linenos?|lineno|line-?numbers?|blob-num|gutter|rouge-gutter|hljs-ln-numbers|hljs-ln-n)(?:\s|$)/i;
const DIGITS_AND_SPACE = /^[\d\s]+$/;
const DIGIT = /\d/;

/** Does the element hold only a line number or a column of them (through a few single-child wrappers)? */
function holdsOnlyNumbers(el: Element): boolean {
  let n: Node = el;
  for (let depth = 0; depth < 4; depth++) {
    const c = n.firstChild;
    if (!c || c !== n.lastChild) return false;
    if (c.nodeType === TEXT_NODE) {
      const data = (c as Text).data;
      return DIGITS_AND_SPACE.test(data) && DIGIT.test(data);
    }
    if (c.nodeType !== ELEMENT_NODE) return false;
    n = c;
  }
  return false;
}

/**
 * A line-number gutter is not part of the code: read into it, "5" joins the
 * line ("5ports:") and a number can be taken for a port. Known gutter classes
 * and `data-line-number` count anywhere; non-selectable digits only where a
 * line of code starts (so a number in mid-line costs no style lookup).
 */
function isLineNumber(el: Element, atCodeLineStart: boolean, opts: WalkOptions): boolean {
  if (!holdsOnlyNumbers(el)) return false;
  const cls = el.getAttribute('class');
  if ((cls !== null && GUTTER_CLASS.test(cls)) || el.hasAttribute('data-line-number')) return true;
  return atCodeLineStart && opts.isUnselectable !== undefined && opts.isUnselectable(el);
}

/** Does the text read so far end a line (or is there none yet)? */
function atLineStart(nodes: Text[]): boolean {
  return nodes.length === 0 || nodes[nodes.length - 1]!.data.endsWith('\n');
}

const EXIT = Symbol('exit');
/** Marks the end of a pre or code element's children. */
const LEAVE_CODE = Symbol('leave-code');
type StackItem = Node | typeof EXIT | typeof LEAVE_CODE;

/** A run of inline text as the walk finds it, before code-table lines are joined. */
interface Run {
  nodes: Text[];
  pre: boolean;
  /** The element (or root) the run's text was laid out in. */
  container: Node | null;
}

/** Builds a block; before each node index in `breaks` a line break is read if the text so far lacks one. */
function makeBlock(nodes: Text[], preformatted: boolean, breaks: number[] = []): TextBlock {
  const starts: number[] = [];
  let text = '';
  let b = 0;
  for (let i = 0; i < nodes.length; i++) {
    if (breaks[b] === i) {
      if (!text.endsWith('\n')) text += '\n';
      b++;
    }
    starts.push(text.length);
    text += nodes[i]!.data;
  }
  if (!preformatted) text = text.replace(/[\t\n\r\f]/g, ' ');
  return { nodes, starts, text };
}

function isCell(node: Node | null): node is Element {
  if (node === null || node.nodeType !== ELEMENT_NODE) return false;
  const name = (node as Element).localName;
  return name === 'td' || name === 'th';
}

function columnOf(cell: Element): number {
  let i = 0;
  for (let c = cell.previousElementSibling; c; c = c.previousElementSibling) i++;
  return i;
}

/** Is `next` the cell below `prev`: the same column of the next row? */
function isCellBelow(prev: Element, next: Element): boolean {
  const row = prev.parentElement;
  return row !== null && next.parentElement === row.nextElementSibling && columnOf(next) === columnOf(prev);
}

/**
 * Walks `root` (an element, document or shadow root) in document order and
 * yields its text blocks. Enters shadow roots before the host's light
 * children; skips scripts, form fields, contenteditable and editor roots,
 * and line-number gutters. Code laid out one table row per line (GitHub's
 * blob view) is read as one block, a line break between rows, so a line keeps
 * the lines above it. Blocks holding only whitespace are left out.
 */
export function* walkTextBlocks(root: Node, opts: WalkOptions = {}): Generator<TextBlock, void, undefined> {
  let lines: { nodes: Text[]; breaks: number[]; cell: Element } | null = null;
  const takeLines = (): TextBlock => {
    const block = makeBlock(lines!.nodes, true, lines!.breaks);
    lines = null;
    return block;
  };
  for (const run of walkRuns(root, opts)) {
    const cell = run.pre && isCell(run.container) ? run.container : null;
    if (lines && cell && isCellBelow(lines.cell, cell)) {
      lines.breaks.push(lines.nodes.length);
      lines.nodes.push(...run.nodes);
      lines.cell = cell;
      continue;
    }
    // A number cell that opens the next row (a gutter not recognised as one) does not end the lines.
    const nextGutter = isCell(run.container) && run.container.parentElement === lines?.cell.parentElement?.nextElementSibling && holdsOnlyNumbers(run.container);
    if (lines && (cell || !nextGutter)) yield takeLines();
    if (cell) lines = { nodes: run.nodes, breaks: [], cell };
    else yield makeBlock(run.nodes, run.pre);
  }
  if (lines) yield takeLines();
}

function* walkRuns(root: Node, opts: WalkOptions): Generator<Run, void, undefined> {
  const shadowRootOf = opts.shadowRootOf ?? defaultShadowRootOf;
  const stack: StackItem[] = [root];
  /** The elements (and roots) being walked whose end will end a run. */
  const containers: Node[] = [];
  let current: Text[] = [];
  let hasText = false;
  let pre = false;
  let codeDepth = 0;

  const flush = (): Run | null => {
    if (current.length === 0) return null;
    const run = hasText ? { nodes: current, pre, container: containers[containers.length - 1] ?? null } : null;
    current = [];
    hasText = false;
    pre = false;
    return run;
  };

  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item === EXIT) {
      const r = flush();
      containers.pop();
      if (r) yield r;
      continue;
    }
    if (item === LEAVE_CODE) {
      codeDepth--;
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
      const r = flush();
      if (r) yield r;
      if (item !== root) opts.onShadowRoot?.(item as ShadowRoot);
      stack.push(EXIT);
      containers.push(item);
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
    if (isSkippedElement(el) || opts.skip?.(el) || isLineNumber(el, codeDepth > 0 && atLineStart(current), opts)) continue;
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') {
      const r = flush();
      if (r) yield r;
      continue;
    }
    if (tag === 'PRE' || tag === 'CODE') {
      codeDepth++;
      stack.push(LEAVE_CODE);
    }
    const shadow = shadowRootOf(el);
    if (!shadow && isInlineElement(el, opts)) {
      pushChildren(stack, el);
      continue;
    }
    const r = flush();
    if (r) yield r;
    stack.push(EXIT);
    containers.push(el);
    pushChildren(stack, el);
    if (shadow) stack.push(shadow);
  }
  const last = flush();
  if (last) yield last;
}

/**
 * The node a walk must start from to re-read the block that holds `node`:
 * its nearest ancestor that is not inline (an element, a shadow root or the
 * document), so that text joined across inline elements is read whole; for a
 * line of code in a table row, the table (its lines are one block).
 */
export function blockRootOf(node: Node, opts: WalkOptions = {}): Node {
  let cur: Node | null = node.nodeType === ELEMENT_NODE ? node : node.parentNode;
  const shadowRootOf = opts.shadowRootOf ?? defaultShadowRootOf;
  while (cur && cur.nodeType === ELEMENT_NODE) {
    const el = cur as Element;
    if (!isInlineElement(el, opts) || shadowRootOf(el)) {
      const line = isCell(el) && (opts.isPreformatted ? opts.isPreformatted(el) : el.closest('pre') != null);
      return (line && el.closest('table')) || el;
    }
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
