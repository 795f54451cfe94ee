// Sharing and embedding, as a reader and a blogger use them: the scenario in the address bar,
// presets, copy link, embed mode and its height messages, the embed code, the downloads, the
// themes. Against the release build on 127.0.0.1 in headless Debian Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, download, drag, figure, finish, mounted, readTable, useBrowser, waitForSearch } from './support/browser.mjs';
import { defaults, parseQuery, project, tableText } from './support/model.mjs';
import { REFERENCE_TABLE } from './support/reference.mjs';
import { serve } from './support/server.mjs';

const browser = useBrowser();
const expectedTable = (inputs) => tableText(project(inputs).rows);

// One non-default value per key, as a reader sets it, and its canonical form in the link.
const CHANGES = [
  ['sg', 60, 'sg=60'],
  ['s24', 6.5, 's24=6.5'],
  ['s27', 35, 's27=35'],
  ['g', 42.5, 'g=42.5'],
  ['y0', 2027, 'y0=2027'],
  ['mc', 12, 'mc=12'],
  ['mg', 50, 'mg=50'],
  ['ora', 25, 'ora=25'],
  ['disc', 33, 'disc=33'],
  ['h', 2033, 'h=2033'],
];

test('every key goes into the address bar in canonical form and a reload reads it back', async () => {
  const page = await browser.open('/');
  assert.equal(await page.evaluate(() => location.search), '', 'the report needs no query');
  const inputs = defaults();
  const written = [];
  for (const [key, value, pair] of CHANGES) {
    await drag(page, key, value);
    inputs[key] = value;
    written.push(pair);
    // `ramp` sits after y0, as in docs/model.md's table.
    const search = '?' + written.join('&');
    await waitForSearch(page, search);
  }
  await page.check('input[name=ramp][value=late]');
  inputs.ramp = 'late';
  const search = '?sg=60&s24=6.5&s27=35&g=42.5&y0=2027&ramp=late&mc=12&mg=50&ora=25&disc=33&h=2033';
  await waitForSearch(page, search);
  assert.deepEqual(parseQuery(search).inputs, inputs);
  const table = await readTable(page);
  assert.deepEqual(table, expectedTable(inputs));

  // A fresh page on that link shows the same scenario, controls included.
  const again = await browser.open('/' + search);
  assert.deepEqual(await readTable(again), table);
  for (const [key, value] of CHANGES) assert.equal(Number(await again.inputValue(`input[name=${key}]`)), value, key);
  assert.ok(await again.isChecked('input[name=ramp][value=late]'));
  assert.equal(await again.$('#notice'), null);
  // Back to the defaults: the query empties again.
  await again.click('#reset');
  await waitForSearch(again, '');
  await finish(again);
  await finish(page);
});

test('values are written canonically and odd links are cleaned up after the notice', async () => {
  const page = await browser.open('/?sg=60.000&g=%2B42.50&zz=1&sg=10');
  assert.ok(await page.$('#notice'), 'the link had something to report');
  await waitForSearch(page, '?sg=60&g=42.5');
  await finish(page);
  const garbage = await browser.open('/?sg=abc&y0=2026.5&h=1e999&ramp=LATE&zz=1');
  assert.deepEqual(await readTable(garbage), expectedTable({ ...defaults(), y0: 2027, h: 2035 }));
  assert.equal(await garbage.$$eval('#notice li', (items) => items.length), 5);
  await waitForSearch(garbage, '?y0=2027&h=2035');
  await finish(garbage);
});

test('dragging adds no history entries', async () => {
  const page = await browser.open('/');
  const before = await page.evaluate(() => history.length);
  for (let sg = 0; sg <= 100; sg += 2) await drag(page, 'sg', sg);
  await waitForSearch(page, '?sg=100');
  for (const key of ['mc', 'disc']) await drag(page, key, 3);
  await waitForSearch(page, '?sg=100&mc=3&disc=3');
  assert.equal(await page.evaluate(() => history.length), before);
  await finish(page);
});

