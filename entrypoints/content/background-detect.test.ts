// The scanner part's request to the background detector: one retry, then
// null (the text stays unmarked), and nothing written to the page's console.
import { afterEach, describe, expect, it, vi } from 'vitest';

const detect = vi.fn();
vi.mock('@/utils/port-api', () => ({ portApi: { detect: (args: unknown) => detect(args) } }));
const { detectInBackground } = await import('./background-detect');

afterEach(() => {
  detect.mockReset();
  vi.restoreAllMocks();
});

describe('detectInBackground', () => {
  it('sends the texts in one request and returns the mentions per text', async () => {
    detect.mockResolvedValue([[{ start: 5, end: 9, port: 5432 }], []]);
    expect(await detectInBackground(['port 5432', 'none'])).toEqual([[{ start: 5, end: 9, port: 5432 }], []]);
    expect(detect).toHaveBeenCalledTimes(1);
    expect(detect).toHaveBeenCalledWith({ texts: ['port 5432', 'none'] });
  });

  it('asks once more when the background did not answer (a worker waking up)', async () => {
    detect.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.')).mockResolvedValue([[]]);
    expect(await detectInBackground(['port 1'])).toEqual([[]]);
    expect(detect).toHaveBeenCalledTimes(2);
  });

  it('gives up quietly after the retry: null, and no console output', async () => {
    const logged = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'log')];
    detect.mockRejectedValue(new Error('The message port closed before a response was received.'));
    expect(await detectInBackground(['port 1'])).toBeNull();
    expect(detect).toHaveBeenCalledTimes(2);
    for (const spy of logged) expect(spy).not.toHaveBeenCalled();
  });
});
