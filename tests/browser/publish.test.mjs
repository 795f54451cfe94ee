// Publishing (docs/embedding.md): the build scripts/test made with `scripts/publish SITE`, served
// at SITE. Link previews read by a real link-preview crawler's parser (npm open-graph-scraper,
// fetching the pages over HTTP as a crawler does), the cards, a page per preset, the oEmbed
// responses, `_headers`, the one-line embed on a blog of another origin (any number of
// elements, some added later), and the share panel's codes for all of these.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import ogs from 'open-graph-scraper';
import { DIST, SITE, drag, finish, launchContext, mounted, recordProblems } from './support/browser.mjs';
import { loaderPost, startBlog } from './support/blog.mjs';
import { readHeadersFile, serve } from './support/server.mjs';

const PAGES = [
  { path: '', preset: null, title: "From Azure to Stargate: OpenAI's compute spend calculator" },
  { path: 'p/report/', preset: 'report', title: "The report · From Azure to Stargate: OpenAI's compute spend calculator" },
  { path: 'p/microsoft-keeps-up/', preset: 'microsoft-keeps-up', title: "Microsoft keeps up · From Azure to Stargate: OpenAI's compute spend calculator", share: '40%' },
  { path: 'p/stargate-slips/', preset: 'stargate-slips', title: "Stargate slips · From Azure to Stargate: OpenAI's compute spend calculator", share: '50%' },
  { path: 'p/all-in/', preset: 'all-in', title: "All-in on Stargate · From Azure to Stargate: OpenAI's compute spend calculator", share: '95%' },
];

let site;
let blog;
let browser;

before(async () => {
  // Served where it was published for, as a host would, with _headers' policy.
  const port = Number(new URL(SITE).port);
  site = await serve(DIST, { port, headersFile: join(DIST, '_headers') });
  blog = await startBlog();
  browser = await launchContext();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await blog?.close();
});

async function open(url, { width = 1280, height = 900 } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  recordProblems(page);
  await page.goto(url);
  return page;
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file) {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG', `${file} is a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bytes: bytes.length };
}

test('every page unfurls: a link-preview parser reads its title, description, canonical address and 1200×630 card', async () => {
  for (const { path, title, share } of PAGES) {
    const url = SITE + path;
    const { error, result } = await ogs({ url, timeout: 10 });
    assert.equal(error, false, `${url}: ${JSON.stringify(result)}`);
    assert.equal(result.ogTitle, title, url);
    assert.equal(result.ogUrl, url);
    assert.equal(result.twitterCard, 'summary_large_image');
    if (share) assert.match(result.ogDescription, new RegExp(`By 2030, OpenAI gets ${share} of its compute`), url);
    const [image] = result.ogImage;
    assert.equal(image.url, `${url}card.png`);
    assert.equal(Number(image.width), 1200);
    assert.equal(Number(image.height), 630);
    assert.match(result.ogImage[0].alt ?? result.ogImageAlt ?? '', /^Chart of OpenAI’s compute spend by provider\. By 2030/);
    // The card is there, the size it says, and drawn (a blank 1200×630 PNG is under 10 KB).
    const card = pngSize(join(DIST, path, 'card.png'));
    assert.deepEqual([card.width, card.height], [1200, 630], path);
    assert.ok(card.bytes > 30_000, `${path}card.png: ${card.bytes} bytes`);
    const response = await fetch(image.url);
    assert.equal(response.headers.get('content-type'), 'image/png');
    // The page's own head: canonical link and oEmbed discovery.
    const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
    assert.ok(html.includes(`<link rel="canonical" href="${url}">`), `${path}: canonical`);
    assert.ok(html.includes(`<link rel="alternate" type="application/json+oembed" href="${url}oembed.json"`), `${path}: oEmbed`);
    // What a reader without JavaScript, and a crawler, read: the page's own scenario.
    if (share) {
      assert.match(html, new RegExp(`<p class="?explorable"?>By 2030, OpenAI gets ${share} of its compute`), `${path}: fallback sentence`);
      assert.ok(!html.includes('the report’s figures with our default assumptions'), `${path}: fallback table`);
    }
  }
  // The cards differ: each draws its own scenario.
  const sizes = PAGES.slice(1).map(({ path }) => statSync(join(DIST, path, 'card.png')).size);
  assert.equal(new Set(sizes).size, sizes.length, `four different cards: ${sizes}`);
});

