// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blockElement, blockOffset, excerpt, isInSkippedRegion, locateOffset, walkTextBlocks, type TextBlock } from './text-blocks.ts';

function blocksOf(html: string): TextBlock[] {
  document.body.innerHTML = html;
  return [...walkTextBlocks(document.body)];
}

const texts = (html: string) => blocksOf(html).map((b) => b.text.trim());

describe('walkTextBlocks', () => {
  it('joins text split across inline elements into one block', () => {
    expect(texts('<p>Try <code>localhost</code>:<b>8080</b> now</p>')).toEqual(['Try localhost:8080 now']);
  });

  it('does not join across block boundaries (cells, paragraphs, list items, br)', () => {
    expect(texts('<table><tr><td>port</td><td>22</td></tr></table>')).toEqual(['port', '22']);
    expect(texts('<div>port<p>22</p>tail</div>')).toEqual(['port', '22', 'tail']);
    expect(texts('<ul><li>a:1</li><li>b:2</li></ul>')).toEqual(['a:1', 'b:2']);
    expect(texts('<p>port<br>22</p>')).toEqual(['port', '22']);
  });

  it('skips scripts, form fields, contenteditable and editor roots but reads code and pre', () => {
    const html = `
      <script>var p = "port 1"</script><style>.a{}</style><noscript>port 2</noscript>
      <textarea>port 3</textarea><select><option>port 4</option></select>
      <div contenteditable="true"><p>port 5</p></div>
      <div class="cm-editor"><span>port 6</span></div><div class="ProseMirror">port 7</div>
      <div data-slate-editor="true">port 8</div>
      <pre><code>listen 80;</code></pre><p>port 9</p>`;
    expect(texts(html)).toEqual(['listen 80;', 'port 9']);
  });

  it('enters open shadow roots and reports them', () => {
    document.body.innerHTML = '<div id="host">light</div><p>after</p>';
    const host = document.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<span>db:</span><b>5432</b>';
    const seen: ShadowRoot[] = [];
    const out = [...walkTextBlocks(document.body, { onShadowRoot: (r) => seen.push(r) })].map((b) => b.text);
    expect(out).toEqual(['db:5432', 'light', 'after']);
    expect(seen).toEqual([root]);
  });

  it('reads newlines as spaces outside pre, keeps them inside pre, lengths unchanged', () => {
    const [prose, pre] = blocksOf('<p>port\n22</p><pre>a\nb</pre>');
    expect(prose!.text).toBe('port 22');
    expect(pre!.text).toBe('a\nb');
  });

  it('skips a caller-given element (Porthole host) and whitespace-only blocks', () => {
    expect(texts('<div id="me">port 1</div><div> \n </div><p>x</p>')).toEqual(['port 1', 'x']);
    document.body.innerHTML = '<div id="me">port 1</div><p>x</p>';
    expect([...walkTextBlocks(document.body, { skip: (el) => el.id === 'me' })].map((b) => b.text)).toEqual(['x']);
  });
});

describe('blockElement', () => {
  it('is the element holding the whole block, not the element of its first node', () => {
    const [para] = blocksOf('<p id="p"><a href="#p" style="display:none">#</a>port 8443</p>');
    expect((blockElement(para!) as HTMLElement).id).toBe('p');
    const [code] = blocksOf('<pre id="pre"><code id="c"><span>a</span>\n<span>b: 80</span></code></pre>');
    expect((blockElement(code!) as HTMLElement).id).toBe('c');
    const [one] = blocksOf('<div><b id="b">8080</b></div>');
    expect((blockElement(one!) as HTMLElement).id).toBe('b');
  });
});

describe('offset mapping', () => {
  it('maps block offsets to nodes, ends staying in the earlier node', () => {
    const [block] = blocksOf('<p><code>localhost</code>:<b>8080</b></p>');
    const [code, colon, port] = block!.nodes;
    expect(block!.starts).toEqual([0, 9, 10]);
    expect(locateOffset(block!, 10)).toEqual({ node: port, offset: 0 });
    expect(locateOffset(block!, 10, true)).toEqual({ node: colon, offset: 1 });
    expect(locateOffset(block!, 14, true)).toEqual({ node: port, offset: 4 });
    expect(locateOffset(block!, 0)).toEqual({ node: code, offset: 0 });
    expect(blockOffset(block!, port!, 2)).toBe(12);
    expect(blockOffset(block!, document.body, 0)).toBe(-1);
  });

  it('builds a DOM range that covers exactly the mention', () => {
    const [block] = blocksOf('<p>at <code>localhost</code>:<b>8080</b>.</p>');
    const start = block!.text.indexOf('localhost');
    const end = start + 'localhost:8080'.length;
    const a = locateOffset(block!, start);
    const b = locateOffset(block!, end, true);
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    expect(range.toString()).toBe('localhost:8080');
  });
});

describe('helpers', () => {
  it('knows skipped regions from any descendant', () => {
    document.body.innerHTML = '<div contenteditable><p><b id="x">1</b></p></div><p id="y">2</p>';
    expect(isInSkippedRegion(document.getElementById('x')!.firstChild!)).toBe(true);
    expect(isInSkippedRegion(document.getElementById('y')!.firstChild!)).toBe(false);
  });

  it('excerpts plain text around a span', () => {
    expect(excerpt('short text with port 22 in it', 16, 23, 5)).toBe('…with port 22 in i…');
    expect(excerpt('port  22', 0, 8)).toBe('port 22');
  });
});

describe('blockRootOf', () => {
  it('climbs out of inline elements to the block that holds them', async () => {
    const { blockRootOf } = await import('./text-blocks.ts');
    document.body.innerHTML = '<div id="d"><p id="p">at <code><b id="b">host</b></code>:1</p></div>';
    const b = document.getElementById('b')!;
    expect(blockRootOf(b.firstChild!)).toBe(document.getElementById('p'));
    expect(blockRootOf(document.getElementById('d')!)).toBe(document.getElementById('d'));
  });
});
