// What the steps of Trunk's post_build hook share (scripts/post-build.mjs): Trunk's environment,
// which page is being built, and naming a file on index.html's boot script, where boot.js
// finds it.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (Trunk gives a hook the folder of the page it builds, src/ for two of them). */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Trunk's environment for a post_build hook; `step` names the caller in errors. `entry` is the
 * page being built: `index` (the site), `embed` (src/embed.html, the embed's lean wasm, a nested
 * Trunk run whose output the index build takes) or `single` (src/single.html, the one-file build).
 */
export function trunkHook(step) {
  const { TRUNK_HTML_FILE: html, TRUNK_STAGING_DIR: staging } = process.env;
  if (!html || !staging) throw new Error(`${step}: run by Trunk as a post_build hook`);
  const entry = { 'embed.html': 'embed', 'single.html': 'single' }[basename(html)] ?? 'index';
  return {
    staging,
    source: ROOT,
    entry,
    base: process.env.TRUNK_PUBLIC_URL || './',
    release: process.env.TRUNK_PROFILE === 'release',
    // The HTML file Trunk wrote: index.html, unless TRUNK_BUILD_HTML_OUTPUT (Trunk's own
    // setting, which its hooks inherit) names it otherwise.
    output: join(staging, process.env.TRUNK_BUILD_HTML_OUTPUT || 'index.html'),
  };
}

/**
 * Adds `attrs` (`name="value" ` pairs) to the staged page's boot script
 * (`<script … data-glue=…>`, quoted or not: the release's HTML is minified).
 */
export function addBootAttributes(page, attrs, step) {
  const html = readFileSync(page, 'utf8');
  const patched = html.replace(/(<script\b[^>]*?)\bdata-glue=/, `$1${attrs}data-glue=`);
  if (patched === html) throw new Error(`${step}: no boot script with data-glue in ${basename(page)}`);
  writeFileSync(page, patched);
}
