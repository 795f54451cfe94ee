// The one-file build (scripts/build-single: Trunk builds src/single.html, its post-build hook
// names the page and inlines the rest, scripts/single-file.mjs), opened straight from disk
// (file://) in headless Debian Chromium, with no server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DIST, SINGLE, drag, finish, launchContext, mounted, readTable } from './support/browser.mjs';
import { defaults, parseQuery, project, tableText } from './support/model.mjs';
import { REFERENCE_TABLE } from './support/reference.mjs';

const SCRIPTS = resolve(dirname(fileURLToPath(import.meta.url)), '../../scripts');

const work = mkdtempSync(join(tmpdir(), 'stargate-single-'));
const env = {};
let browser;
before(async () => {
  assert.ok(existsSync(SINGLE), `${SINGLE}: run scripts/build-single first`);
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

test('opened from file://, the one file shows the model’s reference table (docs/model.md), and dragging sg recomputes it', async () => {
  const page = await openFile(SINGLE);
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
  // It names its release, and has no releases beside it: no note, no live or pinned choice.
  assert.match(await page.textContent('#calculator-version'), /^Calculator version \d+\.\d+\.\d+\.$/);
  assert.equal(await page.isVisible('#newer-version'), false);
  assert.equal(await page.isVisible('#share-pinned'), false);
  assert.equal(await page.isVisible('#loader-code'), false);
  assertOffline(page);
  await finish(page);
});

test('a link to the file opens its scenario: ?sg=40&ramp=late&h=2035', async () => {
  const search = '?sg=40&ramp=late&h=2035';
  const page = await openFile(SINGLE, search);
  assert.deepEqual(await readTable(page), tableText(project(parseQuery(search).inputs).rows));
  assertOffline(page);
  await finish(page);
});

test('the file carries every language: ?lang=fr opens in French, still offline', async () => {
  const french = JSON.parse(readFileSync(new URL('../../lang/fr.json', import.meta.url), 'utf8'));
  const page = await openFile(SINGLE, '?lang=fr&sg=40');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal((await page.textContent('h1')).trim(), french.masthead_title);
  assert.equal((await readTable(page))[0][1], '5,00');
  assertOffline(page);
  await finish(page);
});

test('the file is self-contained: one inline script, inline CSS, the root page’s name and fallback, no link to a build file', () => {
  const html = readFileSync(SINGLE, 'utf8');
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /\b(?:src|href)\s*=\s*["']?(?![a-z][a-z0-9+.-]*:|\/\/)[^"'\s>]*\.(?:m?js|wasm|css)\b/i);
  assert.doesNotMatch(html, /<link\b[^>]*\brel\s*=\s*["']?(?:stylesheet|preload|modulepreload)/i);
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)];
  assert.equal(scripts.length, 1, 'one script element');
  assert.equal(scripts[0][1].trim(), '', 'a classic script: nothing to import or export');
  assert.doesNotMatch(html, /import\.meta|^\s*(?:import|export)\b/m);
  assert.match(html, /<style>[\s\S]*#app\b[\s\S]*<\/style>/, 'the stylesheet is inline');
  // Named, and showing before it starts, as the site's root page (the same publisher wrote both).
  for (const part of [/<title>[\s\S]*?<\/title>/, /<link\b[^>]*\brel="?icon"?[^>]*>/, /<div class="fallback">[\s\S]*?<\/main>/]) {
    const found = index.match(part);
    assert.ok(found, `${part} in index.html`);
    assert.ok(html.includes(found[0]), `${part} as the root page has it`);
  }
  // Not one of a site's pages: no preset pages, cards or loader beside it.
  assert.match(index, /<main id="?app"? data-root=/);
  assert.match(html, /<main id="app">/, 'no data-root');
  // The wasm is in there, whole: a WebAssembly module as base64.
  const wasm = html.match(/atob\("([A-Za-z0-9+/=]{100000,})"\)/);
  assert.ok(wasm, 'the wasm is inlined as base64');
  assert.deepEqual([...Buffer.from(wasm[1], 'base64').subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d]);
});

/** Runs the inliner as Trunk's hook would, on a staged one-file build in `staging`. */
function inline(staging) {
  return spawnSync(process.execPath, ['-e', `import(${JSON.stringify(join(SCRIPTS, 'single-file.mjs'))}).then((m) => m.inlineSingleFile())`], {
    encoding: 'utf8',
    env: { ...process.env, TRUNK_HTML_FILE: join(SCRIPTS, '../src/single.html'), TRUNK_STAGING_DIR: staging, TRUNK_BUILD_HTML_OUTPUT: 'page.html' },
  });
}

test('a staged build missing a piece fails with a message that names it, and changes nothing', () => {
  const page = '<!doctype html><html><head><script data-glue="./app-1.js" data-wasm="./app-1_bg.wasm" src="./boot.js" type="module"></script></head><body><main id="app"></main></body></html>';
  const cases = [
    [{ 'page.html': page.replace(/<script[\s\S]*?<\/script>/, '') }, /page\.html has no boot script naming the glue and the wasm/],
    [{ 'page.html': page, 'app-1_bg.wasm': '\0asm' }, /app-1\.js/],
    [{ 'page.html': page, 'app-1.js': 'let wasm_bindgen;' }, /app-1_bg\.wasm/],
    [{ 'page.html': page, 'app-1.js': 'export default function init() {}', 'app-1_bg.wasm': '\0asm' }, /not wasm-bindgen's no-modules glue/],
  ];
  for (const [files, message] of cases) {
    const staging = mkdtempSync(join(work, 'staging-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(staging, name), text);
    const run = inline(staging);
    assert.notEqual(run.status, 0, Object.keys(files).join(', '));
    assert.match(run.stderr, message);
    assert.equal(readFileSync(join(staging, 'page.html'), 'utf8'), files['page.html'], 'the page is as it was');
  }
  // Complete, it inlines: one script, the files gone.
  const staging = mkdtempSync(join(work, 'staging-'));
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'page.html'), page);
  writeFileSync(join(staging, 'app-1.js'), 'let wasm_bindgen = () => Promise.resolve();');
  writeFileSync(join(staging, 'app-1_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  const run = inline(staging);
  assert.equal(run.status, 0, run.stderr);
  const html = readFileSync(join(staging, 'page.html'), 'utf8');
  assert.match(html, /<head><\/head><body><main id="app"><\/main><script>let wasm_bindgen = \(\) => Promise\.resolve\(\);\n/);
  assert.match(html, /<\/script><\/body><\/html>$/);
  assert.ok(html.includes('atob("AGFzbQ==")'));
  assert.ok(!existsSync(join(staging, 'app-1.js')) && !existsSync(join(staging, 'app-1_bg.wasm')));
});
