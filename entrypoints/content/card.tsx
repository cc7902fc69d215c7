// Mounts the card: one host element (the only node Porthole adds to a page),
// an open shadow root isolating it from page CSS, Preact inside, placed with
// floating-ui so it stays in the viewport. Closes on Esc, scroll, a click
// elsewhere; the hover module closes it when the pointer leaves.
//
// The first card in a frame costs far more than the later ones: the UI
// language's messages, the locale data behind Intl's formatters, compiling
// the card's code, the card's first style and layout (fonts matched), and the
// first lookup. `prepare` pays all of that while the frame is idle, one small
// task at a time, by looking up the mentions on screen and laying out the
// first one's card once, hidden, and taking it away within the same task.
import { render } from 'preact';
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { PortCard, type CardChoice, type CardContent } from '@/components/PortCard';
import cardCss from '@/components/port-card.css?inline';
import { mentionExposure, placeOf } from '@/lib/exposure';
import { PublishReader } from '@/lib/publish-context';
import { applyLocale, errorText, formatDate, formatList, formatNumber, t } from '@/utils/i18n';
import { portApi } from '@/utils/port-api';
import { createCardReplies } from './card-replies';
import { HOST_TAG, type CardOptions, type CardPartController, type CardTarget, type OpenRequest } from './card-types';
import { nextIdle } from './idle';
import { attachShadowHost } from './shadow-host';
import { isDarkBackground } from './theme';

interface Shown {
  request: OpenRequest;
  chosen: number;
  history: CardTarget[];
  current: CardTarget | null;
  content: CardContent;
  openedAt: number;
  token: number;
}

/** A target with the exposure its mention's text gives, read here rather than in the scanner part. */
function withExposure({ context, ...target }: CardTarget): CardTarget {
  const exposure = context ? mentionExposure(new PublishReader(context.text), context.mention) : null;
  return exposure ? { ...target, exposure } : target;
}

/** How many of the mentions on screen are looked up ahead. */
const LOOKUP_AHEAD = 12;

