// The JavaScript oracle agrees with MODEL.md's reference values and parsing rules, so the page
// tests that lean on it are checking against the contract itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaults, money, parseQuery, project, tableText } from './support/model.mjs';
import { REFERENCE_TABLE } from './support/reference.mjs';

test('the oracle reproduces MODEL.md reference table and figures', () => {
  const { rows, figures } = project(defaults());
  assert.deepEqual(tableText(rows), REFERENCE_TABLE);
  assert.equal(figures.crossoverYear, 2028);
  assert.equal(figures.fundingYear, 2026);
  assert.equal(figures.cumulative.toFixed(2), '207.59');
  assert.equal(figures.savings.toFixed(2), '30.74');
  assert.equal(figures.commitmentShare.toFixed(1), '5.6');
});

test('the oracle follows the parsing rules', () => {
  assert.equal(parseQuery('?sg=1e999').inputs.sg, 100);
  assert.equal(parseQuery('?sg=abc').inputs.sg, 75);
  assert.equal(parseQuery('?sg=50abc').inputs.sg, 75);
  assert.equal(parseQuery('?sg=0x10').inputs.sg, 75);
  assert.ok(Object.is(parseQuery('?sg=-0').inputs.sg, 0));
  assert.deepEqual(parseQuery('?sg=-0').problems, []);
  assert.equal(parseQuery('?y0=2026.5').inputs.y0, 2027);
  assert.equal(parseQuery('?h=2031.4').inputs.h, 2031);
  assert.equal(parseQuery('?sg=40&sg=90').inputs.sg, 40);
  assert.equal(parseQuery('?ramp=LATE').inputs.ramp, 's');
  assert.equal(parseQuery('?sg=%2040%20').inputs.sg, 40);
  assert.equal(parseQuery('?sg=.5').inputs.sg, 0.5);
  assert.equal(parseQuery('?sg=7.').inputs.sg, 7);
  assert.deepEqual(parseQuery('?sg=abc&y0=2026.5&h=1e999&ramp=LATE&zz=1').problems.length, 5);
  assert.equal(money(1234.5), '1,234.50');
  assert.equal(money(0.004), '0.00');
});
