// Pin a baseline and compare: the link carries the baseline (`b=1`, `b.KEY=value`), the charts
// draw its outlines, and the difference tables give current − baseline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drag, finish, readTable, useBrowser, waitForSearch } from './support/browser.mjs';
import { defaults, money, parseQuery, project } from './support/model.mjs';

const browser = useBrowser();

/** A change as the difference table prints it: +1.23, −0.50 (true minus), 0.00. */
function signed(x) {
  const text = money(Math.abs(x));
  if (/^[0.,]+$/.test(text)) return text;
  return (x < 0 ? '\u2212' : '+') + text;
}

/** The difference table the oracle expects for two sets of inputs. */
function expectedDifference(current, baseline) {
  const now = project(current).rows;
  const then = project(baseline).rows;
  return now.slice(0, Math.min(now.length, then.length)).map((row, i) => [
    String(row.year),
    ...['microsoft', 'stargate', 'oracle', 'other', 'total'].map((k) => signed(row[k] - then[i][k])),
  ]);
}

const readRows = (page, selector) =>
  page.$$eval(`${selector} tbody tr`, (rows) => rows.map((row) => [...row.children].map((c) => c.textContent.trim())));

test('pinning keeps the scenario as the baseline, in the link, with outlines and differences', async () => {
  const page = await browser.open('/?sg=60');
  assert.equal(await page.$('#difference-table'), null, 'nothing to compare before pinning');
  assert.equal(await page.isVisible('#unpin'), false, 'nothing to unpin before pinning');
  const ghost = '#spend-chart path.ghost[data-baseline=stargate]';
  assert.equal(await page.getAttribute(ghost, 'd'), '');
  await page.click('#pin');
  await waitForSearch(page, '?sg=60&b=1&b.sg=60');
  assert.equal(await page.isVisible('#unpin'), true);
  assert.match(await page.getAttribute(ghost, 'd'), /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){6}$/);
  assert.deepEqual(await readRows(page, '#difference-table'), expectedDifference({ ...defaults(), sg: 60 }, { ...defaults(), sg: 60 }));

  // Change the scenario: the baseline stays, the differences follow.
  await drag(page, 'sg', 30);
  await page.check('input[name=ramp][value=early]');
  const current = { ...defaults(), sg: 30, ramp: 'early' };
  const baseline = { ...defaults(), sg: 60 };
  assert.deepEqual(await readRows(page, '#difference-table'), expectedDifference(current, baseline));
  const figures = await readRows(page, '#figure-changes');
  const stargate = figures.find((row) => row[0] === 'Stargate spend in 2030');
  const [now, then] = [project(current).figures.stargate2030, project(baseline).figures.stargate2030];
  assert.deepEqual(stargate, ['Stargate spend in 2030', `$${money(now)}B`, `$${money(then)}B`, `${signed(now - then).replace(/^([+\u2212]?)/, '$1$')}B`]);
  await waitForSearch(page, '?sg=30&ramp=early&b=1&b.sg=60');
  assert.deepEqual(parseQuery('?sg=30&ramp=early&b=1&b.sg=60').problems, []);

  // The link reproduces the comparison on a fresh page.
  const again = await browser.open('/?sg=30&ramp=early&b=1&b.sg=60');
  assert.deepEqual(await readRows(again, '#difference-table'), await readRows(page, '#difference-table'));
  assert.equal(await again.getAttribute(ghost, 'd'), await page.getAttribute(ghost, 'd'));
  assert.deepEqual(await readTable(again), await readTable(page));
  await finish(again);

  // Unpin clears the baseline from the page and the link.
  await page.click('#unpin');
  await waitForSearch(page, '?sg=30&ramp=early');
  assert.equal(await page.$('#difference-table'), null);
  assert.equal(await page.isVisible('#unpin'), false, 'Unpin goes with the baseline');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pin', 'the focus stays in the panel, on Pin');
  assert.equal(await page.getAttribute(ghost, 'd'), '');
  await finish(page);
});

test('a baseline link with its own keys and a different last year', async () => {
  const page = await browser.open('/?h=2035&b.sg=40&b.y0=2027&b.ramp=late');
  const current = { ...defaults(), h: 2035 };
  const baseline = { ...defaults(), sg: 40, y0: 2027, ramp: 'late' };
  const rows = await readRows(page, '#difference-table');
  assert.equal(rows.length, 7, 'the years both show');
  assert.deepEqual(rows, expectedDifference(current, baseline));
  // Outlines only where the baseline has data: 7 points on a 12-year share chart.
  const d = await page.getAttribute('#share-chart path.ghost[data-baseline=microsoft]', 'd');
  assert.equal(d.match(/[ML]/g).length, 7);
  await waitForSearch(page, '?h=2035&b=1&b.sg=40&b.y0=2027&b.ramp=late');
  await finish(page);

  const bad = await browser.open('/?b.sg=abc');
  const notes = await bad.$$eval('#notice li', (items) => items.map((li) => li.textContent));
  assert.equal(notes.length, 1);
  assert.match(notes[0], /^Pinned baseline: /);
  await finish(bad);
});
