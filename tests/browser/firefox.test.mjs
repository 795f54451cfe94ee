// The second engine: a smoke test in Debian's Firefox ESR (installed by scripts/setup
// --browser), driven by npm puppeteer-core over WebDriver BiDi; nothing is downloaded. The
// rest of the suite runs in Chromium; this file checks that what a reader does most also works
// in Gecko: the page with a linked scenario and a drag, on a wide screen and a phone, the
// one-line embed on a blog of another origin, and the embed inside a WordPress post (its
// sandbox, WordPress's own wp-embed.js). Served where the build was published for (SITE), with
// its own `_headers`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { DIST, SITE, drag, finish, mounted, readTable, recordProblems } from './support/browser.mjs';
import { loaderPost, startBlog, wordpressPost } from './support/blog.mjs';
import { parseQuery, project, tableText } from './support/model.mjs';
import { serve } from './support/server.mjs';

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const SECRET = 'Fx12Gh34Ij';

let site;
let blog;
let firefox;
let profile;

before(async () => {
  assert.ok(existsSync(FIREFOX), `Firefox ESR is missing: run scripts/setup --browser (${FIREFOX})`);
  site = await serve(DIST, { port: Number(new URL(SITE).port), headersFile: join(DIST, '_headers') });
  blog = await startBlog();
  profile = mkdtempSync(join(tmpdir(), 'stargate-firefox-'));
  firefox = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir: profile });
});

after(async () => {
  await firefox?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await site?.close();
  await blog?.close();
});

/** A new tab at `width`, recording what it reports, at `url`. */
async function open(url, width) {
  const page = await firefox.newPage();
  await page.setViewport({ width, height: 900 });
  recordProblems(page);
  await page.goto(url);
  return page;
}

const expectedTable = (search) => tableText(project(parseQuery(search).inputs).rows);

/** Drags the Stargate share to `value` in `target` (a tab or a frame) and waits for the
 * spend chart's Stargate area to be redrawn. */
async function dragShare(target, value) {
  const area = '#spend-chart path[data-provider="stargate"]';
  const before = await target.$eval(area, (p) => p.getAttribute('d'));
  await drag(target, 'sg', value);
  await target.waitForFunction((sel, d) => document.querySelector(sel).getAttribute('d') !== d, {}, area, before);
}

for (const width of [1280, 390]) {
  test(`in Firefox at ${width} px: a linked scenario's table, a drag redraws the chart and rewrites the address`, async () => {
    const page = await open(`${SITE}?sg=60&ramp=early`, width);
    await mounted(page);
    assert.equal(await page.$eval('html', (h) => h.lang), 'en');
    assert.deepEqual(await readTable(page), expectedTable('?sg=60&ramp=early'));
    assert.match(await page.$eval('#headline', (h) => h.textContent), /60%/);
    await dragShare(page, 30);
    assert.deepEqual(await readTable(page), expectedTable('?sg=30&ramp=early'));
    assert.match(await page.$eval('#headline', (h) => h.textContent), /30%/);
    await page.waitForFunction(() => location.search === '?sg=30&ramp=early', { timeout: 3000 });
    const layout = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: innerWidth,
      chartTop: document.querySelector('#spend-chart').getBoundingClientRect().top,
    }));
    assert.ok(layout.scroll <= layout.inner, `no sideways scroll: ${layout.scroll} > ${layout.inner}`);
    assert.ok(layout.chartTop < 900, `the chart starts on the first screen: ${layout.chartTop}`);
    await finish(page);
  });
}

test('in Firefox: the one-line embed in a post on another origin becomes titled frames sized to their content', async () => {
  const code = `<div data-stargate-calc="sg=60&amp;lang=de"></div><script src="${SITE}embed.js" async></script>`;
  blog.posts.set('/post', loaderPost(code, 'sg=30&amp;view=chart'));
  const page = await open(`${blog.url}/post`, 390);
  await page.waitForFunction(() => document.querySelectorAll('iframe[data-stargate-calc-frame]').length === 2);
  const frames = await page.$$eval('iframe[data-stargate-calc-frame]', (fs) => fs.map((f) => ({ src: f.src, title: f.title })));
  assert.deepEqual(frames.map((f) => f.src), [`${SITE}?sg=60&lang=de&embed=1`, `${SITE}?sg=30&view=chart`]);
  const title = JSON.parse(readFileSync(new URL('../../lang/de.json', import.meta.url), 'utf8')).embed_iframe_title;
  assert.equal(frames[0].title, title);
  for (const index of [0, 1]) {
    const handle = (await page.$$('iframe[data-stargate-calc-frame]'))[index];
    await handle.scrollIntoView();
    const frame = await handle.contentFrame();
    await mounted(frame);
    const inside = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    assert.ok(inside > 200, `frame ${index} has content: ${inside}`);
    await page.waitForFunction(
      (i, h) => Math.abs(document.querySelectorAll('iframe[data-stargate-calc-frame]')[i].getBoundingClientRect().height - h) <= 1,
      { timeout: 5000 },
      index,
      inside,
    );
  }
  assert.equal(await page.$$eval('html[lang]', (h) => h.length), 1);
  await finish(page);
});

test('in Firefox: inside a WordPress post, shown and sized by wp-embed.js, and it works in the sandbox', async () => {
  blog.posts.set('/wordpress', await wordpressPost(`${SITE}p/stargate-slips/`, SECRET));
  const page = await open(`${blog.url}/wordpress`, 390);
  const handle = await page.waitForSelector('iframe.wp-embedded-content');
  const frame = await handle.contentFrame();
  await mounted(frame);
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe.wp-embedded-content');
    return !f.hasAttribute('style') && Number(f.getAttribute('height')) !== 720;
  }, { timeout: 10_000 });
  const inside = await frame.evaluate(() => ({
    origin: self.origin,
    body: Math.ceil(document.body.getBoundingClientRect().height),
    sheet: getComputedStyle(document.querySelector('.embed')).display,
    share: document.querySelector('input[name=sg]').value,
  }));
  assert.equal(inside.origin, 'null', 'an opaque origin');
  assert.equal(inside.sheet, 'grid', 'the stylesheet applied');
  assert.equal(inside.share, '50', "the preset page's scenario");
  assert.ok(inside.body <= 1000, `it fits WordPress's 1,000 px: ${inside.body}`);
  const height = await page.$eval('iframe.wp-embedded-content', (f) => Number(f.getAttribute('height')));
  assert.equal(height, inside.body, 'WordPress sized the frame to its content');
  await dragShare(frame, 30);
  await frame.click('#copy-link');
  await frame.waitForFunction(() => /Ctrl\+C|Copied/.test(document.querySelector('#copy-link + .copy-status')?.textContent ?? ''));
  await finish(page);
});