test('each oEmbed response has what the spec asks, and _headers opens what a sandboxed frame fetches', async () => {
  for (const { path, title } of PAGES) {
    const response = await fetch(`${SITE}${path}oembed.json`);
    assert.equal(response.status, 200);
    const json = await response.json();
    assert.equal(json.version, '1.0');
    assert.equal(json.type, 'rich');
    assert.equal(json.title, title);
    assert.equal(json.provider_url, SITE);
    assert.equal(json.thumbnail_url, `${SITE}${path}card.png`);
    assert.deepEqual([json.width, json.height, json.thumbnail_width, json.thumbnail_height], [600, 720, 1200, 630]);
    assert.ok(json.html.includes(`<iframe src="${SITE}${path}?embed=1" width="600" height="720"`), json.html);
  }
  // _headers as Netlify's own parser reads it, a header two rules set joined as Cloudflare
  // Pages joins it: every file gets the policy, and each file a sandboxed frame fetches
  // exactly `*` (`*, *` would be refused).
  const headersFor = await readHeadersFile(join(DIST, '_headers'));
  const files = readdirSync(DIST, { recursive: true }).filter((f) => f !== '_headers' && statSync(join(DIST, f)).isFile());
  const fetched = files.filter((f) => /\.(js|wasm|css|json)$/.test(f));
  assert.ok(fetched.some((f) => f.startsWith('lang/')) && fetched.some((f) => f.endsWith('oembed.json')), `${fetched}`);
  for (const file of files) {
    const headers = headersFor(`/${file.split(sep).join('/')}`);
    assert.match(headers['content-security-policy'] ?? '', /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/, file);
    assert.equal(headers['x-content-type-options'], 'nosniff', file);
    assert.equal(headers['access-control-allow-origin'], fetched.includes(file) ? '*' : undefined, file);
    if (file.endsWith('.wasm')) assert.equal(headers['content-type'], 'application/wasm', file);
    // This release pinned (v/X.Y.Z/) is cached for a year; the live files whose names stay
    // from release to release, five minutes; no file gets two rules' values.
    const cache = headers['cache-control'];
    if (file.startsWith(`v${sep}`)) assert.equal(cache, 'public, max-age=31536000, immutable', file);
    else if (/^(index\.html|versions\.json|changelog\.html|embed\.js|boot\.js|card\.png|oembed\.json)$|^p[\\/]/.test(file)) assert.equal(cache, 'public, max-age=300', file);
    else assert.equal(cache, undefined, file);
  }
  assert.ok(files.some((f) => f.startsWith(`v${sep}`)) && files.includes('versions.json'), 'the pinned copy and the list of releases');
  // And served so (the suite serves dist/ with its _headers).
  const words = fetched.find((f) => f.startsWith('lang/de'));
  assert.equal((await fetch(`${SITE}${words}`)).headers.get('access-control-allow-origin'), '*');
  const loader = statSync(join(DIST, 'embed.js')).size;
  assert.ok(loader <= 4096, `embed.js is ${loader} bytes`);
});

