/**
 * A Porthole element hung on <html> (outside <body>, so frameworks that own
 * the body never meet it) with an open shadow root holding `css` and then
 * `children`: page styles cannot reach in, nor ours out.
 */
export function attachShadowHost(tag: string, css: string, ...children: HTMLElement[]): HTMLElement {
  const host = document.createElement(tag);
  const style = document.createElement('style');
  style.textContent = css;
  host.attachShadow({ mode: 'open' }).append(style, ...children);
  document.documentElement.append(host);
  return host;
}
