// "Open a saved scenario": the parameters file a reader downloaded, opened again with the file
// picker or dropped on the page; and every kind of bad file, which changes nothing and says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { download, finish, mounted, readTable, useBrowser, waitForSearch } from './support/browser.mjs';
import { defaults, project, tableText } from './support/model.mjs';

const browser = useBrowser();
const expectedTable = (inputs) => tableText(project(inputs).rows);
const PICKER = '#open-scenario';

/** Opens `contents` as a file called `name` with the picker, and waits for the outcome. */
async function pick(page, name, contents, mimeType = 'application/json') {
  const before = await page.textContent('#open-status');
  await page.setInputFiles(PICKER, { name, mimeType, buffer: Buffer.from(contents) });
  await page.waitForFunction(
    (old) => {
      const now = document.querySelector('#open-status').textContent;
      return now !== old && !now.startsWith('Opening');
    },
    before,
  );
  return (await page.textContent('#open-status')).trim();
}

const noticeLines = (page) => page.$$eval('#notice li', (items) => items.map((li) => li.textContent));

test('a downloaded parameters file opens again, on a page showing another scenario', async () => {
  const source = await browser.open('/?sg=33&y0=2027&ramp=late&h=2033');
  const saved = await download(source, '[data-export=json]');
  const table = await readTable(source);
  await finish(source);

  const page = await browser.open('/');
  assert.equal(await page.$('#notice'), null);
  const status = await pick(page, saved.name, saved.bytes);
  assert.equal(status, `Opened \u201c${saved.name}\u201d.`);
  assert.deepEqual(await readTable(page), table);
  assert.deepEqual(await readTable(page), expectedTable({ ...defaults(), sg: 33, y0: 2027, ramp: 'late', h: 2033 }));
  assert.equal(await page.$('#notice'), null, 'nothing to report about a file the page wrote');
  await waitForSearch(page, '?sg=33&y0=2027&ramp=late&h=2033');
  assert.equal(await page.inputValue('input[name=sg]'), '33');
  assert.equal(await page.isChecked('input[name=ramp][value=late]'), true);
  // The same file again (the picker is cleared after each file) opens again.
  await page.goto(page.url().replace(/\?.*$/, '?sg=90'));
  await mounted(page);
  assert.equal(await pick(page, saved.name, saved.bytes), `Opened \u201c${saved.name}\u201d.`);
  await waitForSearch(page, '?sg=33&y0=2027&ramp=late&h=2033');
  await finish(page);
});

