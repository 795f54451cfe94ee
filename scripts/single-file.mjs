#!/usr/bin/env node
// Turns a Trunk release build into ONE self-contained HTML file (wasm, JS glue and CSS inlined)
// that works from any static host and straight from disk (file://).
//
//   node scripts/single-file.mjs [--dist DIR] [--out FILE]
//
// Defaults: DIR = dist/ and FILE = dist-single/stargate-calc.html, both in the repository.
//
// It does not depend on how index.html boots the app (Trunk's inline loader today, an external
// boot script under a strict CSP later): every <script> that loads or boots the app (module
// scripts and <script src>), every <link rel=modulepreload|preload> and every stylesheet <link>
// is removed; each stylesheet becomes a <style> in its place; everything else in index.html is
// kept byte for byte. One inline <script type="module"> at the end of <body> carries the
// wasm-bindgen glue (its `export`s turned into plain declarations, `import.meta.url` replaced)
// and a few lines that decode the wasm from base64 and start it.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Script } from 'node:vm';
import { gzipSync } from 'node:zlib';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

class BuildError extends Error {}
const fail = (message) => {
  throw new BuildError(message);
};

// ---------------------------------------------------------------------------------------------
// A small HTML scanner: enough to find <script>, <link> and <style> elements in a page we
// control, skipping comments and raw-text elements, and to cut them out by byte offsets.

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes']);

/** Attributes of a start tag's text (`<link rel=x href="y">`), names lower-cased. */
function attributes(tag) {
  const attrs = {};
  const body = tag.replace(/^<[a-zA-Z][^\s/>]*/, '').replace(/\/?>$/, '');
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (const m of body.matchAll(re)) {
    const name = m[1].toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

function decodeEntities(text) {
  return text.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, e) =>
    ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" })[e],
  );
}

/** End of a start tag that begins at `at` (after its `>`), honouring quoted attribute values. */
function endOfTag(html, at) {
  let quote = null;
  for (let i = at + 1; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i + 1;
    }
  }
  fail(`index.html: unterminated tag at offset ${at}`);
}

/** Every element of interest: { name, start, end, attrs, content } with byte-exact offsets. */
function scanElements(html) {
  const found = [];
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    const m = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(i, i + 64));
    if (!m) {
      i += 1;
      continue;
    }
    const name = m[1].toLowerCase();
    const tagEnd = endOfTag(html, i);
    const attrs = attributes(html.slice(i, tagEnd));
    if (RAW_TEXT.has(name)) {
      const closeRe = new RegExp(`</${name}[\\s/>]`, 'ig');
      closeRe.lastIndex = tagEnd;
      const close = closeRe.exec(html);
      if (!close) fail(`index.html: <${name}> at offset ${i} is never closed`);
      const end = endOfTag(html, close.index);
      found.push({ name, start: i, end, attrs, content: html.slice(tagEnd, close.index) });
      i = end;
    } else {
      found.push({ name, start: i, end: tagEnd, attrs, content: '' });
      i = tagEnd;
    }
  }
  return found;
}

const relTokens = (el) => (el.attrs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean);
const isPreload = (el) => el.name === 'link' && relTokens(el).some((t) => t === 'preload' || t === 'modulepreload');
const isStylesheet = (el) => el.name === 'link' && relTokens(el).includes('stylesheet');
const isModule = (el) => (el.attrs.type ?? '').trim().toLowerCase() === 'module';
/** Scripts that load or boot the app: any external script, any module script. */
const isAppScript = (el) => el.name === 'script' && ('src' in el.attrs || isModule(el));

// ---------------------------------------------------------------------------------------------
// Finding the build's files.

