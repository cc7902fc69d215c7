/// <reference types="chrome" />
// Reading what Porthole marked in a page and pointing at it, for real-browser
// tests and benchmarks.
import type { Page } from 'playwright-core';

export interface Marked {
  text: string;
  /** id of the nearest element with one (through shadow roots). */
  id: string;
}

/** What Porthole underlined, read from the page's highlight registry (shared with the page). */
export function marked(page: Page, name = 'porthole-port'): Promise<Marked[] | null> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    if (!h) return null;
    return [...(h as unknown as Set<Range>)].map((r) => {
      let el: Element | null = r.startContainer.parentElement;
      while (el && !el.id) el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
      return { text: r.toString(), id: el?.id ?? '' };
    });
  }, name);
}

export async function waitForMarked(page: Page, text: string, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  while (!((await marked(page))?.some((m) => m.text === text) ?? false)) {
    if (Date.now() > until) throw new Error(`"${text}" was not underlined within ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}

/** Viewport centre of the first underlined range with this text (optionally inside element #id). */
export async function mentionPoint(page: Page, text: string, id?: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([t, within]) => {
      const h = CSS.highlights.get('porthole-port') ?? CSS.highlights.get('porthole-port-quiet');
      for (const r of (h ?? new Set()) as unknown as Set<Range>) {
        if (r.toString() !== t) continue;
        if (within && !(r.startContainer.parentElement?.closest(`#${within}`) ?? null)) continue;
        const box = r.getClientRects()[0]!;
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    },
    [text, id ?? ''] as const,
  );
  if (!point) throw new Error(`no underlined "${text}"`);
  return point;
}

/** Viewport centre of plain page text (for look-alikes, which have no highlight). */
export async function textPoint(page: Page, id: string, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([elId, t]) => {
      const el = document.getElementById(elId)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(t);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + t.length);
        const box = r.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      throw new Error(`no text ${t}`);
    },
    [id, text] as const,
  );
}

export async function hover(page: Page, point: { x: number; y: number }): Promise<void> {
  await page.mouse.move(point.x - 30, point.y - 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}
