// The card as the scanner part uses it before the card part has loaded: it
// answers "no card" until then, and an open() loads the part and opens once
// it is there (unless closed meanwhile). The part is loaded early so the first
// card is as quick as the later ones: at idle once the frame has a mention
// (`preloadAtIdle`, which then also readies the first card: CardPartController
// .prepare), or on the first hover intent if that comes first (`preload`);
// both share one load.
import type { CardController, CardOptions, CardPartController, OpenRequest } from './card-types';
import { nextIdle } from './idle';
import { loadPart } from './parts';

export interface LazyCard extends CardController {
  /** Loads the card part now (a hover intent). */
  preload(): void;
  /** Loads the card part when the frame is next idle and readies the first card, unless `session` (the marking) has ended by then. */
  preloadAtIdle(session: AbortSignal): void;
}

export function createLazyCard(options: CardOptions): LazyCard {
  let real: CardPartController | null = null;
  let loading: Promise<CardPartController> | null = null;
  let waiting: OpenRequest | null = null;
  let idleAsked = false;

  const load = (): Promise<CardPartController> =>
    (loading ??= loadPart('card').then(
      (part) => (real = part.createCardController(options)),
      (err: unknown) => {
        loading = null;
        throw err;
      },
    ));

  return {
    open(request) {
      if (real) return real.open(request);
      waiting = request;
      load().then(
        (card) => {
          if (waiting !== request || options.signal.aborted) return;
          waiting = null;
          card.open(request);
        },
        () => {
          /* the card part could not load (extension updated): nothing to show */
        },
      );
    },
    close() {
      waiting = null;
      real?.close();
    },
    preload() {
      load().catch(() => {});
    },
    preloadAtIdle(session) {
      if (idleAsked || loading) return;
      idleAsked = true;
      void nextIdle().then(() => {
        // Switched off meanwhile: a later marking may ask again.
        if (session.aborted) idleAsked = false;
        else
          load()
            .then((card) => (session.aborted ? undefined : card.prepare()))
            .catch(() => {});
      });
    },
    get isOpen() {
      return real?.isOpen ?? false;
    },
    get origin() {
      return real?.origin ?? null;
    },
    get current() {
      return real?.current ?? null;
    },
    get host() {
      return real?.host ?? null;
    },
    isOwn: (node) => real?.isOwn(node) ?? false,
    contains: (event) => real?.contains(event) ?? false,
  };
}
