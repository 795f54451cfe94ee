// Beyond the anchors: the explorable sentence (a number you drag or arrow through), uncertainty
// bands, and the sensitivity tornado, as a reader uses them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finish, readTable, useBrowser, waitForSearch } from './support/browser.mjs';
import { defaults, project, tableText } from './support/model.mjs';

const browser = useBrowser();
const frame = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));

/** The sentence's numbers: the share (a slider), the 2030 Stargate spend and the multiple. */
async function sentence(page) {
  return page.evaluate(() => {
    const share = document.querySelector('#sentence-sg');
    return {
      role: share.getAttribute('role'),
      now: Number(share.getAttribute('aria-valuenow')),
      min: share.getAttribute('aria-valuemin'),
      max: share.getAttribute('aria-valuemax'),
      spoken: share.getAttribute('aria-valuetext'),
      shown: share.textContent,
      stargate: document.querySelector('#sentence-stargate').textContent,
      multiple: document.querySelector('#sentence-multiple').textContent,
      text: document.querySelector('#headline').textContent,
    };
  });
}

const expected = (sg) => {
  const row = project({ ...defaults(), sg }).rows.find((r) => r.year === 2030);
  return { stargate: `$${row.stargate.toFixed(1)}B`, ratio: row.stargate / row.microsoft };
};

test('the explorable sentence: arrow keys change the share, derived numbers follow', async () => {
  const page = await browser.open('/');
  let s = await sentence(page);
  assert.deepEqual([s.role, s.now, s.min, s.max, s.spoken, s.shown], ['slider', 75, '0', '100', '75 percent', '75%']);
  assert.equal(s.text, 'By 2030, OpenAI gets 75% of its compute from Stargate and spends $60.0B there, 3.0× its Azure spend.');
  await page.focus('#sentence-sg');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await frame(page);
  s = await sentence(page);
  assert.equal(s.now, 77);
  assert.equal(s.spoken, '77 percent');
  assert.equal(s.stargate, expected(77).stargate);
  assert.equal(s.multiple, `${expected(77).ratio.toFixed(1)}×`);
  assert.deepEqual(await readTable(page), tableText(project({ ...defaults(), sg: 77 }).rows), 'the whole page follows');
  assert.equal(await page.inputValue('input[name=sg]'), '77', 'the slider below follows too');
  await page.keyboard.press('PageDown');
  await frame(page);
  assert.equal((await sentence(page)).now, 67);
  await page.keyboard.press('Home');
  await frame(page);
  s = await sentence(page);
  assert.equal(s.now, 0);
  assert.equal(s.stargate, '$0.00B');
  // Below parity the sentence compares in dollars, not as a fraction of Azure's spend.
  const azure = project({ ...defaults(), sg: 0 }).rows.find((r) => r.year === 2030).microsoft;
  assert.equal(s.multiple, `$${azure.toFixed(1)}B`);
  assert.match(s.text, /spends \$0\.00B there, against \$[\d.]+B on Azure\.$/);
  await page.keyboard.press('End');
  await frame(page);
  s = await sentence(page);
  assert.equal(s.now, 100);
  assert.match(s.text, /spends \$79\.9B there, and nothing on Azure\.$/);
  await waitForSearch(page, '?sg=100');
  await finish(page);
});

test('the explorable sentence: dragging the share sideways with a pointer', async () => {
  const page = await browser.open('/?embed=1');
  const box = await (await page.$('#sentence-sg')).boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 30, y, { steps: 5 });
  await frame(page);
  assert.equal((await sentence(page)).now, 65, '30 px left is ten steps down');
  await page.mouse.move(x + 600, y, { steps: 5 });
  await page.mouse.up();
  await frame(page);
  const s = await sentence(page);
  assert.equal(s.now, 100, 'clamped at the top of the range');
  assert.equal(await page.inputValue('input[name=sg]'), '100');
  // A move of the mouse after release changes nothing.
  await page.mouse.move(x - 200, y);
  await frame(page);
  assert.equal((await sentence(page)).now, 100);
  await finish(page);
});

