// The page in the reader's language (`lang=de|fr|es`): every checked text comes from that
// language's file (lang/*.json, the translators' files), every number is written as the language
// writes it and reads back to the model's value, links carry the language, downloads stay
// machine-readable, and a bad or missing language falls back to English, politely.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { download, figure, finish, mounted, readTable, useBrowser } from './support/browser.mjs';
import { defaults, project } from './support/model.mjs';
import { wordsList } from '../../scripts/words-build.mjs';

const browser = useBrowser();
const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const WORDS = Object.fromEntries(
  ['en', 'de', 'fr', 'es'].map((lang) => [lang, JSON.parse(readFileSync(new URL(`../../lang/${lang}.json`, import.meta.url), 'utf8'))]),
);

/** How each language writes a number (CLDR): decimal sign, grouping sign, digits before the
 * first group appears (Spanish groups from five digits). */
const NUMBERS = {
  de: { decimal: ',', group: '.', from: 4 },
  fr: { decimal: ',', group: '\u202f', from: 4 },
  es: { decimal: ',', group: '.', from: 5 },
};

/** Reads a number as `lang` writes it; NaN if it is not written that way. */
function readNumber(text, lang) {
  const { decimal, group } = NUMBERS[lang];
  const [whole, fraction, extra] = text.split(decimal);
  if (extra !== undefined || fraction === undefined || !/^\d{2}$/.test(fraction)) return NaN;
  const digits = whole.split(group).join('');
  const groups = whole.split(group);
  const grouped = groups.length > 1;
  const wellGrouped = groups.slice(1).every((g) => /^\d{3}$/.test(g)) && /^\d{1,3}$/.test(groups[0]);
  if (!/^\d+$/.test(digits)) return NaN;
  // Grouped exactly when the whole part is long enough.
  if (grouped !== digits.length >= NUMBERS[lang].from || (grouped && !wellGrouped)) return NaN;
  return Number(`${digits}.${fraction}`);
}

/** A text of `lang` with its `{names}` as a pattern, each name matching any text. */
function pattern(lang, key) {
  const text = WORDS[lang][key];
  assert.ok(text, `${lang}: ${key}`);
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{[a-z_0-9]+\\\}/g, '(.+)');
  return new RegExp(`^${escaped}$`);
}

async function axe(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () =>
    (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  );
}

/** Opens `path` recording which language lists the page fetched. */
async function openRecording(path, options) {
  const fetched = [];
  browser.context.on('request', (request) => {
    if (/\/lang\//.test(request.url())) fetched.push(request.url().replace(/^.*\/lang\//, ''));
  });
  const page = await browser.open(path, options);
  browser.context.removeAllListeners('request');
  return { page, fetched };
}

const GROWTH = '&g=150&h=2035';

for (const lang of ['de', 'fr', 'es']) {
  test(`${lang}: words, numbers that read back, the notice, and no accessibility violation`, async () => {
    const { page, fetched } = await openRecording(`/?lang=${lang}&sg=abc${GROWTH}`);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.deepEqual(fetched.map((f) => f.slice(0, 3)), [`${lang}-`], 'only this language is fetched');

    // The table: every spend as the language writes it, reading back to the model's value.
    const { rows } = project({ ...defaults(), g: 150, h: 2035 });
    const table = await readTable(page);
    assert.equal(table.length, rows.length);
    let grouped = 0;
    table.forEach((cells, i) => {
      const r = rows[i];
      assert.equal(cells[0], String(r.year));
      [r.microsoft, r.stargate, r.oracle, r.other, r.total].forEach((value, j) => {
        const read = readNumber(cells[j + 1], lang);
        assert.equal(read, Number(value.toFixed(2)), `${r.year} column ${j + 1}: "${cells[j + 1]}"`);
        if (cells[j + 1].includes(NUMBERS[lang].group)) grouped += 1;
      });
    });
    assert.ok(grouped > 0, 'some spends are large enough to be grouped');
    const headers = await page.$$eval('#data-table thead th', (cells) => cells.map((c) => c.textContent.trim()));
    assert.equal(headers[0], WORDS[lang].table_year);
    assert.equal(headers.at(-1), WORDS[lang].total);

    // The headline slider's label and value.
    const label = await page.$eval('input[name=sg]', (input) => document.querySelector(`label[for="${input.id}"]`).textContent.trim());
    assert.ok(label.startsWith(WORDS[lang].input_share_2030_label), label);
    const percent = new Intl.NumberFormat(lang, { style: 'percent' }).format(0.75);
    assert.equal((await page.textContent('#sg-value')).trim(), percent);
    assert.equal(await page.getAttribute('input[name=sg]', 'aria-valuetext'), WORDS[lang].spoken_percent.replace('{n}', '75'));

    // A figure sentence, filled with the language's percentage.
    const stargate = await figure(page, 'stargate-2030');
    assert.equal(stargate.sentence, WORDS[lang].figure_stargate_2030_sentence.replace('{share}', percent));

    // The notice about `sg=abc`, in the language.
    assert.equal((await page.textContent('#notice .notice-title')).trim(), WORDS[lang].note_link_title);
    const line = (await page.textContent('#notice li')).trim();
    const match = pattern(lang, 'note_not_a_number_link').exec(line);
    assert.ok(match, `notice line "${line}"`);
    assert.ok(line.includes('abc') && line.includes(WORDS[lang].input_share_2030_label) && line.includes(percent), line);

    // Nothing English left in the places a reader reads first.
    assert.equal((await page.textContent('h1')).trim(), WORDS[lang].masthead_title);
    assert.equal((await page.textContent('#reset')).trim(), WORDS[lang].control_reset);

    assert.deepEqual(await axe(page), []);
    await finish(page);
  });
}

test('the explorable sentence and the charts speak the language, and take the same keys', async () => {
  const page = await browser.open('/?lang=de');
  await page.focus('#sentence-sg');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('#sentence-sg').getAttribute('aria-valuenow') === '76');
  assert.equal((await page.textContent('#sentence-sg')).trim(), '76\u00a0%');
  assert.equal(await page.getAttribute('#sentence-sg', 'aria-valuetext'), '76 Prozent');
  assert.match(await page.textContent('#sentence-stargate'), /^\d+,\d\u00a0Mrd\.\u00a0\$$/);
  const explorable = (await page.textContent('#headline')).trim();
  assert.ok(pattern('de', 'sentence_explorable').test(explorable), explorable);

  // Axis labels and the readout: German numbers; the chart's title from the German file.
  const ticks = await page.$$eval('#spend-chart .y-axis text, #spend-chart text', (t) => t.map((x) => x.textContent));
  assert.ok(ticks.some((t) => /^\d+\u00a0Mrd\.\u00a0\$$/.test(t)), ticks.join(' | '));
  assert.ok(!ticks.some((t) => /\$\d/.test(t)), 'no English money on the axis');
  assert.equal((await page.textContent('#spend-chart figcaption')).trim().startsWith(WORDS.de.chart_spend_title), true);
  await finish(page);
});