test('each preset sets the values it names, and only the matching one is pressed', async () => {
  const page = await browser.open('/?h=2032');
  const pressed = () => page.$$eval('[data-preset][aria-pressed=true]', (bs) => bs.map((b) => b.dataset.preset));
  assert.deepEqual(await pressed(), ['report']);
  const presets = {
    'microsoft-keeps-up': { sg: 40, mc: 6, mg: 60 },
    'stargate-slips': { y0: 2027, ramp: 'late', sg: 50 },
    'all-in': { sg: 95, ramp: 'early', disc: 30 },
    report: {},
  };
  for (const [id, values] of Object.entries(presets)) {
    await page.click(`[data-preset="${id}"]`);
    const inputs = { ...defaults(), h: 2032, ...values };
    for (const [key, value] of Object.entries(values)) {
      if (key === 'ramp') assert.ok(await page.isChecked(`input[name=ramp][value=${value}]`), `${id} ramp`);
      else assert.equal(Number(await page.inputValue(`input[name=${key}]`)), value, `${id} ${key}`);
    }
    assert.deepEqual(await readTable(page), expectedTable(inputs), id);
    assert.deepEqual(await pressed(), [id]);
    assert.notEqual((await page.textContent('#preset-current')).trim(), 'Custom');
  }
  await drag(page, 'sg', 74);
  assert.deepEqual(await pressed(), []);
  assert.equal((await page.textContent('#preset-current')).trim(), 'Custom');
  await finish(page);
});

test('copy link copies the full page link, also from the embed', async () => {
  const origin = new URL(browser.server.url).origin;
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await browser.open('/?sg=60&ramp=late');
  await page.click('#copy-link');
  await page.waitForFunction(() => document.querySelector('#copy-link + .copy-status').textContent === 'Copied.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${browser.server.url}/?sg=60&ramp=late`);
  await finish(page);

  const embed = await browser.open('/?sg=45&embed=1');
  await embed.click('#copy-link');
  await embed.waitForFunction(() => document.querySelector('#copy-link + .copy-status').textContent === 'Copied.');
  assert.equal(await embed.evaluate(() => navigator.clipboard.readText()), `${browser.server.url}/?sg=45`);
  await finish(embed);
});

test('when the clipboard is refused, the link is selected for copying by hand', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await page.goto(`${browser.server.url}/?sg=30`);
  await mounted(page);
  await page.click('#copy-link');
  await page.waitForFunction(() => /Ctrl\+C/.test(document.querySelector('#copy-link + .copy-status').textContent));
  const selection = await page.evaluate(() => {
    const field = document.activeElement;
    return { id: field.id, selected: field.value.slice(field.selectionStart, field.selectionEnd) };
  });
  assert.deepEqual(selection, { id: 'share-link', selected: `${browser.server.url}/?sg=30` });
  await page.close();
});

test('embed mode: slider, spend chart, three figures and a link to the full page, no chrome, 300 px', async () => {
  const page = await browser.open('/?sg=40&ramp=early&embed=1', { width: 300, height: 700 });
  const layout = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: innerWidth,
    sliders: [...document.querySelectorAll('input[type=range]')].map((i) => i.name),
    charts: [...document.querySelectorAll('figure.chart')].map((f) => f.id),
    figures: [...document.querySelectorAll('[data-figure]')].map((f) => f.dataset.figure),
    chrome: ['h1:not(#embed-title)', '#sources', '#share', '.assumptions', '#data-table'].filter((s) => document.querySelector(s)),
    link: document.querySelector('#open-full').getAttribute('href'),
  }));
  assert.ok(layout.scroll <= layout.inner, `scrollWidth ${layout.scroll} > ${layout.inner}`);
  assert.deepEqual(layout.sliders, ['sg']);
  assert.deepEqual(layout.charts, ['spend-chart']);
  assert.equal(layout.figures.length, 3);
  assert.deepEqual(layout.chrome, []);
  assert.equal(layout.link, `${browser.server.url}/?sg=40&ramp=early`);
  // It is live: the slider moves the figures and the link follows.
  await drag(page, 'sg', 90);
  const stargate = project({ ...defaults(), sg: 90, ramp: 'early' }).figures.stargate2030;
  assert.equal((await figure(page, 'stargate-2030')).value, `$${stargate.toFixed(1)}B`);
  await waitForSearch(page, '?sg=90&ramp=early&embed=1');
  assert.equal(await page.getAttribute('#open-full', 'href'), `${browser.server.url}/?sg=90&ramp=early`);
  await finish(page);
});

