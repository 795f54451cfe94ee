// Every release stays published, and old posts keep their numbers (docs/embedding.md, Live or
// pinned). Two tagged releases whose defaults differ (support/two-releases: the working tree as
// the first, then a commit that moves the 2027 spend's default from $20B to $24B as the next
// patch version), published by `scripts/publish` in a temporary repository, twice, and served
// where they were published for with their `_headers`. The numbers are checked against the
// independent model (support/model.mjs); the pinned embed inside a WordPress post goes through
// WordPress's own oEmbed filter and wp-embed.js, as wordpress.test.mjs does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figure, launchContext, mounted, number, readTable, recordProblems } from './support/browser.mjs';
import { loaderPost, startBlog, wordpressPost } from './support/blog.mjs';
import { defaults, project, tableText } from './support/model.mjs';
import { readHeadersFile, serve } from './support/server.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** What support/two-releases made (scripts/test runs it first), and the address it published for. */
const OUT = resolve(REPO, process.env.RELEASES || 'target/two-releases');
const SITE = process.env.RELEASES_SITE || 'http://127.0.0.1:4319/';
const DIR = join(OUT, 'site');

let versions;
let first;
let second;
let site;
let blog;
let browser;

before(async () => {
  assert.ok(existsSync(join(DIR, 'versions.json')), `no two-release site in ${DIR}: run tests/browser/support/two-releases ${OUT} ${SITE} (scripts/test does)`);
  versions = JSON.parse(readFileSync(join(DIR, 'versions.json'), 'utf8'));
  [second, first] = versions.releases;
  site = await serve(DIR, { port: Number(new URL(SITE).port), headersFile: join(DIR, '_headers') });
  blog = await startBlog();
  browser = await launchContext();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await blog?.close();
});

async function open(url, { width = 1280, height = 900, route } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  recordProblems(page);
  if (route) await page.route('**/versions.json', route);
  await page.goto(url);
  return page;
}

/** The scenario of each release: the report's, with the release's 2027 spend. */
const release = (version, values = {}) => ({ ...defaults(), s27: version === first.version ? 20 : 24, ...values });
const ALL_IN = { sg: 95, disc: 30, ramp: 'early' };

/** What the version note says, if it shows. */
function note(page) {
  return page.$eval('#newer-version', (p) => ({
    shown: !p.hidden && p.getBoundingClientRect().height > 0,
    text: p.textContent,
    links: [...p.querySelectorAll('a')].map((a) => a.href),
  }));
}

test('versions.json lists both releases, newest first, with their dates and whether the numbers changed', () => {
  assert.equal(versions.latest, second.version);
  assert.equal(versions.latest_date, second.date);
  assert.deepEqual(versions.releases.map((r) => r.numbers_changed), [true, false]);
  const [major, minor, patch] = first.version.split('.').map(Number);
  assert.equal(second.version, `${major}.${minor}.${patch + 1}`);
  assert.match(second.date, /^\d{4}-\d{2}-\d{2}$/);
});

test('a pinned release shows its own numbers and the note; the root shows the newest and no note', async () => {
  const pages = [
    { path: `v/${first.version}/`, version: first.version, scenario: release(first.version), live: '' },
    { path: `v/${first.version}/p/all-in/`, version: first.version, scenario: release(first.version, ALL_IN), live: 'p/all-in/' },
    { path: '', version: second.version, scenario: release(second.version) },
    { path: 'p/all-in/', version: second.version, scenario: release(second.version, ALL_IN) },
    // The newest release, pinned: nothing newer to say.
    { path: `v/${second.version}/p/all-in/`, version: second.version, scenario: release(second.version, ALL_IN) },
  ];
  for (const { path, version, scenario, live } of pages) {
    const page = await open(SITE + path);
    await mounted(page);
    assert.deepEqual(await readTable(page), tableText(project(scenario).rows), `${path}: the table`);
    assert.equal(await page.textContent('#calculator-version'), `Calculator version ${version}.`, path);
    const said = await note(page);
    if (live === undefined) {
      assert.equal(said.shown, false, `${path}: no note`);
    } else {
      assert.equal(said.shown, true, `${path}: the note`);
      assert.equal(said.text, `A newer version of this calculator exists (${second.version}, ${second.date}): what changed · this scenario in it`);
      assert.deepEqual(said.links, [`${SITE}changelog.html#v${second.version}`, SITE + live], path);
    }
    // Nothing moved while the page built, the note included.
    const shifts = await page.evaluate(
      () =>
        new Promise((ok) => {
          const seen = [];
          new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.value))).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => ok(seen), 100);
        }),
    );
    assert.deepEqual(shifts, [], `${path}: layout shifts`);
    assert.deepEqual(page.problems, [], path);
    await page.close();
  }
  // The note's first link is the changelog's entry for the newer release, which says the
  // numbers changed.
  const changelog = await (await fetch(`${SITE}changelog.html`)).text();
  assert.match(changelog, new RegExp(`<h2 id="v${second.version.replaceAll('.', '\\.')}">`));
  assert.match(changelog.slice(changelog.indexOf(`id="v${second.version}"`)), /^[^]*?<strong>Numbers:<\/strong> changed/);
});