test('the file picker is a button in the page\'s language that opens the browser\'s chooser', async () => {
  const page = await browser.open('/?lang=de');
  assert.equal((await page.textContent('#open-scenario-button')).trim(), WORDS.de.open_choose);
  assert.equal(await page.isVisible('#open-scenario'), false, 'the browser\'s own (English) button is not shown');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#open-scenario-button')]);
  await chooser.setFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from('{"sg": 40}') });
  await page.waitForFunction(() => document.querySelector('#open-status').textContent.includes('a.json'));
  assert.equal(await page.inputValue('input[name=sg]'), '40');
  await finish(page);
});

test('longer words fit a phone: nothing wider than the screen, with every panel shown', async () => {
  for (const lang of ['en', 'de', 'fr', 'es']) {
    const page = await browser.open(`/?lang=${lang}&b=1&bands=1&h=2035`, { width: 360, height: 800 });
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(scroll <= 0, `${lang}: the page is ${scroll} px wider than the screen`);
    await finish(page);
  }
});

test('links, the embed code and the embed carry the language', async () => {
  const page = await browser.open('/?sg=40&lang=fr');
  assert.match(await page.inputValue('#share-link'), /[?&]sg=40&lang=fr$/);
  assert.match(await page.inputValue('#embed-code'), /lang=fr/);
  await finish(page);

  const embed = await browser.open('/?embed=1&sg=40&lang=es');
  assert.equal(await embed.getAttribute('html', 'lang'), 'es');
  const full = embed.locator('#open-full');
  assert.match(await full.getAttribute('href'), /[?&]sg=40&lang=es$/);
  assert.equal((await full.textContent()).trim(), WORDS.es.embed_open_full);
  assert.deepEqual(await axe(embed), []);
  await finish(embed);
});

test('the language picker opens the same scenario in another language', async () => {
  const page = await browser.open('/?sg=40&ramp=late');
  const links = page.locator('[id^=lang-]');
  assert.deepEqual(await links.allTextContents(), ['English', 'Deutsch', 'Français', 'Español']);
  assert.equal(await page.getAttribute('#language a[aria-current]', 'lang'), 'en');
  assert.equal(await page.getAttribute('#language', 'aria-label'), WORDS.en.lang_legend);
  await Promise.all([page.waitForURL(/lang=de/), links.nth(1).click()]);
  await mounted(page);
  assert.match(page.url(), /\?sg=40&ramp=late&lang=de$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.inputValue('input[name=sg]'), '40');
  assert.equal(await page.getAttribute('#language a[aria-current]', 'lang'), 'de');
  assert.equal(await page.getAttribute('#language', 'aria-label'), WORDS.de.lang_legend);
  await finish(page);
});

