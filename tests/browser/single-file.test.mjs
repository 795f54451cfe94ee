// The one-file build (scripts/single-file.mjs): built from $DIST into an empty temporary
// directory, opened straight from disk (file://) in headless Debian Chromium, with no server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DIST, drag, finish, launchContext, mounted, readTable } from './support/browser.mjs';
import { defaults, parseQuery, project, tableText } from './support/model.mjs';
import { REFERENCE_TABLE } from './support/reference.mjs';

const SCRIPT = resolve(dirname(fileURLToPath(import.meta.url)), '../../scripts/single-file.mjs');

/** Runs scripts/single-file.mjs; returns its exit status and output. */
function singleFile(dist, out) {
  const run = spawnSync(process.execPath, [SCRIPT, '--dist', dist, '--out', out], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function buildOrFail(dist, out) {
  const run = singleFile(dist, out);
  assert.equal(run.status, 0, `single-file.mjs failed:\n${run.stderr}`);
  return run;
}

/**
 * The full app's glue and wasm in $DIST: the pair index.html's boot script names (the build
 * also holds the embed's lighter pair, which the one file leaves out).
 */
function appFiles() {
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const name = (key) => index.match(new RegExp(`\\b${key}="?\\.\\/([^" >]+)`))?.[1];
  const [glue, wasm] = [name('data-glue'), name('data-wasm')];
  assert.ok(glue && wasm, 'index.html names the glue and the wasm');
  return { glue, wasm };
}

const work = mkdtempSync(join(tmpdir(), 'stargate-single-'));
const env = {};
let browser;
before(async () => {
  env.file = join(work, 'out', 'stargate-calc.html');
  env.build = buildOrFail(DIST, env.file);
  browser = await launchContext();
  env.context = browser.context;
});
after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/**
 * Opens a file from disk, recording problems as support/browser.mjs does and every request the
 * page makes; waits for the data table.
 */
async function openFile(file, search = '') {
  const page = await env.context.newPage();
  page.problems = [];
  page.requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => page.problems.push(`request failed: ${request.url()}`));
  page.on('request', (request) => page.requests.push(request.url()));
  page.url0 = pathToFileURL(file).href;
  await page.goto(page.url0 + search);
  await mounted(page);
  return page;
}

/** No network at all: only the page's own file, and data:/blob: URLs, were requested. */
function assertOffline(page) {
  assert.ok(page.requests.length >= 1, 'requests are recorded (the page itself at least)');
  for (const url of page.requests) {
    assert.match(url, /^(file|data|blob):/, `a network request: ${url}`);
    if (url.startsWith('file:')) assert.equal(url.replace(/[?#].*$/, ''), page.url0, `another file was read: ${url}`);
  }
}

test('the script prints where it wrote the file and its size, raw and gzip', () => {
  assert.match(env.build.stdout, /stargate-calc\.html: \d+(\.\d)? KB raw, \d+(\.\d)? KB gzip/);
});

test('opened from file://, the one file shows MODEL.md reference table, and dragging sg recomputes it', async () => {
  const page = await openFile(env.file);
  assert.deepEqual(await readTable(page), REFERENCE_TABLE);
  assert.equal(await page.$('#app .fallback'), null, 'the loading placeholder was replaced by the app');
  const stargate2030 = async () => (await readTable(page)).find((row) => row[0] === '2030')[2];
  assert.equal(await stargate2030(), '59.95');
  for (const sg of [40, 0, 100]) {
    await drag(page, 'sg', sg);
    const expected = tableText(project({ ...defaults(), sg }).rows);
    assert.equal(await stargate2030(), expected.find((row) => row[0] === '2030')[2], `sg=${sg}`);
    assert.deepEqual(await readTable(page), expected, `sg=${sg}`);
  }
  assert.equal(await stargate2030(), '79.94', 'sg=100: all of 2030 with Stargate');
  assertOffline(page);
  await finish(page);
});

test('a link to the file opens its scenario: ?sg=40&ramp=late&h=2035', async () => {
  const search = '?sg=40&ramp=late&h=2035';
  const page = await openFile(env.file, search);
  assert.deepEqual(await readTable(page), tableText(project(parseQuery(search).inputs).rows));
  assertOffline(page);
  await finish(page);
});

test('the file carries every language: ?lang=fr opens in French, still offline', async () => {
  const french = JSON.parse(readFileSync(new URL('../../lang/fr.json', import.meta.url), 'utf8'));
  const page = await openFile(env.file, '?lang=fr&sg=40');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal((await page.textContent('h1')).trim(), french.masthead_title);
  assert.equal((await readTable(page))[0][1], '5,00');
  assertOffline(page);
  await finish(page);
});

test('the file is self-contained: one inline module, inline CSS, no links to build files', () => {
  const html = readFileSync(env.file, 'utf8');
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /\b(?:src|href)\s*=\s*["']?(?![a-z][a-z0-9+.-]*:|\/\/)[^"'\s>]*\.(?:m?js|wasm|css)\b/i);
  assert.doesNotMatch(html, /<link\b[^>]*\brel\s*=\s*["']?(?:stylesheet|preload|modulepreload)/i);
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)];
  assert.equal(scripts.length, 1, 'one script element');
  assert.match(scripts[0][1], /^\s*type="module"\s*$/);
  assert.doesNotMatch(html, /import\.meta|^\s*(?:import|export)\b/m);
  assert.match(html, /<style>[\s\S]*#app\b[\s\S]*<\/style>/, 'the stylesheet is inline');
  // What index.html shows besides the loader is kept as it was.
  // (The release's index.html is minified: attributes may be unquoted and reordered.)
  for (const part of [/<title>[\s\S]*?<\/title>/, /<main id="?app"?[^>]*>([\s\S]*?)<\/main>/, /<link\b[^>]*\brel="?icon"?[^>]*>/]) {
    const found = index.match(part);
    assert.ok(found, `${part} in index.html`);
    assert.ok(html.includes(found[1] ?? found[0]), `${part} kept`);
  }
  // Not one of a site's pages: no preset pages, cards or loader beside it.
  assert.match(index, /<main id="?app"? data-root=/);
  assert.match(html, /<main id="?app"?>/, 'no data-root');
  // The wasm is in there, whole.
  const { wasm, glue } = appFiles();
  assert.ok(html.includes(readFileSync(join(DIST, wasm)).toString('base64')), 'the wasm is inlined as base64');
  // Only the full app's: the embed's lighter wasm stays out.
  for (const other of readdirSync(DIST).filter((f) => f.endsWith('_bg.wasm') && f !== wasm)) {
    assert.ok(!html.includes(readFileSync(join(DIST, other)).toString('base64').slice(0, 4096)), `${other} left out`);
  }
  assert.ok(glue);
});

// The layout a strict Content-Security-Policy needs: no inline script, an external boot script
// that imports the glue. The one-file build must not care how index.html boots the app.
test('an index.html that boots through an external script builds the same working file', async () => {
  const files = readdirSync(DIST);
  const { glue, wasm } = appFiles();
  const css = files.find((f) => f.endsWith('.css'));
  const dist = join(work, 'csp-dist');
  mkdirSync(dist);
  for (const f of [glue, wasm, css]) copyFileSync(join(DIST, f), join(dist, f));
  writeFileSync(
    join(dist, 'boot-0123abcd.js'),
    `import init from './${glue}';\ninit({ module_or_path: new URL('./${wasm}', import.meta.url) });\n`,
  );
  // Pieces of index.html: [text, what the one file must do with it].
  const parts = [
    ['<!doctype html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  <title>CSP layout</title>\n  ', 'keep'],
    [`<link rel="stylesheet" href="/${css}" integrity="sha384-x">`, 'style'],
    ['\n  ', 'keep'],
    [`<link rel=preload href="./${wasm}" as=fetch type="application/wasm" crossorigin>`, 'drop'],
    ['\n  ', 'keep'],
    ['<script type="application/ld+json">{"@type": "WebApplication", "name": "x </p> y"}</script>', 'keep'],
    ['\n  <!-- <script src="./not-loaded.js"></script> -->\n  ', 'keep'],
    [`<script type="module" src="./boot-0123abcd.js" integrity="sha384-y"></script>`, 'drop'],
    ['\n</head>\n<body>\n  <main id="app"><noscript>Needs JavaScript.</noscript><p>Loading…</p></main>\n', 'keep'],
    ['  <footer id="static-footer">Static footer, <a href="https://example.org/">source</a></footer>\n', 'keep'],
    ['</body>\n</html>\n', 'keep'],
  ];
  writeFileSync(join(dist, 'index.html'), parts.map(([text]) => text).join(''));
  const out = join(work, 'csp-out', 'one.html');
  buildOrFail(dist, out);

  const html = readFileSync(out, 'utf8');
  const expectedKept = parts.map(([text, what]) => ({ keep: text, style: '<style/>', drop: '' })[what]).join('');
  const normalised = html
    .replace(/<style>\n[\s\S]*?\n<\/style>/, '<style/>')
    .replace(/<script type="module">\n[\s\S]*?<\/script>\n(?=<\/body>)/, '');
  assert.equal(normalised, expectedKept, 'everything but the loader is kept byte for byte');

  const page = await openFile(out);
  assert.deepEqual(await readTable(page), REFERENCE_TABLE);
  assert.equal(await page.textContent('#static-footer'), 'Static footer, source');
  await drag(page, 'sg', 40);
  assert.deepEqual(await readTable(page), tableText(project({ ...defaults(), sg: 40 }).rows));
  assertOffline(page);
  await finish(page);
});

test('a build directory missing a piece fails with a message that names it', () => {
  // The build's files (not its folders: the examples are no part of the one file).
  const files = readdirSync(DIST).filter((f) => statSync(join(DIST, f)).isFile());
  const cases = [
    ['index.html', /no index\.html/],
    [appFiles().wasm, /_bg\.wasm/],
    [files.find((f) => f.endsWith('.css')), /stylesheet .*\.css is missing/],
  ];
  for (const [missing, message] of cases) {
    const dist = join(work, `without-${missing}`);
    mkdirSync(dist);
    for (const f of files) if (f !== missing) copyFileSync(join(DIST, f), join(dist, f));
    const out = join(dist, 'out.html');
    const run = singleFile(dist, out);
    assert.equal(run.status, 1, `without ${missing}`);
    assert.match(run.stderr, /^single-file: /);
    assert.match(run.stderr, message, `without ${missing}`);
    assert.ok(!readdirSync(dist).includes('out.html'), 'nothing written');
  }
  // Every file, but not the folder of the other languages' words the boot script names.
  const withoutWords = join(work, 'without-lang');
  mkdirSync(withoutWords);
  for (const f of files) copyFileSync(join(DIST, f), join(withoutWords, f));
  const words = singleFile(withoutWords, join(withoutWords, 'out.html'));
  assert.equal(words.status, 1);
  assert.match(words.stderr, /names \S*lang\/de-\w+\.json for lang=de, missing/);
  const run = singleFile(join(work, 'no-such-dir'), join(work, 'x.html'));
  assert.equal(run.status, 1);
  assert.match(run.stderr, /no build directory/);
});

test("every form of the glue's exports becomes a plain declaration", async () => {
  const { unexportGlue } = await import(SCRIPT);
  const glue = [
    'export class A {}',
    'export function f() { return 1; }',
    'export async function g() { return 2; }',
    'export const c = 3;',
    'export let d = 4;',
    'let e = 5;',
    'async function __wbg_init(x) { return x; }',
    'function initSync() {}',
    'export { e, e as renamed, initSync };',
    'export default __wbg_init;',
  ].join('\n');
  const { code, exports } = unexportGlue(glue);
  assert.doesNotMatch(code.replace(/\/\/.*$/gm, ''), /\bexport\b/);
  assert.deepEqual(Object.fromEntries(exports), {
    A: 'A',
    f: 'f',
    g: 'g',
    c: 'c',
    d: 'd',
    e: 'e',
    renamed: 'e',
    initSync: 'initSync',
    default: '__wbg_init',
  });
  const values = new Function(`${code}\nreturn [f(), c, d, e, typeof A, typeof initSync, __wbg_init(7)];`)();
  assert.deepEqual(values.slice(0, 6), [1, 3, 4, 5, 'function', 'function']);
  assert.equal(await values[6], 7);

  const anonymous = unexportGlue('export default async function (m) { return m; }\nfunction initSync() {}');
  assert.equal(anonymous.exports.get('default'), '__single_default');
  assert.match(anonymous.code, /^async function __single_default\(m\)/);
  const named = unexportGlue('export default function init(m) {}');
  assert.equal(named.exports.get('default'), 'init');
  assert.match(unexportGlue('const u = new URL("x", import.meta.url);\nexport default u;').code, /throw new Error/);

  for (const [source, message] of [
    ["import { x } from './snippets/a.js';\nexport default x;", /imports another module/],
    ["export { x } from './y.js';", /re-exports/],
    ['export * from "./y.js";', /export form/],
    ['function f() {}', /no default export/],
    ['const m = import.meta.resolve("x");\nexport default m;', /import\.meta/],
  ]) {
    assert.throws(() => unexportGlue(source), message, source);
  }
});