test('the note passes axe-core\'s rules in both themes, on the page and in the embed', async () => {
  const axe = readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');
  for (const query of ['?theme=light', '?theme=dark', '?embed=1&theme=dark', '?view=chart&lang=fr']) {
    const page = await open(`${SITE}v/${first.version}/${query}`, { width: 390, height: 844 });
    await mounted(page);
    assert.equal((await note(page)).shown, true, query);
    await page.evaluate(axe);
    const violations = await page.evaluate(async () => {
      const results = await window.axe.run(document);
      return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], query);
    assert.deepEqual(page.problems, [], query);
    await page.close();
  }
});

test('the note follows the reader: its link opens the scenario on screen in the newest release, in the page\'s language', async () => {
  const page = await open(`${SITE}v/${first.version}/?sg=40&lang=de`, { width: 390, height: 844 });
  await mounted(page);
  const said = await note(page);
  assert.equal(said.shown, true);
  assert.match(said.text, new RegExp(`^Es gibt eine neuere Version dieses Rechners \\(${second.version.replaceAll('.', '\\.')}, `));
  assert.equal(said.links[1], `${SITE}?sg=40&lang=de`);
  await page.$eval('input[type=range][name="sg"]', (input) => {
    input.value = '90';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  // The links follow the settled scenario (after the address bar's pause).
  await page.waitForFunction(() => document.querySelectorAll('#newer-version a')[1]?.href.includes('sg=90'));
  const scenario = (await note(page)).links[1];
  const opened = await open(scenario);
  await mounted(opened);
  // In German: a decimal comma (no figure here reaches a thousand).
  const german = tableText(project(release(second.version, { sg: 90 })).rows).map((row) => row.map((cell) => cell.replace('.', ',')));
  assert.deepEqual(await readTable(opened), german);
  assert.equal(await opened.getAttribute('html', 'lang'), 'de');
  for (const p of [page, opened]) {
    assert.deepEqual(p.problems, []);
    await p.close();
  }
});

test('the embed of a pinned release, in a WordPress post and from the one-line loader, stays pinned and says what is newer', async () => {
  // WordPress discovers the pinned page's oEmbed, filters its HTML and sizes the frame.
  const pinned = `${SITE}v/${first.version}/p/all-in/`;
  const oembed = await (await fetch(`${pinned}oembed.json`)).json();
  assert.equal(oembed.calculator_version, first.version);
  assert.ok(oembed.html.includes(`<iframe src="${pinned}?embed=1"`), oembed.html);
  blog.posts.set('/pinned', await wordpressPost(pinned, 'Ab12Cd34Ef'));
  // The share panel's one-line code, pinned, and a live one beside it.
  const shared = await open(`${SITE}?sg=60`);
  await mounted(shared);
  await shared.click('#share-pinned');
  const code = await shared.inputValue('#loader-code');
  assert.equal(code, `<div data-stargate-calc="sg=60" data-version="${second.version}"></div><script src="${SITE}embed.js" async></script>`);
  assert.equal(await shared.inputValue('#share-link'), `${SITE}v/${second.version}/?sg=60`);
  assert.match(await shared.inputValue('#embed-code'), new RegExp(`^<iframe src="${SITE}v/${second.version}/\\?sg=60&amp;embed=1"`));
  await shared.close();
  const oldCode = `<div data-stargate-calc="sg=60" data-version="${first.version}"></div><script src="${SITE}embed.js" async></script>`;
  blog.posts.set('/loader', loaderPost(oldCode, 'sg=30'));

  const page = await open(blog.url + '/pinned', { width: 390 });
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe.wp-embedded-content');
    return f && !f.hasAttribute('style') && Number(f.getAttribute('height')) !== 720;
  }, null, { timeout: 10_000 });
  const frame = page.frames().find((f) => f.url().startsWith(pinned));
  assert.ok(frame, `the pinned frame: ${page.frames().map((f) => f.url())}`);
  await mounted(frame);
  // Its numbers are the first release's (they differ from the newest's by more than a rounding).
  const shown = number((await figure(frame, 'stargate-2030')).value);
  const [old, newest] = [first, second].map((r) => project(release(r.version, ALL_IN)).figures.stargate2030);
  assert.ok(Math.abs(shown - old) <= 0.05 && Math.abs(shown - newest) > 1, `${shown}: ${old}, not ${newest}`);
  const said = await note(frame);
  assert.equal(said.shown, true, 'the note, in the sandboxed frame (versions.json is open to it)');
  assert.deepEqual(said.links, [`${SITE}changelog.html#v${second.version}`, `${SITE}p/all-in/`]);
  assert.deepEqual(page.problems, []);
  await page.close();

  const post = await open(blog.url + '/loader');
  // The pinned element and, beside it, a live one (the loader pasted twice is one loader).
  await post.waitForFunction(() => document.querySelectorAll('iframe[data-stargate-calc-frame]').length === 2);
  const sources = await post.$$eval('iframe[data-stargate-calc-frame]', (frames) => frames.map((f) => f.src));
  assert.deepEqual(sources, [`${SITE}v/${first.version}/?sg=60&embed=1`, `${SITE}?sg=30&embed=1`]);
  // The host API says which release it is and which is the newest.
  const frames = post.frames().filter((f) => f.url().startsWith(SITE));
  for (const f of frames) await mounted(f);
  const states = await post.evaluate(async () => {
    const frames = [...document.querySelectorAll('iframe[data-stargate-calc-frame]')];
    const answers = frames.map(
      (frame) =>
        new Promise((ok) => {
          addEventListener('message', function heard(e) {
            if (e.source === frame.contentWindow && e.data?.type === 'stargate-calc:state') {
              removeEventListener('message', heard);
              ok(e.data.state);
            }
          });
        }),
    );
    frames.forEach((frame) => frame.contentWindow.postMessage({ type: 'stargate-calc:get' }, '*'));
    return (await Promise.all(answers)).map((s) => [s.version, s.latest]);
  });
  assert.deepEqual(states, [
    [first.version, second.version],
    [second.version, second.version],
  ]);
  assert.deepEqual(post.problems, []);
  await post.close();
});

