// The embed inside a WordPress post, as WordPress embeds a page it discovered by oEmbed: the
// page's `<link rel="alternate" type="application/json+oembed">` followed to the published
// oEmbed response (the build scripts/test published for SITE, served there), its HTML run
// through WordPress's own filter (wp_filter_oembed_result, ported in support/blog.mjs
// from wp-includes/embed.php of Debian's wordpress 6.1 package: the iframe sandboxed to
// `allow-scripts`, so an opaque origin, a secret in its address, clipped to a pixel behind a
// blockquote until the frame speaks), and WordPress's own wp-embed.js (from that package, put
// in target/wordpress/ by scripts/setup --browser) sizing it. The calculator is served with
// the build's own `_headers` (as docs/embedding.md asks for embeds in a sandbox), read as a host
// reads it (support/server.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DIST, SITE, launchContext, mounted } from './support/browser.mjs';
import { startBlog, wordpressPost } from './support/blog.mjs';
import { serve } from './support/server.mjs';

const SECRET = 'Ab12Cd34Ef';

let calculator;
let blog;
let browser;

before(async () => {
  calculator = await serve(DIST, { port: Number(new URL(SITE).port), headersFile: join(DIST, '_headers') });
  blog = await startBlog();
  browser = await launchContext();
});

after(async () => {
  await browser?.close();
  await calculator?.close();
  await blog?.close();
});

/** A post on the blog embedding the calculator's `page` as WordPress does; `script` loads
 * wp-embed.js. */
async function post(path, { script = true, page = 'p/stargate-slips/' } = {}) {
  blog.posts.set(path, await wordpressPost(SITE + page, SECRET, { script }));
  return blog.url + path;
}

async function open(url, width) {
  const page = await browser.context.newPage();
  page.problems = [];
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  await page.setViewportSize({ width, height: 900 });
  await page.goto(url);
  return page;
}

const frameOf = (page) => page.frames().find((f) => f.url().startsWith(calculator.url));

for (const width of [1280, 390]) {
  test(`in a WordPress post at ${width} px: shown and sized by WordPress's wp-embed.js, and it works in the sandbox`, async () => {
    const page = await open(await post(`/post-${width}`), width);
    const frame = frameOf(page);
    assert.ok(frame, 'the calculator frame');
    await mounted(frame);
    // WordPress shows the frame (no clip) and hides the blockquote once the frame speaks.
    await page.waitForFunction(() => {
      const f = document.querySelector('iframe.wp-embedded-content');
      return f && !f.hasAttribute('style') && Number(f.getAttribute('height')) !== 720;
    }, null, { timeout: 10_000 });
    const host = await page.evaluate(() => {
      const f = document.querySelector('iframe.wp-embedded-content');
      return {
        sandbox: f.getAttribute('sandbox'),
        height: Number(f.getAttribute('height')),
        box: f.getBoundingClientRect().height,
        quote: getComputedStyle(document.querySelector('blockquote.wp-embedded-content')).display,
        heard: window.heard.filter((m) => m && m.message === 'height').map((m) => m.value),
      };
    });
    assert.equal(host.sandbox, 'allow-scripts', 'WordPress sandboxes it: an opaque origin');
    assert.equal(host.quote, 'none');
    const inside = await frame.evaluate(() => ({
      origin: self.origin,
      body: Math.ceil(document.body.getBoundingClientRect().height),
      scroll: document.documentElement.scrollHeight,
      inner: innerHeight,
      sheet: getComputedStyle(document.querySelector('.embed')).display,
    }));
    assert.equal(inside.origin, 'null');
    assert.equal(inside.sheet, 'grid', 'the stylesheet applied');
    assert.ok(inside.body <= 1000, `it fits WordPress's 1,000 px: ${inside.body}`);
    assert.equal(host.height, inside.body, 'WordPress sized the frame to its content');
    assert.ok(inside.scroll <= inside.inner + 1, 'nothing cut or scrolling inside');
    assert.ok(host.heard.length >= 1 && host.heard.at(-1) === inside.body, `height messages: ${host.heard}`);
    // It works: a drag redraws, Copy link falls back to selecting the text, no exception.
    const area = '#spend-chart path[data-provider="stargate"]';
    const before = await frame.getAttribute(area, 'd');
    assert.equal(await frame.inputValue('input[name=sg]'), '50', 'the preset page\'s scenario');
    assert.equal(await frame.getAttribute('#copy-link + .copy-status', 'role'), 'status');
    assert.equal(await frame.inputValue('#share-link'), `${SITE}p/stargate-slips/`, 'its link is the preset\'s page');
    await frame.$eval('input[name=sg]', (i) => {
      i.value = '30';
      i.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await frame.waitForFunction((d) => document.querySelector('#spend-chart path[data-provider="stargate"]').getAttribute('d') !== d, before);
    await frame.click('#copy-link');
    await frame.waitForFunction(() => /Ctrl\+C|Copied/.test(document.querySelector('#copy-link + .copy-status')?.textContent ?? ''));
    await page.waitForTimeout(600);
    assert.deepEqual(page.problems, [], 'no error: nothing blocked, no exception from history or the clipboard');
    await page.close();
  });
}

test('hidden behind WordPress\'s blockquote (no wp-embed.js to show it), the embed still builds completely and tells its height', async () => {
  const page = await open(await post('/hidden', { script: false, page: '' }), 1280);
  const frame = frameOf(page);
  await mounted(frame);
  assert.equal(await page.evaluate(() => document.querySelector('iframe.wp-embedded-content').getAttribute('style')), 'position: absolute; clip: rect(1px, 1px, 1px, 1px);', 'still clipped');
  assert.equal(await frame.$$eval('[data-figure]', (f) => f.length), 3, 'built to its last part');
  const heard = await page.evaluate(() => window.heard);
  const wordpress = heard.filter((m) => m && m.secret === SECRET && m.message === 'height');
  assert.ok(wordpress.length >= 1, `WordPress's height message: ${JSON.stringify(heard)}`);
  assert.ok(heard.some((m) => m && m.type === 'stargate-calc:height'), 'and our own');
  assert.deepEqual(page.problems, []);
  await page.close();
});
