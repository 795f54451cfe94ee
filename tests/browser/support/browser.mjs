// Shared set-up for the browser suite: one static server and one headless Debian Chromium per
// test file, pages that record every console error, page error and failed request.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = resolve(REPO, process.env.DIST || 'dist');
/** The one-file build (scripts/build-single). */
export const SINGLE = resolve(REPO, process.env.SINGLE || 'dist-single/stargate-calc.html');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/** The address scripts/test publishes the build for (`scripts/publish SITE`): the tests that
 * follow its absolute links (oEmbed, link previews) serve dist/ there. */
export const SITE = process.env.SITE || 'http://127.0.0.1:4317/';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts the server and the browser before the file's tests and stops them after.
 * Returns an object whose fields are filled in once `before` has run.
 */
/**
 * Launches Debian's Chromium with the suite's flags and a fresh profile (Playwright never
 * downloads a browser). `close()` shuts it and deletes the profile.
 */
export async function launchContext() {
  const profile = mkdtempSync(join(tmpdir(), 'stargate-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function useBrowser({ headers } = {}) {
  const env = {};
  let browser;
  before(async () => {
    env.server = await serve(DIST, { headers });
    browser = await launchContext();
    env.context = browser.context;
  });
  after(async () => {
    await browser?.close();
    await env.server?.close();
  });
  env.open = (path = '/', options) => openPage(env, path, options);
  return env;
}

/** Collects in `page.problems` the console errors, page errors and HTTP errors a tab
 * (Playwright's or Puppeteer's: the events are the same) reports; `finish` checks them. */
export function recordProblems(page) {
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) page.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}

async function openPage(env, path, { width = 1280, height = 900 } = {}) {
  const page = await env.context.newPage();
  await page.setViewportSize({ width, height });
  recordProblems(page);
  page.on('crash', () => page.problems.push('the page crashed'));
  page.on('requestfailed', (request) => page.problems.push(`request failed: ${request.url()}`));
  await page.goto(env.server.url + path);
  await mounted(page);
  return page;
}

/** Waits for the app to have mounted completely (it builds the page in a few steps, then marks
 * `#app[data-ready]`) and drawn the spend chart's Stargate area (the full page and the embed
 * both have it). */
export async function mounted(page) {
  try {
    await page.waitForSelector('#app[data-ready] #spend-chart path[data-provider="stargate"][d^="M"]', { state: 'attached', timeout: 15000 });
  } catch (error) {
    // Say which page, how far it got and what it reported, so a failure can be told apart
    // from a slow machine.
    const state = await page
      .evaluate(() => ({
        ready: document.querySelector('#app')?.hasAttribute('data-ready') ?? null,
        chart: Boolean(document.querySelector('#spend-chart')),
        nodes: document.getElementsByTagName('*').length,
      }))
      .catch((reason) => `unreadable: ${reason}`);
    error.message = `${page.url()} did not mount: ${JSON.stringify(state)}; problems: ${JSON.stringify(page.problems ?? [])}\n${error.message}`;
    throw error;
  }
}

/** Fails if the page logged an error, threw, or had a request fail; then closes it. */
export async function finish(page) {
  const problems = page.problems;
  await page.close();
  assert.deepEqual(problems, [], 'the page reported errors');
}

/** The data table's body as rows of cell text. */
export function readTable(page) {
  return page.$$eval('#data-table tbody tr', (rows) =>
    rows.map((row) => [...row.children].map((cell) => cell.textContent.trim())),
  );
}

/** Moves a slider as a drag does: sets its value and fires `input` (no `change`). */
export async function drag(page, name, value) {
  await page.$eval(
    `input[type=range][name="${name}"]`,
    (input, v) => {
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
  // Let a frame pass, so what the change drew has been rendered too.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
}

/** A headline figure's value and sentence. */
export async function figure(page, name) {
  const root = `[data-figure="${name}"]`;
  return {
    value: (await page.textContent(`${root} .figure-value`)).trim(),
    sentence: (await page.textContent(`${root} .figure-sentence`)).trim(),
  };
}

/** Parses "$1,234.5B", "5.6%", "4.0×" into a number. */
export function number(text) {
  return Number(text.replace(/[$,%×B]/g, ''));
}

/** Clicks `selector` and returns the file it downloads: its suggested name and its bytes. */
export async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await file.path();
  const { readFileSync } = await import('node:fs');
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** Waits until the address bar's query is `search` (the page writes it back after a pause). */
export async function waitForSearch(page, search, timeout = 3000) {
  await page.waitForFunction((expected) => location.search === expected, search, { timeout }).catch(async () => {
    const actual = await page.evaluate(() => location.search);
    assert.equal(actual, search, 'the address bar query');
  });
}
