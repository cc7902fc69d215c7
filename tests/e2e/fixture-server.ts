// Serves the real-browser test pages from 127.0.0.1 (an ephemeral port): the
// content-script pages, the popup's page, and Preact for the hydrated page.
// A page is found by its name in either fixture folder, so its URL is just
// `/name.html`.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '../..');
const FOLDERS = ['content-fixtures', 'popup-fixtures'].map((name) => join(HERE, name));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript' };
const MODULES: Record<string, string> = {
  '/vendor/preact.mjs': 'node_modules/preact/dist/preact.mjs',
  '/vendor/hooks.mjs': 'node_modules/preact/hooks/dist/hooks.mjs',
};

export interface FixtureServer {
  url: (path: string) => string;
  /** The same page from another origin (`localhost` rather than `127.0.0.1`), for cross-origin frames. */
  crossOriginUrl: (path: string) => string;
  close: () => Promise<void>;
}

/** Where a request path may be: the vendored module, or that name in each fixture folder. */
function candidates(path: string): string[] {
  const module = MODULES[path];
  if (module) return [join(ROOT, module)];
  // resolve() folds any '..', so a path that would leave its folder is dropped.
  return FOLDERS.map((folder) => resolve(folder, `.${path}`)).filter((file, i) => file.startsWith(FOLDERS[i] + sep));
}

async function read(path: string): Promise<{ file: string; body: Buffer } | null> {
  for (const file of candidates(path)) {
    try {
      return { file, body: await readFile(file) };
    } catch {
      // not in this folder: try the next
    }
  }
  return null;
}

export async function serveFixtures(): Promise<FixtureServer> {
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const found = await read(path);
    if (!found) {
      res.writeHead(404).end('not found');
      return;
    }
    let { body } = found;
    // hooks import 'preact' by bare name: point it at our copy.
    if (path === '/vendor/hooks.mjs') body = Buffer.from(body.toString().replace(/from\s*["']preact["']/g, 'from "/vendor/preact.mjs"'));
    res.writeHead(200, { 'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (p) => `http://127.0.0.1:${port}/${p.replace(/^\/+/, '')}`,
    crossOriginUrl: (p) => `http://localhost:${port}/${p.replace(/^\/+/, '')}`,
    // Keep-alive connections would hold close() open until they time out.
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
