// What the steps of Trunk's post_build hook share (scripts/post-build.mjs): Trunk's environment,
// and naming a file on index.html's boot script, where boot.js finds it.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Trunk's environment for a post_build hook; `step` names the caller in errors. */
export function trunkHook(step) {
  const { TRUNK_HTML_FILE: html, TRUNK_STAGING_DIR: staging, TRUNK_SOURCE_DIR: source } = process.env;
  if (!html || !staging || !source) throw new Error(`${step}: run by Trunk as a post_build hook`);
  return {
    staging,
    source,
    base: process.env.TRUNK_PUBLIC_URL || './',
    release: process.env.TRUNK_PROFILE === 'release',
    // The embed's own build (src/embed.html) is a nested Trunk run: its hook adds nothing.
    nested: basename(html) === 'embed.html',
  };
}

/**
 * Adds `attrs` (`name="value" ` pairs) to the staged index.html's boot script
 * (`<script … data-glue=…>`, quoted or not: the release's HTML is minified).
 */
export function addBootAttributes(staging, attrs, step) {
  const index = join(staging, 'index.html');
  const page = readFileSync(index, 'utf8');
  const patched = page.replace(/(<script\b[^>]*?)\bdata-glue=/, `$1${attrs}data-glue=`);
  if (patched === page) throw new Error(`${step}: no boot script with data-glue in index.html`);
  writeFileSync(index, patched);
}
