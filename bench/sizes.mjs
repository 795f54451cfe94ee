// Transfer sizes of the release build: every file in dist/, raw, gzip -9 and brotli quality 11.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Raw, gzip (level 9) and brotli (quality 11, size hint) byte counts of one buffer. */
export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/**
 * Sizes of every file in `dist`, each marked `loaded` when the page requested it (`loaded` is a
 * set of paths relative to dist/), and the totals over the loaded files.
 */
export function measureSizes(dist, loaded) {
  const files = listFiles(dist).map((path) => ({
    path,
    loaded: loaded.has(path),
    ...compressedSizes(readFileSync(join(dist, path))),
  }));
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files.filter((f) => f.loaded)) {
    for (const key of Object.keys(total)) total[key] += file[key];
  }
  return { files, total };
}

/**
 * The files a page of the build loads, read from its index.html: the page itself, its
 * stylesheets and boot script, and the glue and wasm the boot script starts, the full app's
 * (`page = 'full'`) or the embed's lighter pair (`page = 'embed'`, for `?embed=1`).
 */
export function pageFiles(dist, page = 'full') {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const local = (url) => url.replace(/^\.?\//, '');
  const files = new Set(['index.html']);
  for (const m of html.matchAll(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/g)) {
    const href = /\bhref="?([^" >]+)/.exec(m[0]);
    if (href) files.add(local(href[1]));
  }
  const script = /<script\b[^>]*\bdata-glue=[^>]*>/.exec(html);
  if (!script) throw new Error(`no boot script with data-glue in ${dist}/index.html`);
  const attr = (name) => new RegExp(`\\b${name}="?([^" >]+)`).exec(script[0])?.[1];
  const prefix = page === 'embed' ? 'data-embed-' : 'data-';
  for (const name of ['src', `${prefix}glue`, `${prefix}wasm`]) {
    const value = attr(name);
    if (!value) throw new Error(`the boot script in ${dist}/index.html has no ${name}`);
    files.add(local(value));
  }
  return files;
}
