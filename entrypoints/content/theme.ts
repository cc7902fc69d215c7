// Light or dark: the page's own background near the anchor decides; where the
// page paints none, its color-scheme and the reader's preference do.
function parseColor(value: string): [number, number, number, number] | null {
  const m = /rgba?\(([^)]+)\)/.exec(value);
  if (!m) return null;
  const parts = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
  const [r = 0, g = 0, b = 0, a = 1] = parts;
  return [r, g, b, a];
}

function luminance(r: number, g: number, b: number): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function isDarkBackground(start: Element | null): boolean {
  for (let el: Element | null = start; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)) {
    const c = parseColor(getComputedStyle(el).backgroundColor);
    if (c && c[3] >= 0.5) return luminance(c[0], c[1], c[2]) < 0.18;
  }
  const scheme = getComputedStyle(document.documentElement).colorScheme;
  const prefersDark = matchMedia('(prefers-color-scheme: dark)').matches;
  if (scheme.includes('dark') && (prefersDark || !scheme.includes('light'))) return true;
  return false;
}
