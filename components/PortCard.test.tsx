// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { PortCard, cardPlainText, type CardContent } from './PortCard';
import { exposureOf } from '@/lib/exposure';
import type { PortInfo } from '@/lib/types';

const handlers = {
  onOpenPort: vi.fn(),
  onCopy: vi.fn(async () => true),
  onDetails: vi.fn(),
  onSaveNote: vi.fn(async () => {}),
  onClose: vi.fn(),
};

const info: PortInfo = {
  port: 445,
  rangeClass: 'well-known',
  records: [
    {
      id: 'curated:445',
      source: 'curated',
      port: 445,
      endPort: 445,
      protocols: ['tcp'],
      title: 'SMB',
      summary: 'Windows file sharing.',
      uses: [{ name: 'Samba' }, { name: 'Windows file sharing', primary: true }],
      security: { risk: 'critical', advice: 'Never expose it.' },
      related: [139],
    },
    { id: 'iana:445', source: 'iana', port: 445, endPort: 445, protocols: ['tcp', 'udp'], serviceName: 'microsoft-ds', description: 'Microsoft-DS', asOf: '2026-09-17' },
  ],
};

describe('PortCard', () => {
  it('is a named dialog with uses (primary first), IANA line, risk, sources and related ports', () => {
    render(<PortCard content={{ kind: 'port', info }} {...handlers} />);
    const dialog = screen.getByRole('dialog', { name: /Port 445/ });
    const text = dialog.textContent!;
    expect(text.indexOf('Windows file sharing')).toBeLessThan(text.indexOf('Samba'));
    expect(text).toContain('microsoft-ds — Microsoft-DS');
    expect(text).toContain('Critical risk');
    expect(text).toContain('Porthole notes');
    expect(text).toContain('IANA registry, as of Sep 17, 2026');
    fireEvent.click(screen.getByRole('button', { name: '139' }));
    expect(handlers.onOpenPort).toHaveBeenCalledWith(139);
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    expect(handlers.onDetails).toHaveBeenCalledWith(445, undefined, undefined);
  });

  it('marks a note and a definition of yours that sync brought from another device, and nothing else', () => {
    const yours = {
      id: 'user:8443',
      source: 'user' as const,
      port: 8443,
      endPort: 8443,
      protocols: ['tcp' as const],
      title: 'Billing admin API',
      summary: 'Ours.',
      uses: [],
      updated: '2026-11-30T09:00:00.000Z',
      changedElsewhere: '2026-11-30T09:00:00.000Z',
    };
    const synced: PortInfo = { port: 8443, rangeClass: 'registered', records: [yours], note: { port: 8443, text: 'ask #billing', updated: '2026-11-30T09:00:00.000Z', changedElsewhere: '2026-11-30T09:00:00.000Z' } };
    const { container, rerender, unmount } = render(<PortCard content={{ kind: 'port', info: synced }} {...handlers} />);
    const marks = () => [...container.querySelectorAll('.badge-synced')].map((m) => m.closest('section')?.getAttribute('aria-label'));
    expect(marks()).toEqual(['Yours: Billing admin API', 'My note']);
    expect(container.querySelector('.badge-synced')?.textContent).toMatch(/^Changed on another device Nov 30, 2026/);
    const { changedElsewhere: _r, ...editedHere } = yours;
    const { changedElsewhere: _n, ...noteHere } = synced.note!;
    rerender(<PortCard content={{ kind: 'port', info: { ...synced, records: [editedHere], note: noteHere } }} {...handlers} />);
    expect(marks()).toEqual([]);
    unmount();
  });

  it('says plainly when the port is only the one a link’s scheme implies', () => {
    const https = { ...info, port: 443, records: [] };
    const { container, rerender, unmount } = render(<PortCard content={{ kind: 'port', info: https }} impliedBy="https" {...handlers} />);
    expect(container.querySelector('.implied')?.textContent).toBe('This link names no port: https:// links use port 443 unless they name another.');
    rerender(<PortCard content={{ kind: 'port', info: https }} {...handlers} />);
    expect(container.querySelector('.implied')).toBeNull();
    unmount();
  });

  it('renders page text as text, never as HTML', () => {
    const content: CardContent = { kind: 'none', text: '<img src=x onerror="alert(1)">port?' };
    const { container } = render(<PortCard content={content} {...handlers} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">port?');
    expect(container.textContent).toContain('No port found');
  });

  it('offers a note for an unknown port and copies plain text', () => {
    const unknown: PortInfo = { port: 47999, rangeClass: 'registered', records: [], nearby: [{ port: 48000, serviceName: 'nimcontroller' }] };
    render(<PortCard content={{ kind: 'port', info: unknown }} {...handlers} />);
    expect(screen.getByText(/No registered service/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Add a note about port 47999/ })).toBeTruthy();
    expect(cardPlainText({ kind: 'port', info: unknown })).toContain('No registered service.');
    expect(cardPlainText({ kind: 'port', info })).toMatch(/^Port 445\/TCP\/UDP — SMB/);
  });

  it('shows the exposure line, coloured by exposure × risk, and copies it; the host is text', () => {
    const exposure = exposureOf('0.0.0.0', null)!;
    const { container } = render(<PortCard content={{ kind: 'port', info }} exposure={exposure} {...handlers} />);
    const line = screen.getByRole('region', { name: 'Exposure: Every interface' });
    expect(line.className).toBe('exposure tone-danger'); // critical risk on every interface
    expect(line.textContent).toContain('other machines can connect unless a firewall stops them');
    expect(cardPlainText({ kind: 'port', info }, exposure).split('\n')[2]).toBe(
      'Every interface: Listens on every interface (0.0.0.0): other machines can connect unless a firewall stops them.',
    );
    render(<PortCard content={{ kind: 'port', info }} {...handlers} />, { container });
    expect(container.querySelector('.exposure')).toBeNull();
  });
});