/** A file of the build directory named by a URL in index.html, or null if it is not local. */
function localFile(dist, url) {
  const clean = url.trim().replace(/[?#].*$/, '');
  if (clean === '' || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(clean) || clean.startsWith('//')) return null;
  const file = resolve(dist, decodeURIComponent(clean.replace(/^\/+/, '')));
  return file === dist || file.startsWith(dist + sep) ? file : null;
}

/** Quoted strings ending in .js/.mjs/.wasm in a piece of JavaScript. */
function quotedAssetUrls(code) {
  return [...code.matchAll(/(["'`])([^"'`\s]+?\.(?:m?js|wasm))(?:[?#][^"'`]*)?\1/g)].map((m) => m[2]);
}

const looksLikeGlue = (code) => /\b__wbg_init\b/.test(code) && /\binitSync\b/.test(code);

/**
 * The wasm-bindgen glue and the wasm it loads: first by what index.html references (link hrefs,
 * script srcs, strings in inline scripts, and what referenced boot scripts reference in turn),
 * then by the build directory's single glue-like `*.js` and `*_bg.wasm`.
 */
function findAppFiles(dist, elements) {
  const urls = [];
  for (const el of elements) {
    if (el.name === 'script' || el.name === 'link') {
      // The boot script names the app's glue and wasm in data attributes. The embed's lighter
      // pair (data-embed-*) is left out: the single file boots the full app, which shows the
      // embed too.
      for (const key of ['src', 'href', 'data-glue', 'data-wasm']) if (el.attrs[key]) urls.push(el.attrs[key]);
    }
    if (el.name === 'script') urls.push(...quotedAssetUrls(el.content));
  }
  const jsRefs = new Set();
  const wasmRefs = new Set();
  const missing = new Set();
  const queue = [...urls];
  while (queue.length) {
    const url = queue.shift();
    const file = localFile(dist, url);
    if (!file || !/\.(?:m?js|wasm)$/.test(file)) continue;
    if (!existsSync(file) || !statSync(file).isFile()) {
      missing.add(url);
      continue;
    }
    if (file.endsWith('.wasm')) wasmRefs.add(file);
    else if (/\.m?js$/.test(file) && !jsRefs.has(file)) {
      jsRefs.add(file);
      const code = readFileSync(file, 'utf8');
      // A boot script names the glue and the wasm; the glue itself names only unhashed defaults.
      if (!looksLikeGlue(code)) queue.push(...quotedAssetUrls(code));
    }
  }

  const gone = missing.size ? ` (index.html references ${[...missing].join(', ')}, missing from ${dist})` : '';
  const listing = readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile());
  let glues = [...jsRefs].filter((f) => looksLikeGlue(readFileSync(f, 'utf8')));
  if (glues.length === 0) {
    const js = listing.filter((f) => /\.m?js$/.test(f)).map((f) => join(dist, f));
    glues = js.length === 1 ? js : js.filter((f) => looksLikeGlue(readFileSync(f, 'utf8')));
  }
  if (glues.length !== 1) {
    fail(
      glues.length === 0
        ? `no wasm-bindgen JS glue in ${dist}${gone || ' (neither referenced from index.html nor a single *.js there)'}`
        : `more than one wasm-bindgen JS glue in ${dist}: ${glues.map((f) => basename(f)).join(', ')}`,
    );
  }
  const glue = glues[0];
  if (!looksLikeGlue(readFileSync(glue, 'utf8'))) fail(`${glue} does not look like wasm-bindgen's JS glue (no __wbg_init)`);

  const sibling = glue.replace(/\.m?js$/, '_bg.wasm');
  const missingWasm = [...missing].filter((url) => /\.wasm(?:[?#].*)?$/.test(url));
  if (wasmRefs.size === 0 && missingWasm.length) fail(`index.html references ${missingWasm.join(', ')}, missing from ${dist}`);
  let wasm;
  if (wasmRefs.size === 1) [wasm] = wasmRefs;
  else if (wasmRefs.has(sibling) || (wasmRefs.size === 0 && existsSync(sibling))) wasm = sibling;
  else if (wasmRefs.size === 0) {
    const all = listing.filter((f) => f.endsWith('_bg.wasm'));
    if (all.length !== 1) {
      fail(
        all.length === 0
          ? `no *_bg.wasm in ${dist}${gone || ` (none referenced from index.html, no ${basename(sibling)})`}`
          : `more than one *_bg.wasm in ${dist} and none referenced from index.html: ${all.join(', ')}`,
      );
    }
    wasm = join(dist, all[0]);
  } else {
    fail(`index.html references more than one wasm file: ${[...wasmRefs].map((f) => basename(f)).join(', ')}`);
  }
  const bytes = readFileSync(wasm);
  if (bytes.length < 8 || bytes.readUInt32BE(0) !== 0x0061736d) fail(`${wasm} is not a WebAssembly module`);
  return { glue, wasm, bytes };
}

// ---------------------------------------------------------------------------------------------
// The glue as plain declarations.

const IDENT = '[A-Za-z_$][\\w$]*';

/**
 * Removes the glue's `export`s, keeping what they declare. Returns the code and a map from
 * exported name to local name (`default` → `__wbg_init` for wasm-bindgen's init function).
 */
export function unexportGlue(source, name = 'glue') {
  const exports = new Map();
  let code = source;

  const imports = code.match(new RegExp(`^[ \\t]*import\\s*(?:[\\w$*{}\\s,]+?\\s*from\\s*)?["'][^"']+["']`, 'm'));
  if (imports) fail(`${name} imports another module (${imports[0].trim()}); it cannot be inlined`);
  if (/\bimport\s*\(/.test(code)) fail(`${name} uses a dynamic import(); it cannot be inlined`);

  // export default function NAME / export default async function NAME / export default class NAME
  code = code.replace(
    new RegExp(`^([ \\t]*)export\\s+default\\s+((?:async\\s+)?function\\s*\\*?\\s*|class\\s+)(${IDENT})?`, 'gm'),
    (_, indent, keyword, local) => {
      const named = local ?? '__single_default';
      exports.set('default', named);
      return `${indent}${keyword.trimEnd()} ${named}`;
    },
  );
  // export default IDENT;
  code = code.replace(new RegExp(`^([ \\t]*)export\\s+default\\s+(${IDENT})\\s*;?[ \\t]*$`, 'gm'), (_, indent, local) => {
    exports.set('default', local);
    return `${indent}// (default export: ${local})`;
  });
  // export function|async function|function*|class|const|let|var NAME
  code = code.replace(
    new RegExp(`^([ \\t]*)export\\s+((?:async\\s+)?function\\b\\s*\\*?\\s*|class\\s+|const\\s+|let\\s+|var\\s+)(${IDENT})`, 'gm'),
    (_, indent, keyword, local) => {
      exports.set(local, local);
      return `${indent}${keyword}${local}`;
    },
  );
  // export { a, b as default, c as d };
  code = code.replace(/^([ \t]*)export\s*\{([^}]*)\}\s*(from\b\s*["'][^"']*["'])?\s*;?/gm, (_, indent, list, from) => {
    if (from) fail(`${name} re-exports from another module (${from}); it cannot be inlined`);
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const m = new RegExp(`^(${IDENT})(?:\\s+as\\s+(${IDENT}))?$`).exec(item);
      if (!m) fail(`${name}: cannot read the export list item "${item}"`);
      exports.set(m[2] ?? m[1], m[1]);
    }
    return `${indent}// (exports: ${list.trim().replace(/\s+/g, ' ')})`;
  });
  const left = code.match(/(^|[;{}])[ \t]*export\b\s*[\w${*]/m);
  if (left) fail(`${name}: an export form this script does not handle: "${left[0].trim()}"`);

  // The wasm is passed in as bytes, so nothing needs the module's URL; if something asked for
  // it anyway, it must fail loudly rather than resolve a file next to the page.
  code = code.replace(
    /\bimport\.meta\.url\b/g,
    "(() => { throw new Error('single-file build: the wasm is inlined; nothing is loaded by URL'); })()",
  );
  if (/\bimport\.meta\b/.test(code)) fail(`${name} uses import.meta beyond import.meta.url; it cannot be inlined`);

  if (!exports.has('default')) fail(`${name} has no default export (wasm-bindgen's init function)`);
  return { code, exports };
}

/** Inline JS: nothing inside may end the <script> element or open an HTML comment in it. */
const escapeScript = (code) => code.replace(/<(\/script|!--)/gi, '\\x3C$1');
/** Inline CSS: nothing inside may end the <style> element. */
const escapeStyle = (css) => css.replace(/<\/style/gi, '<\\/style');

/**
 * The other languages' word lists the boot script names (`data-words-de` …, scripts/
 * words-build.mjs), read from the build: the single file carries them all, as there is no
 * file beside it to fetch.
 */
function findWordLists(dist, elements) {
  const lists = {};
  for (const el of elements) {
    if (el.name !== 'script') continue;
    for (const [key, url] of Object.entries(el.attrs)) {
      const lang = key.match(/^data-words-([a-z]+)$/)?.[1];
      if (!lang) continue;
      const file = localFile(dist, url);
      if (!file || !existsSync(file)) fail(`index.html names ${url} for lang=${lang}, missing from ${dist}`);
      lists[lang] = JSON.parse(readFileSync(file, 'utf8'));
    }
  }
  return lists;
}

/** The one inline module: the glue, then decoding the wasm and starting it. */
function bootModule({ glue, wasmBytes, glueName, words = {} }) {
  const { code, exports } = unexportGlue(glue, glueName);
  for (const local of ['__single_bindings', '__single_wasm']) {
    if (new RegExp(`\\b${local}\\b`).test(code)) fail(`${glueName} already uses the name ${local}`);
  }
  const bindings = [...exports].map(([exported, local]) => `${JSON.stringify(exported)}: ${local}`).join(', ');
  const boot = `
// ---- single-file boot: the wasm module, inlined as base64 ----
// The words of the language the link asks for (\`lang=\`), where boot.js would fetch them.
{
  const lists = ${JSON.stringify(words)};
  const lang = new URLSearchParams(location.search).get('lang');
  window.stargateWords = Object.hasOwn(lists, lang) ? Promise.resolve(lists[lang]) : null;
}
const __single_bindings = Object.freeze({ ${bindings} });
const __single_wasm = ${JSON.stringify(wasmBytes.toString('base64'))};
{
  const text = atob(__single_wasm);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  __single_bindings.default({ module_or_path: bytes }).then((wasm) => {
    // As Trunk's own loader does.
    window.wasmBindings = __single_bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  });
}
`;
  const script = `${code}\n${boot}`;
  try {
    // Parse (never run) the result: a module without imports/exports parses as strict script.
    new Script(`"use strict";\n${script}`, { filename: 'single-file boot module' });
  } catch (error) {
    fail(`the inlined module does not parse: ${error.message}`);
  }
  return escapeScript(script);
}

// ---------------------------------------------------------------------------------------------

/** Builds the single file's text from a Trunk build directory. */
export function buildSingleFile(distDir) {
  const dist = resolve(distDir);
  if (!existsSync(dist) || !statSync(dist).isDirectory()) fail(`no build directory ${dist} (run trunk build --release)`);
  const indexFile = join(dist, 'index.html');
  if (!existsSync(indexFile)) fail(`no index.html in ${dist}`);
  const html = readFileSync(indexFile, 'utf8');
  const elements = scanElements(html);
  const { glue, wasm, bytes } = findAppFiles(dist, elements);

  const edits = [];
  let styles = 0;
  for (const el of elements) {
    if (isAppScript(el) || isPreload(el)) {
      edits.push({ start: el.start, end: el.end, text: '' });
    } else if (isStylesheet(el)) {
      const file = el.attrs.href && localFile(dist, el.attrs.href);
      if (!file) fail(`stylesheet "${el.attrs.href ?? ''}" is not a file of the build; it cannot be inlined`);
      if (!existsSync(file)) fail(`stylesheet ${el.attrs.href} is missing from ${dist}`);
      const css = readFileSync(file, 'utf8');
      const relativeUrl = css.match(/url\(\s*(["']?)(?![a-zA-Z][a-zA-Z0-9+.-]*:|#)([^"')]+)\1\s*\)|@import\b/);
      if (relativeUrl) fail(`${basename(file)} loads another file (${relativeUrl[0]}); it cannot be inlined`);
      const media = el.attrs.media ? ` media="${el.attrs.media.replace(/"/g, '&quot;')}"` : '';
      edits.push({ start: el.start, end: el.end, text: `<style${media}>\n${escapeStyle(css)}\n</style>` });
      styles += 1;
    }
  }
  if (styles === 0) fail(`index.html in ${dist} links no stylesheet`);
  // Not one of a site's pages: no preset pages, cards or loader beside it (the app then keeps
  // its links to the file itself; src/bin/publish.rs writes `data-root`).
  for (const el of elements) {
    if (el.name === 'main' && 'data-root' in el.attrs) {
      const tag = html.slice(el.start, el.end);
      const bare = tag.replace(/\s+data-root=("[^"]*"|'[^']*'|[^\s>]*)/, '');
      edits.push({ start: el.start, end: el.end, text: bare });
    }
  }

  const bodyClose = [...html.matchAll(/<\/body\s*>/gi)].pop();
  if (!bodyClose) fail('index.html has no </body>');
  if (edits.some((e) => e.start < bodyClose.index && e.end > bodyClose.index)) fail('index.html: </body> inside a removed element');
  const words = findWordLists(dist, elements);
  const module = bootModule({ glue: readFileSync(glue, 'utf8'), wasmBytes: bytes, glueName: basename(glue), words });
  edits.push({ start: bodyClose.index, end: bodyClose.index, text: `<script type="module">\n${module}</script>\n` });

  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += html.slice(at, e.start) + e.text;
    at = e.end;
  }
  out += html.slice(at);

  // No element may still point at a script, wasm or stylesheet next to the page.
  for (const el of scanElements(out)) {
    for (const key of ['src', 'href']) {
      const url = el.attrs[key];
      if (url && localFile(dist, url) && /\.(?:m?js|wasm|css)$/i.test(url.replace(/[?#].*$/, ''))) {
        fail(`the single file would still load ${url} (<${el.name} ${key}>); cannot make it self-contained`);
      }
    }
  }
  return { html: out, glue, wasm };
}

function main() {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: node scripts/single-file.mjs [--dist DIR] [--out FILE]');
    console.log('  DIR: a Trunk release build (default: dist/ in the repository)');
    console.log('  FILE: where to write the single HTML file (default: dist-single/stargate-calc.html)');
    return;
  }
  const dist = values.dist ? resolve(values.dist) : join(REPO, 'dist');
  const outFile = values.out ? resolve(values.out) : join(REPO, 'dist-single', 'stargate-calc.html');
  const { html, glue, wasm } = buildSingleFile(dist);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, html);
  const raw = Buffer.byteLength(html);
  const gzip = gzipSync(html, { level: 9 }).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const shown = relative(process.cwd(), outFile);
  console.log(`${shown.startsWith('..') ? outFile : shown}: ${kb(raw)} raw, ${kb(gzip)} gzip`);
  console.log(`  from ${basename(glue)}, ${basename(wasm)} and index.html in ${dist}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    console.error(`single-file: ${error.message}`);
    process.exitCode = 1;
  }
}
