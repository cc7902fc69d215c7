import { describe, expect, it, vi } from 'vitest';
import { createClient, DETECT_MAX_CHARS, DETECT_MAX_TEXTS, handleContentMessage, handleMessage, pick, PortholeError, request, validateRequest, type ContentHandlers, type Handlers, type Replies, type Request } from './messages.ts';

const OWN = 'porthole-id';
const info = { port: 139, rangeClass: 'well-known', records: [] };
const handlers = {
  lookup: vi.fn(async () => info),
  search: vi.fn(async () => {
    throw new PortholeError('not-ready', 'still loading');
  }),
  about: vi.fn(async () => {
    throw new Error('disk on fire');
  }),
} as unknown as Handlers;

describe('validateRequest', () => {
  it.each([
    [{ type: 'lookup', port: 139 }],
    [{ type: 'lookup', port: 53, protocol: 'udp' }],
    [{ type: 'search', query: 'postgres', limit: 10 }],
    [{ type: 'putUserRecord', entry: { port: 8443, protocols: ['tcp'], title: 'Billing', summary: 'Ours', uses: [] } }],
    [{ type: 'openDetails', port: 3306, place: { host: '0.0.0.0' } }],
    [{ type: 'openDetails', port: 80, place: { publish: { source: 'run', side: 'container', hostIp: '127.0.0.1', hostSpec: '8080', containerSpec: '80' } } }],
    [{ type: 'openDetails', port: 80, place: { publish: { source: 'compose-long', engine: 'podman', side: 'host', hostSpec: '8080', containerSpec: '80' } } }],
    [{ type: 'detect', texts: ['db on port 5432', ''] }],
  ])('accepts %j', (message) => {
    expect(validateRequest(message).ok).toBe(true);
  });

  it.each([
    [null, 'Invalid request'],
    ['lookup 139', 'Invalid request'],
    [{ type: 'dropDatabase' }, 'Invalid request'],
    [{ type: 'lookup', port: 70000 }, '(port)'],
    [{ type: 'lookup', port: 1.5 }, '(port)'],
    [{ type: 'lookup', port: '139' }, '(port)'],
    [{ type: 'lookup', port: 139, protocol: 'icmp' }, '(protocol)'],
    [{ type: 'lookup', port: 139, extra: true }, '(extra)'],
    [{ type: 'search', query: 'x'.repeat(201) }, '(query)'],
    [{ type: 'deleteUserRecord', id: 'curated:80' }, '(id)'],
    [{ type: 'putUserRecord', entry: { port: 1, protocols: [], title: 'x', summary: 'y', uses: [] } }, '(entry.protocols)'],
    [{ type: 'openDetails', port: 80, place: { host: 'x'.repeat(65) } }, '(place.host)'],
    [{ type: 'openDetails', port: 80, place: { publish: { source: 'helm', side: 'host', hostSpec: '80', containerSpec: '80' } } }, '(place.publish.source)'],
    [{ type: 'openDetails', port: 80, place: { publish: { source: 'run', engine: 'lxc', side: 'host', hostSpec: '80', containerSpec: '80' } } }, '(place.publish.engine)'],
    [{ type: 'openDetails', port: 80, place: { publish: { source: 'run', side: 'host', hostSpec: '80;x', containerSpec: '80' } } }, '(place.publish.hostSpec)'],
    [{ type: 'detect', texts: 'port 22' }, '(texts)'],
    [{ type: 'detect', texts: ['port 22', 22] }, '(texts.1)'],
  ])('refuses %j with a specific message', (message, where) => {
    const result = validateRequest(message);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-request');
      expect(result.error.message).toContain(where);
    }
  });
});

describe('the detect request', () => {
  it('carries at most DETECT_MAX_CHARS characters and DETECT_MAX_TEXTS texts', () => {
    const half = 'x'.repeat(DETECT_MAX_CHARS / 2);
    expect(validateRequest({ type: 'detect', texts: [half, half] }).ok).toBe(true);
    const over = validateRequest({ type: 'detect', texts: [half, half, 'x'] });
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.error.message).toContain(`more than ${DETECT_MAX_CHARS} characters`);
    expect(validateRequest({ type: 'detect', texts: Array.from({ length: DETECT_MAX_TEXTS }, () => '1') }).ok).toBe(true);
    expect(validateRequest({ type: 'detect', texts: Array.from({ length: DETECT_MAX_TEXTS + 1 }, () => '1') }).ok).toBe(false);
  });
});

describe('handleMessage', () => {
  it('answers a valid request from Porthole', async () => {
    expect(await handleMessage(handlers, { type: 'lookup', port: 139 }, { id: OWN }, OWN)).toEqual({ ok: true, value: info });
  });

  it('refuses senders that are not Porthole, before looking at the message', async () => {
    const reply = await handleMessage(handlers, { type: 'lookup', port: 139 }, { id: 'evil', url: 'https://evil.example/' }, OWN);
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(await handleMessage(handlers, { type: 'lookup', port: 139 }, { url: 'https://evil.example/' }, OWN)).toMatchObject({ ok: false });
  });

  it('turns handler failures into typed errors', async () => {
    expect(await handleMessage(handlers, { type: 'search', query: 'x' }, { id: OWN }, OWN)).toEqual({
      ok: false,
      error: { code: 'not-ready', message: 'still loading' },
    });
    expect(await handleMessage(handlers, { type: 'about' }, { id: OWN }, OWN)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk on fire' },
    });
  });
});

