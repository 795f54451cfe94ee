// The last step of the one-file build's post_build hook (scripts/post-build.mjs; Trunk builds
// src/single.html with wasm-bindgen's `no-modules` glue and its stylesheet inline, and the
// publisher has named the page and written its fallback): the page's boot script (Trunk.toml's
// `pattern_script`) gives way to one inline script at the end of the body that holds the glue,
// the other languages' words and the wasm as base64, and starts the app; the glue and the wasm files are removed, so the
// build's one file is the page. scripts/build-single runs the build.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { trunkHook } from './trunk-hook.mjs';
import { wordLists } from './words-build.mjs';

/** Inlines the glue, the wasm and the words into the one-file build's page. */
export function inlineSingleFile() {
  const { staging, source, entry, output } = trunkHook('single-file');
  if (entry !== 'single') return;
  const html = readFileSync(output, 'utf8');
  // The boot script as Trunk.toml's `pattern_script` writes it (quoted or not: minified).
  const boot = html.match(/<script\b[^>]*\bdata-glue="?\.\/([^"\s>]+)"?[^>]*\bdata-wasm="?\.\/([^"\s>]+)"?[^>]*><\/script>/);
  if (!boot) throw new Error(`single-file: ${basename(output)} has no boot script naming the glue and the wasm`);
  const [script, glueFile, wasmFile] = boot;
  const glue = readFileSync(join(staging, glueFile), 'utf8');
  if (!/\bwasm_bindgen\b/.test(glue)) throw new Error(`single-file: ${glueFile} is not wasm-bindgen's no-modules glue`);
  const wasm = readFileSync(join(staging, wasmFile));
  const words = Object.fromEntries(Object.entries(wordLists(source)).map(([lang, { list }]) => [lang, list]));
  const start = `
{
  // The words of the language the link asks for (lang=), where boot.js would fetch them.
  const lists = ${JSON.stringify(words)};
  const lang = new URLSearchParams(location.search).get('lang');
  window.stargateWords = Object.hasOwn(lists, lang) ? Promise.resolve(lists[lang]) : null;
  const bytes = Uint8Array.from(atob(${JSON.stringify(wasm.toString('base64'))}), (c) => c.charCodeAt(0));
  wasm_bindgen({ module_or_path: bytes }).then((wasm) => {
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  });
}`;
  // Nothing inside may end the element or open a comment in it (in the glue's strings).
  const code = `${glue}\n${start}`.replace(/<(\/script|!--)/gi, '\\x3C$1');
  const inline = `<script>${code}</script>`;
  // At the end of the body, where a module script would run: after the page (and `#app`'s
  // fallback) is parsed, so the app replaces all of it.
  const page = html.replace(script, '');
  const end = page.lastIndexOf('</body>');
  if (end < 0) throw new Error(`single-file: ${basename(output)} has no </body>`);
  writeFileSync(output, page.slice(0, end) + inline + page.slice(end));
  for (const file of [glueFile, wasmFile]) rmSync(join(staging, file));
  console.error(`single-file: ${basename(output)} holds ${glueFile} and ${wasmFile} (${(wasm.length / 1024).toFixed(1)} KB)`);
}