test("the embed loads its own lighter wasm, never the full page's", async () => {
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const named = (key) => index.match(new RegExp(`\\b${key}="?\\.\\/([^" >]+)`))?.[1];
  const [full, lean] = [named('data-wasm'), named('data-embed-wasm')];
  assert.ok(full && lean && full !== lean, 'index.html names both wasm files');
  for (const [path, loads, skips] of [
    ['/?sg=40&embed=1', lean, full],
    ['/?embed=0&embed=1', full, lean], // the first `embed` wins, as in every other key
    ['/?sg=40', full, lean],
  ]) {
    const from = browser.server.requests.length;
    const page = await browser.open(path);
    const requested = browser.server.requests.slice(from);
    assert.ok(requested.includes(`/${loads}`), `${path} loads ${loads}`);
    assert.ok(!requested.includes(`/${skips}`), `${path} does not load ${skips}`);
    assert.equal((await page.$$('#data-table')).length, path.includes('embed=1') && loads === lean ? 0 : 1);
    await finish(page);
  }
});

test('a host page that embeds the calculator gets its height and sizes the iframe', async () => {
  // The blogger's page, on another origin, with the embed code and the host script the full
  // page offers, copied from its text fields.
  const source = await browser.open('/?sg=55');
  const iframe = await source.inputValue('#embed-code');
  const script = await source.inputValue('#host-code');
  await finish(source);
  assert.match(iframe, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?sg=55&amp;embed=1" title="[^"]+" width="100%" height="\d+" loading="lazy" allow="clipboard-write" style="border:0"><\/iframe>$/);
  const folder = mkdtempSync(join(tmpdir(), 'stargate-host-'));
  writeFileSync(
    join(folder, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>A blog</title><body style="margin:0"><article style="width:320px"><p>Before</p>${iframe.replace('loading="lazy" ', '')}<p>After</p></article>${script}</body>`,
  );
  const host = await serve(folder);
  try {
    const page = await browser.context.newPage();
    const messages = [];
    await page.exposeFunction('recordMessage', (data) => messages.push(data));
    await page.addInitScript(() => addEventListener('message', (e) => window.recordMessage(e.data)));
    await page.goto(host.url + '/');
    await page.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 0, null, { timeout: 15000 });
    // The embed builds its parts a frame at a time: measure once it is complete and its height
    // has stopped changing (the first message may come from a page still being built).
    const embedded = page.frames().find((f) => f.url().includes('embed=1'));
    await embedded.waitForSelector('#app[data-ready]', { state: 'attached', timeout: 15000 });
    await page.waitForFunction(
      () =>
        new Promise((resolve) => {
          const height = () => document.querySelector('iframe').style.height;
          const before = height();
          setTimeout(() => resolve(height() === before), 300);
        }),
      null,
      { timeout: 15000 },
    );
    const sized = await page.evaluate(() => {
      const frame = document.querySelector('iframe');
      return { style: parseFloat(frame.style.height), box: frame.getBoundingClientRect().height };
    });
    const last = messages.filter((m) => m && m.type === 'stargate-calc:height').at(-1);
    assert.ok(last, 'the host received a height message');
    assert.equal(sized.style, last.height);
    assert.notEqual(sized.style, 720, 'the height is the content, not the default');
    const frame = page.frames().find((f) => f.url().includes('embed=1'));
    const inner = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, view: innerHeight }));
    assert.ok(inner.scroll <= inner.view + 1, `no scrolling inside the frame: ${JSON.stringify(inner)}`);
    // A wider column lays the content out anew (the figures' sentences come back): the
    // height follows.
    await page.evaluate(() => (document.querySelector('article').style.width = '720px'));
    await page.waitForFunction((old) => parseFloat(document.querySelector('iframe').style.height) !== old, sized.style);
    const resized = await page.evaluate(() => parseFloat(document.querySelector('iframe').style.height));
    const latest = messages.filter((m) => m && m.type === 'stargate-calc:height').at(-1);
    assert.equal(resized, latest.height);
    await page.close();
  } finally {
    await host.close();
  }
});

test('the embed code panel offers the iframe for the current scenario and the host script', async () => {
  const page = await browser.open('/?sg=70&theme=dark');
  assert.match(await page.inputValue('#embed-code'), /src="http:\/\/127\.0\.0\.1:\d+\/\?sg=70&amp;embed=1&amp;theme=dark"/);
  await drag(page, 'sg', 20);
  await waitForSearch(page, '?sg=20&theme=dark');
  assert.match(await page.inputValue('#embed-code'), /\?sg=20&amp;embed=1&amp;theme=dark"/);
  const script = await page.inputValue('#host-code');
  assert.match(script, /^<script>[\s\S]*stargate-calc:height[\s\S]*e\.origin !== "http:\/\/127\.0\.0\.1:\d+"[\s\S]*<\/script>$/);
  await finish(page);
});

test('downloads: CSV equals the table, SVGs are standalone with four series, PNG is 2x, JSON reads back', async () => {
  const page = await browser.open('/?sg=60&h=2032');
  const inputs = { ...defaults(), sg: 60, h: 2032 };

  const csv = await download(page, '[data-export=csv]');
  assert.equal(csv.name, 'stargate-mix-sg60-h2032.csv');
  const lines = csv.bytes.toString('utf8').trim().split('\n');
  assert.equal(lines[0], 'Year,Microsoft Azure,Stargate,Oracle,Other clouds,Total');
  const table = await readTable(page);
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')), table.map((row) => row.map((cell) => cell.replace(/,/g, ''))));
  assert.deepEqual(table, expectedTable(inputs));

  for (const chart of ['spend-chart', 'share-chart']) {
    const svg = await download(page, `[data-export=${chart}-svg]`);
    assert.match(svg.name, /^stargate-mix-sg60-h2032-(spend|shares)\.svg$/);
    const text = svg.bytes.toString('utf8');
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        series: [...doc.querySelectorAll('path[data-provider]')].map((p) => p.getAttribute('data-provider')),
        // Its look is its own: one stylesheet inside it, nothing loaded from outside.
        styles: [...doc.querySelectorAll('style')].map((style) => style.textContent),
        links: doc.querySelectorAll('link, [href], image').length,
        width: doc.documentElement.getAttribute('width'),
        height: doc.documentElement.getAttribute('height'),
      };
    }, text);
    assert.equal(parsed.error, null);
    assert.equal(parsed.root, 'svg');
    assert.deepEqual(parsed.series, ['microsoft', 'stargate', 'oracle', 'other']);
    assert.equal(parsed.styles.length, 1);
    assert.doesNotMatch(parsed.styles[0], /@import|url\(/);
    assert.equal(parsed.links, 0);

    const png = await download(page, `[data-export=${chart}-png]`);
    assert.match(png.name, /\.png$/);
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.bytes.readUInt32BE(16), 2 * Number(parsed.width));
    assert.equal(png.bytes.readUInt32BE(20), 2 * Number(parsed.height));
  }

  const json = await download(page, '[data-export=json]');
  assert.equal(json.name, 'stargate-mix-sg60-h2032.json');
  const parameters = JSON.parse(json.bytes.toString('utf8'));
  // The file says first which release wrote it (read back without a word), then the inputs.
  const { version, ...values } = parameters;
  assert.equal(Object.keys(parameters)[0], 'version');
  assert.equal(version, JSON.parse(readFileSync(join(DIST, 'versions.json'), 'utf8')).latest);
  assert.deepEqual(values, inputs);
  // Read back: the parameters as a link give the same table and the same file.
  const search = '?' + new URLSearchParams(Object.entries(parameters).map(([k, v]) => [k, String(v)])).toString();
  const again = await browser.open('/' + search);
  assert.deepEqual(await readTable(again), table);
  assert.deepEqual(JSON.parse((await download(again, '[data-export=json]')).bytes.toString('utf8')), parameters);
  await finish(again);
  await finish(page);
});

test('themes: dark by link, by the picker, and auto following the system', async () => {
  const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const page = await browser.open('/');
  const light = await background(page);
  await page.check('input[name=theme][value=dark]');
  await waitForSearch(page, '?theme=dark');
  const dark = await background(page);
  assert.notEqual(dark, light);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await finish(page);

  const linked = await browser.open('/?theme=dark&embed=1');
  assert.equal(await background(linked), dark);
  await finish(linked);

  const auto = await browser.context.newPage();
  await auto.emulateMedia({ colorScheme: 'dark' });
  await auto.goto(browser.server.url + '/');
  await mounted(auto);
  assert.equal(await background(auto), dark, 'auto follows prefers-color-scheme');
  await auto.emulateMedia({ colorScheme: 'light' });
  assert.equal(await background(auto), light);
  const forced = await browser.context.newPage();
  await forced.emulateMedia({ colorScheme: 'dark' });
  await forced.goto(browser.server.url + '/?theme=light');
  await mounted(forced);
  assert.equal(await background(forced), light, 'theme=light wins over a dark system');
  await auto.close();
  await forced.close();
});

test('the report scenario still renders exactly with every view option', async () => {
  const page = await browser.open('/?theme=light');
  assert.deepEqual(await readTable(page), REFERENCE_TABLE);
  await finish(page);
});

test('downloaded charts fit: for a long scenario every text is inside the image, the whole source line kept, end labels as the legend', async () => {
  const query = 'sg=33&s24=7.5&s27=25&g=44.4&y0=2027&ramp=late&mc=12.5&mg=55&ora=35&disc=45&h=2035';
  const page = await browser.open(`/?${query}`);
  for (const chart of ['spend-chart', 'share-chart']) {
    const svg = (await download(page, `[data-export=${chart}-svg]`)).bytes.toString('utf8');
    // Laid out by the browser, as another program would render it: every text's box measured.
    const measured = await page.evaluate((file) => {
      const doc = new DOMParser().parseFromString(file, 'image/svg+xml');
      const root = document.importNode(doc.documentElement, true);
      document.body.append(root);
      const frame = root.getBoundingClientRect();
      const boxes = [...root.querySelectorAll('text')].map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent, left: r.left - frame.left, top: r.top - frame.top, right: r.right - frame.left, bottom: r.bottom - frame.top };
      });
      const source = [...root.querySelectorAll('text[data-source]')].map((t) => t.textContent);
      const ends = [...root.querySelectorAll('text[data-end-label]')].map((t) => t.textContent);
      const legend = [...root.querySelectorAll('text')].map((t) => t.textContent).filter((t) => /^(Microsoft Azure|Stargate|Oracle|Other clouds) /.test(t));
      const size = { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')) };
      root.remove();
      return { boxes, source, ends, legend, size };
    }, svg);
    for (const box of measured.boxes) {
      const inside = box.left >= 0 && box.top >= 0 && box.right <= measured.size.width && box.bottom <= measured.size.height;
      assert.ok(inside, `${chart}: "${box.text}" at ${JSON.stringify(box)} is outside ${JSON.stringify(measured.size)}`);
    }
    assert.ok(measured.source.length >= 2, 'the source line wraps');
    assert.ok(measured.source.join('').replace(/\s/g, '').includes(`Scenario:${query}.`), measured.source.join(' | '));
    assert.ok(measured.ends.length > 0);
    for (const end of measured.ends) assert.ok(measured.legend.filter((l) => l === end).length >= 1, `end label "${end}" is in the legend`);
    // The PNG is the same image at twice the size.
    const png = await download(page, `[data-export=${chart}-png]`);
    assert.equal(png.bytes.readUInt32BE(16), 2 * measured.size.width);
    assert.equal(png.bytes.readUInt32BE(20), 2 * measured.size.height);
  }
  await finish(page);
});
