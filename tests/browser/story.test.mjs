// The scrollytelling example (examples/story.html) on every screen, and the embed's chart view
// it uses (`view=chart`): at each step there is a reading position where the step's heading
// and text are whole on screen and clear of the calculator, the whole chart is on screen, and
// the calculator shows that step's scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { finish, mounted, useBrowser } from './support/browser.mjs';
import { defaults, project } from './support/model.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; frame-ancestors *";
const browser = useBrowser({ headers: { 'content-security-policy': CSP } });

/** Each step's scenario, as the calculator's link and as the oracle's inputs. */
const STEPS = [
  ['mark=2028&note=Stargate+passes+Azure+in+2028&view=chart', { ...defaults() }],
  ['sg=40&mc=6&mg=60&mark=2030&note=Azure+is+still+the+larger+supplier+in+2030&view=chart', { ...defaults(), sg: 40, mc: 6, mg: 60 }],
  ['sg=50&y0=2027&ramp=late&mark=2027&note=The+first+Stargate+compute+arrives+only+in+2027&view=chart', { ...defaults(), sg: 50, y0: 2027, ramp: 'late' }],
  ['sg=95&ramp=early&disc=30&mark=2026&note=Most+of+the+move+happens+early&view=chart', { ...defaults(), sg: 95, ramp: 'early', disc: 30 }],
  ['g=30&note=Growing+30%25+a+year+after+2027%2C+not+59%25&view=chart', { ...defaults(), g: 30 }],
];
const SIZES = [
  [360, 740, true],
  [390, 844, true],
  [768, 1024, true],
  [1280, 800, false],
  [1440, 900, false],
];

async function openStory(width, height) {
  const page = await browser.context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && page.problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.setViewportSize({ width, height });
  await page.goto(`${browser.server.url}/examples/story.html`);
  await page.waitForFunction(() => document.getElementById('quote-value').textContent.startsWith('$'));
  return page;
}

const calculator = (page) => page.frames().find((f) => f !== page.mainFrame() && f.url().includes('view=chart'));

