// The first screen: at every size a reader meets the share's control and the whole spend chart
// without scrolling, drags the one and watches the other redraw in place; the 2030 result is
// said once; nothing moves while the page builds. And the page on paper (print, save as PDF).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finish, useBrowser } from './support/browser.mjs';

const browser = useBrowser();

/** The sizes the first screen is designed for: desktops, a tablet, phones. */
const SIZES = [
  [1280, 800],
  [1366, 768],
  [1440, 900],
  [1920, 1080],
  [768, 1024],
  [390, 844],
  [360, 740],
];
const PHONE = 640;

const frame = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));

/** Where an element is on screen, or null when it is not rendered. */
function box(page, selector) {
  return page.$eval(selector, (element) => {
    const r = element.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height } : null;
  });
}

const inside = (b, width, height) => b && b.top >= 0 && b.left >= 0 && b.bottom <= height && b.right <= width;

for (const [width, height] of SIZES) {
  test(`${width}×${height}: the share's control and the whole spend chart are on the first screen, and a drag redraws the chart in place`, async () => {
    const page = await browser.open('/', { width, height });
    assert.equal(await page.evaluate(() => scrollY), 0);
    const chart = await box(page, '#spend-chart svg[role=img]');
    assert.ok(inside(chart, width, height), `the whole chart is on screen: ${JSON.stringify(chart)}`);
    assert.ok(chart.height >= 160, `the chart is ${chart.height} px tall`);
    if (width < PHONE) assert.ok(chart.width >= 0.85 * width - 48, `the chart is ${chart.width} px wide`);
    const slider = await box(page, 'input[type=range][name=sg]');
    const sentence = await box(page, '#sentence-sg');
    assert.ok(inside(slider, width, height) && inside(sentence, width, height), 'both of the share’s controls are on screen');
    const headline = await box(page, '#headline');
    assert.ok(inside(headline, width, height), 'the headline sentence is on screen');

    // Drag the slider's thumb with the mouse, from 75 % towards the left.
    const area = '#spend-chart path[data-provider="stargate"]';
    const before = await page.getAttribute(area, 'd');
    const y = slider.top + slider.height / 2;
    await page.mouse.move(slider.left + slider.width * 0.75, y);
    await page.mouse.down();
    await page.mouse.move(slider.left + slider.width * 0.3, y, { steps: 6 });
    await page.mouse.up();
    await frame(page);
    const share = Number(await page.inputValue('input[name=sg]'));
    assert.ok(share < 50 && share > 10, `the drag moved the share to ${share}`);
    assert.equal(await page.getAttribute('#sentence-sg', 'aria-valuenow'), String(share), 'the sentence follows');
    assert.notEqual(await page.getAttribute(area, 'd'), before, 'the chart redrew');
    assert.equal(await page.evaluate(() => scrollY), 0, 'nothing scrolled');
    assert.deepEqual(await box(page, '#spend-chart svg[role=img]'), chart, 'the chart stayed where it was');
    await finish(page);
  });
}

test('dragging the share in the sentence moves the chart on the same screen of a phone', async () => {
  const page = await browser.open('/', { width: 360, height: 740 });
  const share = await box(page, '#sentence-sg');
  const chart = await box(page, '#spend-chart svg[role=img]');
  const area = '#spend-chart path[data-provider="stargate"]';
  const before = await page.getAttribute(area, 'd');
  const [x, y] = [share.left + share.width / 2, share.top + share.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 60, y, { steps: 6 });
  await page.mouse.up();
  await frame(page);
  assert.equal(await page.getAttribute('#sentence-sg', 'aria-valuenow'), '55', '60 px left is twenty steps down');
  assert.notEqual(await page.getAttribute(area, 'd'), before);
  assert.equal(await page.evaluate(() => scrollY), 0);
  assert.deepEqual(await box(page, '#spend-chart svg[role=img]'), chart);
  await finish(page);
});

test('the first screen states the 2030 result once: the headline sentence', async () => {
  for (const [width, height] of [[1920, 1080], [390, 844]]) {
    const page = await browser.open('/', { width, height });
    // Every block of text on the first screen that says the result in a sentence.
    const sentences = await page.evaluate(([w, h]) => {
      const said = [];
      for (const element of document.querySelectorAll('#app p, #app h1, #app h2, #app li, #app figcaption')) {
        const r = element.getBoundingClientRect();
        if (r.width === 0 || r.bottom <= 0 || r.top >= h || r.left >= w) continue;
        const text = element.textContent;
        if (/\$60\.0B/.test(text) && /(3\.0×|By 2030)/.test(text)) said.push(element.id || element.className);
      }
      return said;
    }, [width, height]);
    assert.deepEqual(sentences, ['headline'], `${width}×${height}`);
    assert.equal(await page.$$eval('.headline, #explorable', (found) => found.length), 0, 'no second headline');
    await finish(page);
  }
});