export function createCardController(opts: CardOptions): CardPartController {
  let host: HTMLElement | null = null;
  let frame: HTMLDivElement | null = null;
  let shown: Shown | null = null;
  /** The hidden card laid out by `prepare`, until it is taken away or a real card opens. */
  let rehearsal: Shown | null = null;
  const replies = createCardReplies();
  let token = 0;
  let returnFocus: Element | null = null;

  function ensureHost(): HTMLDivElement {
    if (host && frame && host.isConnected) return frame;
    frame = document.createElement('div');
    frame.className = 'frame';
    // The page's own lang/dir must not leak in: the card speaks the UI language.
    applyLocale(frame);
    host = attachShadowHost(HOST_TAG, cardCss, frame);
    return frame;
  }

  function paint(autoFocus = false): void {
    if (!shown) return;
    draw(shown, autoFocus);
    void place(shown);
  }

  function draw(view: Shown, autoFocus: boolean): void {
    if (!frame) return;
    const s = opts.settings();
    const dark = isDarkBackground(view.request.themeFrom);
    frame.className = `frame size-${s.cardSize}${dark ? ' dark' : ''}`;
    const { request } = view;
    const choices: CardChoice[] | undefined = request.targets.length > 1 ? request.targets : undefined;
    render(
      <PortCard
        content={view.content}
        exposure={view.current?.exposure}
        impliedBy={view.current?.impliedBy}
        choices={choices}
        chosen={view.chosen}
        onChoose={(i) => {
          if (!shown) return;
          shown.chosen = i;
          shown.history = [];
          load(request.targets[i]!);
        }}
        onOpenPort={(port) => {
          if (!shown) return;
          if (shown.current) shown.history.push(shown.current);
          load({ port });
        }}
        onBack={
          view.history.length > 0
            ? () => {
                const prev = shown?.history.pop();
                if (prev) load(prev);
              }
            : undefined
        }
        onCopy={async (text) => {
          try {
            await navigator.clipboard.writeText(text);
            return true;
          } catch {
            return false;
          }
        }}
        onDetails={(port, endPort, protocol) => {
          // The details page repeats the exposure line when it opens from the mention itself.
          const exposure = shown?.current?.port === port ? shown.current.exposure : undefined;
          void portApi.openDetails({ port, endPort, protocol, ...(exposure ? { place: placeOf(exposure) } : {}) }).catch(() => {});
        }}
        onDisableSite={
          opts.disableSite
            ? () => {
                close();
                void opts.disableSite!();
              }
            : undefined
        }
        onSaveNote={async (port, text) => {
          await portApi.setNote({ port, text });
          if (shown?.current) load(shown.current, true);
        }}
        onClose={close}
        autoFocus={autoFocus}
      />,
      frame,
    );
  }

  async function place(view: Shown): Promise<void> {
    if (!frame) return;
    const card = frame;
    const anchor = view.request.anchor;
    const reference = { getBoundingClientRect: () => anchor.getBoundingClientRect(), getClientRects: () => Array.from(anchor.getClientRects()) };
    const pos = await computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight }) {
            card.style.setProperty('--max-h', `${Math.max(180, Math.min(520, Math.floor(availableHeight)))}px`);
          },
        }),
      ],
    });
    if (frame !== card || (shown ?? rehearsal) !== view) return;
    card.style.transform = `translate(${Math.round(pos.x)}px, ${Math.round(pos.y)}px)`;
  }

  function load(target: CardTarget, quiet = false): void {
    if (!shown) return;
    const my = ++token;
    shown.token = my;
    shown.current = target;
    if (!quiet) {
      // What was looked up before shows at once; the lookup below refreshes it.
      shown.content = replies.known(target) ?? { kind: 'loading', port: target.port, ...(target.endPort !== undefined ? { endPort: target.endPort } : {}) };
      paint();
    }
    const done = (content: CardContent) => {
      if (!shown || shown.token !== my) return;
      shown.content = content;
      paint();
    };
    replies.fetch(target).then(done, (err: unknown) =>
      done({ kind: 'error', port: target.port, message: t('card.lookupFailed', { error: errorText(err) }) }),
    );
  }

  function open(opened: OpenRequest): void {
    if (opts.signal.aborted) return;
    const request = { ...opened, targets: opened.targets.map(withExposure) };
    rehearsal = null;
    ensureHost().style.removeProperty('visibility');
    const focusCard = request.origin === 'keyboard' || request.origin === 'menu';
    if (focusCard && !shown) returnFocus = document.activeElement;
    shown = { request, chosen: 0, history: [], current: null, content: { kind: 'none', text: request.text ?? '' }, openedAt: performance.now(), token: 0 };
    paint(focusCard);
    const first = request.targets[0];
    if (first) load(first);
  }

  function removeHost(): void {
    if (frame) render(null, frame);
    host?.remove();
    host = null;
    frame = null;
  }

  function close(): void {
    if (!shown) {
      if (rehearsal) {
        rehearsal = null;
        removeHost();
      }
      return;
    }
    shown = null;
    token++;
    const hadFocus = host !== null && document.activeElement === host;
    removeHost();
    if (hadFocus && returnFocus instanceof HTMLElement) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  }

  async function prepare(): Promise<void> {
    // Each step in its own idle task; a card opened meanwhile has paid for the rest.
    const opened = () => opts.signal.aborted || shown !== null;
    await nextIdle();
    if (opened()) return;
    // The browser hands a frame the UI language's messages on its first ask.
    t('locale');
    await nextIdle();
    if (opened()) return;
    // The locale data behind the card's numbers, lists and dates.
    formatNumber(0);
    formatList(['a', 'b'], 'unit');
    formatDate('2000-01-01');
    await nextIdle();
    if (opened()) return;
    // The background woken (its database opened) by the mentions on screen, looked up ahead.
    const onScreen = opts.onScreen?.() ?? [];
    const targets = onScreen.flatMap((r) => r.targets).slice(0, LOOKUP_AHEAD);
    for (const target of targets) {
      if (opened()) return;
      if (!replies.known(target)) await replies.fetch(target).catch(() => undefined);
    }
    const first = onScreen[0];
    const content = first?.targets[0] && replies.known(first.targets[0]);
    if (!first || !content) return;
    await nextIdle();
    if (opened()) return;
    // The first card drawn and laid out once, hidden, and taken away again,
    // all in this one task: the page never renders it.
    const request = { ...first, targets: first.targets.map(withExposure) };
    const view: Shown = { request, chosen: 0, history: [], current: request.targets[0] ?? null, content, openedAt: 0, token: 0 };
    rehearsal = view;
    ensureHost().style.visibility = 'hidden';
    draw(view, false);
    // Floating UI's measuring is synchronous: this resolves within the task.
    await place(view);
    if (rehearsal !== view) return;
    rehearsal = null;
    if (!shown) removeHost();
  }

  const isOwn = (node: Node): boolean => host !== null && (node === host || host.contains(node) || node.getRootNode() === host.shadowRoot);
  const contains = (event: Event): boolean => host !== null && event.composedPath().includes(host);

  // Esc, scroll, a click elsewhere, a resize: the card goes.
  const listen = { capture: true, passive: true, signal: opts.signal } as const;
  window.addEventListener(
    'keydown',
    (e) => {
      if (shown && e.key === 'Escape') close();
    },
    listen,
  );
  window.addEventListener(
    'scroll',
    (e) => {
      if (!shown || contains(e)) return;
      // Scrolling that the card itself caused (reveal) gets a moment to finish.
      if (performance.now() - shown.openedAt < 250) return;
      close();
    },
    listen,
  );
  window.addEventListener(
    'pointerdown',
    (e) => {
      if (shown && !contains(e)) close();
    },
    listen,
  );
  window.addEventListener('resize', () => close(), listen);
  opts.signal.addEventListener('abort', () => close(), { once: true });

  return {
    open,
    close,
    prepare,
    get isOpen() {
      return shown !== null;
    },
    get origin() {
      return shown?.request.origin ?? null;
    },
    get current() {
      return shown?.current ?? null;
    },
    get host() {
      return host;
    },
    isOwn,
    contains,
  };
}
