// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blockElement, blockOffset, blockRootOf, excerpt, isInSkippedRegion, locateOffset, walkTextBlocks, type TextBlock } from './text-blocks.ts';

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

describe('line numbers and code tables', () => {
  const chroma = (lines: string[]) =>
    `<pre><code>${lines.map((l, i) => `<span class="line"><span class="ln">${i + 1}</span><span class="cl">${l}\n</span></span>`).join('')}</code></pre>`;

  it('leaves inline line numbers out of the code (known gutter classes)', () => {
    expect(blocksOf(chroma(['ports:', '  - "8080:80"'])).map((b) => b.text)).toEqual(['ports:\n  - "8080:80"\n']);
    expect(texts('<pre><code><span class="linenos">12</span>127.0.0.1:5000</code></pre>')).toEqual(['127.0.0.1:5000']);
    // A table gutter (Rouge): the cell with a column of numbers is not read.
    expect(texts('<table><tr><td class="gutter gl"><pre class="lineno">1\n2</pre></td><td><pre>a: 1\nb: 2</pre></td></tr></table>')).toEqual(['a: 1\nb: 2']);
  });

  it('leaves non-selectable digits out inside code only, asking only about digit-only elements that start a line', () => {
    const asked: string[] = [];
    const isUnselectable = (el: Element) => {
      asked.push(el.textContent ?? '');
      return el.classList.contains('num');
    };
    document.body.innerHTML =
      '<pre><span class="num">12</span><span class="k">curl</span> 127.0.0.1:<span class="m">5000</span>\n<span class="m">8080</span> 8443\n</pre><p><span class="num">7</span> apples</p>';
    expect([...walkTextBlocks(document.body, { isUnselectable })].map((b) => b.text)).toEqual(['curl 127.0.0.1:5000\n8080 8443\n', '7 apples']);
    expect(asked).toEqual(['12', '8080']);
  });

  it('reads code laid out one table row per line as one block, gutter cells left out', () => {
    // Line 3's number cell has no gutter class: it is read alone and does not split the lines.
    const rows = ['services:', '  cache:', '    ports:', "      - '6379:6379'"]
      .map((l, i) => `<tr><td${i === 2 ? '' : ' class="blob-num"'}>${i + 1}</td><td class="blob-code"><span>${l}</span></td></tr>`)
      .join('');
    document.body.innerHTML = `<p>before</p><table>${rows}</table><p>after</p>`;
    const isPreformatted = (el: Element) => el.closest('.blob-code') !== null;
    const blocks = [...walkTextBlocks(document.body, { isPreformatted })];
    expect(blocks.map((b) => b.text)).toEqual(['before', '3', "services:\n  cache:\n    ports:\n      - '6379:6379'", 'after']);
    const lines = blocks[2]!;
    const at = lines.text.indexOf('6379');
    const p = locateOffset(lines, at);
    expect(p.node.data.slice(p.offset, p.offset + 4)).toBe('6379');
    expect(blockOffset(lines, p.node, p.offset)).toBe(at);
    // A change inside one line re-reads the whole table.
    const cell = document.querySelectorAll('.blob-code')[2]!;
    expect(blockRootOf(cell.firstChild!.firstChild!, { isPreformatted })).toBe(document.querySelector('table'));
  });

  it('joins only the cell below: two code columns side by side stay apart', () => {
    const isPreformatted = (el: Element) => el.closest('.code') !== null;
    document.body.innerHTML =
      '<table><tr><td class="code">a: 1</td><td class="code">x: 9</td></tr><tr><td class="code">b: 2</td><td class="code">y: 8</td></tr></table>';
    expect([...walkTextBlocks(document.body, { isPreformatted })].map((b) => b.text)).toEqual(['a: 1', 'x: 9', 'b: 2', 'y: 8']);
    document.body.innerHTML = '<table><tr><td class="code">a: 1</td></tr><tr><td>prose</td></tr><tr><td class="code">b: 2</td></tr></table>';
    expect([...walkTextBlocks(document.body, { isPreformatted })].map((b) => b.text)).toEqual(['a: 1', 'prose', 'b: 2']);
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
