// The page's weight is deterministic (unlike its timings), so the tests guard it: the release
// build's files, brotli 11 and gzip -9, summed (bench/sizes.mjs, the benchmark's own measure).
// The ceiling is the weight measured when the page moved back onto Leptos (issue 10) plus 2 %:
// the page may get lighter, never heavier by accident. Lower it whenever it does. The report
// also says how far the page is from the budget the performance issue sets (100 KB brotli).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from './support/browser.mjs';
import { listFiles, measureSizes } from '../../bench/sizes.mjs';

const KB = 1024;
/** 169,803 B brotli and 210,573 B gzip measured, plus 2 %. */
export const CEILING = { brotli: 173_200, gzip: 214_800 };
/** The full page's budget in the performance issue (brotli). */
export const BUDGET = { brotli: 100 * KB };

test('the release build weighs no more than its ceiling (and says how far from the budget)', () => {
  const files = listFiles(DIST);
  // Every file of the build is loaded by the page (no source maps, no unused assets).
  const { total } = measureSizes(DIST, new Set(files));
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.includes('index.html'), 'a release build');
  const report =
    `brotli ${total.brotli} B (ceiling ${CEILING.brotli}, budget ${BUDGET.brotli}: ` +
    `${total.brotli - BUDGET.brotli} B over); gzip ${total.gzip} B (ceiling ${CEILING.gzip})`;
  console.log(`page weight: ${report}`);
  assert.ok(total.brotli <= CEILING.brotli, `heavier than the ceiling: ${report}`);
  assert.ok(total.gzip <= CEILING.gzip, `heavier than the ceiling: ${report}`);
});
