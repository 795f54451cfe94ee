// Accessibility of the page and the embed: axe-core finds nothing in either theme and in the
// states a reader reaches (a bad link's notice, a chart year under the pointer); every control
// is reached and worked by the keyboard with a visible focus ring; sliders speak their unit; a
// polite live region announces the result once the reader pauses; charts have text
// alternatives; reduced motion is honoured; and text axe cannot measure (inside the SVG
// charts) is measured here.
//
// axe-core comes from node_modules (a devDependency) and is evaluated in the page through the
// DevTools protocol (`page.evaluate`), which a Content-Security-Policy does not block: never a
// CDN, never an inline <script> the page would have to allow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { drag, figure, finish, readTable, useBrowser } from './support/browser.mjs';
import { SPECS, defaults, project, tableText } from './support/model.mjs';

const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

const browser = useBrowser();
/** The language picker's links, as the Tab order names them. */
const LANGUAGES = ['a:lang-en', 'a:lang-de', 'a:lang-fr', 'a:lang-es'];

// ---------------------------------------------------------------------------------------------
// Helpers (kept in this file: support/ is shared with other work)

/** Runs axe-core with its default rules (WCAG 2.0/2.1 A and AA, and best practices) on the
 * whole document; no rule is disabled, one experimental rule is added. Returns the violations,
 * and what the color-contrast rule made of the text it is least sure about: the "assumption"
 * tags, and the SVG chart text (which axe always reports as "incomplete": to axe, the text's
 * background is the <svg>, an image). */
async function audit(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    // Default rules, plus one experimental rule the charts once failed: every element in the
    // tab order must have a role that belongs there (a focusable role="group" did not).
    const results = await window.axe.run(document, { elementRef: true, rules: { 'focus-order-semantics': { enabled: true } } });
    const contrast = (list) => new Set(list.filter((r) => r.id === 'color-contrast').flatMap((r) => r.nodes.map((n) => n.element)));
    const passed = contrast(results.passes);
    const unsure = contrast(results.incomplete);
    const failed = contrast(results.violations);
    const verdict = (element) => (passed.has(element) ? 'pass' : failed.has(element) ? 'fail' : unsure.has(element) ? 'incomplete' : 'not checked');
    const describe = (element) => `${element.localName} "${element.textContent.trim()}"`;
    const tags = [...document.querySelectorAll('span')].filter((s) => s.textContent.trim() === 'assumption');
    const svgText = [...document.querySelectorAll('figure svg text')].filter(
      (t) => getComputedStyle(t).visibility === 'visible' && t.textContent.trim() !== '',
    );
    return {
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      })),
      tags: tags.map((t) => ({ text: describe(t), verdict: verdict(t) })),
      svgText: svgText.map((t) => ({ text: describe(t), verdict: verdict(t) })),
    };
  });
}

/** The violations as a reader of a failed test wants them: rule, impact, summary, each node. */
function report(violations) {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    at ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

async function assertNoViolations(page, where) {
  const { violations } = await audit(page);
  assert.deepEqual(violations.map((v) => v.id), [], `axe on ${where}:\n${report(violations)}`);
  // axe 4.x no longer checks plain duplicate ids (only those ARIA refers to): every id here.
  const ids = await page.$$eval('[id]', (elements) => elements.map((e) => e.id));
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], `duplicate ids on ${where}`);
}

/** Contrast of every visible text in the charts' SVGs, measured from computed styles: the
 * text's `fill` against what is painted under its centre (filled shapes of the chart, then the
 * backgrounds of its HTML ancestors), composited. Returns one entry per text. */
