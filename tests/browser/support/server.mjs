// A tiny static file server for the release build, on 127.0.0.1 and a port the OS picks.
// Extra response headers can be set (the trust tests serve the app under a strict CSP),
// `headersFile` serves a `_headers` file's rules as a host that reads one would, and
// `compress: true` serves text and wasm brotli-compressed as a real host would (Lighthouse
// otherwise flags "enable text compression").
import { parseAllHeaders } from '@netlify/headers-parser';
import { createServer } from 'node:http';
import { brotliCompressSync, constants } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json']);

/**
 * A `_headers` file (Netlify's and Cloudflare Pages' format) read by Netlify's own parser
 * (npm `@netlify/headers-parser`, which the Netlify CLI uses), failing on any error it reports.
 * Returns `headersFor(path)`: the headers a request for `path` gets, every matching rule's (by
 * the parser's own path patterns), a header set by two matching rules joined with a comma as
 * Cloudflare Pages does (Netlify keeps the last: joining is the stricter of the two), names in
 * lower case.
 */
export async function readHeadersFile(file) {
  const { headers: rules, errors } = await parseAllHeaders({ headersFiles: [file], minimal: false });
  if (errors.length) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
  return function headersFor(path) {
    const out = {};
    for (const rule of rules.filter((r) => r.forRegExp.test(path))) {
      for (const [name, value] of Object.entries(rule.values)) {
        const key = name.toLowerCase();
        out[key] = key in out ? `${out[key]}, ${value}` : value;
      }
    }
    return out;
  };
}

export async function serve(root, { headers = {}, headersFile, compress = false, port = 0 } = {}) {
  const base = resolve(root);
  const fromFile = headersFile ? await readHeadersFile(headersFile) : () => ({});
  const requests = [];
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      // A malformed escape in the path: answered, never left hanging.
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad path');
      return;
    }
    requests.push(path);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const encoding = {};
      if (compress && COMPRESSIBLE.has(extname(file)) && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!compressed.has(file)) {
          const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length };
          compressed.set(file, brotliCompressSync(body, { params }));
        }
        body = compressed.get(file);
        Object.assign(encoding, { 'content-encoding': 'br', vary: 'accept-encoding' });
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...encoding,
        ...fromFile(path),
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    // Browsers keep idle connections open; without closing them, close() waits minutes.
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}