describe('request', () => {
  it('returns the value of an ok reply', async () => {
    await expect(request(async () => ({ ok: true, value: info }), { type: 'lookup', port: 139 })).resolves.toEqual(info);
  });

  it('throws a PortholeError for error replies, missing replies and a dead worker', async () => {
    await expect(request(async () => ({ ok: false, error: { code: 'not-found', message: 'nope' } }), { type: 'about' })).rejects.toMatchObject({
      name: 'PortholeError',
      code: 'not-found',
    });
    await expect(request(async () => undefined, { type: 'about' })).rejects.toMatchObject({ code: 'internal', text: { code: 'error.noReply' } });
    await expect(
      request(async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }, { type: 'about' }),
    ).rejects.toMatchObject({ code: 'not-ready', text: { code: 'error.notAnswering', params: { detail: 'Could not establish connection. Receiving end does not exist.' } } });
  });

  it('carries the words a handler gave its error across the reply', async () => {
    const said = new PortholeError('invalid-request', 'A range must start with its lower port.', { code: 'error.rangeReversed' });
    const reply = await handleMessage({ ...handlers, lookupRange: async () => Promise.reject(said) }, { type: 'lookupRange', port: 9, endPort: 1 }, { id: OWN }, OWN);
    expect(reply).toEqual({ ok: false, error: { code: 'invalid-request', message: said.message, text: { code: 'error.rangeReversed' } } });
    await expect(request(async () => reply, { type: 'about' })).rejects.toMatchObject({ code: 'invalid-request', text: { code: 'error.rangeReversed' } });
  });
});

describe('createClient', () => {
  it('sends one typed request per method and unwraps the envelope', async () => {
    const sent: unknown[] = [];
    const client = createClient<Request, Replies>(async (m) => {
      sent.push(m);
      return { ok: true, value: info };
    });
    await expect(client.lookup({ port: 139 })).resolves.toEqual(info);
    await client.about();
    expect(sent).toEqual([{ type: 'lookup', port: 139 }, { type: 'about' }]);
  });

  it('turns an error envelope into a PortholeError', async () => {
    const client = createClient<Request, Replies>(async () => ({ ok: false, error: { code: 'not-found', message: 'nope' } }));
    await expect(client.search({ query: 'x' })).rejects.toMatchObject({ name: 'PortholeError', code: 'not-found', message: 'nope' });
  });

  it('picks methods into a plain object', async () => {
    const client = createClient<Request, Replies>(async (m) => ({ ok: true, value: m }));
    const picked = pick(client, 'lookup');
    expect(Object.keys(picked)).toEqual(['lookup']);
    await expect(picked.lookup({ port: 22 })).resolves.toEqual({ type: 'lookup', port: 22 });
  });
});

describe('handleContentMessage', () => {
  const handlers: ContentHandlers = {
    pageMentions: async () => ({ url: 'https://example.org/', title: 't', groups: [], total: 0, frame: 'k', path: [], childFrames: 0 }),
    revealMention: () => undefined,
    explainSelection: async ({ text }) => text.includes('22'),
    explainLink: async ({ url }) => url.includes(':'),
    explainAtCaret: async () => {
      throw new Error('no caret');
    },
    moveMention: async ({ direction }) => direction === 'next',
  };

  it('answers in the same envelope as the background', async () => {
    expect(await handleContentMessage(handlers, { type: 'explainSelection', text: 'port 22' }, { id: OWN }, OWN)).toEqual({ ok: true, value: true });
    expect(await handleContentMessage(handlers, { type: 'explainAtCaret' }, { id: OWN }, OWN)).toEqual({ ok: false, error: { code: 'internal', message: 'no caret' } });
    expect(await handleContentMessage(handlers, { type: 'moveMention', direction: 'next' }, { id: OWN }, OWN)).toEqual({ ok: true, value: true });
  });

  it('leaves declined requests and anything outside the protocol unanswered, and refuses strangers', async () => {
    expect(handleContentMessage(handlers, { type: 'revealMention', port: 22 }, { id: OWN }, OWN)).toBeUndefined();
    expect(handleContentMessage(handlers, { type: 'lookup', port: 22 }, { id: OWN }, OWN)).toBeUndefined();
    expect(handleContentMessage(handlers, { type: 'revealMention', port: 70000 }, { id: OWN }, OWN)).toBeUndefined();
    expect(handleContentMessage(handlers, { type: 'moveMention', direction: 'sideways' }, { id: OWN }, OWN)).toBeUndefined();
    expect(await handleContentMessage(handlers, { type: 'pageMentions' }, { id: 'other' }, OWN)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