function measureSvgText(page) {
  return page.evaluate(() => {
    const parse = (css) => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const over = (top, under) => ({
      r: top.r * top.a + under.r * (1 - top.a),
      g: top.g * top.a + under.g * (1 - top.a),
      b: top.b * top.a + under.b * (1 - top.a),
      a: 1,
    });
    const luminance = ({ r, g, b }) => {
      const [R, G, B] = [r, g, b].map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const ratio = (a, b) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const SHAPES = new Set(['path', 'rect', 'circle', 'polygon', 'ellipse']);
    const out = [];
    for (const text of document.querySelectorAll('figure svg text')) {
      const style = getComputedStyle(text);
      if (style.visibility !== 'visible' || text.textContent.trim() === '') continue;
      text.scrollIntoView({ block: 'center', inline: 'center' });
      const box = text.getBoundingClientRect();
      const stack = document.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      // Layers under the text, top first, down to the first opaque one.
      const layers = [];
      for (const element of stack) {
        if (element === text) continue;
        const s = getComputedStyle(element);
        const paint = SHAPES.has(element.localName) && element instanceof SVGElement
          ? s.visibility === 'visible' ? parse(s.fill) : null
          : parse(s.backgroundColor);
        if (!paint || paint.a === 0) continue;
        layers.push({ paint, what: element.localName + (element.getAttribute('class') ? '.' + element.getAttribute('class') : '') });
        if (paint.a === 1) break;
      }
      // Nothing opaque under the text would be a page with no background: fail, not guess.
      const grounded = layers.some((l) => l.paint.a === 1);
      const on = layers.map((l) => l.what).join(' over ');
      let background = layers.pop()?.paint ?? { r: 0, g: 0, b: 0, a: 0 };
      for (const layer of layers.reverse()) background = over(layer.paint, background);
      const foreground = over(parse(style.fill), background);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      out.push({
        text: text.textContent.trim(),
        chart: text.closest('figure').id,
        on: grounded ? on : 'no opaque background',
        ratio: grounded ? Math.round(ratio(foreground, background) * 100) / 100 : 0,
        needed: large ? 3 : 4.5,
      });
    }
    window.scrollTo(0, 0);
    return out;
  });
}

/** Contrast (WCAG) between two computed CSS colours, in Node. */
function contrastRatio(cssA, cssB) {
  const channels = (css) => css.match(/[\d.]+/g).slice(0, 3).map(Number);
  const luminance = (css) => {
    const [R, G, B] = channels(css).map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const [hi, lo] = [luminance(cssA), luminance(cssB)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** What the keyboard focus is on, and how its focus ring is drawn. */
function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) return null;
    const name = element.getAttribute('name');
    const key =
      element.matches('input[type=range]') ? `range:${name}`
      : element.matches('input[type=radio]') ? `radio:${name}`
      : element.matches('[data-chart-focus]') ? `chart:${element.closest('figure').id}`
      : element.getAttribute('role') === 'region' ? `region:${element.querySelector('table')?.id}`
      : element.localName === 'button' ? `button:${element.id || element.dataset.preset || element.dataset.export}`
      : `${element.localName}:${element.id}`;
    const style = getComputedStyle(element);
    // The ring is drawn outside the element (outline-offset): measure it against the first
    // opaque background around it.
    let around = element.parentElement;
    let background = 'rgb(255, 255, 255)';
    while (around) {
      const bg = getComputedStyle(around).backgroundColor;
      if (!/rgba\(.*, 0\)$/.test(bg) && bg !== 'transparent') {
        background = bg;
        break;
      }
      around = around.parentElement;
    }
    // Document order, to check the tab order follows it (no positive tabindex).
    const all = [...document.querySelectorAll('*')];
    return {
      key,
      index: all.indexOf(element),
      focusVisible: element.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
      boxShadow: style.boxShadow,
      background,
    };
  });
}

/** Presses Tab from the top of the page until the focus leaves it; the focus stops in order. */
async function tabThrough(page, limit = 80) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  const stops = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (!stop || stops.some((s) => s.index === stop.index)) break;
    stops.push(stop);
  }
  return stops;
}

