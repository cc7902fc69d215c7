// The card as the scanner part uses it before the card part has loaded: it
// answers "no card" until then, and an open() loads the part and opens once
// it is there (unless closed meanwhile). `preload` starts the load early, on
// the first hover intent, so the first card is as quick as the later ones.
import type { CardController, CardOptions, OpenRequest } from './card-types';
import { loadPart } from './parts';

export interface LazyCard extends CardController {
  preload(): void;
}

export function createLazyCard(options: CardOptions): LazyCard {
  let real: CardController | null = null;
  let loading: Promise<CardController> | null = null;
  let waiting: OpenRequest | null = null;

  const load = (): Promise<CardController> =>
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