for (const path of ['/', '/?embed=1']) {
  test(`nothing moves while ${path} builds, at every size (no layout shift)`, async () => {
    for (const [width, height] of SIZES) {
      const page = await browser.open(path, { width, height });
      await page.waitForTimeout(200);
      const shifts = await page.evaluate(
        () =>
          new Promise((ok) => {
            const seen = [];
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) seen.push(entry.value);
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => ok(seen), 100);
          }),
      );
      assert.deepEqual(shifts, [], `${path} at ${width}×${height}`);
      await finish(page);
    }
  });
}

// --- On paper -----------------------------------------------------------------------------

/** The number of pages of a PDF made by Chromium. */
function pageCount(pdf) {
  const text = pdf.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
  const tree = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  assert.ok(pages > 0 && tree.includes(pages), `the page tree agrees: ${pages} pages, counts ${tree}`);
  return pages;
}

/** Relative luminance of a CSS rgb() colour. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

for (const theme of ['light', 'dark']) {
  test(`printed (${theme} theme): the scenario's link, both charts, figures, table, assumptions and sources; no controls; dark ink on white`, async () => {
    const page = await browser.open(`/?sg=40&theme=${theme}`);
    await page.emulateMedia({ media: 'print' });
    const paper = await page.evaluate(() => {
      const shown = (element) => {
        if (!element) return false;
        const r = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return r.width > 0 && r.height > 0 && style.visibility !== 'hidden';
      };
      const controls = [...document.querySelectorAll('input, button, textarea, select')].filter(shown);
      const charts = ['#spend-chart', '#share-chart'].map((id) => {
        const figure = document.querySelector(id);
        const r = figure.querySelector('svg[role=img]').getBoundingClientRect();
        return { shown: shown(figure), breakInside: getComputedStyle(figure).breakInside, top: r.top, bottom: r.bottom };
      });
      const outputs = ['s24', 's27', 'g', 'y0', 'mc', 'mg', 'ora', 'disc', 'h'].map((key) => {
        const output = document.getElementById(`${key}-value`);
        const label = document.querySelector(`label[for="in-${key}"]`);
        return shown(output) && shown(label) ? `${label.textContent}: ${output.textContent}` : null;
      });
      const ramp = [...document.querySelectorAll('.ramp-option')].filter(shown).map((o) => o.textContent);
      return {
        controls: controls.map((c) => c.id || c.name || c.tagName),
        link: shown(document.getElementById('print-link')) ? document.getElementById('print-link').textContent : null,
        headline: shown(document.getElementById('headline')) ? document.getElementById('headline').textContent : null,
        title: shown(document.querySelector('h1')),
        charts,
        figures: [...document.querySelectorAll('[data-figure]')].filter(shown).length,
        rows: [...document.querySelectorAll('#data-table tbody tr')].filter(shown).length,
        outputs,
        ramp,
        sources: shown(document.getElementById('sources')) && document.querySelectorAll('#sources blockquote').length,
        release: shown(document.getElementById('calculator-version')) && document.getElementById('calculator-version').textContent,
        ink: getComputedStyle(document.querySelector('h1')).color,
        text: getComputedStyle(document.body).color,
        paper: getComputedStyle(document.body).backgroundColor,
      };
    });
    assert.deepEqual(paper.controls, [], 'no range input, button, text or file field on paper');
    assert.equal(paper.link, `This scenario: ${browser.server.url}/?sg=40&theme=${theme}`);
    assert.match(paper.headline, /^By 2030, OpenAI gets 40% of its compute from Stargate/);
    assert.ok(paper.title);
    for (const chart of paper.charts) {
      assert.ok(chart.shown, 'both charts');
      assert.equal(chart.breakInside, 'avoid', 'a chart is never cut by a page break');
    }
    assert.ok(paper.charts[0].bottom <= paper.charts[1].top, 'the charts are apart');
    assert.equal(paper.figures, 9);
    assert.equal(paper.rows, 7);
    for (const line of paper.outputs) assert.match(line ?? 'missing', /.+: \S+/, 'each assumption with its value');
    assert.equal(paper.ramp.length, 1, 'the ramp chosen, not the four choices');
    assert.ok(paper.sources >= 8, 'the sources and their quotes');
    assert.match(paper.release || 'not shown', /^Calculator version \d+\.\d+\.\d+\.$/, 'the release, on paper');
    assert.ok(luminance(paper.ink) < 0.05 && luminance(paper.text) < 0.05, `dark ink: ${paper.ink}, ${paper.text}`);
    assert.ok(luminance(paper.paper) > 0.95, `white paper: ${paper.paper}`);
    await finish(page);
  });
}

test('saved as PDF, the page takes at most four A4 or Letter pages, whatever the size, theme, language or years', async () => {
  const cases = [
    ['/?theme=dark', 1280],
    ['/?sg=40', 390],
    ['/?lang=de&h=2035&b=1&b.sg=60&bands=1', 1280],
    ['/?lang=fr&h=2035&theme=dark', 360],
  ];
  for (const [path, width] of cases) {
    const page = await browser.open(path, { width, height: 900 });
    for (const format of ['A4', 'Letter']) {
      const pages = pageCount(await page.pdf({ format }));
      assert.ok(pages >= 2 && pages <= 4, `${path} at ${width} px on ${format}: ${pages} pages`);
    }
    await finish(page);
  }
});
