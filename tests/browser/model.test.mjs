// The JavaScript oracle agrees with docs/model.md's reference values and parsing rules, so the page
// tests that lean on it are checking against the contract itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaults, money, parseQuery, project, tableText } from './support/model.mjs';
import { REFERENCE_TABLE } from './support/reference.mjs';

test('the oracle reproduces the model’s reference table (docs/model.md) and figures', () => {
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

test('the oracle keeps MS + SG + OR + OT = S, every series ≥ 0, and the ramps in order', () => {
  const base = defaults();
  const scenarios = [
    base,
    { ...base, sg: 0, mc: 0 },
    { ...base, sg: 100, ramp: 'early', y0: 2030, h: 2035 },
    { ...base, s24: 50, s27: 1, g: 150, mc: 50, mg: 0, ora: 0, disc: 60, h: 2035, ramp: 'late' },
  ];
  for (const inputs of scenarios) {
    const { rows } = project(inputs);
    assert.equal(rows.length, inputs.h - 2023);
    for (const r of rows) {
      for (const k of ['microsoft', 'stargate', 'oracle', 'other', 'total', 'savings']) assert.ok(r[k] >= 0, `${k} ${r.year}`);
      assert.ok(Math.abs(r.microsoft + r.stargate + r.oracle + r.other - r.total) < 1e-9 * Math.max(1, r.total));
    }
  }
  // No Stargate before y0 and the full 2030 share from 2030 on, whatever the ramp.
  for (const ramp of ['lin', 's', 'early', 'late']) {
    const { rows } = project({ ...base, ramp, y0: 2027, h: 2032 });
    assert.equal(rows.find((r) => r.year === 2026).stargate, 0, ramp);
    for (const year of [2030, 2031, 2032]) {
      const r = rows.find((x) => x.year === year);
      assert.ok(Math.abs(r.stargate / r.total - 0.75) < 1e-12, `${ramp} ${year}`);
    }
  }
  // At t = 0.25 the ramps are ordered early > lin > s > late.
  const mid = Object.fromEntries(
    ['lin', 's', 'early', 'late'].map((ramp) => [ramp, project({ ...base, ramp, y0: 2027 }).rows[3].stargate]),
  );
  assert.ok(mid.early > mid.lin && mid.lin > mid.s && mid.s > mid.late, JSON.stringify(mid));
});

test('the oracle reads the decimal grammar after trimming ASCII white space', () => {
  const sg = (value) => parseQuery('?sg=' + value);
  for (const [value, expected] of [
    ['60', 60], ['-3', 0], ['.5', 0.5], ['7.', 7], ['1e1', 10], ['1E1', 10], ['1e%2B1', 10], ['5e-1', 0.5],
    ['%2B40', 40], ['%20%0940%0A', 40], ['+40', 40], // '+' decodes to a space, which is trimmed
    ['040', 40], ['40.000', 40],
  ]) {
    assert.equal(sg(value).inputs.sg, expected, value);
  }
  for (const value of ['abc', '50abc', '0x10', 'inf', 'Infinity', 'NaN', '', '%20', '1e', 'e5', '.', '1.2.3', '--1',
    '1%2C5', '%C2%A040', '%0B40', '4 0', '٤٠', '1e+1' /* '+' is a space here: "1e 1" */]) {
    const { inputs, problems } = sg(value);
    assert.equal(inputs.sg, 75, `"${value}" falls back to the default`);
    assert.deepEqual(problems, ['not a number sg'], value);
  }
});

test('the oracle clamps, rounds years after clamping, and reports repeats and unknown keys once', () => {
  assert.equal(parseQuery('?sg=-1e999').inputs.sg, 0);
  assert.equal(parseQuery('?s24=0').inputs.s24, 0.5);
  assert.equal(parseQuery('?s24=-0').inputs.s24, 0.5);
  assert.equal(parseQuery('?sg=33.3').inputs.sg, 33.3, 'values are not snapped to the step');
  assert.deepEqual(parseQuery('?sg=33.3').problems, []);
  assert.equal(parseQuery('?y0=2026.49').inputs.y0, 2026);
  assert.equal(parseQuery('?h=2031.5').inputs.h, 2032);
  assert.equal(parseQuery('?y0=2030.5').inputs.y0, 2030);
  assert.equal(parseQuery('?y0=2024.5').inputs.y0, 2025);
  assert.equal(parseQuery('?h=2e3').inputs.h, 2030);
  assert.deepEqual(parseQuery('?h=2030.0').problems, []);
  assert.equal(parseQuery('?sg=abc&sg=90').inputs.sg, 75, 'a bad first value still wins');
  assert.deepEqual(parseQuery('?sg=40&sg=90&sg=10').problems, ['repeated sg']);
  for (const ramp of ['LATE', 'Late', ' late', 'late ', 'linear', 'S', '']) {
    assert.equal(parseQuery('?ramp=' + encodeURIComponent(ramp)).inputs.ramp, 's', JSON.stringify(ramp));
  }
  assert.deepEqual(parseQuery('?zz=1&SG=40').inputs, defaults(), 'keys are case-sensitive');
  assert.deepEqual(parseQuery('?zz=1&SG=40').problems, ['unknown zz', 'unknown SG']);
  assert.equal(parseQuery('?s%67=40').inputs.sg, 40, 'keys are percent-decoded too');
});

test('money rounds the binary value half away from zero, with thousands separators', () => {
  assert.equal(money(0.005), '0.01'); // the double 0.005 is slightly above a half cent
  assert.equal(money(1.005), '1.00'); // the double 1.005 is slightly below
  assert.equal(money(999.995), '1,000.00');
  assert.equal(money(305175.78125), '305,175.78');
  assert.equal(money(-0.001), '0.00');
  assert.equal(money(-1234.5), '-1,234.50');
});
