// What a reader sees and does on the calculator page, against the release build served on
// 127.0.0.1 in headless Debian Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drag, figure, finish, number, readTable, useBrowser } from './support/browser.mjs';
import { ASSUMPTIONS, SPECS, defaults, parseQuery, project, tableText } from './support/model.mjs';
import { REFERENCE_TABLE } from './support/reference.mjs';

const browser = useBrowser();

function expectedTable(inputs) {
  return tableText(project(inputs).rows);
}

test('the default table is the model’s reference table (docs/model.md), and the figures its reference values', async () => {
  const page = await browser.open('/');
  assert.deepEqual(await readTable(page), REFERENCE_TABLE);
  assert.deepEqual(
    await page.$$eval('#data-table thead th', (cells) => cells.map((c) => c.textContent.trim())),
    ['Year', 'Microsoft Azure', 'Stargate', 'Oracle', 'Other clouds', 'Total'],
  );
  assert.equal((await figure(page, 'crossover-year')).value, '2028');
  assert.equal((await figure(page, 'funding-year')).value, '2026');
  assert.equal((await figure(page, 'commitment-share')).value, '5.6%');
  assert.equal((await figure(page, 'microsoft-change')).value, '4.0×');
  const expected = project(defaults()).figures;
  const close = (shown, exact, tolerance) => Math.abs(number(shown) - exact) <= tolerance;
  assert.ok(close((await figure(page, 'total-2030')).value, expected.total2030, 0.05));
  assert.ok(close((await figure(page, 'stargate-2030')).value, expected.stargate2030, 0.05));
  assert.ok(close((await figure(page, 'cumulative-spend')).value, expected.cumulative, 0.5));
  assert.ok(close((await figure(page, 'cumulative-savings')).value, expected.savings, 0.05));
  assert.ok(
    close((await figure(page, 'cumulative-overflow')).value, expected.overflowOracle + expected.overflowOther, 0.005),
  );
  for (const name of [
    'total-2030',
    'stargate-2030',
    'microsoft-change',
    'crossover-year',
    'cumulative-spend',
    'cumulative-overflow',
    'cumulative-savings',
    'funding-year',
    'commitment-share',
  ]) {
    assert.match((await figure(page, name)).sentence, /^[A-Z0-9$].{20,}\.$/, `${name} has a sentence`);
  }
  assert.equal(
    (await page.textContent('#headline')).trim(),
    'By 2030, OpenAI gets 75% of its compute from Stargate and spends $60.0B there, 3.0× its Azure spend.',
  );
  await finish(page);
});

test('a link opens its scenario: ?sg=40&ramp=late&h=2035', async () => {
  const search = '?sg=40&ramp=late&h=2035';
  const page = await browser.open('/' + search);
  const { inputs, problems } = parseQuery(search);
  assert.deepEqual(problems, []);
  const table = await readTable(page);
  assert.equal(table.length, 12);
  assert.deepEqual(table, expectedTable(inputs));
  assert.equal(await page.textContent('#sg-value'), '40%');
  assert.equal(await page.inputValue('input[name=sg]'), '40');
  assert.equal(await page.textContent('#h-value'), '2035');
  assert.ok(await page.isChecked('input[name=ramp][value=late]'));
  assert.ok(!(await page.isChecked('input[name=ramp][value=s]')));
  assert.equal(await page.$('#notice'), null, 'a clean link shows no notice');
  await finish(page);
});

test('dragging the 2030 share updates table, figures and the Stargate area while dragging', async () => {
  const page = await browser.open('/');
  const area = 'svg path.area[data-provider=stargate]';
  const before = {
    d: await page.getAttribute(`#spend-chart ${area}`, 'd'),
    stargate: (await figure(page, 'stargate-2030')).value,
    crossover: (await figure(page, 'crossover-year')).value,
  };
  for (const sg of [40, 10, 0, 100, 63]) {
    await drag(page, 'sg', sg);
    assert.deepEqual(await readTable(page), expectedTable({ ...defaults(), sg }), `sg=${sg}`);
    assert.equal(await page.textContent('#sg-value'), `${sg}%`);
    assert.equal(await page.getAttribute('input[name=sg]', 'aria-valuetext'), `${sg} percent`);
  }
  await drag(page, 'sg', 10);
  const d = await page.getAttribute(`#spend-chart ${area}`, 'd');
  assert.notEqual(d, before.d, 'the Stargate area is redrawn');
  assert.match(d, /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+Z$/);
  assert.notEqual((await figure(page, 'stargate-2030')).value, before.stargate);
  assert.equal((await figure(page, 'crossover-year')).value, 'not by 2030');
  assert.notEqual(before.crossover, 'not by 2030');
  assert.equal((await figure(page, 'stargate-2030')).value, '$7.99B');
  await finish(page);
});

