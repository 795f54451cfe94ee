// The project's benchmark: page weight, time to first full draw, slider-to-DOM latency and
// memory growth under slider churn, measured on the release build in headless Debian Chromium.
// Run through `scripts/bench` (which builds first); see bench/README.md. Prints a report and
// writes it as JSON to bench/out/latest.json. Budgets are printed, never enforced.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/browser/support/browser.mjs';
import { serve } from '../tests/browser/support/server.mjs';
import { loadMilestones, moveSlider, pageCounts, readinessProbe } from './inpage.mjs';
import { CATEGORIES, lighthouseRuns } from './lighthouse.mjs';
import { measureSizes } from './sizes.mjs';
import { int, kb, L, ms, R, signed, stats, table, verdict } from './report.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(REPO, 'bench', 'out', 'latest.json');

/** The budgets (docs/performance.md): the page-weight guard, brotli, in KB of 1,000 bytes. */
const BUDGET = {
  brotli: 200_000, // the full page
  embedBrotli: 140_000, // what the embed loads
  domNodes: 0,
  heap: 100 * 1024, // bytes
  sliderMedianMs: 1,
  sliderP95Ms: 3,
  firstDrawMs: 150,
  lighthouse: { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 },
};
/** Timed moves with the uncertainty bands on, and issue 6's budget for 10,000 paths. */
const BAND_MOVES = 100;
const BAND_BUDGET_MS = 16;
const EXPECTED_ROWS = 7; // 2024..2030 at the default scenario
const SLIDER = 'sg';
const VIEWPORT = { width: 1280, height: 900 };
const LOAD_TIMEOUT_MS = 30_000;
const MOVE_TIMEOUT_MS = 5_000;
const QUIET_MS = 500; // no DOM mutation for this long after the first draw: the page has settled
// Cross-origin isolation only sharpens performance.now() (5 µs instead of 100 µs); every
// resource of the page is same-origin, so the page itself behaves the same.
const HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

const USAGE = `usage: node bench/bench.mjs [--runs N] [--moves N] [--heap-moves N] [--lighthouse-runs N] [--dist DIR] [--no-build]
  --runs N        fresh page loads to time (default 7; at least 5 for a meaningful median)
  --moves N       timed slider moves (default 300)
  --heap-moves N  further slider moves between the memory snapshots (default 5000)
  --lighthouse-runs N  Lighthouse runs of each page, the median reported (default 3; 0 skips it)
  --dist DIR      the build to measure (default dist/)
  --no-build      accepted for scripts/bench (which then skips trunk build); no effect here`;

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        runs: { type: 'string', default: '7' },
        moves: { type: 'string', default: '300' },
        'heap-moves': { type: 'string', default: '5000' },
        'lighthouse-runs': { type: 'string', default: '3' },
        dist: { type: 'string', default: join(REPO, 'dist') },
        'no-build': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    fail(`${error.message}\n${USAGE}`);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const count = (key, min) => {
    const n = Number(parsed[key]);
    if (!Number.isInteger(n) || n < min) fail(`--${key} must be a whole number ≥ ${min}, not "${parsed[key]}"`);
    return n;
  };
  const dist = resolve(parsed.dist);
  if (!existsSync(join(dist, 'index.html'))) {
    fail(`no build at ${dist} (no index.html): run scripts/bench without --no-build, or pass --dist DIR`);
  }
  return {
    runs: count('runs', 1),
    moves: count('moves', 1),
    heapMoves: count('heap-moves', 1),
    lighthouseRuns: count('lighthouse-runs', 0),
    dist,
    // scripts/bench sets BENCH_BUILT=1 when it has just run `trunk build --release`.
    built: !parsed['no-build'] && process.env.BENCH_BUILT === '1',
  };
}