for (const [width, height, pinned] of SIZES) {
  test(`the story at ${width}×${height}: each step readable beside the whole chart of its scenario`, async () => {
    const page = await openStory(width, height);
    const steps = await page.$$('.step');
    assert.equal(steps.length, STEPS.length);
    for (const [i, [query, inputs]] of STEPS.entries()) {
      // The reading position: the step's heading just below the top of the screen.
      await steps[i].evaluate((s) => window.scrollTo(0, s.getBoundingClientRect().top + scrollY - 12));
      const quote = `$${project(inputs).figures.stargate2030.toFixed(1)}B`;
      await page.waitForFunction((text) => document.getElementById('quote-value').textContent === text, quote, { timeout: 5000 });
      const frame = calculator(page);
      assert.ok(frame, 'the calculator shows its chart view');
      await frame.waitForFunction((q) => location.search === `?${q}`, query, { timeout: 5000 });
      await page.waitForTimeout(100);
      const layout = await page.evaluate((index) => {
        const box = (e) => {
          const r = e.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
        };
        const step = document.querySelectorAll('.step')[index];
        return {
          heading: box(step.querySelector('h2')),
          text: box(step.querySelector('p')),
          graphic: box(document.querySelector('.graphic')),
          frame: box(document.getElementById('calculator')),
          active: step.classList.contains('is-active'),
        };
      }, i);
      const inside = await frame.evaluate(() => {
        const r = document.querySelector('#spend-chart svg[role=img]').getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, scroll: document.documentElement.scrollHeight, inner: innerHeight };
      });
      const where = `step ${i + 1} at ${width}×${height}`;
      assert.equal(await frame.textContent('#spend-chart [data-note]'), new URLSearchParams(query).get('note'), `${where}: the step's note on the chart`);
      assert.ok(layout.active, `${where}: the step is the active one`);
      for (const part of [layout.heading, layout.text]) {
        assert.ok(part.top >= 0 && part.bottom <= height, `${where}: the step's text is whole on screen`);
        const clear = part.bottom <= layout.graphic.top || part.top >= layout.graphic.bottom || part.right <= layout.graphic.left || part.left >= layout.graphic.right;
        assert.ok(clear, `${where}: the step's text is not under the calculator ${JSON.stringify([part, layout.graphic])}`);
      }
      assert.ok(inside.scroll <= inside.inner, `${where}: nothing scrolls inside the frame (${inside.scroll} > ${inside.inner})`);
      const chart = { top: layout.frame.top + inside.top, bottom: layout.frame.top + inside.bottom };
      assert.ok(chart.top >= 0 && chart.bottom <= height && inside.bottom <= inside.inner, `${where}: the whole chart is on screen ${JSON.stringify(chart)}`);
      if (pinned) assert.ok(layout.graphic.bottom - layout.graphic.top <= height / 2 + 1, `${where}: the pinned calculator takes at most half the screen`);
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('the chart view fits a 320×300 frame: the sentence, the chart with its title and legend, nothing else; it grows with its width', async () => {
  const heights = [];
  for (const [width, height] of [[320, 300], [480, 400], [800, 600]]) {
    const page = await browser.open('/?view=chart&sg=60', { width, height });
    const view = await page.evaluate(() => {
      const svg = document.querySelector('#spend-chart svg[role=img]').getBoundingClientRect();
      return {
        scroll: document.documentElement.scrollHeight,
        inner: innerHeight,
        svg: { top: svg.top, bottom: svg.bottom, height: svg.height, width: svg.width },
        sentence: document.getElementById('headline').textContent,
        title: document.querySelector('#spend-chart figcaption').textContent,
        legend: [...document.querySelectorAll('#spend-chart .legend li[data-provider]')].map((li) => li.dataset.provider),
        sliders: document.querySelectorAll('input').length,
        figures: document.querySelectorAll('[data-figure]').length,
        buttons: document.querySelectorAll('button').length,
        shareSlider: document.querySelector('#sentence-sg')?.getAttribute('role'),
        embed: document.getElementById('app').classList.contains('is-embed'),
      };
    });
    assert.ok(view.scroll <= view.inner, `no scrolling at ${width}×${height}: ${view.scroll} > ${view.inner}`);
    assert.ok(view.svg.top >= 0 && view.svg.bottom <= height, `the whole chart at ${width}×${height}`);
    assert.match(view.sentence, /^By 2030, OpenAI gets 60% of its compute from Stargate and spends \$\d+\.\dB there/);
    assert.equal(view.title, 'Compute spend by provider, $B per year');
    assert.deepEqual(view.legend, ['microsoft', 'stargate', 'oracle', 'other']);
    assert.deepEqual([view.sliders, view.figures, view.buttons], [0, 0, 0], 'no slider, figure or button');
    assert.equal(view.shareSlider, 'slider', 'the share still drags in the sentence');
    assert.ok(view.embed);
    heights.push(view.svg.height);
    if (width === 320) {
      // Dragging the share in the sentence redraws the chart where it is.
      const share = await (await page.$('#sentence-sg')).boundingBox();
      const before = await page.getAttribute('#spend-chart path[data-provider=stargate]', 'd');
      await page.mouse.move(share.x + share.width / 2, share.y + share.height / 2);
      await page.mouse.down();
      await page.mouse.move(share.x + share.width / 2 - 45, share.y + share.height / 2, { steps: 5 });
      await page.mouse.up();
      await page.waitForFunction(() => document.querySelector('#sentence-sg').getAttribute('aria-valuenow') === '45');
      assert.notEqual(await page.getAttribute('#spend-chart path[data-provider=stargate]', 'd'), before);
      const after = await page.evaluate(() => document.querySelector('#spend-chart svg[role=img]').getBoundingClientRect().top);
      assert.equal(after, view.svg.top, 'the chart did not move');
    }
    await finish(page);
  }
  assert.ok(heights[0] < heights[1] && heights[1] < heights[2], `the chart grows with the width: ${heights}`);
});

test('the chart view: a bad view word is noted, the link keeps view=chart, and it runs under the strict policy with axe clean in both themes', async () => {
  const bad = await browser.open('/?embed=1&view=graph', { width: 400, height: 900 });
  assert.match(await bad.textContent('#notice'), /“view” must be full, chart; the link's graph was ignored\./);
  assert.ok(await bad.$('input[name=sg]'), 'the usual embed');
  await finish(bad);
  for (const theme of ['light', 'dark']) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 360 });
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${browser.server.url}/?view=chart&sg=40&theme=${theme}`);
    await mounted(page);
    await page.waitForFunction(() => location.search === '?sg=40&view=chart&theme=' + document.documentElement.dataset.theme);
    assert.deepEqual(await page.evaluate(() => window.violations), [], `${theme}: nothing the policy blocks`);
    // axe-core evaluated by the test driver (the page's own policy allows no inline script).
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`));
    assert.deepEqual(violations, [], theme);
    await page.close();
  }
});

