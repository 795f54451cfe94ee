// No link crashes the page. A corpus of hostile query strings (garbage numbers, overflows,
// subnormals, 10,000-character values, invalid UTF-8 escapes, markup and script, prototype
// keys, repeated and empty keys): each loads without a console error, lists what it ignored in
// the notice, renders exactly the numbers docs/model.md's rules give (the oracle), and runs nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mounted, readTable, useBrowser } from './support/browser.mjs';
import { noticeLines, parseQuery, project, tableText } from './support/model.mjs';

const browser = useBrowser();

const VALUES = [
  'abc', '50abc', '0x10', 'inf', '-inf', 'Infinity', 'NaN', 'nan', '', '%20', '1e999', '-1e999', '1e-999',
  '4.9e-324', '2.2250738585072014e-308', '-0', '+0', '0000000000000000000000000000000000001',
  '9'.repeat(400), '1'.repeat(10000), '.', '-', '+', 'e5', '1e', '1.2.3', '--1', '%D9%A1%D9%A2', '%FF',
  '%C3%28', '%ED%A0%80', '%F4%90%80%80', '%C0%AF', '%', '%%', '%2', '%zz', '%00', '%0A40', '%E2%80%AE40',
  encodeURIComponent('<script>window.__pwned=1</script>'),
  encodeURIComponent('"><img src=x onerror="window.__pwned=1">'),
  encodeURIComponent("'};window.__pwned=1;//"), 'javascript:alert(1)', '..%2F..%2Fetc%2Fpasswd',
  encodeURIComponent('😀'), 'x'.repeat(10000), '1e308', '1e309', '-1e-400', '.5e1', '7.', '+40', '%2B40',
];
const OTHER_KEYS = ['h', 'y0', 'ramp', 'theme', 'embed', 'view', 'mark', 'note', 's24', 'g', 'disc', 'mc', 'zz', '__proto__', 'constructor'];

/** The corpus: every value under `sg`, every value under another key, and odd shapes. */
function corpus() {
  const searches = [];
  VALUES.forEach((value, i) => {
    searches.push(`?sg=${value}`);
    searches.push(`?${OTHER_KEYS[i % OTHER_KEYS.length]}=${value}&sg=40`);
  });
  searches.push(
    '?sg=1&sg=2&sg=3&ramp=late&ramp=early', '?' + 'sg=5&'.repeat(300), '?' + 'k=1&'.repeat(300), '?&&&&', '?=',
    '?==', '?=1', '?sg', '?sg==5', '?;sg=5', '?sg=5#fragment', '?%FF=1', '?sg%00=5', '?SG=5', '?toString=1',
    '?hasOwnProperty=1', '?__proto__[sg]=5', '?sg[]=5', '?sg=5&sg[0]=6', '?h=2030.5&y0=2025.5',
    '?h=2029.4999999&y0=2030.5000001', '?embed=yes&theme=Dark', '?embed=&theme=', '?ramp=%20s', '?ramp=S',
    '?b.sg=abc', '?b=2', '?b.zz=1', '?b.__proto__=1', '?b.=5', '?b.sg=1e999&b.h=-1&b.ramp=x', '?b.b.sg=5',
    '?view=CHART', '?view=%20chart', '?view=chart%00', '?view=&embed=0', '?view=full&view=chart',
    '?mark=2040&note=' + 'a+'.repeat(200), '?mark=1e999&h=2035', '?mark=-1&mark=2026', '?mark=%E2%80%AE2028',
    '?note=%E2%80%AEevil%E2%81%A6x%00y%0D%0Az', '?note=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E&mark=2027',
    '?note=' + 'x'.repeat(10000) + '&mark=2025.5', '?note=&note=second', '?note=%F0%9F%98%80+%D8%B9%D8%B1%D8%A8%D9%8A',
  );
  return searches;
}

test('at least 100 hostile links each load cleanly, with the notice and docs/model.md numbers', async () => {
  const searches = corpus();
  assert.ok(searches.length >= 100, `${searches.length} links`);
  const page = await browser.open('/');
  for (const search of searches) {
    await page.goto(browser.server.url + '/' + search);
    await mounted(page);
    const { inputs, problems } = parseQuery(search.replace(/#.*$/, ''));
    const label = search.length > 60 ? search.slice(0, 60) + '…' : search;
    assert.deepEqual(await readTable(page), tableText(project(inputs).rows), `table for ${label}`);
    const notes = await page.$$eval('#notice li', (items) => items.map((li) => li.textContent));
    assert.equal(notes.length, noticeLines(problems), `notice for ${label}: ${JSON.stringify(notes)} vs ${problems}`);
    const injected = await page.evaluate(() => ({
      pwned: window.__pwned ?? null,
      images: document.querySelectorAll('img').length,
      scripts: [...document.scripts].filter((s) => !s.src).length,
    }));
    assert.deepEqual(injected, { pwned: null, images: 0, scripts: 0 }, `nothing ran for ${label}`);
    // Long values are quoted back shortened, never whole.
    for (const note of notes) assert.ok(note.length < 400, `a short note for ${label}`);
    assert.deepEqual(page.problems, [], `errors for ${label}`);
  }
  await page.close();
});

test('a link of a thousand unknown keys gets a notice of five lines and a count of the rest', async () => {
  const keys = Array.from({ length: 1000 }, (_, i) => `utm${i}=x`).join('&');
  assert.ok(keys.length > 7000, 'a 7 KB link');
  const page = await browser.open(`/?sg=40&${keys}`);
  const notes = await page.$$eval('#notice li', (items) => items.map((li) => li.textContent));
  assert.equal(notes.length, 6, JSON.stringify(notes));
  assert.match(notes[0], /“utm0” is not a setting of this calculator/);
  assert.equal(notes[5], '…and 995 more.');
  assert.equal(await page.inputValue('input[name=sg]'), '40', 'the keys it knows are read');
  assert.deepEqual(page.problems, []);
  await page.close();
});