test('a preset\'s page opens on that preset, and a preset on screen is shared as its page', async () => {
  const page = await open(`${SITE}p/all-in/`);
  await mounted(page);
  assert.equal(await page.title(), PAGES[4].title);
  assert.equal(await page.getAttribute('button[data-preset="all-in"]', 'aria-pressed'), 'true');
  assert.equal(await page.inputValue('input[name=sg]'), '95');
  assert.equal(await page.inputValue('#share-link'), `${SITE}p/all-in/`);
  assert.equal(await page.evaluate(() => location.href), `${SITE}p/all-in/`, 'the address stays the page');
  // The newsletter's picture: this preset's card, linked to its page.
  assert.equal(
    await page.inputValue('#image-code'),
    `<a href="${SITE}p/all-in/"><img src="${SITE}p/all-in/card.png" alt="Chart of OpenAI’s compute spend by provider. By 2030, OpenAI gets 95% of its compute from Stargate and spends $75.9B there, 19× its Azure spend." width="600"></a>`,
  );
  assert.match(await page.textContent('#image-note'), /All-in on Stargate/);
  // Changed: the root with the whole query, in the share panel and the address bar alike, and
  // the picture is the report's, saying so.
  await drag(page, 'sg', 60);
  await page.waitForFunction(() => location.pathname === '/' && location.search === '?sg=60&ramp=early&disc=30');
  assert.equal(await page.inputValue('#share-link'), `${SITE}?sg=60&ramp=early&disc=30`);
  assert.ok((await page.inputValue('#image-code')).includes(`<img src="${SITE}card.png"`));
  assert.match(await page.textContent('#image-note'), /It shows the report’s; for yours, download the spend chart’s PNG above/);
  // Another preset: its page.
  await page.click('button[data-preset="stargate-slips"]');
  await page.waitForFunction(() => location.pathname === '/p/stargate-slips/' && location.search === '');
  assert.equal(await page.inputValue('#share-link'), `${SITE}p/stargate-slips/`);
  // A reload of that address is the same scenario.
  await page.reload();
  await mounted(page);
  assert.equal(await page.getAttribute('button[data-preset="stargate-slips"]', 'aria-pressed'), 'true');
  // The report is the root's.
  await page.click('button[data-preset="report"]');
  await page.waitForFunction(() => location.pathname === '/' && location.search === '');
  assert.equal(await page.inputValue('#share-link'), SITE);
  await finish(page);

  // What the link says comes first: a preset's page with its own keys.
  const german = await open(`${SITE}p/all-in/?lang=de&h=2035`);
  await mounted(german);
  assert.equal(await german.getAttribute('html', 'lang'), 'de');
  assert.equal(await german.getAttribute('button[data-preset="all-in"]', 'aria-pressed'), 'true');
  assert.equal(await german.inputValue('#share-link'), `${SITE}p/all-in/?h=2035&lang=de`);
  await finish(german);
  const changed = await open(`${SITE}p/all-in/?sg=50`);
  await mounted(changed);
  assert.equal(await changed.inputValue('input[name=sg]'), '50');
  assert.equal(await changed.getAttribute('button[data-preset="all-in"]', 'aria-pressed'), 'false');
  await finish(changed);
});

// What each preset sets (src/presets.rs); every other input is the report's.
const PRESET_VALUES = {
  report: {},
  'microsoft-keeps-up': { sg: '40', mc: '6', mg: '60' },
  'stargate-slips': { y0: '2027', sg: '50', ramp: 'late' },
  'all-in': { sg: '95', disc: '30', ramp: 'early' },
};