test('downloads stay machine-readable in every language; the chart images do not', async () => {
  const files = {};
  for (const lang of ['en', 'de', 'fr', 'es']) {
    const page = await browser.open(`/?sg=40&lang=${lang}${GROWTH}`);
    files[lang] = {
      csv: (await download(page, 'button[data-export=csv]')).bytes.toString('utf8'),
      json: JSON.parse((await download(page, 'button[data-export=json]')).bytes.toString('utf8')),
      svg: (await download(page, 'button[data-export=spend-chart-svg]')).bytes.toString('utf8'),
    };
    await finish(page);
  }
  assert.match(files.en.csv, /^Year,Microsoft Azure,/);
  assert.match(files.en.csv, /\n2035,[\d.]+,/);
  for (const lang of ['de', 'fr', 'es']) {
    assert.equal(files[lang].csv, files.en.csv, `${lang}: the CSV`);
    assert.deepEqual(files[lang].json.parameters ?? files[lang].json, files.en.json.parameters ?? files.en.json, `${lang}: the JSON`);
    assert.ok(files[lang].svg.includes(WORDS[lang].chart_spend_title.replace(/&/g, '&amp;')), `${lang}: the SVG's title`);
  }
});

test('an unknown, hostile or empty language falls back to English with a notice', async () => {
  for (const given of ['xx', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', '']) {
    const { page, fetched } = await openRecording(`/?lang=${given}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.deepEqual(fetched, []);
    assert.equal((await page.textContent('h1')).trim(), WORDS.en.masthead_title);
    const line = (await page.textContent('#notice li')).trim();
    assert.ok(pattern('en', 'note_view_value_link').test(line) && line.includes('en, de, fr, es'), line);
    if (given === '') assert.ok(line.includes('\u201c\u201d'), `an empty value is shown as empty quotes: ${line}`);
    assert.equal(await page.$('script:not([src])'), null);
    await finish(page);
  }
});

test('a page in another language never shows the English fallback while it loads', async () => {
  for (const [path, shown] of [['/?lang=de', false], ['/', true]]) {
    const page = await browser.context.newPage();
    // Hold the wasm back, so the page stays at index.html's fallback for a while.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/*_bg.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${browser.server.url}${path}`, { waitUntil: 'domcontentloaded' });
    await page.waitForTimeout(300);
    assert.equal(await page.isVisible('#app h1'), shown, `${path}: the fallback's English heading`);
    release();
    await mounted(page);
    assert.equal(await page.isVisible('#app h1'), true, `${path}: the page's heading once mounted`);
    await page.close();
  }
});

test('an English page fetches no other language, and a lost language list leaves English, said so', async () => {
  for (const path of ['/', '/?embed=1']) {
    const { page, fetched } = await openRecording(path);
    assert.deepEqual(fetched, [], path);
    await finish(page);
  }
  const page = await browser.context.newPage();
  await page.route('**/lang/**', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${browser.server.url}/?lang=de&sg=40`);
  await mounted(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal((await page.textContent('h1')).trim(), WORDS.en.masthead_title);
  assert.equal((await page.textContent('#notice')).includes(WORDS.en.words_missing.replace('{language}', 'Deutsch')), true);
  assert.equal(await page.inputValue('input[name=sg]'), '40');
  await page.close();
});

test('the build turns a translator\'s file into the list, and refuses a broken one', () => {
  const english = { a_text: 'In {year}.', b_text: 'Total' };
  assert.deepEqual(wordsList(english, { b_text: 'Gesamt', a_text: 'Im Jahr {year}.' }, 'de'), {
    list: ['Im Jahr {year}.', 'Gesamt'],
    missing: [],
  });
  // A missing text is shown in English (null in the list), and said.
  assert.deepEqual(wordsList(english, { a_text: 'En {year}.' }, 'fr'), { list: ['En {year}.', null], missing: ['b_text'] });
  assert.throws(() => wordsList(english, { a_text: 'En {year}.', c_text: 'x' }, 'fr'), /unknown key c_text/);
  assert.throws(() => wordsList(english, { a_text: 'En {año}.' }, 'es'), /a_text has \{año\}, English has \{year\}/);
  // The real files: every text translated.
  for (const lang of ['de', 'fr', 'es']) assert.deepEqual(wordsList(WORDS.en, WORDS[lang], lang).missing, [], lang);
});