test('every other slider recomputes the table, and h changes the number of rows', async () => {
  const page = await browser.open('/');
  const inputs = defaults();
  for (const [key, value] of [
    ['s27', 35.5],
    ['mc', 12],
    ['mg', 10],
    ['ora', 25],
    ['disc', 45],
    ['g', 20.3],
    ['s24', 7.5],
    ['y0', 2028],
    ['h', 2033],
  ]) {
    await drag(page, key, value);
    inputs[key] = value;
    assert.deepEqual(await readTable(page), expectedTable(inputs), `${key}=${value}`);
  }
  assert.equal((await readTable(page)).length, 10);
  await drag(page, 'h', 2030);
  assert.equal((await readTable(page)).length, 7);
  await finish(page);
});

test('the ramp choice reshapes the move to Stargate', async () => {
  const page = await browser.open('/');
  for (const ramp of ['late', 'early', 'lin', 's']) {
    await page.check(`input[name=ramp][value=${ramp}]`);
    assert.deepEqual(await readTable(page), expectedTable({ ...defaults(), ramp }), ramp);
  }
  await finish(page);
});

test('reset restores the report figures', async () => {
  const page = await browser.open('/?sg=20&ramp=early&h=2034&mc=30');
  assert.notDeepEqual(await readTable(page), REFERENCE_TABLE);
  await drag(page, 'disc', 55);
  await page.click('#reset');
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
  assert.deepEqual(await readTable(page), REFERENCE_TABLE);
  for (const [key, spec] of Object.entries(SPECS)) {
    assert.equal(Number(await page.inputValue(`input[name=${key}]`)), spec.default, key);
  }
  assert.ok(await page.isChecked('input[name=ramp][value=s]'));
  await finish(page);
});

test('a garbage link shows one polite notice, uses docs/model.md values, and can be dismissed', async () => {
  const search = '?sg=abc&y0=2026.5&h=1e999&ramp=LATE&zz=1';
  const page = await browser.open('/' + search);
  const { inputs, problems } = parseQuery(search);
  assert.deepEqual(await readTable(page), expectedTable(inputs));
  assert.equal(inputs.h, 2035);
  assert.equal(await page.getAttribute('#notice', 'role'), 'status');
  const items = await page.$$eval('#notice li', (lis) => lis.map((li) => li.textContent));
  assert.equal(items.length, problems.length);
  assert.match(items.join(' '), /abc/);
  assert.match(items.join(' '), /rounded to 2027/);
  assert.match(items.join(' '), /zz/);
  await page.click('#notice-dismiss');
  await page.waitForSelector('#notice', { state: 'detached' });
  assert.deepEqual(await readTable(page), expectedTable(inputs), 'dismissing keeps the scenario');
  await finish(page);
});

test('hovering or arrowing through a chart reads out that year', async () => {
  const page = await browser.open('/');
  const readoutYear = (chart) => page.textContent(`#${chart} .readout-year`);
  assert.equal(await readoutYear('spend-chart'), '2030', 'the last year shows by default');
  await page.hover('#spend-chart rect[data-year="2027"]');
  assert.equal(await readoutYear('spend-chart'), '2027');
  const readout = await page.textContent('#spend-chart .readout');
  for (const value of ['$12.30B', '$7.50B', '$0.14B', '$0.06B', '$20.00B']) {
    assert.ok(readout.includes(value), `${value} in "${readout}"`);
  }
  await page.mouse.move(1, 1);
  await page.focus('#share-chart [data-chart-focus]');
  assert.equal(await readoutYear('share-chart'), '2030');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await readoutYear('share-chart'), '2028');
  assert.match(await page.textContent('#share-chart .readout'), /Stargate\s*55\.6%/);
  await page.keyboard.press('Home');
  assert.equal(await readoutYear('share-chart'), '2024');
  await page.keyboard.press('End');
  assert.equal(await readoutYear('share-chart'), '2030');
  for (const chart of ['spend-chart', 'share-chart']) {
    const svg = `#${chart} svg[role=img]`;
    assert.ok((await page.textContent(`${svg} > title`)).length > 10);
    assert.match(await page.textContent(`${svg} > desc`), /In 2030: Microsoft Azure/);
  }
  await finish(page);
});