/** A progress line on stderr (rewritten in place on a terminal). */
function progress(text, last = true) {
  if (process.stderr.isTTY) process.stderr.write(`\r[bench] ${text}${last ? '\n' : ''}`);
  else if (last) process.stderr.write(`[bench] ${text}\n`);
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

/** Rejects with a clear message if `promise` has not settled within `ms`. */
async function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function git(...args) {
  try {
    return execFileSync('git', args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function machine() {
  const cpus = os.cpus();
  let distro = null;
  try {
    distro = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? null;
  } catch {
    // not Linux, or no os-release: the kernel line below still says what it is
  }
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    os: `${distro ?? os.type()} (${os.type()} ${os.release()} ${os.arch()})`,
    node: process.version,
  };
}

function revision() {
  const commit = git('rev-parse', '--short', 'HEAD');
  if (!commit) return null;
  const dirty = git('status', '--porcelain');
  return dirty ? `${commit}+dirty` : commit;
}

/** A new page in a new context, recording the page's errors and failed requests. */
async function freshPage(browser, problems) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const note = (text) => problems.push(text);
  page.on('console', (m) => m.type() === 'error' && note(`console: ${m.text()}`));
  page.on('pageerror', (e) => note(`page error: ${e.message}`));
  page.on('requestfailed', (r) => note(`request failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && note(`HTTP ${r.status()}: ${r.url()}`));
  await page.addInitScript(readinessProbe, EXPECTED_ROWS);
  return { context, page };
}

/** Navigates and waits for the full first draw; returns the page's milestones. */
async function load(page, url, problems) {
  // An uncaught error in the page ends the wait at once instead of after the timeout.
  let onError;
  const crashed = new Promise((_, reject) => {
    onError = (error) => reject(new Error(`uncaught error in the page: ${error.message}`));
    page.on('pageerror', onError);
  });
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    await Promise.race([
      crashed,
      page.waitForFunction(() => window.__bench && window.__bench.ready !== null, null, {
        timeout: LOAD_TIMEOUT_MS,
        polling: 50,
      }),
    ]);
  } catch (error) {
    const seen = problems.length ? `; the page reported:\n    ${problems.join('\n    ')}` : '';
    throw new Error(
      `the page was not drawn (expected, within ${LOAD_TIMEOUT_MS / 1000} s, ${EXPECTED_ROWS} table ` +
        `rows and both charts' Stargate paths): ${error.message.split('\n')[0]}${seen}`,
    );
  } finally {
    page.off('pageerror', onError);
  }
  // Settled: no DOM mutation for QUIET_MS (the charts redraw once at their measured width).
  try {
    await page.waitForFunction(
      (quiet) => performance.now() - window.__bench.lastMutation >= quiet,
      QUIET_MS,
      { timeout: LOAD_TIMEOUT_MS, polling: 50 },
    );
  } catch {
    throw new Error(`the page kept changing its DOM for ${LOAD_TIMEOUT_MS / 1000} s after the first draw`);
  }
  const milestones = await page.evaluate(loadMilestones);
  await page.evaluate(() => window.__bench.stopWatching());
  return milestones;
}

async function timeLoads(browser, url, runs, problems) {
  const results = [];
  // Load 0 warms up the freshly launched browser (its first renderer and network service start
  // cold); it is reported but not counted.
  for (let i = 0; i <= runs; i++) {
    const { context, page } = await freshPage(browser, problems);
    try {
      results.push(await load(page, url, problems));
    } finally {
      await context.close();
    }
    progress(i === 0 ? 'loads: warm-up' : `loads: ${i}/${runs}`, i === runs);
  }
  return { warmUp: results[0], runs: results.slice(1) };
}

async function snapshot(cdp, page) {
  // Twice: some garbage (weak references, finalizers) only goes on the second collection.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const counts = await page.evaluate(pageCounts);
  return {
    heapUsed: heap.usedSize,
    heapTotal: heap.totalSize,
    domNodes: dom.nodes,
    jsEventListeners: dom.jsEventListeners,
    documents: dom.documents,
    elements: counts.elements,
    wasmMemory: counts.wasmMemory,
    crossOriginIsolated: counts.crossOriginIsolated,
  };
}

/** Uncertainty bands on: each move re-draws 10,000 paths; timed until the band is redrawn. */
async function bandMoves(browser, url, moves, problems) {
  const { context, page } = await freshPage(browser, problems);
  try {
    await load(page, `${url}?bands=1`, problems);
    progress(`bands: ${moves} timed moves of ${SLIDER} with uncertainty bands on`);
    return await within(
      page.evaluate(moveSlider, {
        name: SLIDER,
        moves,
        timed: true,
        timeoutMs: MOVE_TIMEOUT_MS,
        watch: '#spend-chart path.band-stargate.band-outer',
      }),
      60_000 + moves * 500,
      `${moves} timed moves with bands on`,
    );
  } finally {
    await context.close();
  }
}

/** The slider phase (timed moves) and the memory phase (churn between two snapshots). */
async function interact(browser, url, moves, heapMoves, problems) {
  const { context, page } = await freshPage(browser, problems);
  try {
    await load(page, url, problems);
    progress(`slider: ${moves} timed moves of ${SLIDER}`);
    const slider = await within(
      page.evaluate(moveSlider, { name: SLIDER, moves, timed: true, timeoutMs: MOVE_TIMEOUT_MS }),
      60_000 + moves * 200,
      `${moves} timed moves of ${SLIDER}`,
    );
    const cdp = await context.newCDPSession(page);
    const before = await snapshot(cdp, page);
    progress(`memory: ${heapMoves} further moves of ${SLIDER}`);
    const churn = await within(
      page.evaluate(moveSlider, { name: SLIDER, moves: heapMoves, timed: false, timeoutMs: MOVE_TIMEOUT_MS }),
      60_000 + heapMoves * 100,
      `${heapMoves} further moves of ${SLIDER}`,
    );
    const after = await snapshot(cdp, page);
    await cdp.detach();
    return { slider, churn, before, after };
  } finally {
    await context.close();
  }
}

/** One load of the embed (`?embed=1`): the files it requested, and when its chart was drawn. */
async function loadEmbed(browser, server, problems) {
  const { context, page } = await freshPage(browser, problems);
  const from = server.requests.length;
  try {
    await page.goto(`${server.url}/?embed=1`, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    await page.waitForSelector('#spend-chart path[data-provider="stargate"][d^="M"]', { state: 'attached', timeout: LOAD_TIMEOUT_MS });
    const drawn = await page.evaluate(() => performance.now());
    // Let anything the page still asks for arrive.
    await page.waitForTimeout(QUIET_MS);
    return { requested: requestedFiles(server.requests.slice(from)), drawn };
  } finally {
    await context.close();
  }
}

/** Paths (relative to dist/) of what the page requested. */
function requestedFiles(requests) {
  const files = new Set();
  for (const path of requests) {
    const clean = path.replace(/^\/+/, '');
    files.add(clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean);
  }
  return files;
}

function print(r) {
  const out = [];
  const say = (s = '') => out.push(s);
  say('Benchmark: From Azure to Stargate (release build, headless Chromium)');
  say();
  say(
    table(
      [L('what'), L('value')],
      [
        ['date', r.date],
        ['commit', r.commit ?? '-'],
        ['build', `${r.dist}${r.built ? ' (just built: trunk build --release)' : ' (as found, not rebuilt)'}`],
        ['machine', `${r.machine.cpu}, ${r.machine.cores} cores, ${(r.machine.memoryBytes / 2 ** 30).toFixed(1)} GiB`],
        ['os', r.machine.os],
        ['browser', `Chromium ${r.chromium} (headless)`],
        ['node', r.machine.node],
      ],
    ),
  );

  say();
  say('1. Page weight (every file in the build, and what each page loads; KB = 1,000 bytes, as the guard counts)');
  const fileRows = r.size.files.map((f) => [
    f.path,
    f.loaded ? 'yes' : 'no',
    r.embedSize.files.find((e) => e.path === f.path)?.loaded ? 'yes' : 'no',
    int(f.raw),
    int(f.gzip),
    int(f.brotli),
  ]);
  const t = r.size.total;
  const e = r.embedSize.total;
  say(
    table(
      [L('file'), L('full page'), L('embed'), R('raw B'), R('gzip -9 B'), R('brotli 11 B')],
      [
        ...fileRows,
        null,
        ['total loaded by the full page', '', '', int(t.raw), int(t.gzip), int(t.brotli)],
        ['', '', '', kb(t.raw), kb(t.gzip), kb(t.brotli)],
        ['total loaded by the embed (?embed=1)', '', '', int(e.raw), int(e.gzip), int(e.brotli)],
        ['', '', '', kb(e.raw), kb(e.gzip), kb(e.brotli)],
      ],
    ),
  );
  for (const missing of r.size.missing) say(`  requested but not in the build: ${missing}`);
  say();
  say(
    table(
      [L('budget'), R('total'), R('limit'), L('')],
      [
        ['full page, brotli', int(t.brotli), int(BUDGET.brotli), verdict(r.budgets.brotli)],
        ['embed, brotli', int(e.brotli), int(BUDGET.embedBrotli), verdict(r.budgets.embedBrotli)],
      ],
    ),
  );

  say();
  say(`2. Navigation start to full table and both charts drawn (${r.load.runs.length} fresh loads, new context each, after one warm-up load)`);
  const l = r.load.stats;
  say(
    table(
      [L('milestone (ms after navigation start)'), R('median'), R('min'), R('max')],
      [
        ['drawn: 7 rows + both Stargate paths', ms(l.ready.median, 1), ms(l.ready.min, 1), ms(l.ready.max, 1)],
        [`settled: last DOM change (${QUIET_MS} ms quiet)`, ms(l.settled.median, 1), ms(l.settled.min, 1), ms(l.settled.max, 1)],
        ['  DOMContentLoaded', ms(l.domContentLoaded.median, 1), ms(l.domContentLoaded.min, 1), ms(l.domContentLoaded.max, 1)],
        ['  wasm response end', ms(l.wasmFetched.median, 1), ms(l.wasmFetched.min, 1), ms(l.wasmFetched.max, 1)],
        ['  TrunkApplicationStarted', ms(l.appStarted.median, 1), ms(l.appStarted.min, 1), ms(l.appStarted.max, 1)],
      ],
    ),
  );
  say(`  runs (drawn, ms): ${r.load.runs.map((x) => x.ready.toFixed(1)).join(', ')}`);
  say(`  runs (settled, ms): ${r.load.runs.map((x) => x.settled.toFixed(1)).join(', ')}`);
  say(`  warm-up load, not counted (drawn / settled): ${ms(r.load.warmUp.ready, 1)} / ${ms(r.load.warmUp.settled, 1)}`);
  say(`  budget: drawn, median ≤ ${BUDGET.firstDrawMs} ms: ${verdict(r.budgets.firstDraw)}`);
  say(`  the embed's spend chart drawn (one load): ${ms(r.embedDrawn, 1)}`);

  say();
  const s = r.slider;
  say(`3. Slider -> DOM latency (${s.moves} moves of ${SLIDER}, one step each, timed in the page)`);
  say(
    table(
      [L('from dispatching input to'), R('median'), R('p95'), R('min'), R('max')],
      [
        ['the last Stargate cell changed', ms(s.dom.median, 3), ms(s.dom.p95, 3), ms(s.dom.min, 3), ms(s.dom.max, 3)],
        ['the next animation frame', ms(s.frame.median, 2), ms(s.frame.p95, 2), ms(s.frame.min, 2), ms(s.frame.max, 2)],
      ],
    ),
  );
  say(`  timer resolution: ${r.memory.before.crossOriginIsolated ? '5 µs (cross-origin isolated)' : '100 µs'}`);
  say(`  budget: median ≤ ${BUDGET.sliderMedianMs} ms: ${verdict(r.budgets.sliderMedian)}; p95 ≤ ${BUDGET.sliderP95Ms} ms: ${verdict(r.budgets.sliderP95)}`);

  say();
  const m = r.memory;
  say(`4. Memory after ${m.moves} further moves of ${SLIDER} (after forced GC; ${SLIDER}=${m.value} at both)`);
  const row = (name, key, format, budget) => [
    name,
    format(m.before[key]),
    format(m.after[key]),
    m.before[key] === null ? '-' : signed(m.after[key] - m.before[key]),
    budget ?? '',
  ];
  say(
    table(
      [L('measure'), R('before'), R('after'), R('delta'), L('budget')],
      [
        row('JS heap used (B, CDP)', 'heapUsed', int, `≤ +${int(BUDGET.heap)}: ${verdict(m.budgets.heap)}`),
        row('DOM nodes (CDP, after GC)', 'domNodes', int, `≤ +0: ${verdict(m.budgets.domNodes)}`),
        row('elements (getElementsByTagName)', 'elements', int, `≤ +0: ${verdict(m.budgets.elements)}`),
        row('JS event listeners (CDP)', 'jsEventListeners', int),
        row('wasm linear memory (B)', 'wasmMemory', int),
      ],
    ),
  );
  say(`  heap delta: ${signed(m.delta.heapUsed)} B = ${(m.delta.heapUsed / 1024).toFixed(1)} KiB`);

  say();
  const b = r.bands;
  say(`5. Uncertainty bands: ${b.moves} moves of ${SLIDER} with bands on (${int(b.paths)} paths a move, in the page)`);
  say(
    table(
      [L('from dispatching input to'), R('median'), R('p95'), R('min'), R('max'), L('budget')],
      [
        ['the Stargate band redrawn', ms(b.redrawn.median, 2), ms(b.redrawn.p95, 2), ms(b.redrawn.min, 2), ms(b.redrawn.max, 2), `≤ ${b.budget.ms} ms: ${verdict(b.budget.met)}`],
        ['the next animation frame', ms(b.frame.median, 2), ms(b.frame.p95, 2), ms(b.frame.min, 2), ms(b.frame.max, 2), ''],
      ],
    ),
  );

  if (r.lighthouse) {
    say();
    const lh = r.lighthouse;
    say(`6. Lighthouse ${lh.version} (mobile, simulated throttling; files served with brotli; median of ${lh.runs} run(s))`);
    const rows = [];
    for (const [name, result] of [['full page', lh.full], ['embed', lh.embed]]) {
      rows.push([
        name,
        ...CATEGORIES.map((id) => `${result.scores[id]} ${result.scores[id] >= BUDGET.lighthouse[id] ? 'PASS' : 'OVER'}`),
        ms(result.fcp, 0),
        ms(result.lcp, 0),
        ms(result.tbt, 0),
        result.cls === null ? '-' : result.cls.toFixed(3),
      ]);
    }
    say(
      table(
        [L('page'), L('performance'), L('accessibility'), L('best practices'), L('SEO'), R('FCP'), R('LCP'), R('TBT'), R('CLS')],
        rows,
      ),
    );
    say(`  budgets: performance ≥ ${BUDGET.lighthouse.performance}, the others ${BUDGET.lighthouse.accessibility}`);
    for (const [name, result] of [['full page', lh.full], ['embed', lh.embed]]) {
      if (result.failing.length) say(`  ${name}, audits not passed: ${result.failing.join(', ')}`);
    }
  }

  if (r.problems.length) {
    say();
    say(`The page reported ${r.problems.length} problem(s):`);
    for (const p of [...new Set(r.problems)]) say(`  ${p}`);
  }
  say();
  say(`Written to ${r.outFile}`);
  return out.join('\n');
}

async function main() {
  const opts = options();
  if (opts.runs < 5) console.error(`[bench] note: --runs ${opts.runs} is fewer than 5 loads; the median is rough`);
  const problems = [];
  const server = await serve(opts.dist, { headers: HEADERS });
  let browser;
  try {
    // Playwright never downloads a browser: this is Debian's Chromium, with the test suite's flags.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: LOAD_TIMEOUT_MS });
    const url = `${server.url}/`;
    const { warmUp, runs: loads } = await timeLoads(browser, url, opts.runs, problems);
    const { slider, churn, before, after } = await interact(browser, url, opts.moves, opts.heapMoves, problems);
    const bands = await bandMoves(browser, url, BAND_MOVES, problems);
    const requested = requestedFiles(server.requests);
    const embed = await loadEmbed(browser, server, problems);

    const size = measureSizes(opts.dist, requested);
    const embedSize = measureSizes(opts.dist, embed.requested);
    const inBuild = new Set(size.files.map((f) => f.path));
    size.missing = [...requested, ...embed.requested].filter((p) => !inBuild.has(p));

    let lighthouse = null;
    if (opts.lighthouseRuns > 0) {
      // Served compressed, as a host would; Lighthouse starts its own Chromium (Debian's).
      const compressed = await serve(opts.dist, { compress: true });
      try {
        const runs = opts.lighthouseRuns;
        const note = (name) => (i) => progress(`lighthouse: ${name} ${i}/${runs}`, i === runs);
        lighthouse = {
          version: JSON.parse(readFileSync(join(REPO, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version,
          runs,
          full: await lighthouseRuns(`${compressed.url}/`, runs, note('full page')),
          embed: await lighthouseRuns(`${compressed.url}/?embed=1`, runs, note('embed')),
        };
      } finally {
        await compressed.close();
      }
    }

    const delta = {};
    for (const key of ['heapUsed', 'domNodes', 'elements', 'jsEventListeners', 'wasmMemory']) {
      delta[key] = before[key] === null || after[key] === null ? null : after[key] - before[key];
    }
    const stat = (key) => stats(loads.map((x) => x[key]));
    const report = {
      schema: 1,
      date: new Date().toISOString(),
      commit: revision(),
      dist: opts.dist,
      built: opts.built,
      machine: machine(),
      chromium: browser.version(),
      options: { runs: opts.runs, moves: opts.moves, heapMoves: opts.heapMoves, lighthouseRuns: opts.lighthouseRuns, slider: SLIDER, viewport: VIEWPORT },
      size,
      embedSize,
      embedDrawn: embed.drawn,
      lighthouse,
      budgets: {
        brotli: size.total.brotli <= BUDGET.brotli,
        embedBrotli: embedSize.total.brotli <= BUDGET.embedBrotli,
        firstDraw: stat('ready').median <= BUDGET.firstDrawMs,
        sliderMedian: stats(slider.dom).median <= BUDGET.sliderMedianMs,
        sliderP95: stats(slider.dom).p95 <= BUDGET.sliderP95Ms,
        limits: BUDGET,
      },
      load: {
        warmUp,
        runs: loads,
        stats: {
          ready: stat('ready'),
          settled: stat('settled'),
          domContentLoaded: stat('domContentLoaded'),
          wasmFetched: stat('wasmFetched'),
          appStarted: stat('appStarted'),
        },
      },
      slider: {
        moves: opts.moves,
        from: slider.start, // the slider value before the first move
        to: slider.end,
        dom: stats(slider.dom),
        frame: stats(slider.frame),
        samples: { dom: slider.dom, frame: slider.frame },
      },
      bands: {
        moves: BAND_MOVES,
        paths: 10_000,
        redrawn: stats(bands.dom),
        frame: stats(bands.frame),
        budget: { ms: BAND_BUDGET_MS, met: stats(bands.dom).median <= BAND_BUDGET_MS },
        samples: { redrawn: bands.dom, frame: bands.frame },
      },
      memory: {
        moves: opts.heapMoves + churn.extra,
        value: churn.start, // the slider's value at both snapshots
        before,
        after,
        delta,
        budgets: {
          heap: delta.heapUsed <= BUDGET.heap,
          domNodes: delta.domNodes <= BUDGET.domNodes,
          elements: delta.elements <= BUDGET.domNodes,
        },
      },
      problems,
      outFile: OUT,
    };
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
    console.log(print(report));
  } finally {
    await browser?.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(`\nbench: FAILED: ${error.message}`);
  process.exit(1);
});
