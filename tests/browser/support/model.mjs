// An independent JavaScript reading of MODEL.md, used as the oracle for the browser tests.
// Written from the contract, not from the Rust code, so the two check each other.

export const SPECS = {
  sg: { min: 0, max: 100, step: 1, default: 75 },
  s24: { min: 0.5, max: 50, step: 0.5, default: 5 },
  s27: { min: 1, max: 200, step: 0.5, default: 20 },
  g: { min: 0, max: 150, step: 0.1, default: 58.7 },
  y0: { min: 2025, max: 2030, step: 1, default: 2025 },
  mc: { min: 0, max: 50, step: 0.5, default: 5 },
  mg: { min: 0, max: 100, step: 1, default: 35 },
  ora: { min: 0, max: 100, step: 1, default: 70 },
  disc: { min: 0, max: 60, step: 1, default: 20 },
  h: { min: 2030, max: 2035, step: 1, default: 2030 },
};
export const RAMPS = ['lin', 's', 'early', 'late'];
export const ASSUMPTIONS = ['g', 'y0', 'mc', 'mg', 'ora', 'disc'];

export function defaults() {
  const inputs = { ramp: 's' };
  for (const [key, spec] of Object.entries(SPECS)) inputs[key] = spec.default;
  return inputs;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TRIM = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;

/** Reads one scenario key (an input or `ramp`) into `inputs`; false if `key` is not one. */
function readScenarioKey(inputs, problems, key, value) {
  if (key === 'ramp') {
    if (RAMPS.includes(value)) inputs.ramp = value;
    else problems.push(`ramp ${value}`);
    return true;
  }
  if (!Object.hasOwn(SPECS, key)) return false;
  const spec = SPECS[key];
  const text = value.replace(TRIM, '');
  if (!NUMBER.test(text)) {
    problems.push(`not a number ${key}`);
    return true;
  }
  const number = Number(text);
  let used = Math.min(spec.max, Math.max(spec.min, number));
  if (key === 'y0' || key === 'h') used = Math.floor(used + 0.5);
  if (used === 0) used = 0; // -0 is 0
  if (used !== number) problems.push(`adjusted ${key}`);
  inputs[key] = used;
  return true;
}

/** The author's note as the page keeps it (issue 21's rules): control characters and bidi
 * overrides removed, white space one space, trimmed, at most 140 characters (cut at a word,
 * with "…"). Returns the note (or null) and whether it was cut. */
export function cleanNote(text) {
  const kept = [...text]
    .map((c) => (/\p{White_Space}/u.test(c) ? ' ' : c))
    .filter((c) => !/\p{Cc}/u.test(c) && !/[\u202a-\u202e\u2066-\u2069]/u.test(c))
    .join('')
    .replace(/ +/g, ' ')
    .trim();
  const chars = [...kept];
  if (chars.length === 0) return { note: null, cut: false };
  if (chars.length <= 140) return { note: kept, cut: false };
  let head = chars.slice(0, 139).join('');
  if (chars[139] !== ' ' && head.lastIndexOf(' ') > 0) head = head.slice(0, head.lastIndexOf(' '));
  return { note: head.replace(/[ ,;:\-—–]+$/u, '') + '…', cut: true };
}

/** MODEL.md's query rules, plus the page's own keys: the view (`embed`, `view`, `theme`), a pinned
 * baseline (`b=1`, `b.KEY=value`) and the author's mark and note. Returns the inputs, the view,
 * the baseline (or null), the annotation and one problem per thing ignored or adjusted (the
 * notice lists five and counts the rest beyond six: `noticeLines`). */
export function parseQuery(search) {
  const inputs = defaults();
  const view = { embed: false, chart: false, theme: 'auto' };
  const annotation = { mark: null, note: null };
  let mark = null;
  let baseline = null;
  const problems = [];
  const seen = new Set();
  const repeated = new Set();
  for (const [key, value] of new URLSearchParams(search)) {
    if (seen.has(key)) {
      if (!repeated.has(key)) problems.push(`repeated ${key}`);
      repeated.add(key);
      continue;
    }
    seen.add(key);
    if (key.startsWith('b.')) {
      baseline ??= defaults();
      const found = [];
      if (!readScenarioKey(baseline, found, key.slice(2), value)) found.push(`unknown ${key}`);
      problems.push(...found.map((problem) => `baseline ${problem}`));
    } else if (readScenarioKey(inputs, problems, key, value)) {
      // read
    } else if (key === 'b') {
      if (value === '1') baseline ??= defaults();
      else if (value !== '0') problems.push(`b ${value}`);
    } else if (key === 'embed') {
      if (value === '1' || value === '0') view.embed = value === '1';
      else problems.push(`embed ${value}`);
    } else if (key === 'mark') {
      mark = value;
    } else if (key === 'note') {
      const { note, cut } = cleanNote(value);
      annotation.note = note;
      if (cut) problems.push('note cut');
    } else if (key === 'view') {
      if (['full', 'chart'].includes(value)) view.chart = value === 'chart';
      else problems.push(`view ${value}`);
    } else if (key === 'theme') {
      if (['auto', 'light', 'dark'].includes(value)) view.theme = value;
      else problems.push(`theme ${value}`);
    } else {
      problems.push(`unknown ${key}`);
    }
  }
  // A blank mark is no mark, as null is for a file or a message.
  if (mark !== null && mark.trim() !== '') {
    const text = mark.replace(TRIM, '');
    if (!NUMBER.test(text)) problems.push('mark not a year');
    else {
      const number = Number(text);
      const used = Math.min(inputs.h, Math.max(2024, Math.floor(number + 0.5)));
      if (used !== number) problems.push('mark adjusted');
      annotation.mark = used;
    }
  }
  return { inputs, view, baseline, annotation, problems };
}

const RAMP_FN = {
  lin: (t) => t,
  s: (t) => t * t * (3 - 2 * t),
  early: (t) => 1 - (1 - t) * (1 - t),
  late: (t) => t * t,
};

/** MODEL.md's equations and headline figures. */
export function project(p) {
  const g1 = Math.pow(p.s27 / p.s24, 1 / 3) - 1;
  const rows = [];
  for (let y = 2024; y <= p.h; y++) {
    const total = y <= 2027 ? p.s24 * Math.pow(1 + g1, y - 2024) : p.s27 * Math.pow(1 + p.g / 100, y - 2027);
    const t = Math.min(1, Math.max(0, (y - p.y0 + 1) / (2030 - p.y0 + 1)));
    const stargate = total * (p.sg / 100) * RAMP_FN[p.ramp](t);
    const offered = total - stargate;
    const capacity = p.mc * Math.pow(1 + p.mg / 100, y - 2024);
    const microsoft = Math.min(offered, capacity);
    const overflow = offered - microsoft;
    const oracle = (overflow * p.ora) / 100;
    rows.push({
      year: y,
      microsoft,
      stargate,
      oracle,
      other: overflow - oracle,
      total,
      savings: stargate * (1 / (1 - p.disc / 100) - 1),
    });
  }
  const at = (year) => rows.find((r) => r.year === year);
  let cumulative = 0;
  let fundingYear = null;
  for (const r of rows) {
    cumulative += r.total;
    if (fundingYear === null && cumulative > 17.9) fundingYear = r.year;
  }
  const sum = (f) => rows.reduce((s, r) => s + f(r), 0);
  const peak = rows.reduce((best, r) => (r.microsoft > best.microsoft ? r : best), rows[0]);
  const commitment = sum((r) => (r.year >= 2025 && r.year <= 2028 ? r.stargate : 0));
  return {
    rows,
    figures: {
      total2030: at(2030).total,
      stargate2030: at(2030).stargate,
      microsoftChange: at(2024).microsoft > 0 ? at(2030).microsoft / at(2024).microsoft : null,
      microsoftPeakYear: peak.year,
      crossoverYear: rows.find((r) => r.stargate > r.microsoft)?.year ?? null,
      cumulative,
      overflowOracle: sum((r) => r.oracle),
      overflowOther: sum((r) => r.other),
      savings: sum((r) => r.savings),
      fundingYear,
      commitmentShare: (commitment / 500) * 100,
    },
  };
}

/** Two decimals, rounding the binary value exactly (as `toFixed` does), with thousands commas. */
export function money(x) {
  const [whole, fraction] = Math.abs(x).toFixed(2).split('.');
  const sign = x < 0 && Number(`${whole}.${fraction}`) !== 0 ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/** The data table as the page must print it: year, then the five spends. */
export function tableText(rows) {
  return rows.map((r) => [String(r.year), ...[r.microsoft, r.stargate, r.oracle, r.other, r.total].map(money)]);
}

/** How many lines the notice shows for `problems`: all of them up to six, else five and a line
 * that counts the rest. */
export function noticeLines(problems) {
  return problems.length > 6 ? 6 : problems.length;
}