function assertFocusRings(stops) {
  for (const stop of stops) {
    assert.ok(stop.focusVisible, `${stop.key} matches :focus-visible when reached by Tab`);
    const outline = stop.outlineStyle !== 'none' && stop.outlineWidth >= 2;
    const shadow = stop.boxShadow !== 'none';
    assert.ok(outline || shadow, `${stop.key} shows a focus ring: outline ${stop.outlineStyle} ${stop.outlineWidth}px, box-shadow ${stop.boxShadow}`);
    if (outline) {
      const ratio = contrastRatio(stop.outlineColor, stop.background);
      assert.ok(ratio >= 3, `${stop.key}'s focus ring ${stop.outlineColor} on ${stop.background}: ${ratio.toFixed(2)}:1 < 3:1`);
    }
  }
}

/** Lets the page apply a change and the browser render it. */
function settle(page) {
  return page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
}

/** The unit words of each slider's `aria-valuetext` (the years have none). */
const SPOKEN_UNIT = {
  sg: 'percent',
  s24: 'billion dollars',
  s27: 'billion dollars',
  g: 'percent per year',
  y0: '',
  mc: 'billion dollars per year',
  mg: 'percent per year',
  ora: 'percent',
  disc: 'percent',
  h: '',
};

/** What a slider at `value` should say: the number as shown (up to two decimals), its unit. */
function spoken(key, value) {
  const number = String(Number(Number(value).toFixed(2)));
  return SPOKEN_UNIT[key] ? `${number} ${SPOKEN_UNIT[key]}` : number;
}

// ---------------------------------------------------------------------------------------------
// 1 and 7. axe-core: no violations, in every mode, theme and state; contrast covered

const PAGES = [
  { name: 'the full page, light theme', path: '/?theme=light' },
  { name: 'the full page, dark theme', path: '/?theme=dark' },
  { name: 'the embed, light theme', path: '/?embed=1&theme=light', width: 360 },
  { name: 'the embed, dark theme', path: '/?embed=1&theme=dark', width: 360 },
  { name: 'the notice of a bad link, light theme', path: '/?sg=abc&theme=light' },
  { name: 'the notice of a bad link, dark theme', path: '/?sg=abc&theme=dark' },
  { name: 'the embed with a notice, dark theme', path: '/?sg=abc&embed=1&theme=dark', width: 360 },
  { name: 'the full page on a phone, dark theme', path: '/?theme=dark', width: 390 },
  { name: 'bands on and a baseline pinned, light theme', path: '/?sg=50&b=1&bands=1&theme=light' },
  { name: 'bands on and a baseline pinned, dark theme', path: '/?sg=50&b=1&bands=1&theme=dark' },
  { name: 'the embed with bands and a baseline, dark theme', path: '/?sg=50&b=1&bands=1&embed=1&theme=dark', width: 360 },
];

for (const { name, path, width } of PAGES) {
  test(`axe finds no violations on ${name} (${path})`, async () => {
    const page = await browser.open(path, width ? { width, height: 800 } : undefined);
    if (path.includes('sg=abc')) assert.ok(await page.$('#notice'), 'the notice is shown');
    await assertNoViolations(page, `${name} (${path})`);
    await finish(page);
  });
}

for (const theme of ['light', 'dark']) {
  test(`axe finds no violations with a chart year selected by hovering, ${theme} theme`, async () => {
    const page = await browser.open(`/?theme=${theme}`);
    await page.hover('#spend-chart rect[data-year="2027"]');
    assert.equal(await page.textContent('#spend-chart .readout-year'), '2027');
    assert.equal(await page.getAttribute('#spend-chart .guide', 'visibility'), 'visible');
    await assertNoViolations(page, `the full page, ${theme} theme, 2027 hovered`);
    await finish(page);
  });
}

test('axe finds no violations with the theme left to a dark system setting', async () => {
  const page = await browser.open('/');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
  await assertNoViolations(page, 'the full page, theme auto on a dark system');
  await finish(page);
});

