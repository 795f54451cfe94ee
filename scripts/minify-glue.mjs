// A step of Trunk's post_build hook (scripts/post-build.mjs runs it first): in a release build,
// minifies wasm-bindgen's JS glue with terser, and updates the glue's `integrity` in the page
// to match, if the page names it with one. Trunk minifies the HTML and
// CSS itself but leaves the glue as wasm-bindgen wrote it: about 30 KB of readable JavaScript,
// 13 KB minified (issue 4's page-weight budget counts every byte). The one-file build's glue is
// a classic script (`no-modules`): minified as one, so its global `wasm_bindgen` keeps its name.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { trunkHook } from './trunk-hook.mjs';

/** Minifies the staged glue (release builds only). */
export async function minifyGlue() {
  const { staging: dir, release, entry, output } = trunkHook('minify-glue');
  if (!release) return;

  const files = readdirSync(dir);
  // The glue is the .js named like the wasm (`NAME-HASH.js` beside `NAME-HASH_bg.wasm`).
  const glue = files.filter((f) => f.endsWith('.js') && files.includes(f.replace(/\.js$/, '_bg.wasm')));
  if (glue.length !== 1) throw new Error(`minify-glue: expected one glue file, found ${glue.join(', ') || 'none'}`);

  const path = join(dir, glue[0]);
  const before = readFileSync(path);
  const minified = await minify(before.toString('utf8'), {
    module: entry !== 'single',
    ecma: 2020,
    compress: { passes: 2 },
    format: { comments: false },
  });
  if (!minified.code) throw new Error('minify-glue: terser returned nothing');
  const code = minified.code;
  writeFileSync(path, code);

  // Where the page names the glue with an integrity hash (a preload link, if Trunk.toml asks for
  // one), the hash follows the minified file.
  const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  const html = output;
  if (existsSync(html)) {
    const page = readFileSync(html, 'utf8');
    const old = sri(before);
    if (page.includes(old)) writeFileSync(html, page.split(old).join(sri(Buffer.from(code))));
  }
  console.error(`minify-glue: ${glue[0]} ${before.length} -> ${Buffer.byteLength(code)} bytes`);
}
