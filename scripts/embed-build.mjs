// Trunk post_build step (scripts/post-build.mjs runs it after minify-glue.mjs): builds the embed's lean wasm
// (src/embed.html: the same binary with the cargo feature `embed-only`) with a second Trunk run
// into target/embed-dist, copies its glue and wasm into the build being staged, and names them
// on index.html's boot script (`data-embed-glue`, `data-embed-wasm`), where boot.js finds them
// for `?embed=1`. The second run's own hooks see its HTML file and skip this one.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { addBootAttributes, trunkHook } from './trunk-hook.mjs';

/** Builds the embed's wasm and adds it to the staged build (not when building it). */
export function addEmbed() {
  const { staging, source, base, release, entry, output } = trunkHook('embed-build');
  if (entry !== 'index') return;

  const out = join(source, 'target', 'embed-dist');
  const args = ['build', join(source, 'src', 'embed.html'), '--dist', out];
  // `--release` takes an optional value in Trunk 0.21: give it one, so it cannot swallow the path.
  if (release) args.push('--release=true');
  console.error(`embed-build: trunk ${args.join(' ')}`);
  execFileSync('trunk', args, { cwd: source, stdio: ['ignore', 'inherit', 'inherit'] });

  const files = readdirSync(out);
  const wasm = files.filter((f) => f.endsWith('_bg.wasm'));
  const glue = wasm.map((f) => f.replace(/_bg\.wasm$/, '.js')).filter((f) => files.includes(f));
  if (wasm.length !== 1 || glue.length !== 1) throw new Error(`embed-build: expected one wasm and its glue in ${out}, found ${files.join(', ')}`);
  const staged = readdirSync(staging);
  for (const file of [glue[0], wasm[0]]) {
    if (staged.includes(file)) throw new Error(`embed-build: ${file} is already in the build`);
    copyFileSync(join(out, file), join(staging, file));
  }

  addBootAttributes(output, `data-embed-glue="${base}${glue[0]}" data-embed-wasm="${base}${wasm[0]}" `, 'embed-build');
  console.error(`embed-build: ${glue[0]} and ${wasm[0]} added for ?embed=1`);
}
