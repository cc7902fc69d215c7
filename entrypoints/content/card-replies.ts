// The card's lookups, with the last replies kept: a card opens with what is
// known at once and refreshes when the background answers again, and the
// mentions on screen can be looked up at idle, before anyone hovers them.
import type { CardContent } from '@/components/PortCard';
import { portApi } from '@/utils/port-api';
import type { CardTarget } from './card-types';

/** Replies kept (the mentions on one or two screens); the oldest goes first. */
const KEEP = 48;

export interface CardReplies {
  /** The last reply for the target, if there was one. */
  known(target: CardTarget): CardContent | undefined;
  /** Asks the background; a reply is kept, a failure rejects. */
  fetch(target: CardTarget): Promise<CardContent>;
}

const keyOf = (t: CardTarget): string => `${t.port}-${t.endPort ?? ''}/${t.protocol ?? ''}`;
const isRange = (t: CardTarget): t is CardTarget & { endPort: number } => t.endPort !== undefined && t.endPort !== t.port;

export function createCardReplies(): CardReplies {
  const kept = new Map<string, CardContent>();
  return {
    known: (target) => kept.get(keyOf(target)),
    async fetch(target) {
      const content: CardContent = isRange(target)
        ? { kind: 'range', summary: await portApi.lookupRange({ port: target.port, endPort: target.endPort }) }
        : { kind: 'port', info: await portApi.lookup({ port: target.port, protocol: target.protocol }), ...(target.protocol ? { protocol: target.protocol } : {}) };
      const key = keyOf(target);
      kept.delete(key);
      kept.set(key, content);
      if (kept.size > KEEP) kept.delete(kept.keys().next().value!);
      return content;
    },
  };
}