for (const { name, path, width } of [PAGES[0], PAGES[1], PAGES[2], PAGES[3]]) {
  test(`contrast: axe passes every "assumption" tag, and every SVG text measures AA, on ${name}`, async () => {
    const page = await browser.open(path, width ? { width, height: 800 } : undefined);
    const { tags, svgText } = await audit(page);
    if (!path.includes('embed')) assert.ok(tags.length >= 7, `the tags are on the page (${tags.length})`);
    for (const tag of tags) assert.equal(tag.verdict, 'pass', `axe measured ${tag.text}`);
    // Text inside an <svg> is "incomplete" to axe (it treats the svg as an image behind the
    // text), never passed or failed: measured here instead, from the computed fill.
    assert.ok(svgText.length >= 10, `the charts have text (${svgText.length})`);
    for (const text of svgText) {
      assert.ok(['pass', 'incomplete'].includes(text.verdict), `axe looked at ${text.text} and did not fail it (${text.verdict})`);
    }
    const measured = await measureSvgText(page);
    assert.equal(measured.length, svgText.length, 'every SVG text measured');
    for (const m of measured) {
      assert.ok(m.ratio >= m.needed, `${m.chart} "${m.text}" on ${m.on}: ${m.ratio}:1 < ${m.needed}:1`);
    }
    // Axis labels, end labels: all of them.
    const kinds = await page.$$eval('figure svg text', (ts) => [...new Set(ts.map((t) => t.getAttribute('class')))]);
    assert.ok(kinds.length >= 3, `axis and end labels (${kinds})`);
    await finish(page);
  });
}

// ---------------------------------------------------------------------------------------------
// 2. Keyboard: every control reached in document order, operable, with a visible focus ring

for (const theme of ['light', 'dark']) {
  test(`Tab reaches every control of the full page, in document order, each with a focus ring (${theme} theme)`, async () => {
    const page = await browser.open(`/?theme=${theme}`);
    const stops = await tabThrough(page);
    const keys = stops.map((s) => s.key);
    const required = [
      'radio:theme',
      ...Object.keys(SPECS).map((k) => `range:${k}`),
      'radio:ramp',
      'button:report',
      'button:microsoft-keeps-up',
      'button:stargate-slips',
      'button:all-in',
      'button:reset',
      'button:copy-link',
      'button:copy-embed',
      'button:copy-host',
      'button:csv',
      'button:json',
      'button:spend-chart-svg',
      'button:spend-chart-png',
      'button:share-chart-svg',
      'button:share-chart-png',
      'chart:spend-chart',
      'chart:share-chart',
      'region:data-table',
      'span:sentence-sg',
      'input:bands-toggle',
      'button:pin',
    ];
    for (const key of required) assert.ok(keys.includes(key), `Tab reaches ${key}; the order was ${keys.join(', ')}`);
    // A radio group is one stop; every other control one each.
    assert.equal(keys.filter((k) => k === 'radio:ramp').length, 1);
    assert.equal(keys.filter((k) => k === 'radio:theme').length, 1);
    const indices = stops.map((s) => s.index);
    assert.deepEqual(indices, [...indices].sort((a, b) => a - b), `focus follows the document order: ${keys.join(', ')}`);
    assert.deepEqual(keys.slice(0, 5), ['radio:theme', ...LANGUAGES], 'the theme and the languages, at the top right');
    assert.equal(keys[5], 'span:sentence-sg', 'then the share in the sentence at the top');
    assert.equal(keys[6], 'range:sg', 'then the headline slider');
    assertFocusRings(stops);
    await finish(page);
  });
}

for (const theme of ['light', 'dark']) {
  test(`Tab reaches every control of the embed, each with a focus ring (${theme} theme)`, async () => {
    const page = await browser.open(`/?embed=1&theme=${theme}`, { width: 360, height: 800 });
    const stops = await tabThrough(page);
    assert.deepEqual(
      stops.map((s) => s.key),
      ['span:sentence-sg', 'range:sg', 'chart:spend-chart', 'a:open-full', 'textarea:share-link', 'button:copy-link'],
    );
    assertFocusRings(stops);
    await finish(page);
  });
}

