// Mounts the card: one host element (the only node Porthole adds to a page),
// an open shadow root isolating it from page CSS, Preact inside, placed with
// floating-ui so it stays in the viewport. Closes on Esc, scroll, a click
// elsewhere; the hover module closes it when the pointer leaves.
import { render } from 'preact';
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { PortCard, type CardChoice, type CardContent } from '@/components/PortCard';
import cardCss from '@/components/port-card.css?inline';
import { mentionExposure, placeOf } from '@/lib/exposure';
import { PublishReader } from '@/lib/publish-context';
import { applyLocale, errorText, t } from '@/utils/i18n';
import { portApi } from '@/utils/port-api';
import { HOST_TAG, type CardController, type CardOptions, type CardTarget, type OpenRequest } from './card-types';
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

export function createCardController(opts: CardOptions): CardController {
  let host: HTMLElement | null = null;
  let frame: HTMLDivElement | null = null;
  let shown: Shown | null = null;
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
    if (!shown || !frame) return;
    const s = opts.settings();
    const dark = isDarkBackground(shown.request.themeFrom);
    frame.className = `frame size-${s.cardSize}${dark ? ' dark' : ''}`;
    const { request } = shown;
    const choices: CardChoice[] | undefined = request.targets.length > 1 ? request.targets : undefined;
    render(
      <PortCard
        content={shown.content}
        exposure={shown.current?.exposure}
        impliedBy={shown.current?.impliedBy}
        choices={choices}
        chosen={shown.chosen}
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
          shown.history.length > 0
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
    void place();
  }

  async function place(): Promise<void> {
    if (!shown || !frame) return;
    const card = frame;
    const anchor = shown.request.anchor;
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
    if (frame !== card) return;
    card.style.transform = `translate(${Math.round(pos.x)}px, ${Math.round(pos.y)}px)`;
  }

  function load(target: CardTarget, quiet = false): void {
    if (!shown) return;
    const my = ++token;
    shown.token = my;
    shown.current = target;
    if (!quiet) {
      shown.content = { kind: 'loading', port: target.port, ...(target.endPort !== undefined ? { endPort: target.endPort } : {}) };
      paint();
    }
    const done = (content: CardContent) => {
      if (!shown || shown.token !== my) return;
      shown.content = content;
      paint();
    };
    const reply =
      target.endPort !== undefined && target.endPort !== target.port
        ? portApi.lookupRange({ port: target.port, endPort: target.endPort }).then((summary): CardContent => ({ kind: 'range', summary }))
        : portApi.lookup({ port: target.port, protocol: target.protocol }).then(
            (info): CardContent => ({ kind: 'port', info, ...(target.protocol ? { protocol: target.protocol } : {}) }),
          );
    reply.then(done, (err: unknown) =>
      done({ kind: 'error', port: target.port, message: t('card.lookupFailed', { error: errorText(err) }) }),
    );
  }

  function open(opened: OpenRequest): void {
    if (opts.signal.aborted) return;
    const request = { ...opened, targets: opened.targets.map(withExposure) };
    ensureHost();
    const focusCard = request.origin === 'keyboard' || request.origin === 'menu';
    if (focusCard && !shown) returnFocus = document.activeElement;
    shown = { request, chosen: 0, history: [], current: null, content: { kind: 'none', text: request.text ?? '' }, openedAt: performance.now(), token: 0 };
    paint(focusCard);
    const first = request.targets[0];
    if (first) load(first);
  }

  function close(): void {
    if (!shown) return;
    shown = null;
    token++;
    const hadFocus = host !== null && document.activeElement === host;
    if (frame) render(null, frame);
    host?.remove();
    host = null;
    frame = null;
    if (hadFocus && returnFocus instanceof HTMLElement) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
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
