// Functions that run INSIDE the page (Playwright serialises them with toString, so each one is
// self-contained: no imports, no closures over this module).

/**
 * Init script, run before any of the page's own scripts: records in `window.__bench.ready` the
 * `performance.now()` (milliseconds since navigation start) of the first moment the page is
 * drawn: the data table has `rows` rows, each with a non-empty last cell, and both charts' Stargate
 * path has a non-empty `d`. Checked on every DOM mutation (MutationObserver callbacks run at the
 * microtask checkpoint right after the change) and, as a fallback, on every animation frame.
 * Also records the time of the latest DOM mutation (`lastMutation`, until `stopWatching()`), so
 * the caller can tell when the page has settled (the charts are redrawn once more at their
 * measured width after the first draw), and keeps the wasm exports that Trunk's loader announces,
 * to read the wasm memory size later.
 */
export function readinessProbe(rows) {
  const bench = (window.__bench = { ready: null, appStarted: null, wasm: null, lastMutation: 0 });
  const watcher = new MutationObserver(() => {
    bench.lastMutation = performance.now();
  });
  watcher.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  bench.stopWatching = () => watcher.disconnect();
  addEventListener('TrunkApplicationStarted', (event) => {
    bench.appStarted = performance.now();
    bench.wasm = (event.detail && event.detail.wasm) || null;
  });
  const drawn = () => {
    const trs = document.querySelectorAll('#data-table tbody tr');
    if (trs.length !== rows) return false;
    for (const tr of trs) {
      const last = tr.lastElementChild;
      if (!last || last.textContent.trim() === '') return false;
    }
    for (const chart of ['spend-chart', 'share-chart']) {
      const path = document.querySelector(`#${chart} path[data-provider="stargate"]`);
      if (!path || (path.getAttribute('d') || '').trim() === '') return false;
    }
    return true;
  };
  let frame = 0;
  const observer = new MutationObserver(() => check());
  const check = () => {
    if (bench.ready !== null || !drawn()) return;
    bench.ready = performance.now();
    observer.disconnect();
    cancelAnimationFrame(frame);
  };
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  const poll = () => {
    check();
    if (bench.ready === null) frame = requestAnimationFrame(poll);
  };
  frame = requestAnimationFrame(poll);
}

/** Navigation milestones of the current load, in ms since navigation start. */
export function loadMilestones() {
  const nav = performance.getEntriesByType('navigation')[0];
  const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
  return {
    ready: window.__bench.ready,
    settled: window.__bench.lastMutation,
    appStarted: window.__bench.appStarted,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    wasmFetched: wasm ? wasm.responseEnd : null,
  };
}

/**
 * Moves the range input `name` `moves` times, one step at a time as a drag does (a triangle
 * wave between its min and max, starting downwards from its current value), firing `input` each
 * time, and waits for the DOM to follow: a MutationObserver on the data table resolves when the
 * last row's Stargate cell (`children[2]`) reads differently than before the move.
 *
 * `timed`: record, per move, t1 - t0 (t0 just before dispatching `input`, t1 when the observer
 * sees the changed cell) and, after awaiting the next requestAnimationFrame, frame - t0.
 * Otherwise the moves run back to back (each still awaits its DOM update) and, if the input did
 * not end where it started, one more move puts it back so before/after compare the same scenario.
 */
export async function moveSlider({ name, moves, timed, timeoutMs, watch }) {
  const input = document.querySelector(`input[type="range"][name="${name}"]`);
  const table = document.querySelector('#data-table');
  if (!input || !table) throw new Error(`no input[name=${name}] or #data-table in the page`);
  // `watch`: wait for that element's `d` (a chart path) to change instead of the table cell.
  const watched = watch ? document.querySelector(watch) : null;
  if (watch && !watched) throw new Error(`no ${watch} in the page`);
  const cell = () => {
    const rows = table.tBodies[0].rows;
    return rows[rows.length - 1].children[2];
  };
  const current = () => (watched ? watched.getAttribute('d') : cell().textContent);
  const min = Number(input.min);
  const max = Number(input.max);
  const step = Number(input.step) || 1;
  const start = Number(input.value);
  let value = start;
  let direction = -1;
  const next = () => {
    if (value + direction * step < min || value + direction * step > max) direction = -direction;
    value += direction * step;
    return value;
  };

  const move = (v, index) => {
    const before = current();
    let observer;
    let timer;
    const changed = new Promise((resolve, reject) => {
      observer = new MutationObserver(() => {
        if (current() !== before) resolve(performance.now());
      });
      if (watched) observer.observe(watched, { attributes: true, attributeFilter: ['d'] });
      else observer.observe(table, { characterData: true, childList: true, subtree: true });
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `move ${index} (${name}=${v}): ${watch ?? 'the last Stargate cell'} did not change within ` +
                `${timeoutMs} ms (still "${before}")`,
            ),
          ),
        timeoutMs,
      );
    }).finally(() => {
      observer.disconnect();
      clearTimeout(timer);
    });
    input.value = String(v);
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return changed.then((t1) => ({ t0, t1 }));
  };

  const dom = [];
  const frame = [];
  for (let i = 1; i <= moves; i++) {
    const { t0, t1 } = await move(next(), i);
    if (timed) {
      dom.push(t1 - t0);
      const t2 = await new Promise((ok) => requestAnimationFrame(() => ok(performance.now())));
      frame.push(t2 - t0);
    }
  }
  let extra = 0;
  if (!timed && value !== start) {
    await move((value = start), moves + 1);
    extra = 1;
  }
  // Let any follow-up work (effects, a frame) settle before the caller measures.
  await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  return { start, end: value, extra, dom, frame };
}

/** Elements in the document and the size of the wasm linear memory (bytes, or null). */
export function pageCounts() {
  const wasm = window.__bench && window.__bench.wasm;
  return {
    elements: document.getElementsByTagName('*').length,
    wasmMemory: wasm && wasm.memory ? wasm.memory.buffer.byteLength : null,
    crossOriginIsolated: self.crossOriginIsolated === true,
  };
}