test('with versions.json missing, unreachable, unreadable or slow, a pinned page says nothing and reports no error of its own', async () => {
  const missing = mkdtempSync(join(tmpdir(), 'stargate-releases-'));
  try {
    cpSync(DIR, missing, { recursive: true });
    rmSync(join(missing, 'versions.json'));
    const bare = await serve(missing, { headersFile: join(missing, '_headers') });
    const page = await open(`${bare.url}/v/${first.version}/`);
    await mounted(page);
    assert.equal((await note(page)).shown, false);
    // The browser's own line for the 404, and nothing else.
    assert.deepEqual(
      page.problems.filter((p) => !p.endsWith('/versions.json') && !/404 \(Not Found\)/.test(p)),
      [],
    );
    assert.ok(page.problems.some((p) => p === `HTTP 404: ${bare.url}/versions.json`), `${page.problems}`);
    await page.close();
    await bare.close();
  } finally {
    rmSync(missing, { recursive: true, force: true });
  }
  const cases = [
    ['unreachable', (route) => route.abort('connectionrefused')],
    ['unreadable', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '<html>not a list</html>' })],
    ['not a release', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"latest":"next","latest_date":"soon"}' })],
    ['slow', (route) => setTimeout(() => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(versions) }).catch(() => {}), 4000)],
  ];
  for (const [name, route] of cases) {
    const started = Date.now();
    const page = await open(`${SITE}v/${first.version}/?embed=1`, { route });
    await mounted(page);
    // A slow list is not waited for long: the page goes on without it.
    if (name === 'slow') assert.ok(Date.now() - started < 3500, `${Date.now() - started} ms`);
    assert.equal((await note(page)).shown, false, name);
    const problems = page.problems.filter((p) => !(name === 'unreachable' && /versions\.json|ERR_CONNECTION_REFUSED/.test(p)));
    assert.deepEqual(problems, [], name);
    await page.close();
  }
});

test('every release keeps its own files: pinned preset pages, immutable caching, and the same bytes on a second publish', async () => {
  for (const version of [first.version, second.version]) {
    for (const path of ['', 'p/report/', 'p/microsoft-keeps-up/', 'p/stargate-slips/', 'p/all-in/']) {
      const html = readFileSync(join(DIR, 'v', version, path, 'index.html'), 'utf8');
      assert.ok(html.includes(`data-pinned="${version}"`), `v/${version}/${path}`);
      assert.ok(html.includes(`<link rel="canonical" href="${SITE}v/${version}/${path}">`), `v/${version}/${path}: canonical`);
    }
  }
  const headersFor = await readHeadersFile(join(DIR, '_headers'));
  assert.equal(headersFor(`/v/${first.version}/index.html`)['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(headersFor(`/v/${first.version}/p/all-in/card.png`)['cache-control'], 'public, max-age=31536000, immutable');
  for (const live of ['/', '/index.html', '/p/all-in/', '/versions.json', '/changelog.html', '/embed.js']) {
    assert.equal(headersFor(live)['cache-control'], 'public, max-age=300', live);
  }
  assert.equal(headersFor('/versions.json')['access-control-allow-origin'], '*');
  // The first release was built once, from its tag, then copied from the cache: the same bytes.
  const sums = (n) => readFileSync(join(OUT, `${n}.sha256`), 'utf8');
  assert.ok(sums('first').split('\n').length > 20, 'the first release has its files');
  assert.equal(sums('second'), sums('first'));
  const log = (n) => readFileSync(join(OUT, `publish-${n}.log`), 'utf8');
  assert.match(log(1), new RegExp(`building v${first.version.replaceAll('.', '\\.')} \\(`));
  assert.match(log(2), new RegExp(`v${first.version.replaceAll('.', '\\.')} from target/releases/`));
  assert.doesNotMatch(log(2), /building v/);
});
