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
