// Notes from the author (`mark=YEAR`, `note=TEXT`): the marked year on both charts and in the
// table, the note as a callout on the spend chart; carried by the link, the embed, the files,
// the host API and the exported images; written with "Add a note"; hostile notes stay text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { download, finish, mounted, useBrowser, waitForSearch } from './support/browser.mjs';
import { cleanNote } from './support/model.mjs';

const browser = useBrowser();
const NOTE = 'In 2028 Stargate passes Azure, as the report expects';
const encoded = (text) => new URLSearchParams({ note: text }).toString();

/** What each chart draws for the annotation, in the page's own coordinates. */
function drawn(page) {
  return page.evaluate(() => {
    const chart = (id) => {
      const svg = document.querySelector(`#${id} svg[role=img]`);
      const mark = svg.querySelector('[data-mark]');
      const rule = mark?.querySelector('line');
      const column = (year) => svg.querySelector(`rect[data-year="${year}"]`);
      const note = svg.querySelector('[data-note]');
      const box = (e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      const year = mark?.getAttribute('data-mark') || null;
      const col = year ? column(year) : null;
      return {
        year,
        visible: mark?.getAttribute('visibility') === 'visible',
        ruleX: rule ? Number(rule.getAttribute('x1')) : null,
        columnX: col ? Number(col.getAttribute('x')) + Number(col.getAttribute('width')) / 2 : null,
        note: note ? note.textContent : null,
        noteShown: note ? note.closest('g').getAttribute('visibility') === 'visible' : false,
        noteBox: note && note.textContent ? box(note.closest('g').querySelector('rect')) : null,
        svg: box(svg),
        endLabels: [...svg.querySelectorAll('.end-label')].filter((t) => t.getAttribute('visibility') === 'visible' && t.textContent).map(box),
        desc: svg.querySelector('desc').textContent,
      };
    };
    return {
      spend: chart('spend-chart'),
      share: document.querySelector('#share-chart') ? chart('share-chart') : null,
      marked: [...document.querySelectorAll('#data-table tbody tr[data-marked]')].map((tr) => tr.firstElementChild.textContent),
      readout: document.querySelector('#spend-chart .readout-year').textContent,
    };
  });
}

const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test('a link marks a year on both charts and in the table, and writes its note on the spend chart', async () => {
  const page = await browser.open(`/?sg=60&mark=2028&${encoded(NOTE)}`);
  const view = await drawn(page);
  for (const chart of [view.spend, view.share]) {
    assert.equal(chart.year, '2028');
    assert.ok(chart.visible);
    assert.ok(Math.abs(chart.ruleX - chart.columnX) < 0.2, `the rule at 2028's x: ${chart.ruleX} vs ${chart.columnX}`);
    assert.match(chart.desc, /2028 is marked\./);
  }
  assert.equal(view.spend.note, NOTE);
  assert.ok(view.spend.noteShown);
  assert.match(view.spend.desc, /Note at 2028: In 2028 Stargate passes Azure, as the report expects$/);
  assert.equal(view.share.note, null, 'the note is on the spend chart only');
  assert.deepEqual(view.marked, ['2028']);
  assert.equal(view.readout, '2028', 'the readout starts at the marked year');
  for (const label of view.spend.endLabels) assert.ok(!overlaps(view.spend.noteBox, label), 'the note clears the end labels');
  assert.ok(view.spend.noteBox.left >= view.spend.svg.left && view.spend.noteBox.right <= view.spend.svg.right);
  // The keyboard's year slider starts at the marked year.
  await page.focus('#spend-chart [data-chart-focus]');
  assert.equal(await page.getAttribute('#spend-chart [data-chart-focus]', 'aria-valuenow'), '2028');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#spend-chart [data-chart-focus]', 'aria-valuenow'), '2029');
  // The link stays as written; the share panel's link and embed code carry it.
  await waitForSearch(page, `?sg=60&mark=2028&note=In+2028+Stargate+passes+Azure%2C+as+the+report+expects`);
  assert.match(await page.inputValue('#share-link'), /mark=2028&note=In\+2028\+Stargate/);
  assert.match(await page.inputValue('#embed-code'), /mark=2028&amp;note=In\+2028\+Stargate/);
  await finish(page);
});

test('bad marks and notes: clamped, ignored or cut, each with a notice line; hostile notes stay text', async () => {
  const cases = [
    ['?mark=2040', { mark: '2030', line: /The marked year is a whole year from 2024 to the last year shown; the link's 2040 marks 2030\./ }],
    ['?mark=soon', { mark: null, line: /the link's soon is not one, so no year is marked\./ }],
    ['?note=' + 'x'.repeat(10000), { note: 'x'.repeat(139) + '…', line: /A note holds at most 140 characters; the link's had 10,000, so it was cut at a word\./ }],
  ];
  for (const [search, want] of cases) {
    const page = await browser.open('/' + search);
    const view = await drawn(page);
    if ('mark' in want) assert.equal(view.spend.year, want.mark, search.slice(0, 40));
    if ('note' in want) assert.equal(view.spend.note, want.note);
    assert.match(await page.textContent('#notice'), want.line);
    await finish(page);
  }
  const hostile = [
    '<img src=x onerror="window.__pwned=1">',
    'right\u202eto left\u2066isolated\u2069',
    'two\nlines\r\nand\ttabs',
    '<script>window.__pwned=1</script>',
  ];
  for (const text of hostile) {
    const page = await browser.open(`/?mark=2026&${encoded(text)}`);
    const view = await drawn(page);
    assert.equal(view.spend.note, cleanNote(text).note, JSON.stringify(text));
    assert.ok(!/[\u202a-\u202e\u2066-\u2069\n\r\t]/u.test(view.spend.note));
    const ran = await page.evaluate(() => ({ pwned: window.__pwned ?? null, images: document.querySelectorAll('img').length, scripts: [...document.scripts].filter((s) => !s.src).length }));
    assert.deepEqual(ran, { pwned: null, images: 0, scripts: 0 });
    await finish(page);
  }
});

test('at 280 px the embed draws the note inside the chart, clear of the legend, and its link carries it', async () => {
  const note = 'x'.repeat(40) + ' ' + 'words '.repeat(16).trim();
  const page = await browser.open(`/?embed=1&mark=2027&${encoded(note)}`, { width: 280, height: 900 });
  const view = await drawn(page);
  assert.equal(view.spend.year, '2027');
  assert.equal(view.spend.note, cleanNote(note).note);
  const box = view.spend.noteBox;
  assert.ok(box.left >= view.spend.svg.left && box.right <= view.spend.svg.right && box.top >= view.spend.svg.top && box.bottom <= view.spend.svg.bottom, `inside the chart: ${JSON.stringify([box, view.spend.svg])}`);
  const legend = await page.$eval('#spend-chart .legend', (l) => {
    const r = l.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
  assert.ok(!overlaps(box, legend), 'clear of the legend');
  assert.match(await page.getAttribute('a#open-full', 'href'), /mark=2027&note=x{40}\+words/);
  await finish(page);
});

test('"Add a note": a year and a note written into the link, the charts, the table and the embed code; Remove clears them', async () => {
  const page = await browser.open('/?sg=40');
  await page.addInitScript(() => {});
  await page.evaluate(() => {
    window.announced = [];
    new MutationObserver(() => window.announced.push(document.getElementById('announcer').textContent)).observe(document.getElementById('announcer'), { childList: true, subtree: true, characterData: true });
  });
  assert.equal((await page.textContent('#note-count')).trim(), '140 characters left');
  await page.selectOption('#note-year', '2029');
  await page.fill('#note-text', 'Stargate carries most of it by now');
  assert.equal((await page.textContent('#note-count')).trim(), '106 characters left');
  await waitForSearch(page, '?sg=40&mark=2029&note=Stargate+carries+most+of+it+by+now');
  const view = await drawn(page);
  assert.equal(view.spend.year, '2029');
  assert.equal(view.share.year, '2029');
  assert.equal(view.spend.note, 'Stargate carries most of it by now');
  assert.deepEqual(view.marked, ['2029']);
  assert.match(await page.inputValue('#embed-code'), /sg=40&amp;mark=2029&amp;note=Stargate\+carries/);
  await page.waitForFunction(() => window.announced.includes('Note on the chart: Stargate carries most of it by now'));
  assert.equal((await page.evaluate(() => window.announced)).filter((t) => t.startsWith('Note')).length, 1, 'read once');
  // The years offered follow the years shown.
  assert.equal(await page.$eval('#note-year option[value="2033"]', (o) => o.disabled), true);
  await page.click('#note-remove');
  await waitForSearch(page, '?sg=40');
  const cleared = await drawn(page);
  assert.equal(cleared.spend.year, null);
  assert.equal(cleared.spend.note, '');
  assert.deepEqual(cleared.marked, []);
  assert.equal(await page.inputValue('#note-text'), '');
  await finish(page);
});

test('the exported SVG holds the note inside its viewBox; the saved file carries mark and note and opens again', async () => {
  const page = await browser.open(`/?mark=2027&${encoded(NOTE + ' <b>&</b>')}`);
  const svg = (await download(page, 'button[data-export="spend-chart-svg"]')).bytes.toString('utf8');
  const [, , , width, height] = svg.match(/viewBox="(0) (0) ([\d.]+) ([\d.]+)"/).map(Number);
  // Lay it out in the browser and measure the note's box and text against the viewBox.
  const measured = await page.evaluate((markup) => {
    const holder = document.createElement('div');
    holder.innerHTML = markup;
    document.body.append(holder);
    const svgEl = holder.querySelector('svg');
    const root = svgEl.getBoundingClientRect();
    const note = svgEl.querySelector('[data-note]');
    const rect = note.querySelector('rect').getBoundingClientRect();
    // The lines' box: the union of each line's.
    const lines = [...note.querySelectorAll('text')].map((t) => t.getBoundingClientRect());
    const text = {
      left: Math.min(...lines.map((r) => r.left)),
      top: Math.min(...lines.map((r) => r.top)),
      right: Math.max(...lines.map((r) => r.right)),
      bottom: Math.max(...lines.map((r) => r.bottom)),
    };
    const out = {
      note: note.textContent,
      mark: svgEl.querySelector('[data-mark]')?.getAttribute('data-mark'),
      rect: [rect.left - root.left, rect.top - root.top, rect.right - root.left, rect.bottom - root.top],
      text: [text.left - root.left, text.top - root.top, text.right - root.left, text.bottom - root.top],
      bold: holder.querySelectorAll('b').length,
    };
    holder.remove();
    return out;
  }, svg);
  assert.equal(measured.note, NOTE + ' <b>&</b>');
  assert.equal(measured.bold, 0, 'markup stays text');
  assert.equal(measured.mark, '2027');
  for (const [x0, y0, x1, y1] of [measured.rect, measured.text]) {
    assert.ok(x0 >= 0 && y0 >= 0 && x1 <= width && y1 <= height, `inside the viewBox ${width}×${height}: ${[x0, y0, x1, y1]}`);
  }
  assert.ok(measured.text[2] <= measured.rect[2] + 1 && measured.text[3] <= measured.rect[3] + 1, 'the text inside its box');

  const json = (await download(page, 'button[data-export="json"]')).bytes.toString('utf8');
  const saved = JSON.parse(json);
  assert.equal(saved.mark, 2027);
  assert.equal(saved.note, NOTE + ' <b>&</b>');
  await finish(page);
  // Opened on a page showing something else, it brings the mark and the note back.
  const dir = mkdtempSync(join(tmpdir(), 'note-'));
  const file = join(dir, 'stargate-mix-sg75.json');
  writeFileSync(file, json);
  const other = await browser.open('/?sg=30');
  await other.setInputFiles('#open-scenario', file);
  await other.waitForFunction(() => document.querySelector('#spend-chart [data-note]').textContent.startsWith('In 2028'));
  assert.equal((await drawn(other)).spend.year, '2027');
  await waitForSearch(other, `?mark=2027&${encoded(NOTE + ' <b>&</b>').replace(/%20/g, '+')}`);
  await finish(other);
  assert.ok(readFileSync(file, 'utf8').includes('"note"'));
});

test('the host API sets and reads the mark and the note, and the embed draws them', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 800, height: 900 });
  await page.route('**/host-notes.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>host</title><iframe id="calc" src="/?embed=1" style="width:420px;height:800px;border:0"></iframe>' }),
  );
  await page.goto(`${browser.server.url}/host-notes.html`);
  const frame = () => page.frames().find((f) => f !== page.mainFrame());
  await frame().waitForLoadState();
  await mounted(frame());
  const reply = (params) =>
    page.evaluate(
      (p) =>
        new Promise((ok) => {
          const calc = document.getElementById('calc').contentWindow;
          addEventListener('message', function on(e) {
            if (e.source !== calc || e.data?.type !== 'stargate-calc:state') return;
            removeEventListener('message', on);
            ok(e.data.state);
          });
          calc.postMessage({ type: 'stargate-calc:set', params: p }, '*');
        }),
      params,
    );
  const state = await reply({ mark: 2029, note: 'Set by the host' });
  assert.equal(state.params.mark, 2029);
  assert.equal(state.params.note, 'Set by the host');
  assert.equal(state.query, 'mark=2029&note=Set+by+the+host&embed=1');
  await frame().waitForFunction(() => document.querySelector('#spend-chart [data-note]').textContent === 'Set by the host');
  assert.equal(await frame().getAttribute('#spend-chart [data-mark]', 'data-mark'), '2029');
  const cleared = await reply({ mark: null, note: null });
  assert.equal(cleared.params.mark, undefined);
  assert.equal(cleared.query, 'embed=1');
  const bad = await reply({ mark: 'soon', note: { html: '<b>' } });
  assert.equal(bad.notes.length, 2);
  await page.close();
});

test('the note reads in either theme: its words in the theme’s ink, on its box in the card’s colour', async () => {
  for (const theme of ['light', 'dark']) {
    const page = await browser.open(`/?theme=${theme}&mark=2028&${encoded(NOTE)}`);
    const colours = await page.evaluate(() => {
      const note = document.querySelector('#spend-chart [data-note]');
      const luminance = (colour) => {
        const [r, g, b] = colour.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      };
      return {
        words: [...note.querySelectorAll('text')].filter((t) => t.textContent).map((t) => luminance(getComputedStyle(t).fill)),
        box: luminance(getComputedStyle(note.querySelector('rect')).fill),
      };
    });
    assert.ok(colours.words.length > 0, theme);
    for (const words of colours.words) {
      assert.ok(Math.abs(words - colours.box) > 0.5, `${theme}: the note's words (${words}) stand out from its box (${colours.box})`);
    }
    await finish(page);
  }
});
