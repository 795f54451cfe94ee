// Lighthouse (npm `lighthouse`, pinned at 12.2.3) on a page of the build, with its defaults
// (mobile, simulated throttling), against Debian's Chromium started by chrome-launcher with the
// suite's flags: never a downloaded browser. Scores move by 2–3 points from run to run, so the
// benchmark takes the median of several runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/browser/support/browser.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** One Lighthouse run of `url`: the four scores (0–100) and the main timings (ms). */
async function once(url) {
  const profile = mkdtempSync(join(tmpdir(), 'stargate-lighthouse-'));
  const flags = CHROMIUM_ARGS.map((f) => (f === '--headless' ? '--headless=new' : f));
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: flags, userDataDir: profile });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const audit = (id) => lhr.audits[id]?.numericValue ?? null;
    const failing = CATEGORIES.flatMap((id) =>
      (lhr.categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${id}: ${ref.id}`),
    );
    return {
      scores: Object.fromEntries(CATEGORIES.map((id) => [id, score(id)])),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      failing,
    };
  } finally {
    await chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** `runs` runs of `url`; each measure's median, and every run. */
export async function lighthouseRuns(url, runs, progress = () => {}) {
  const all = [];
  for (let i = 1; i <= runs; i++) {
    all.push(await once(url));
    progress(i);
  }
  const median = (values) => {
    const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
    return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
  };
  return {
    runs: all,
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, median(all.map((r) => r.scores[id]))])),
    fcp: median(all.map((r) => r.fcp)),
    lcp: median(all.map((r) => r.lcp)),
    tbt: median(all.map((r) => r.tbt)),
    cls: median(all.map((r) => r.cls)),
    failing: [...new Set(all.flatMap((r) => r.failing))],
  };
}