test('the notice of a bad link is reached by Tab and dismissed by Enter, and the focus stays on the page', async () => {
  const page = await browser.open('/?sg=abc');
  const stops = await tabThrough(page);
  const keys = stops.map((s) => s.key);
  assert.deepEqual(keys.slice(0, 8), ['radio:theme', ...LANGUAGES, 'button:notice-dismiss', 'span:sentence-sg', 'range:sg']);
  assertFocusRings(stops);
  await page.focus('#notice-dismiss');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#notice', { state: 'detached' });
  assert.equal((await focused(page))?.key, 'range:sg', 'the focus moves on to the headline slider');
  await finish(page);
});

test('every focusable element has an accessible name in the browser’s accessibility tree', async () => {
  for (const path of ['/?sg=abc', '/?embed=1']) {
    const page = await browser.open(path);
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const focusable = nodes.filter(
      (n) => !n.ignored && n.role?.value !== 'RootWebArea' && n.properties?.some((p) => p.name === 'focusable' && p.value.value),
    );
    assert.ok(focusable.length >= 5, `${path}: focusable nodes (${focusable.length})`);
    for (const node of focusable) {
      assert.ok(node.name?.value?.trim(), `${path}: a focusable ${node.role?.value} has no name`);
    }
    await cdp.detach();
    await finish(page);
  }
});

test('keyboard: ArrowRight moves a slider and the table; Enter and Space press presets; arrows pick ramp, theme and chart year', async () => {
  const page = await browser.open('/');
  // Slider: ArrowRight is one step.
  await page.focus('input[name=sg]');
  await page.keyboard.press('ArrowRight');
  await settle(page);
  assert.equal(await page.inputValue('input[name=sg]'), '76');
  const sg76 = project({ ...defaults(), sg: 76 });
  const table = await readTable(page);
  assert.deepEqual(table, tableText(sg76.rows));
  assert.equal(table[6][2], tableText(sg76.rows)[6][2], 'the 2030 Stargate cell follows');
  assert.notEqual(table[6][2], '59.95', 'and it changed from the report’s');
  // Presets: Enter, then Space.
  await page.focus('button[data-preset="microsoft-keeps-up"]');
  await page.keyboard.press('Enter');
  await settle(page);
  assert.equal(await page.getAttribute('button[data-preset="microsoft-keeps-up"]', 'aria-pressed'), 'true');
  assert.equal(await page.inputValue('input[name=sg]'), '40');
  await page.focus('button[data-preset="all-in"]');
  await page.keyboard.press('Space');
  await settle(page);
  assert.equal(await page.getAttribute('button[data-preset="all-in"]', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('button[data-preset="microsoft-keeps-up"]', 'aria-pressed'), 'false');
  assert.equal(await page.inputValue('input[name=sg]'), '95');
  assert.deepEqual(await readTable(page), tableText(project({ ...defaults(), sg: 95, ramp: 'early', disc: 30 }).rows));
  // Reset by Space.
  await page.focus('#reset');
  await page.keyboard.press('Space');
  await settle(page);
  assert.equal(await page.inputValue('input[name=sg]'), '75');
  // Ramp: arrows move through the group and check the next shape.
  const ramps = await page.$$eval('input[name=ramp]', (inputs) => inputs.map((i) => i.value));
  await page.focus('input[name=ramp]:checked');
  await page.keyboard.press('ArrowRight');
  await settle(page);
  const next = ramps[(ramps.indexOf('s') + 1) % ramps.length];
  assert.equal(await page.$eval('input[name=ramp]:checked', (i) => i.value), next);
  assert.deepEqual(await readTable(page), tableText(project({ ...defaults(), ramp: next }).rows));
  // Theme: arrows too.
  await page.focus('input[name=theme]:checked');
  await page.keyboard.press('ArrowRight');
  await settle(page);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
  // A chart: its keyboard slider covers the chart (so its focus ring goes round it), starts
  // at the last year, and ArrowLeft reads the year before, saying that year's values.
  const keys = '#spend-chart [data-chart-focus]';
  const [over, under] = await page.$$eval(`${keys}, #spend-chart svg[role=img]`, (elements) =>
    elements.map((e) => e.getBoundingClientRect().toJSON()),
  );
  for (const side of ['left', 'top', 'right', 'bottom']) {
    assert.ok(Math.abs(over[side] - under[side]) <= 2, `the slider covers the chart (${side})`);
  }
  await page.focus(keys);
  await settle(page);
  assert.equal(await page.getAttribute(keys, 'role'), 'slider');
  assert.deepEqual(
    await page.$eval(keys, (e) => [e.ariaValueMin, e.ariaValueMax, e.ariaValueNow]),
    ['2024', '2030', '2030'],
  );
  await page.keyboard.press('ArrowLeft');
  await settle(page);
  assert.equal(await page.textContent('#spend-chart .readout-year'), '2029');
  assert.equal(await page.getAttribute(keys, 'aria-valuenow'), '2029');
  const row = (await readTable(page)).find((r) => r[0] === '2029');
  assert.equal(
    await page.getAttribute(keys, 'aria-valuetext'),
    `2029: Microsoft Azure $${row[1]}B, Stargate $${row[2]}B, Oracle $${row[3]}B, Other clouds $${row[4]}B`,
  );
  // A download by Enter.
  await page.focus('button[data-export="csv"]');
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(file.suggestedFilename(), /\.csv$/);
  // Copy link by Enter, and its status says so.
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(browser.server.url).origin });
  await page.focus('#copy-link');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#copy-link + [role=status]').textContent === 'Copied.');
  await finish(page);
});

