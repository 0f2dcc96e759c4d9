// A tiny static file server on 127.0.0.1 for the browser tests (fixture pages, test pages).

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.css': 'text/css',
};

/**
 * The request handler for `root` (and optional in-memory `routes`): files under `root` only, with
 * their content type; 404 for anything else. Shared by serveStatic and the http+https server.
 */
export function staticHandler(root, routes = {}) {
  return async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (routes[path] !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html; charset=utf-8' });
      res.end(routes[path]);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  };
}

/** Serves `root` (and optional in-memory `routes`) on a random port; resolves to { url, close }. */
export function serveStatic(root, routes = {}) {
  const server = createServer(staticHandler(root, routes));
  return new Promise((resolveServer) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolveServer({
        url: `http://127.0.0.1:${port}`,
        port,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}
