// The host page talks to the embed (docs/embedding.md, the message API): a blogger's
// page on another origin drives the calculator in its iframe with every message of version 1
// and checks the replies against the oracle; a sibling frame, hostile and malformed messages
// and a flood of messages; the full page outside a frame neither listens nor posts; and the
// scrollytelling example, as a reader scrolls it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { finish, useBrowser } from './support/browser.mjs';
import { defaults, project } from './support/model.mjs';
import { serve } from './support/server.mjs';

const browser = useBrowser();
const AXE = join(dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');

// The blogger's site, on another origin: a page with the embed and a script that records what
// the frame says (only the frame's messages) and sends it messages.
const site = mkdtempSync(join(tmpdir(), 'stargate-host-'));
let host;
before(async () => {
  writeFileSync(
    join(site, 'host.js'),
    `window.received = [];
addEventListener('message', (e) => {
  const frame = document.getElementById('calc');
  if (frame && e.source === frame.contentWindow) window.received.push(e.data);
});
window.send = (message) => document.getElementById('calc').contentWindow.postMessage(message, '*');
`,
  );
  host = await serve(site);
});
after(() => host?.close());

/** Opens a host page embedding the calculator at `query`, and waits for its ready message. */
async function hostPage(query = 'embed=1', extra = '') {
  const name = `page-${Math.random().toString(36).slice(2)}.html`;
  writeFileSync(
    join(site, name),
    `<!doctype html><meta charset="utf-8"><title>A blog</title><link rel="icon" href="data:,"><script src="host.js"></script>` +
      `<iframe id="calc" src="${browser.server.url}/?${query}" title="Calculator" width="420" height="700"></iframe>${extra}`,
  );
  const page = await browser.context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  await page.goto(`${host.url}/${name}`);
  await page.waitForFunction(() => window.received.some((m) => m && m.type === 'stargate-calc:ready'), null, { timeout: 15000 });
  page.calculator = () => page.frames().find((f) => f.url().startsWith(browser.server.url));
  return page;
}

/** The states the frame has sent in `stargate-calc:state` messages, in order. */
const states = (page) =>
  page.evaluate(() => window.received.filter((m) => m && m.type === 'stargate-calc:state').map((m) => (m.version === 1 ? m.state : null)));

/** Sends `message` and returns the state reply it gets (the first new one). */
async function ask(page, message) {
  const before = (await states(page)).length;
  await page.evaluate((m) => window.send(m), message);
  await page.waitForFunction((n) => window.received.filter((m) => m && m.type === 'stargate-calc:state').length > n, before);
  return (await states(page))[before];
}

/** The figures the state must carry for `inputs`, from the oracle. */
function expectedFigures(inputs) {
  const f = project(inputs).figures;
  const rows = project(inputs).rows;
  return {
    total_2030: f.total2030,
    stargate_2030: f.stargate2030,
    microsoft_2030: rows.find((r) => r.year === 2030).microsoft,
    microsoft_change: f.microsoftChange,
    crossover_year: f.crossoverYear,
    funding_year: f.fundingYear,
    cumulative_spend: f.cumulative,
    cumulative_overflow: f.overflowOracle + f.overflowOther,
    cumulative_savings: f.savings,
    commitment_share: f.commitmentShare,
  };
}

function assertState(state, inputs, query, notes = []) {
  assert.equal(state.query, query);
  assert.deepEqual(state.params, inputs);
  const expected = expectedFigures(inputs);
  for (const [key, value] of Object.entries(expected)) {
    if (typeof value === 'number' && typeof state.figures[key] === 'number') {
      assert.ok(Math.abs(state.figures[key] - value) <= 1e-9 * Math.max(1, Math.abs(value)), `${key}: ${state.figures[key]} vs ${value}`);
    } else {
      assert.equal(state.figures[key], value, key);
    }
  }
  assert.equal(Object.keys(state.figures).length, 10);
  assert.deepEqual(state.notes, notes);
}

test('ready, then one state reply per set, preset, reset and get, each equal to the oracle; theme switches the frame', async () => {
  const page = await hostPage('sg=60&embed=1');
  const ready = (await page.evaluate(() => window.received)).find((m) => m.type === 'stargate-calc:ready');
  assert.equal(ready.version, 1);
  assertState(ready.state, { ...defaults(), sg: 60 }, 'sg=60&embed=1');
  assert.equal((await page.evaluate(() => window.received.filter((m) => m.type === 'stargate-calc:ready').length)), 1, 'ready once');

  let state = await ask(page, { type: 'stargate-calc:set', params: { sg: 40, ramp: 'late' } });
  assertState(state, { ...defaults(), sg: 40, ramp: 'late' }, 'sg=40&ramp=late&embed=1');
  // The frame shows it.
  await page.calculator().waitForFunction(() => document.querySelector('input[name=sg]').value === '40');

  // Strings read as a link's values, numbers clamped, years rounded, invalid values kept,
  // unknown keys ignored: all said in the notes.
  state = await ask(page, { type: 'stargate-calc:set', params: { g: '30', y0: 2026.5, mc: 1e9, s24: 'abc', colour: 'blue' } });
  assertState(state, { ...defaults(), sg: 40, ramp: 'late', g: 30, y0: 2027, mc: 50 }, 'sg=40&g=30&y0=2027&ramp=late&mc=50&embed=1', state.notes);
  assert.equal(state.notes.length, 4, state.notes.join('\n'));
  assert.match(state.notes.join('\n'), /the message's 2026\.5 was rounded to 2027/);
  assert.match(state.notes.join('\n'), /stays \$5B/);
  assert.match(state.notes.join('\n'), /“colour” is not a setting/);

  state = await ask(page, { type: 'stargate-calc:preset', preset: 'stargate-slips' });
  assertState(state, { ...defaults(), sg: 50, y0: 2027, ramp: 'late' }, 'sg=50&y0=2027&ramp=late&embed=1');
  state = await ask(page, { type: 'stargate-calc:preset', preset: 'nowhere' });
  assert.deepEqual(state.params, { ...defaults(), sg: 50, y0: 2027, ramp: 'late' });
  assert.match(state.notes[0], /^The preset “nowhere” is not one of report, microsoft-keeps-up, stargate-slips, all-in/);
  state = await ask(page, { type: 'stargate-calc:reset' });
  assertState(state, defaults(), 'embed=1');
  state = await ask(page, { type: 'stargate-calc:get' });
  assertState(state, defaults(), 'embed=1');

  const sent = (await states(page)).length;
  await page.evaluate(() => window.send({ type: 'stargate-calc:theme', theme: 'dark' }));
  await page.calculator().waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  // Theme is not answered; the next get says it in the query.
  state = await ask(page, { type: 'stargate-calc:get' });
  assert.equal((await states(page)).length, sent + 1, 'one reply per message, none for theme');
  assert.equal(state.query, 'embed=1&theme=dark');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the reader's own changes are told once they pause, and only once", async () => {
  const page = await hostPage();
  const frame = page.calculator();
  await frame.$eval('input[name=sg]', (input) => {
    for (const v of [70, 65, 60, 55]) {
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  await page.waitForFunction(() => window.received.some((m) => m.type === 'stargate-calc:state'), null, { timeout: 5000 });
  await page.waitForTimeout(600);
  const told = await states(page);
  assert.equal(told.length, 1, 'one state after the pause, not one a step');
  assertState(told[0], { ...defaults(), sg: 55 }, 'sg=55&embed=1');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('only the parent is heard: a sibling frame and the page itself are ignored', async () => {
  // A second frame on the host page (the blogger's other widget) posts to the calculator.
  const sibling = `${browser.server.url}/?sg=10`;
  const page = await hostPage('embed=1', `<iframe id="other" src="${sibling}" title="Other"></iframe>`);
  const other = page.frames().find((f) => f.url() === sibling);
  await other.waitForFunction(() => document.querySelector('#app[data-ready]'));
  await other.evaluate(() => parent.frames[0].postMessage({ type: 'stargate-calc:set', params: { sg: 5 } }, '*'));
  // The calculator posts to itself too.
  await page.calculator().evaluate(() => window.postMessage({ type: 'stargate-calc:set', params: { sg: 6 } }, '*'));
  await page.waitForTimeout(500);
  assert.deepEqual(await states(page), [], 'no reply');
  assert.equal(await page.calculator().inputValue('input[name=sg]'), '75', 'nothing changed');
  // The parent is still heard.
  const state = await ask(page, { type: 'stargate-calc:get' });
  assert.equal(state.params.sg, 75);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('hostile and malformed messages do no harm: no error, no markup, no change', async () => {
  const page = await hostPage();
  const huge = 'x'.repeat(1 << 20);
  await page.evaluate((huge) => {
    const cyclic = { type: 'stargate-calc:set', params: {} };
    cyclic.params.self = cyclic;
    for (const m of [
      null,
      undefined,
      42,
      'stargate-calc:get',
      [{ type: 'stargate-calc:get' }],
      {},
      { type: 'other:set', params: { sg: 1 } },
      { type: 'stargate-calc:ready' },
      { type: 'stargate-calc:state', state: {} },
      { type: 'stargate-calc:set' },
      { type: 'stargate-calc:set', params: 'sg=1' },
      { type: 'stargate-calc:set', params: [1, 2] },
      { type: 'stargate-calc:preset', preset: 3 },
      { type: 'stargate-calc:theme', theme: { dark: true } },
      { type: huge },
      { type: '<img src=x onerror="window.pwned=1">' },
      cyclic,
      new Date(),
    ]) {
      window.send(m);
    }
  }, huge);
  await page.waitForTimeout(500);
  assert.deepEqual(await states(page), [], 'none of these is a message');
  // Well-formed, with hostile values: answered, nothing taken that is not a value, nothing run.
  const state = await ask(page, {
    type: 'stargate-calc:set',
    params: { sg: NaN, g: Infinity, s24: huge, mc: [1, [2, { a: '<script>window.pwned=1</script>' }]], '<b onmouseover=alert(1)>': 1, ramp: '<img src=x onerror="window.pwned=1">' },
  });
  assert.equal(state.params.sg, 75, 'NaN (null in JSON) is not a number: kept');
  assert.equal(state.params.g, 58.7, 'Infinity (null in JSON): kept');
  assert.equal(state.params.s24, 5);
  assert.equal(state.params.ramp, 's');
  assert.equal(state.notes.length, 6, state.notes.join('\n'));
  assert.ok(state.notes.every((n) => n.length < 300));
  const frame = page.calculator();
  assert.equal(await frame.evaluate(() => window.pwned), undefined);
  assert.equal(await frame.$('#app img, #app script, #app b'), null, 'nothing became markup');
  assert.equal(await frame.inputValue('input[name=sg]'), '75');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a flood of 1,000 set messages: one reply each, the last one stands, the page stays responsive', async () => {
  const page = await hostPage();
  const started = Date.now();
  await page.evaluate(() => {
    for (let i = 0; i < 1000; i++) window.send({ type: 'stargate-calc:set', params: { sg: i % 101 } });
  });
  await page.waitForFunction(() => window.received.filter((m) => m.type === 'stargate-calc:state').length === 1000, null, { timeout: 30000 });
  const replies = await states(page);
  assert.equal(replies.at(-1).params.sg, 999 % 101);
  assert.ok(replies.every((s, i) => s.params.sg === i % 101), 'each reply is its own message\u2019s');
  const frame = page.calculator();
  await frame.waitForFunction((sg) => document.querySelector('input[name=sg]').value === String(sg), 999 % 101);
  // Responsive: a move in the frame shows at once.
  const moved = await frame.evaluate(async () => {
    const input = document.querySelector('input[name=sg]');
    const t0 = performance.now();
    input.value = '33';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    return { ms: performance.now() - t0, text: document.querySelector('#sentence-sg').textContent };
  });
  assert.equal(moved.text, '33%');
  assert.ok(moved.ms < 1000, `a move took ${moved.ms} ms after the flood`);
  assert.ok(Date.now() - started < 30000);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the full page outside a frame neither listens nor posts', async () => {
  const page = await browser.open('/?sg=60');
  const posted = await page.evaluate(async () => {
    const seen = [];
    addEventListener('message', (e) => seen.push(e.data));
    // Outside a frame, window.parent is the window itself: a message to it must be ignored.
    postMessage({ type: 'stargate-calc:set', params: { sg: 10 } }, '*');
    postMessage({ type: 'stargate-calc:get' }, '*');
    await new Promise((ok) => setTimeout(ok, 400));
    return seen.filter((m) => m && typeof m.type === 'string' && /^stargate-calc:(state|ready)$/.test(m.type));
  });
  assert.deepEqual(posted, []);
  assert.equal(await page.inputValue('input[name=sg]'), '60');
  await finish(page);
});

test('the story example drives the embed\'s chart view as it scrolls, follows the theme toggle and quotes the figure', async () => {
  const page = await browser.context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && page.problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${browser.server.url}/examples/story.html`);
  await page.waitForFunction(() => document.getElementById('quote-value').textContent.startsWith('$'));
  const frame = () => page.frames().find((f) => f.url().includes('view=chart'));
  const quote = (inputs) => `$${project(inputs).figures.stargate2030.toFixed(1)}B`;
  const steps = [
    [{ ...defaults() }, 'mark=2028&note=Stargate+passes+Azure+in+2028&view=chart'],
    [{ ...defaults(), sg: 40, mc: 6, mg: 60 }, 'sg=40&mc=6&mg=60&mark=2030&note=Azure+is+still+the+larger+supplier+in+2030&view=chart'],
    [{ ...defaults(), sg: 50, y0: 2027, ramp: 'late' }, 'sg=50&y0=2027&ramp=late&mark=2027&note=The+first+Stargate+compute+arrives+only+in+2027&view=chart'],
    [{ ...defaults(), sg: 95, ramp: 'early', disc: 30 }, 'sg=95&ramp=early&disc=30&mark=2026&note=Most+of+the+move+happens+early&view=chart'],
    [{ ...defaults(), g: 30 }, 'g=30&note=Growing+30%25+a+year+after+2027%2C+not+59%25&view=chart'],
  ];
  const sections = await page.$$('.step');
  assert.equal(sections.length, steps.length);
  for (const [i, [inputs, query]] of [...steps.entries()].reverse().concat([[0, steps[0]]])) {
    await sections[i].evaluate((s) => s.scrollIntoView({ block: 'center' }));
    await page.waitForFunction((text) => document.getElementById('quote-value').textContent === text, quote(inputs), { timeout: 5000 });
    await frame().waitForFunction((q) => location.search === `?${q}`, query, { timeout: 5000 });
    assert.equal(await sections[i].evaluate((s) => s.classList.contains('is-active')), true);
  }
  await page.click('#theme-toggle');
  await frame().waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  // The frame takes its content's height from the height messages.
  assert.ok(await page.evaluate(() => parseFloat(document.getElementById('calculator').style.height) > 150));

  // No accessibility violation on the host page (axe-core, its default rules).
  await page.addScriptTag({ content: readFileSync(AXE, 'utf8') });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.length}`));
  assert.deepEqual(violations, []);
  assert.deepEqual(page.problems, []);
  await page.close();
});