test('every control has its label, range, unit and assumption tag', async () => {
  const page = await browser.open('/');
  for (const [key, spec] of Object.entries(SPECS)) {
    const input = `input[type=range][name=${key}]`;
    assert.equal(Number(await page.getAttribute(input, 'min')), spec.min, `${key} min`);
    assert.equal(Number(await page.getAttribute(input, 'max')), spec.max, `${key} max`);
    assert.equal(Number(await page.getAttribute(input, 'step')), spec.step, `${key} step`);
    assert.ok((await page.getAttribute(input, 'aria-valuetext')).length > 0, `${key} valuetext`);
    const id = await page.getAttribute(input, 'id');
    const label = await page.$(`label[for="${id}"]`);
    assert.ok(label, `${key} has a label`);
    const head = await label.evaluate((l) => l.parentElement.textContent);
    assert.equal(head.includes('assumption'), ASSUMPTIONS.includes(key), `${key} assumption tag`);
  }
  assert.ok((await page.textContent('fieldset:has(input[name=ramp]) legend')).includes('assumption'));
  assert.equal(await page.textContent('#s24-value'), '$5B');
  assert.equal(await page.textContent('#g-value'), '58.7%/yr');
  assert.equal(await page.textContent('#mc-value'), '$5B/yr');
  // The headline control comes first and is the largest.
  const order = await page.$$eval('input[type=range]', (inputs) => inputs.map((i) => i.name));
  assert.equal(order[0], 'sg');
  const widths = await page.$$eval('.control-value', (outputs) =>
    outputs.map((o) => parseFloat(getComputedStyle(o).fontSize)),
  );
  assert.equal(Math.max(...widths), widths[0]);
  await finish(page);
});

test('the sources panel quotes the report for every fact', async () => {
  const page = await browser.open('/');
  const quotes = await page.$$eval('#sources blockquote', (bs) => bs.map((b) => b.textContent));
  assert.ok(quotes.length >= 8);
  for (const phrase of [
    'three-quarters of its computing power to come from Stargate',
    'allocate around $500 billion over the next four years',
    'retains the first right to provide cloud resources',
    '$17.9 billion in funding over 10 rounds',
    'the transition to Stargate will be gradual',
    'at lower costs',
    '$5 billion it spent in 2024',
  ]) {
    assert.ok(quotes.some((q) => q.includes(phrase)), phrase);
  }
  assert.match(await page.textContent('#sources'), /assumptions \(not the report's\)/i);
  await finish(page);
});

for (const width of [320, 390, 1600]) {
  test(`the page fits ${width} px without horizontal scrolling`, async () => {
    const page = await browser.open('/', { width, height: 900 });
    const layout = await page.evaluate(() => {
      const svg = document.querySelector('#spend-chart svg[role=img]').getBoundingClientRect();
      return { scroll: document.documentElement.scrollWidth, inner: innerWidth, svgLeft: svg.left, svgRight: svg.right };
    });
    assert.ok(layout.scroll <= layout.inner, `scrollWidth ${layout.scroll} > ${layout.inner}`);
    assert.ok(layout.svgLeft >= 0 && layout.svgRight <= layout.inner);
    assert.ok(layout.svgRight - layout.svgLeft >= Math.min(240, width - 80), 'the chart is usable');
    await finish(page);
  });
}

test('without JavaScript the page still shows the headline and the report table; the app replaces them', async () => {
  // As a reader whose browser runs no app code: the page's scripts and wasm never arrive.
  const page = await browser.context.newPage();
  await page.route(/\.(js|wasm)$/, (route) => route.abort());
  await page.goto(browser.server.url + '/');
  const rows = await page.$$eval('.fallback table tbody tr', (trs) =>
    trs.map((tr) => [...tr.children].map((cell) => cell.textContent.trim())),
  );
  assert.deepEqual(rows, REFERENCE_TABLE);
  assert.match(await page.textContent('.fallback .explorable'), /^By 2030, OpenAI gets 75% of its compute from Stargate and spends \$60\.0B there/);
  assert.equal(await page.$('#data-table'), null, 'the fallback is not the app table');
  await page.close();

  const app = await browser.open('/');
  assert.equal(await app.$('.fallback'), null, 'the app replaced the fallback');
  assert.deepEqual(await readTable(app), REFERENCE_TABLE);
  await finish(app);
});
