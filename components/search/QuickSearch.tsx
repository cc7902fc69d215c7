// The popup's quick search: one input, results on every keystroke (lightly
// debounced, stale replies dropped), WAI-ARIA combobox with a listbox.
// Arrows move, Enter opens, Esc clears. A pure view over a `search` callback.
import type { ComponentChildren, TargetedKeyboardEvent } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { portLabel, protocolsLabel } from '@/lib/format';
import type { SearchAnswer } from '@/lib/repository';
import type { QueryProblem } from '@/lib/query';
import type { SearchHit } from '@/lib/search';
import { errorText, formatNumber, ltr, t } from '@/utils/i18n';
import { hitWords } from '../labels';

export const DEFAULT_EXAMPLES = ['139', '135-139', '53/udp', 'postgres', 'kafka', 'netbios'];
export const SEARCH_DEBOUNCE_MS = 40;

export interface QuickSearchProps {
  search: (query: string) => Promise<SearchAnswer>;
  onOpen: (hit: SearchHit, query: string) => void;
  examples?: string[];
  initialQuery?: string;
  onQueryChange?: (query: string) => void;
  /** Shown under the examples while the input is empty (the popup's "On this page"). */
  idle?: ComponentChildren;
}

type State =
  | { kind: 'idle' }
  | { kind: 'loading'; previous?: SearchAnswer }
  | { kind: 'answer'; answer: SearchAnswer; for: string }
  | { kind: 'error'; message: string };

function matchLabel(hit: SearchHit): string | null {
  if (hit.quality === 1) return t('search.match.similar');
  switch (hit.matched) {
    case 'port':
      return null;
    case 'use':
      return t('search.match.use');
    case 'name':
      return t('search.match.name');
    case 'description':
      return hit.source === 'iana' ? t('search.match.ianaDescription') : t('search.match.description');
  }
}

/** A range query gets a first option for the range as a whole. */
function withRangeOverview(answer: SearchAnswer | undefined): SearchHit[] {
  if (!answer) return [];
  const q = answer.query;
  if (q.kind !== 'range') return answer.hits;
  const named = answer.hits.filter((h) => h.port >= q.port && h.endPort <= q.endPort).length;
  return [
    {
      port: q.port,
      endPort: q.endPort,
      protocols: q.protocol ? [q.protocol] : [],
      title: t('search.rangeAll', { range: ltr(portLabel(q.port, q.endPort)) }),
      detail: t('search.rangeOverview', named, { count: formatNumber(named) }),
      source: 'iana',
      matched: 'port',
      score: 1,
    },
    ...answer.hits,
  ];
}

