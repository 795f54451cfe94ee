// Statistics and plain-text tables for the benchmark report.

/** Summary statistics of a list of numbers (p95 by nearest rank). */
export function stats(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0, median: null, p95: null, min: null, max: null, mean: null };
  const mid = Math.floor(n / 2);
  return {
    n,
    median: n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
    p95: sorted[Math.max(0, Math.ceil(0.95 * n) - 1)],
    min: sorted[0],
    max: sorted[n - 1],
    mean: sorted.reduce((s, v) => s + v, 0) / n,
  };
}

/** 12345 -> "12,345"; null -> "-". */
export function int(n) {
  return n === null || n === undefined ? '-' : Math.round(n).toLocaleString('en-US');
}

/** Signed integer: "+12", "-3", "0". */
export function signed(n) {
  if (n === null || n === undefined) return '-';
  return (n > 0 ? '+' : '') + int(n);
}

/** Bytes in KB of 1,000 bytes (as the page-weight guard counts), one decimal. */
export function kb(n) {
  return n === null || n === undefined ? '-' : `${(n / 1000).toFixed(1)} KB`;
}

/** Milliseconds with a fixed number of decimals. */
export function ms(n, digits = 2) {
  return n === null || n === undefined ? '-' : `${n.toFixed(digits)} ms`;
}

/**
 * An aligned plain-text table. `columns` is a list of { title, align: 'left' | 'right' };
 * `rows` is a list of arrays of strings; a row `null` draws a rule.
 */
export function table(columns, rows, indent = '  ') {
  const widths = columns.map((c, i) =>
    Math.max(c.title.length, ...rows.filter(Boolean).map((r) => String(r[i]).length)),
  );
  const line = (cells) =>
    indent +
    cells
      .map((cell, i) => {
        const text = String(cell);
        return columns[i].align === 'right' ? text.padStart(widths[i]) : text.padEnd(widths[i]);
      })
      .join('  ')
      .trimEnd();
  const rule = indent + widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.title)), rule, ...rows.map((r) => (r ? line(r) : rule))].join('\n');
}

export const L = (title) => ({ title, align: 'left' });
export const R = (title) => ({ title, align: 'right' });

/** "PASS" when within the budget, else "OVER". */
export function verdict(ok) {
  return ok ? 'PASS' : 'OVER';
}