test('a preset\'s page reads its link on top of the preset: p/<preset>/?sg=50 takes the share, keeps the rest and notes nothing, in every language', async () => {
  for (const { path, preset } of PAGES.filter((p) => p.preset)) {
    for (const lang of ['en', 'de', 'fr', 'es']) {
      const query = lang === 'en' ? '?sg=50' : `?sg=50&lang=${lang}`;
      const page = await open(`${SITE}${path}${query}`);
      await mounted(page);
      const where = `${path}${query}`;
      assert.equal(await page.getAttribute('html', 'lang'), lang, where);
      assert.equal(await page.$('#notice'), null, `${where}: no notice`);
      assert.equal(await page.inputValue('input[name=sg]'), '50', where);
      const { sg, ramp = 's', ...rest } = PRESET_VALUES[preset];
      for (const [key, value] of Object.entries(rest)) {
        assert.equal(await page.inputValue(`input[name=${key}]`), value, `${where}: ${key} stays the preset's`);
      }
      assert.equal(await page.$eval('input[name=ramp]:checked', (input) => input.value), ramp, `${where}: the preset's ramp`);
      await finish(page);
    }
  }
  // A value that is not a number keeps the page's own and says so, naming it.
  const page = await open(`${SITE}p/all-in/?sg=abc`);
  await mounted(page);
  assert.equal(await page.inputValue('input[name=sg]'), '95');
  assert.match(await page.textContent('#notice'), /is not a number \(abc\), so it uses the default, 95%/);
  await finish(page);
});

test('the one-line embed, pasted from the share panel into a post on another origin, becomes sized frames, later ones too', async () => {
  const panel = await open(`${SITE}?sg=60&lang=de`);
  await mounted(panel);
  const code = await panel.inputValue('#loader-code');
  assert.equal(code, `<div data-stargate-calc="sg=60&amp;lang=de"></div><script src="${SITE}embed.js" async></script>`);
  // Offered first: before the iframe's code.
  assert.ok(await panel.evaluate(() => document.querySelector('#loader-code').compareDocumentPosition(document.querySelector('#embed-code')) & Node.DOCUMENT_POSITION_FOLLOWING));
  await finish(panel);

  blog.posts.set('/post', loaderPost(code, 'sg=30&amp;view=chart'));
  for (const width of [1280, 390]) {
    const page = await open(`${blog.url}/post`, { width });
    await page.waitForFunction(() => document.querySelectorAll('iframe[data-stargate-calc-frame]').length === 2);
    // An element added after the script ran.
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.setAttribute('data-stargate-calc', 'sg=90');
      document.querySelector('#later').append(el);
    });
    await page.waitForFunction(() => document.querySelectorAll('iframe[data-stargate-calc-frame]').length === 3);
    const frames = await page.$$eval('iframe[data-stargate-calc-frame]', (fs) => fs.map((f) => ({ src: f.src, title: f.title, loading: f.loading })));
    assert.deepEqual(frames.map((f) => f.src), [`${SITE}?sg=60&lang=de&embed=1`, `${SITE}?sg=30&view=chart`, `${SITE}?sg=90&embed=1`]);
    for (const f of frames) assert.equal(f.loading, 'lazy');
    // Titled in the frame's language, as the page's words have it.
    const title = (lang) => JSON.parse(readFileSync(new URL(`../../lang/${lang}.json`, import.meta.url), 'utf8')).embed_iframe_title;
    assert.deepEqual(frames.map((f) => f.title), [title('de'), title('en'), title('en')]);
    assert.notEqual(title('de'), title('en'));
    // Each frame mounts and is sized to its own content.
    for (const [i, expected] of [[0, '60'], [1, '30'], [2, '90']]) {
      const handle = (await page.$$('iframe[data-stargate-calc-frame]'))[i];
      await handle.scrollIntoViewIfNeeded();
      const frame = await handle.contentFrame();
      await mounted(frame);
      // The chart view's share is the sentence's; the embed's, its slider.
      const share = i === 1 ? await frame.getAttribute('#sentence-sg', 'aria-valuenow') : await frame.inputValue('input[name=sg]');
      assert.equal(share, expected);
      const inside = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
      await page.waitForFunction(([index, h]) => Math.abs(document.querySelectorAll('iframe[data-stargate-calc-frame]')[index].getBoundingClientRect().height - h) <= 1, [i, inside], { timeout: 5000 });
    }
    assert.equal(await page.$$eval('script[src$="embed.js"]', (s) => s.length), 2, 'the line pasted twice');
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});
