// Keeps up with pages that change. The observer callback only queues records;
// they are handled in a later task, a batch at a time. A storm (more than
// STORM records in one batch: a framework re-rendering everything) turns into
// one full rescan once the page settles. Porthole's own host is never read.
import { blockRootOf, type WalkOptions } from '@/lib/text-blocks';
import { isScannable, type PageTextScanner } from './scanner';

export const STORM = 1000;
const BATCH_DELAY_MS = 60;
const STORM_QUIET_MS = 400;
const STORM_MAX_WAIT_MS = 3000;

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export interface MutationWatch {
  observe(root: Node): void;
  disconnect(): void;
}

export function watchMutations(opts: {
  scanner: PageTextScanner;
  walk: WalkOptions;
  /** Porthole's own UI host: its changes are ignored. */
  isOwn: (node: Node) => boolean;
  skip: (el: Element) => boolean;
  /** Called for a full rescan after a storm. */
  rescanAll: () => void;
  signal: AbortSignal;
}): MutationWatch {
  const { scanner, isOwn, signal } = opts;
  let queue: MutationRecord[] = [];
  let queued = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let storm = false;
  let stormStart = 0;

  const observer = new MutationObserver((records) => {
    // Only queue here; the work happens outside the callback.
    if (storm) {
      queued += records.length;
    } else {
      for (const r of records) queue.push(r);
      queued += records.length;
      if (queued > STORM) {
        storm = true;
        stormStart = performance.now();
        queue = [];
      }
    }
    schedule();
  });

  function schedule(): void {
    if (signal.aborted) return;
    if (storm) {
      // Wait for the page to settle, but not forever.
      clearTimeout(timer);
      const waited = performance.now() - stormStart;
      timer = setTimeout(flush, waited > STORM_MAX_WAIT_MS ? 0 : STORM_QUIET_MS);
      return;
    }
    timer ??= setTimeout(flush, BATCH_DELAY_MS);
  }

  function flush(): void {
    timer = undefined;
    if (signal.aborted) return;
    const records = queue;
    const wasStorm = storm;
    queue = [];
    queued = 0;
    storm = false;
    if (wasStorm) {
      opts.rescanAll();
      return;
    }
    handle(records);
  }

  function handle(records: MutationRecord[]): void {
    const roots = new Set<Node>();
    let removed = false;
    for (const r of records) {
      if (isOwn(r.target)) continue;
      if (r.type === 'characterData') {
        roots.add(blockRootOf(r.target, opts.walk));
        continue;
      }
      for (const n of r.removedNodes) {
        if (isOwn(n)) continue;
        removed = true;
        // Inline content left a block: the block's joined text changed.
        if (n.nodeType === 3 || blockRootOf(n, opts.walk) !== n) roots.add(blockRootOf(r.target, opts.walk));
      }
      for (const n of r.addedNodes) {
        if (isOwn(n)) continue;
        if (n.nodeType === 1 && blockRootOf(n, opts.walk) === n) roots.add(n);
        else if (n.nodeType === 1 || n.nodeType === 3) roots.add(blockRootOf(r.target, opts.walk));
      }
    }
    if (removed) scanner.forgetDetached();
    for (const root of outermost(roots)) {
      if (!root.isConnected) continue;
      if (root.nodeType === 1 && !isScannable(root, opts.skip)) continue;
      scanner.scan(root);
    }
  }

  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  }, { once: true });

  return {
    observe(root) {
      if (!signal.aborted) observer.observe(root, OBSERVE);
    },
    disconnect() {
      observer.disconnect();
      clearTimeout(timer);
      timer = undefined;
      queue = [];
      queued = 0;
      storm = false;
    },
  };
}

/** Drops roots that lie inside another root of the set. */
function outermost(roots: Set<Node>): Node[] {
  const list = [...roots];
  if (list.length > 500) {
    // Many scattered changes: checking each pair costs more than it saves.
    return list;
  }
  return list.filter((n) => !list.some((other) => other !== n && other.contains(n)));
}
