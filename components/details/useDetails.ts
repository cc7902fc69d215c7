// Loads what the details view shows, through the requests the caller supplies
// (the popup and the details page pass Porthole's client; tests pass fakes).
import { useEffect, useState } from 'preact/hooks';
import { nameOf } from '@/lib/format';
import type { PortApi } from '@/lib/messages';
import type { Protocol } from '@/lib/types';
import { errorText } from '@/utils/i18n';
import type { DetailsContent } from './PortDetails';

export interface DetailsTarget {
  port: number;
  endPort?: number;
  protocol?: Protocol;
}

export type DetailsSource = Pick<PortApi, 'lookup' | 'lookupRange'>;

export function useDetails(source: DetailsSource, target: DetailsTarget | null): { content: DetailsContent | null; portNames: Record<number, string> } {
  const [content, setContent] = useState<DetailsContent | null>(null);
  const [portNames, setPortNames] = useState<Record<number, string>>({});
  const key = target ? `${target.port}-${target.endPort ?? ''}-${target.protocol ?? ''}` : '';

  useEffect(() => {
    if (!target) {
      setContent(null);
      return;
    }
    let live = true;
    setContent({ kind: 'loading', port: target.port, endPort: target.endPort });
    setPortNames({});
    const { port, endPort, protocol } = target;
    const load = async () => {
      if (endPort !== undefined && endPort > port) {
        const summary = await source.lookupRange({ port, endPort });
        if (live) setContent({ kind: 'range', summary, ...(protocol ? { protocol } : {}) });
        return;
      }
      const info = await source.lookup({ port, protocol });
      if (!live) return;
      setContent({ kind: 'port', info, ...(protocol ? { protocol } : {}) });
      const related = [...new Set(info.records.flatMap((r) => (r.source === 'iana' ? [] : (r.related ?? []))))].slice(0, 24);
      const names = await Promise.all(related.map(async (p) => [p, nameOf(await source.lookup({ port: p }))] as const));
      if (live) setPortNames(Object.fromEntries(names.filter((n): n is readonly [number, string] => n[1] !== undefined)));
    };
    load().catch((err: unknown) => {
      if (live) setContent({ kind: 'error', message: errorText(err) });
    });
    return () => {
      live = false;
    };
  }, [key]);

  return { content, portNames };
}
