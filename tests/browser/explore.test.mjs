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
      text: document.querySelector('#explorable').textContent,
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
  assert.equal(s.multiple, '0.0×');
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