test('uncertainty bands: on by link or toggle, seeded, the same link draws the same bands', async () => {
  const band = '#spend-chart path.band-total.band-outer';
  const page = await browser.open('/?sg=60');
  assert.equal(await page.$('#bands-probability'), null);
  assert.equal(await page.getAttribute(band, 'd'), '');
  await page.check('#bands-toggle');
  await waitForSearch(page, '?sg=60&bands=1');
  const first = await page.getAttribute(band, 'd');
  assert.match(first, /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){13}Z$/, 'seven years along the top and back along the bottom');
  assert.match(
    await page.textContent('#bands-probability'),
    /^In 10,000 scenarios drawn within the ranges, Stargate spend passes Microsoft’s by 2028 in \d+% of them, and by 2030 in \d+%\.$/,
  );
  // Ranges and seed go into the link; a fresh page on it draws exactly the same bands.
  await page.$eval('input[name="r.g"]', (input) => {
    input.value = '35';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.click('#bands-redraw');
  await waitForSearch(page, '?sg=60&bands=1&r.g=35&seed=2');
  const drawn = await page.getAttribute(band, 'd');
  assert.notEqual(drawn, first);
  const sentence = await page.textContent('#bands-probability');
  const again = await browser.open('/?sg=60&bands=1&r.g=35&seed=2');
  assert.equal(await again.getAttribute(band, 'd'), drawn);
  assert.equal(await again.textContent('#bands-probability'), sentence);
  assert.equal(await again.textContent('#bands-seed'), '2');
  await finish(again);
  // The bands follow the scenario while dragging; the median of Stargate spend moves with sg.
  const median = () => page.getAttribute('#spend-chart path.median-stargate', 'd');
  const before = await median();
  await page.$eval('input[name=sg]', (input) => {
    input.value = '30';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await frame(page);
  assert.notEqual(await median(), before);
  await page.uncheck('#bands-toggle');
  await waitForSearch(page, '?sg=30');
  assert.equal(await page.getAttribute(band, 'd'), '');
  await finish(page);
});

test('sensitivity: tornado rows follow the scenario, largest swing first', async () => {
  const page = await browser.open('/');
  const rows = (id) =>
    page.$$eval(`#${id} .tornado-row`, (groups) =>
      groups.filter((g) => g.getAttribute('visibility') === 'visible').map((g) => g.querySelector('.tornado-label').firstChild.textContent),
    );
  assert.deepEqual(await rows('tornado-stargate'), ['Spend growth after 2027', 'Stargate share of compute spend in 2030']);
  assert.deepEqual(await rows('tornado-microsoft'), [
    'Stargate share of compute spend in 2030',
    'Spend growth after 2027',
    'Microsoft capacity for OpenAI in 2024',
    'Growth of Microsoft\'s capacity',
  ]);
  assert.match(await page.textContent('#tornado-stargate .tornado-base-label'), /\$60\.0B$/);
  assert.match(await page.textContent('#tornado-stargate .tornado-none'), /^No effect on this figure in 2030: First year with Stargate compute; /);
  // With no Stargate at all the share is the only thing that can bring it back.
  await page.$eval('input[name=sg]', (input) => {
    input.value = '0';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await frame(page);
  assert.deepEqual(await rows('tornado-stargate'), ['Stargate share of compute spend in 2030']);
  assert.match(await page.textContent('#tornado-stargate .tornado-base-label'), /\$0\.00B$/);
  assert.match(await page.textContent('#tornado-stargate desc'), /Stargate share of compute spend in 2030: \$0\.00B to \$79\.9B/);
  await finish(page);
});

test('sensitivity: the timing levers move Stargate spend over the commitment years, and its rows follow the ramp', async () => {
  const page = await browser.open('/');
  const tornado = '#tornado-commitment';
  const read = () =>
    page.$$eval(`${tornado} .tornado-row`, (groups) =>
      groups
        .filter((g) => g.getAttribute('visibility') === 'visible')
        .map((g) => ({
          lever: g.querySelector('.tornado-label').firstChild.textContent,
          values: [...g.querySelectorAll('.tornado-value')].map((t) => t.textContent),
          bar: ['x', 'width'].map((a) => g.querySelector('.tornado-bar').getAttribute(a)).join(' '),
        })),
    );
  // Stargate spend 2025–2028 as the oracle sums it.
  const spent = (inputs) => project(inputs).rows.filter((r) => r.year >= 2025 && r.year <= 2028).reduce((a, r) => a + r.stargate, 0);
  const before = await read();
  const levers = before.map((r) => r.lever);
  assert.ok(levers.includes('First year with Stargate compute'), levers.join(', '));
  assert.ok(levers.includes('Shape of the move to Stargate'), levers.join(', '));
  assert.match(await page.textContent(`${tornado} .tornado-none`), /^No effect on this figure: Microsoft capacity for OpenAI in 2024; /);
  assert.match(await page.textContent(`${tornado} .tornado-base-label`), new RegExp(`\\$${spent(defaults()).toFixed(1).replace('.', '\\.')}B$`));
  // The first Stargate year swings it from 2025's figure down to nothing (from 2030 on).
  const y0 = before.find((r) => r.lever === 'First year with Stargate compute');
  assert.deepEqual(y0.values.slice().sort(), ['$0.00B', `$${spent({ ...defaults(), y0: 2025 }).toFixed(1)}B`].sort());

  // A later ramp: the figure falls and the rows move (bars and figures), in place.
  await page.check('input[name=ramp][value=late]');
  await frame(page);
  const after = await read();
  assert.match(await page.textContent(`${tornado} .tornado-base-label`), new RegExp(`\\$${spent({ ...defaults(), ramp: 'late' }).toFixed(1).replace('.', '\\.')}B$`));
  assert.notDeepEqual(after, before);
  const y0After = after.find((r) => r.lever === 'First year with Stargate compute');
  assert.notEqual(y0After.bar, y0.bar, 'the first year\u2019s bar moved with the ramp');
  // The 2030 tornadoes do not move with the ramp.
  assert.match(await page.textContent('#tornado-stargate .tornado-base-label'), /\$60\.0B$/);
  await finish(page);
});
