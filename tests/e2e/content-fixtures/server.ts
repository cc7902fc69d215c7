// Serves the fixture pages (and Preact, for the hydrated page) from 127.0.0.1.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '../../..');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript' };
const MODULES: Record<string, string> = {
  '/vendor/preact.mjs': 'node_modules/preact/dist/preact.mjs',
  '/vendor/hooks.mjs': 'node_modules/preact/hooks/dist/hooks.mjs',
};

export interface FixtureServer {
  url: (path: string) => string;
  close: () => Promise<void>;
}

export async function serveFixtures(): Promise<FixtureServer> {
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = MODULES[path] ? join(ROOT, MODULES[path]) : join(HERE, path.replace(/^\/+/, ''));
    if (!file.startsWith(ROOT)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      // hooks import 'preact' by bare name: point it at our copy.
      if (path === '/vendor/hooks.mjs') body = Buffer.from(body.toString().replace(/from\s*["']preact["']/g, 'from "/vendor/preact.mjs"'));
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (p) => `http://127.0.0.1:${port}/${p.replace(/^\/+/, '')}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