// ---------------------------------------------------------------------------------------------
// 3. Sliders speak their value with its unit

test('every slider’s aria-valuetext says its value with the unit, before and after a change', async () => {
  const page = await browser.open('/');
  const valuetext = (key) => page.getAttribute(`input[type=range][name=${key}]`, 'aria-valuetext');
  assert.equal(await valuetext('sg'), '75 percent');
  assert.equal(await valuetext('s24'), '5 billion dollars');
  assert.equal(await valuetext('g'), '58.7 percent per year');
  assert.equal(await valuetext('y0'), '2025');
  assert.equal(await valuetext('mc'), '5 billion dollars per year');
  const ranges = await page.$$eval('input[type=range]', (inputs) => inputs.map((i) => i.name));
  assert.deepEqual([...ranges].sort(), Object.keys(SPECS).sort(), 'every range input is checked');
  for (const key of ranges) {
    const input = `input[type=range][name=${key}]`;
    assert.equal(await valuetext(key), spoken(key, SPECS[key].default), `${key} at its default`);
    await page.focus(input);
    await page.keyboard.press('ArrowRight');
    await settle(page);
    const value = Number(await page.inputValue(input));
    assert.ok(Math.abs(value - (SPECS[key].default + SPECS[key].step)) < 1e-9, `${key} moved one step (${value})`);
    assert.equal(await valuetext(key), spoken(key, value), `${key} after ArrowRight`);
  }
  assert.equal(await valuetext('g'), '58.8 percent per year');
  assert.equal(await valuetext('h'), '2031');
  // A drag says the new value too.
  await drag(page, 's27', 32.5);
  assert.equal(await valuetext('s27'), '32.5 billion dollars');
  await finish(page);
});

// ---------------------------------------------------------------------------------------------
// 4. The announcer: one polite message with the result, after the reader pauses