test('values out of range, rounded, unknown or repeated follow the link rules and are listed', async () => {
  const page = await browser.open('/');
  const file = '{"sg": 150, "y0": 2026.5, "s24": "7.5", "colour": "blue", "sg": 10}';
  const status = await pick(page, 'edited.json', file);
  assert.match(status, /^Opened \u201cedited\.json\u201d, with a few values adjusted/);
  assert.deepEqual(await readTable(page), expectedTable({ ...defaults(), sg: 100, y0: 2027, s24: 7.5 }));
  assert.match(await page.textContent('#notice .notice-title'), /^\u201cedited\.json\u201d asked for a few things/);
  const lines = await noticeLines(page);
  assert.equal(lines.length, 4, lines.join('\n'));
  assert.match(lines[0], /the file asked for 150, so it uses 100%/);
  assert.match(lines[1], /the file's 2026\.5 was rounded to 2027/);
  assert.match(lines[2], /\u201ccolour\u201d is not a setting/);
  assert.match(lines[3], /more than once in the file/);
  await waitForSearch(page, '?sg=100&s24=7.5&y0=2027');
  await finish(page);
});

const BAD_FILES = [
  ['a CSV', 'stargate-mix-sg75.csv', 'Year,Microsoft Azure,Stargate,Oracle,Other clouds,Total\n2024,5.00,0.00,0.00,0.00,5.00\n', /it is not JSON/, 'text/csv'],
  ['not JSON', 'notes.json', 'sg = 40', /it is not JSON/],
  ['NaN', 'nan.json', '{"sg": NaN}', /it is not JSON/],
  ['"NaN" as a value', 'nan-text.json', '{"sg": "NaN"}', /\u201csg\u201d must be a number, and the file has the text \u201cNaN\u201d/],
  ['"NaN" as the file', 'nan-file.json', '"NaN"', /it holds a piece of text, not a scenario/],
  ['wrong types', 'types.json', '{"sg": true, "s24": 6}', /\u201csg\u201d must be a number, and the file has true or false/],
  ['nested junk', 'nested.json', '{"s24": {"a": [1, {"b": [[[[]]]]}]}}', /\u201cs24\u201d must be a number, and the file has an object/],
  ['a list', 'list.json', '[75, 5, 20]', /it holds a list/],
  ['no parameters', 'other.json', '{"name": "something else"}', /none of the calculator\u2019s parameters/],
  ['a wrong ramp', 'ramp.json', '{"ramp": "<script>alert(1)</script>"}', /\u201cramp\u201d must be one of s, lin, early, late/],
  ['10 MB', 'huge.json', '{"sg": 40, "pad": "' + 'x'.repeat(10 * 1024 * 1024) + '"}', /it is 10\.5 MB/],
  ['binary', 'image.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0xff, 0xfe]), /it is not JSON/],
];

test('bad files change nothing and say why, in the status line and the notice', async () => {
  const page = await browser.open('/?sg=60&h=2032');
  const table = await readTable(page);
  for (const [what, name, contents, reason, mimeType] of BAD_FILES) {
    const status = await pick(page, name, contents, mimeType);
    assert.match(status, new RegExp(`^\u201c${name.replace('.', '\\.')}\u201d was not opened: `), what);
    assert.match(status, reason, what);
    assert.match(status, /\. Nothing was changed\.$/, what);
    assert.equal(await page.textContent('#notice .notice-title'), 'A file could not be opened:', what);
    assert.deepEqual(await noticeLines(page), [status], what);
    assert.deepEqual(await readTable(page), table, `${what}: the table is as it was`);
    assert.equal(await page.evaluate(() => location.search), '?sg=60&h=2032', `${what}: the link is as it was`);
  }
  // Nothing from a file became markup.
  assert.equal(await page.$('#notice script'), null);
  // Dismissing the notice works as for a link's.
  await page.click('#notice-dismiss');
  assert.equal(await page.$('#notice'), null);
  await finish(page);
});

test('a file dropped anywhere on the page opens; the page shows where to drop while dragging', async () => {
  const page = await browser.open('/');
  assert.equal(await page.isVisible('.drop-hint'), false);
  const contents = JSON.stringify({ ...defaults(), sg: 45, mc: 12 });
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    window.__drop = data;
    document.querySelector('#spend-chart').dispatchEvent(
      new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  }, contents);
  await page.waitForSelector('.drop-hint', { state: 'visible' });
  const taken = await page.evaluate(() => {
    const drop = new DragEvent('drop', { dataTransfer: window.__drop, bubbles: true, cancelable: true });
    document.querySelector('#data-table').dispatchEvent(drop);
    return drop.defaultPrevented;
  });
  assert.equal(taken, true, 'the page takes the drop (the browser does not open the file)');
  await page.waitForFunction(() => document.querySelector('#open-status').textContent.startsWith('Opened'));
  assert.equal(await page.isVisible('.drop-hint'), false);
  assert.deepEqual(await readTable(page), expectedTable({ ...defaults(), sg: 45, mc: 12 }));
  await waitForSearch(page, '?sg=45&mc=12');

  // Dragging text (not a file) is left to the browser.
  const left = await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'sg=10');
    const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true });
    document.body.dispatchEvent(over);
    return over.defaultPrevented;
  });
  assert.equal(left, false);
  assert.equal(await page.isVisible('.drop-hint'), false);
  await finish(page);
});
