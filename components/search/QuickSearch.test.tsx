// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { parseQuery } from '@/lib/query';
import type { SearchAnswer } from '@/lib/repository';
import type { SearchHit } from '@/lib/search';
import { QuickSearch } from './QuickSearch';

afterEach(cleanup);

const hit = (port: number, title: string): SearchHit => ({ port, endPort: port, protocols: ['tcp'], title, detail: `${title} detail`, source: 'curated', matched: 'use', score: 1 });
const answer = (query: string, hits: SearchHit[]): SearchAnswer => ({ query: parseQuery(query), hits });

describe('QuickSearch', () => {
  it('drops a slow reply to an older keystroke', async () => {
    let releaseSlow: (a: SearchAnswer) => void = () => {};
    const search = vi.fn((q: string) =>
      q === 'po' ? new Promise<SearchAnswer>((r) => (releaseSlow = r)) : Promise.resolve(answer(q, [hit(5432, 'PostgreSQL')])),
    );
    render(<QuickSearch search={search} onOpen={() => {}} />);
    const input = screen.getByRole('combobox');
    fireEvent.input(input, { target: { value: 'po' } });
    await waitFor(() => expect(search).toHaveBeenCalledWith('po'));
    fireEvent.input(input, { target: { value: 'postgres' } });
    await screen.findByText('PostgreSQL');
    releaseSlow(answer('po', [hit(110, 'POP3')]));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('POP3')).toBeNull();
    expect(screen.getByText('PostgreSQL')).toBeTruthy();
  });

  it('moves with arrows, opens with Enter, clears with Escape', async () => {
    const onOpen = vi.fn();
    render(<QuickSearch search={async (q) => answer(q, [hit(137, 'NBNS'), hit(139, 'NetBIOS session')])} onOpen={onOpen} />);
    const input = screen.getByRole('combobox') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    fireEvent.input(input, { target: { value: 'netbios' } });
    await screen.findByText('NetBIOS session');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ port: 139 }), 'netbios');
    fireEvent.keyDown(input, { key: 'Escape' });
    await waitFor(() => expect(input.value).toBe(''));
    expect(screen.getByText('Try')).toBeTruthy();
  });

  it('explains an invalid query and offers the fix', async () => {
    render(<QuickSearch search={async (q) => answer(q, [])} onOpen={() => {}} />);
    fireEvent.input(screen.getByRole('combobox'), { target: { value: '139-135' } });
    await screen.findByText(/is not a port or range/);
    fireEvent.click(screen.getByRole('button', { name: '135-139' }));
    await waitFor(() => expect((screen.getByRole('combobox') as HTMLInputElement).value).toBe('135-139'));
  });

  it('words the hit of a port no record names in the UI language, not marked as English', async () => {
    const none: SearchHit = { port: 40001, endPort: 40001, protocols: [], title: '', detail: '', unregistered: true, source: 'iana', matched: 'port', score: 0 };
    render(<QuickSearch search={async (q) => answer(q, [none])} onOpen={() => {}} />);
    fireEvent.input(screen.getByRole('combobox'), { target: { value: '40001' } });
    const title = await screen.findByText('No registered service');
    expect(title.closest('.result-text')!.getAttribute('lang')).toBeNull();
    expect(screen.getByText('Registered port (1024–49151)')).toBeTruthy();
  });

  it('renders database text as text', async () => {
    render(<QuickSearch search={async (q) => answer(q, [hit(1, '<img src=x onerror=alert(1)>')])} onOpen={() => {}} />);
    fireEvent.input(screen.getByRole('combobox'), { target: { value: 'x' } });
    await screen.findByText('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});