/** Records every change of the announcer's text, with the time it happened. */
async function watchAnnouncer(page) {
  await page.evaluate(() => {
    const region = document.querySelector('#announcer');
    window.announcements = [];
    new MutationObserver(() => {
      const text = region.textContent;
      const last = window.announcements.at(-1);
      if (!last || last.text !== text) window.announcements.push({ at: performance.now(), text });
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
}

/** Moves the `sg` slider through `values` as a drag does, `gap` ms apart, in the page; returns
 * the time of the last move. */
function burst(page, values, gap = 80) {
  return page.evaluate(
    async ({ values, gap }) => {
      const input = document.querySelector('input[type=range][name=sg]');
      let last = 0;
      for (const value of values) {
        input.value = String(value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        last = performance.now();
        await new Promise((ok) => setTimeout(ok, gap));
      }
      return last;
    },
    { values, gap },
  );
}

test('the live region announces the headline once, after the pause, not at load and not while dragging', async () => {
  const page = await browser.open('/');
  const region = await page.$eval('#announcer', (r) => ({
    live: r.getAttribute('aria-live'),
    width: r.getBoundingClientRect().width,
    height: r.getBoundingClientRect().height,
    text: r.textContent,
  }));
  assert.equal(region.live, 'polite');
  assert.ok(region.width <= 1 && region.height <= 1, `visually hidden (${region.width}×${region.height})`);
  await page.waitForTimeout(900);
  assert.equal(await page.textContent('#announcer'), '', 'nothing is announced at page load');
  await watchAnnouncer(page);
  const lastMove = await burst(page, [70, 64, 58, 52, 50]);
  await page.waitForTimeout(1200);
  const announcements = await page.evaluate(() => window.announcements);
  assert.equal(announcements.length, 1, `one announcement: ${JSON.stringify(announcements)}`);
  const [{ at, text }] = announcements;
  const delay = at - lastMove;
  assert.ok(delay >= 400 && delay <= 1100, `announced ${Math.round(delay)} ms after the last move (about 500)`);
  assert.equal(text, (await page.textContent('#headline')).trim(), 'it is the headline on screen');
  assert.equal(text, 'By 2030, OpenAI gets 50% of its compute from Stargate and spends $40.0B there, 1.3× its Azure spend.');
  // A preset is a change too; and a second pause says the new result.
  await page.click('button[data-preset="all-in"]');
  await page.waitForFunction(() => window.announcements.length === 2, null, { timeout: 2000 });
  assert.equal(await page.textContent('#announcer'), (await page.textContent('#headline')).trim());
  await finish(page);
});

test('the embed announces the result after a pause too', async () => {
  const page = await browser.open('/?embed=1', { width: 360, height: 800 });
  assert.equal(await page.getAttribute('#announcer', 'aria-live'), 'polite');
  await watchAnnouncer(page);
  const lastMove = await burst(page, [60, 45, 30]);
  await page.waitForTimeout(1200);
  const announcements = await page.evaluate(() => window.announcements);
  assert.equal(announcements.length, 1, `one announcement: ${JSON.stringify(announcements)}`);
  assert.ok(announcements[0].at - lastMove >= 400, 'after the pause');
  const stargate = (await figure(page, 'stargate-2030')).value;
  assert.equal(announcements[0].text, (await page.textContent('#headline')).trim(), 'the embed’s headline sentence');
  assert.match(announcements[0].text, /^By 2030, OpenAI gets 30% of its compute from Stargate and spends /);
  assert.ok(announcements[0].text.includes(`spends ${stargate} there, against $`), `${announcements[0].text} names ${stargate}`);
  await finish(page);
});

// ---------------------------------------------------------------------------------------------
// 5. Text alternatives of the charts, and the data table

/** The accessible name and description the browser computes for a chart's SVG. */
async function chartAccessibility(page, chart) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `#${chart} svg[role=img]` });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  const node = nodes[0];
  return { role: node.role?.value, name: node.name?.value, description: node.description?.value };
}

test('each chart is an image named by its title and described, with the last year’s values', async () => {
  const page = await browser.open('/?sg=40&h=2033');
  const inputs = { ...defaults(), sg: 40, h: 2033 };
  const last = project(inputs).rows.at(-1);
  const table = await readTable(page);
  assert.equal(table.at(-1)[0], '2033');
  for (const chart of ['spend-chart', 'share-chart']) {
    const svg = `#${chart} svg[role=img]`;
    assert.equal(await page.getAttribute(svg, 'role'), 'img');
    const title = (await page.textContent(`${svg} > title`)).trim();
    const desc = (await page.textContent(`${svg} > desc`)).trim();
    assert.equal(title, (await page.textContent(`#${chart} figcaption`)).trim(), 'the title is the chart’s caption');
    assert.equal(await page.$eval(`${svg} > title`, (t) => t.namespaceURI), 'http://www.w3.org/2000/svg', 'an SVG <title>');
    const ax = await chartAccessibility(page, chart);
    assert.equal(ax.role, 'image');
    assert.equal(ax.name, title, 'the browser names the image by its title');
    assert.equal(ax.description, desc, 'and describes it by its desc');
    assert.match(desc, /In 2033: /);
    const names = ['Microsoft Azure', 'Stargate', 'Oracle', 'Other clouds'];
    const cells = table.at(-1).slice(1);
    names.forEach((name, i) => {
      if (chart === 'spend-chart') {
        assert.ok(desc.includes(`${name} $${cells[i]}B`), `${chart}: "${name} $${cells[i]}B" in "${desc}"`);
      } else {
        const share = (100 * [last.microsoft, last.stargate, last.oracle, last.other][i]) / last.total;
        const said = desc.match(new RegExp(`${name} ([\\d.]+)%`));
        assert.ok(said && Math.abs(Number(said[1]) - share) <= 0.051, `${chart}: ${name} ${share.toFixed(1)}% in "${desc}"`);
      }
    });
    if (chart === 'spend-chart') assert.ok(desc.includes(`total $${cells[4]}B`));
  }
  // It follows the scenario.
  await drag(page, 'h', 2035);
  assert.match(await page.textContent('#spend-chart svg[role=img] > desc'), /In 2035: Microsoft Azure \$/);
  // The full page has the data table, with its caption and headers.
  assert.ok(await page.$('#data-table caption'));
  assert.equal(await page.$$eval('#data-table thead th[scope=col]', (ths) => ths.length), 6);
  assert.equal(await page.$$eval('#data-table tbody th[scope=row]', (ths) => ths.length), 12);
  await finish(page);
});

// ---------------------------------------------------------------------------------------------
// 6. Reduced motion

test('prefers-reduced-motion: reduce leaves no transition or animation anywhere', async () => {
  const page = await browser.open('/');
  const moving = () =>
    page.evaluate(() => {
      const found = [];
      const nonZero = (list) => list.split(',').some((d) => parseFloat(d) > 0);
      for (const element of document.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
          const s = getComputedStyle(element, pseudo);
          if (nonZero(s.transitionDuration) || nonZero(s.animationDuration)) {
            found.push(`${element.localName}${element.id ? '#' + element.id : ''}${pseudo ?? ''}: transition ${s.transitionDuration}, animation ${s.animationDuration}`);
          }
        }
      }
      return { found, running: document.getAnimations().length, checked: document.querySelectorAll('*').length };
    });
  // Without the preference: whatever moves is listed (today nothing does).
  const normal = await moving();
  console.log(`elements with a transition or animation, no preference: ${normal.found.length}`);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
  // A hover and a keyboard focus, the states that could start something.
  await page.hover('#spend-chart rect[data-year="2026"]');
  await page.focus('button[data-preset="all-in"]');
  const reduced = await moving();
  assert.ok(reduced.checked > 200, 'every element was checked');
  assert.deepEqual(reduced.found, [], 'with reduced motion, no element transitions or animates');
  assert.equal(reduced.running, 0, 'and no animation runs');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'auto');
  await finish(page);
});