test('the chart view talks to its host as the embed does: ready, set, state, theme, height', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 800, height: 900 });
  // A host page on the same server: the frame, and a log of what it posts.
  await page.route('**/host.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>host</title><iframe id="calc" src="/?view=chart&lang=de" style="width:340px;height:500px;border:0"></iframe>`,
    }),
  );
  await page.goto(`${browser.server.url}/host.html`);
  const log = await page.evaluateHandle(() => {
    const seen = [];
    addEventListener('message', (e) => seen.push(e.data));
    return seen;
  });
  const frame = () => page.frames().find((f) => f !== page.mainFrame());
  await frame().waitForLoadState();
  await mounted(frame());
  await page.evaluate(() => document.getElementById('calc').contentWindow.postMessage({ type: 'stargate-calc:set', params: { sg: 30 } }, '*'));
  await page.evaluate(() => document.getElementById('calc').contentWindow.postMessage({ type: 'stargate-calc:theme', theme: 'dark' }, '*'));
  await page.waitForFunction((seen) => seen.some((m) => m?.type === 'stargate-calc:state'), log);
  const messages = await log.jsonValue();
  const state = messages.find((m) => m?.type === 'stargate-calc:state').state;
  assert.equal(state.query, 'sg=30&view=chart&lang=de');
  assert.equal(state.params.sg, 30);
  // The first is said at once, while the chart is still being built; the last is the whole.
  const heights = messages.filter((m) => m?.type === 'stargate-calc:height').map((m) => m.height);
  assert.ok(heights.length >= 1 && heights.at(-1) > 150 && heights.at(-1) < 500, `height messages: ${heights}`);
  await frame().waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  assert.match(await frame().textContent('#headline'), /^Im Jahr 2030 bezieht OpenAI 30\u00a0%/);
  await page.close();
});

test('the share panel offers the chart view for stories, with its code for the scenario on screen', async () => {
  const page = await browser.open('/?sg=40&lang=fr');
  const note = await page.$eval('#chart-view-code', (field) => field.previousElementSibling.previousElementSibling.textContent);
  assert.match(note, /vue graphique/);
  const code = await page.inputValue('#chart-view-code');
  assert.equal(
    code,
    `<iframe src="${browser.server.url}/?sg=40&amp;view=chart&amp;lang=fr" title="D’Azure à Stargate\u00a0: le calculateur des dépenses de calcul d’OpenAI" width="100%" height="380" loading="lazy" allow="clipboard-write" style="border:0"></iframe>`,
  );
  assert.equal((await page.textContent('#copy-chart-view')).trim(), 'Copier le code de la vue graphique');
  // The code's frame is the chart view of that scenario.
  const src = code.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  const view = await browser.open(src.slice(browser.server.url.length), { width: 400, height: 380 });
  assert.equal(await view.getAttribute('#sentence-sg', 'aria-valuenow'), '40');
  assert.equal(await view.$('input[name=sg]'), null);
  assert.ok(await view.evaluate(() => document.documentElement.scrollHeight <= innerHeight), 'fits its 380 px');
  await finish(view);
  await finish(page);
});