export function QuickSearch({ search, onOpen, examples = DEFAULT_EXAMPLES, initialQuery = '', onQueryChange, idle }: QuickSearchProps) {
  const [query, setQuery] = useState(initialQuery);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  const listId = useId();
  const inputId = useId();

  useEffect(() => {
    input.current?.focus();
    // Warms the background's text index while the user starts typing.
    search('').catch(() => {});
  }, []);

  useEffect(() => {
    onQueryChange?.(query);
    const mine = ++seq.current;
    if (query.trim() === '') {
      setState({ kind: 'idle' });
      return;
    }
    setState((s) => ({ kind: 'loading', previous: s.kind === 'answer' ? s.answer : s.kind === 'loading' ? s.previous : undefined }));
    const timer = setTimeout(() => {
      search(query).then(
        (answer) => {
          if (mine !== seq.current) return; // a newer keystroke already asked
          setState({ kind: 'answer', answer, for: query });
          setActive(0);
        },
        (err: unknown) => {
          if (mine !== seq.current) return;
          setState({ kind: 'error', message: errorText(err) });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const answer = state.kind === 'answer' ? state.answer : state.kind === 'loading' ? state.previous : undefined;
  const hits = withRangeOverview(answer);
  const optionId = (i: number) => `${listId}-opt-${i}`;
  const expanded = query.trim() !== '' && hits.length > 0;

  useEffect(() => {
    if (!expanded) return;
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active, expanded]);

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && hits.length > 0) {
      e.preventDefault();
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length > 0) {
      e.preventDefault();
      setActive((a) => (a - 1 + hits.length) % hits.length);
    } else if (e.key === 'Home' && hits.length > 0 && e.ctrlKey) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === 'End' && hits.length > 0 && e.ctrlKey) {
      e.preventDefault();
      setActive(hits.length - 1);
    } else if (e.key === 'Enter') {
      const hit = hits[active];
      if (hit && state.kind !== 'loading') {
        e.preventDefault();
        onOpen(hit, query);
      } else if (state.kind === 'loading') {
        // Enter before the reply: open the first hit as soon as it arrives.
        e.preventDefault();
        void search(query).then((a) => {
          const first = withRangeOverview(a)[0];
          if (first) onOpen(first, query);
        });
      }
    } else if (e.key === 'Escape' && query !== '') {
      // Clear first; a second Esc (empty input) closes the popup as usual.
      e.preventDefault();
      e.stopPropagation();
      setQuery('');
    }
  };

  return (
    <div class="quick-search">
      <div class="search-field">
        <label for={inputId} class="visually-hidden">
          {t('search.label')}
        </label>
        <svg class="search-icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M11.5 7a4.5 4.5 0 1 1-9 0 4.5 4.5 0 0 1 9 0Zm-.82 4.74a6 6 0 1 1 1.06-1.06l3.04 3.04a.75.75 0 1 1-1.06 1.06l-3.04-3.04Z" />
        </svg>
        <input
          ref={input}
          id={inputId}
          type="search"
          role="combobox"
          list={undefined}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded ? optionId(active) : undefined}
          autoComplete="off"
          spellcheck={false}
          placeholder={t('search.placeholder')}
          value={query}
          maxLength={200}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </div>

      <p class="visually-hidden" role="status" aria-live="polite">
        {state.kind === 'answer' && query.trim() !== '' ? t('search.results', hits.length, { count: formatNumber(hits.length) }) : ''}
      </p>

      {query.trim() === '' && (
        <div class="idle">
          <div class="examples">
            <span class="muted">{t('search.try')}</span>
            {examples.map((ex) => (
              <button
                type="button"
                class="example"
                key={ex}
                onClick={() => {
                  setQuery(ex);
                  input.current?.focus();
                }}
              >
                {ex}
              </button>
            ))}
          </div>
          {idle}
        </div>
      )}

      <ul
        id={listId}
        role="listbox"
        aria-label={t('search.listLabel')}
        class={`results${state.kind === 'loading' ? ' stale' : ''}`}
        data-answered={state.kind === 'answer' ? state.for : undefined}
        hidden={!expanded}
      >
        {hits.map((hit, i) => (
          <li
            key={`${hit.port}-${hit.endPort}-${hit.source}-${i}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            class={`result${i === active ? ' active' : ''}`}
            onMouseMove={() => setActive(i)}
            onClick={() => onOpen(hit, query)}
          >
            <span dir="ltr" class={`result-port${hit.endPort !== hit.port ? ' range' : ''}`}>{portLabel(hit.port, hit.endPort)}</span>
            <HitText hit={hit} lang={hit.source === 'user' || hit.unregistered || (i === 0 && answer?.query.kind === 'range') ? undefined : 'en'} />
            <span class="result-meta">
              {hit.protocols.length > 0 && <span class="proto" dir="ltr">{protocolsLabel(hit.protocols)}</span>}
              {matchLabel(hit) && <span class={`tag tag-${hit.quality === 1 ? 'similar' : hit.matched}`}>{matchLabel(hit)}</span>}
            </span>
          </li>
        ))}
      </ul>

      {state.kind === 'answer' && query.trim() !== '' && hits.length === 0 && <NoResults answer={state.answer} onTry={setQuery} />}
      {state.kind === 'error' && (
        <p class="error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}

function HitText({ hit, lang }: { hit: SearchHit; lang: 'en' | undefined }) {
  const { title, detail } = hitWords(hit);
  return (
    <span class="result-text" lang={lang}>
      <span class="result-title">{title}</span>
      {detail && detail !== title && <span class="result-detail">{detail}</span>}
    </span>
  );
}

function NoResults({ answer, onTry }: { answer: SearchAnswer; onTry: (q: string) => void }) {
  const q = answer.query;
  if (q.kind === 'invalid') {
    const suggestion = q.problem.code === 'reversed' ? q.problem.suggestion : undefined;
    return (
      <div class="empty" role="alert">
        <p class="empty-title">{t('search.notAPortTitle', { text: ltr(q.text) })}</p>
        <p>{problemText(q.problem)}</p>
        {suggestion && (
          <button type="button" class="example" onClick={() => onTry(suggestion)}>
            {suggestion}
          </button>
        )}
      </div>
    );
  }
  const text = q.kind === 'text' ? q.text : '';
  const words = text.split(' ').filter(Boolean);
  return (
    <div class="empty" role="alert">
      <p class="empty-title">{t('search.noMatch', { text: ltr(text) })}</p>
      <p>
        {words.length > 1
          ? t('search.tryOneWord')
          : t('search.trySpelling')}
      </p>
      {words.length > 1 && (
        <button type="button" class="example" onClick={() => onTry(words[0]!)}>
          {words[0]}
        </button>
      )}
    </div>
  );
}

function problemText(problem: QueryProblem): string {
  switch (problem.code) {
    case 'outOfRange':
      return t('search.problem.outOfRange');
    case 'reversed':
      return t('search.problem.reversed', { suggestion: ltr(problem.suggestion) });
    case 'notAPort':
      return t('search.problem.notAPort', { port: ltr(problem.port) });
  }
}
