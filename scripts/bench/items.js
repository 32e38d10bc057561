'use strict';
// Engine figures for the item shapes of issue 8, each beside markdownlint's own
// library `lint` of the same text in the same process: absolute times differ
// from machine to machine (and with its load), the ratio carries.
//   keystroke: a 1,000-line epic with 50 story sections, and the 1,000-line
//              feature of keystroke.js (its figure gets a ratio too);
//   one lint:  a backlog table of 2,000 story rows.
// run.js calls benchItems(), which runs this file in a process of its own;
// by hand: node scripts/bench/bundle.js && node --expose-gc scripts/bench/items.js

const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { longFeatureText, proseFeatureText } = require('./corpus');
const { epicText, backlogTableText } = require('./itemsCorpus');
const { loadEngine, typist, timeKeystrokes, spread, numberArg } = require('./typing');
const { percentile, fmt, checkExit } = require('./measure');

const ITERATIONS = numberArg('--iterations', 200);
const WARMUP = numberArg('--warmup', 20);
const TABLE_RUNS = numberArg('--runs', 11);
const STORIES = 50;
const ROWS = 2000;

function measure() {
  const engine = loadEngine();
  // markdownlint is ESM-only; Node 20.19+ requires it synchronously. Default rules, as its CLI runs.
  const { lint } = require('markdownlint/sync');
  const resolver = new engine.RoleResolver(engine.rulesTable(), engine.EMPTY_CONFIG);
  const ours = (fileName) => {
    const options = { fileName, config: engine.EMPTY_CONFIG, resolver };
    return (text) => engine.lintMarkdown(text, options);
  };
  const markdownlint = (text) => lint({ strings: { doc: text } });

  /** Keystrokes into `text`'s body; throws unless the engine sees `expect(result)` first, so the loop times real work. */
  function keystrokes(label, text, fileName, expect) {
    const lintOurs = ours(fileName);
    const first = lintOurs(text);
    if (!expect(first)) throw new Error(`${label}: the engine does not find the items it should (${first.items?.length ?? 0} items); the loop would time nothing`);
    const doc = typist(text, text.indexOf('\n---\n') + 5);
    const run = timeKeystrokes(doc, { ours: lintOurs, markdownlint }, { iterations: ITERATIONS, warmup: WARMUP });
    return { lines: text.split('\n').length - 1, items: first.items.length, ours: spread(run.times.ours), markdownlint: spread(run.times.markdownlint) };
  }

  const epic = keystrokes('epic', epicText({ targetLines: 1000, stories: STORIES }), path.join('backlog', 'unified-payments.epic.md'),
    (r) => r.items.filter((item) => item.shape === 'section').length === STORIES);
  const feature = keystrokes('feature', longFeatureText(1000, 11), path.join('backlog', 'settlement.feature.md'), (r) => Boolean(r.artifact));
  const prose = keystrokes('prose', proseFeatureText(1000, 11), path.join('backlog', 'settlement.feature.md'),
    (r) => r.findings.some((finding) => finding.rule === 'prose-role'));

  const tableText = backlogTableText({ rows: ROWS });
  const lintTable = ours(path.join('backlog', 'product-backlog.md'));
  const rowItems = lintTable(tableText).items.filter((item) => item.shape === 'row').length;
  if (rowItems !== ROWS) throw new Error(`backlog table: the engine finds ${rowItems} row items, not ${ROWS}`);
  const median = (fn) => {
    for (let i = 0; i < 3; i++) fn(tableText);
    const times = [];
    for (let i = 0; i < TABLE_RUNS; i++) {
      const start = process.hrtime.bigint();
      fn(tableText);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return percentile(times.sort((a, b) => a - b), 50);
  };
  const table = { lines: tableText.split('\n').length - 1, rows: rowItems, runs: TABLE_RUNS, ours: median(lintTable), markdownlint: median(markdownlint) };
  return { iterations: ITERATIONS, epic, feature, prose, table };
}

function keystrokeRows(title, k, iterations, target) {
  const ratio = (p) => k.ours[p] / k.markdownlint[p];
  return [
    { section: `${title}: ${fmt.int(k.lines)} lines, ${k.items} item${k.items === 1 ? '' : 's'}, ${iterations} edits after warm-up, beside markdownlint's lint` },
    { name: 'ours p50', value: fmt.ms(k.ours.p50) },
    { name: 'ours p95', value: fmt.ms(k.ours.p95), ...(target ? { target: '≤ 2 ms', met: k.ours.p95 <= 2 } : {}) },
    { name: 'markdownlint lint p50', value: fmt.ms(k.markdownlint.p50) },
    { name: 'markdownlint lint p95', value: fmt.ms(k.markdownlint.p95) },
    { name: 'ours / markdownlint, p50', value: fmt.ratio(ratio('p50')), target: '≤ 0.05×', met: ratio('p50') <= 0.05 },
    { name: 'ours / markdownlint, p95', value: fmt.ratio(ratio('p95')), target: '≤ 0.05×', met: ratio('p95') <= 0.05 },
  ];
}

/** Runs the measurements in a child process (its own heap and JIT) and returns run.js table rows; `args` as this file takes them. */
function benchItems(args = []) {
  const child = spawnSync(process.execPath, ['--expose-gc', __filename, '--json', ...args], { encoding: 'utf8', timeout: 900000 });
  checkExit('item shapes (items.js)', child, [0]);
  const m = JSON.parse(child.stdout);
  const t = m.table;
  return [
    ...keystrokeRows(`engine per keystroke, epic with ${STORIES} story sections`, m.epic, m.iterations, true),
    ...keystrokeRows('engine per keystroke, the feature above', m.feature, m.iterations, false),
    ...keystrokeRows('engine per keystroke, the feature full of role sentences above (prose-role)', m.prose, m.iterations, false),
    { section: `one lint of a backlog table: ${fmt.int(t.rows)} story rows (${fmt.int(t.lines)} lines), median of ${t.runs} after warm-up` },
    { name: 'ours: lintMarkdown', value: fmt.ms(t.ours), target: '≤ 50 ms', met: t.ours <= 50 },
    { name: 'markdownlint lint', value: fmt.ms(t.markdownlint) },
    { name: 'ours / markdownlint', value: fmt.ratio(t.ours / t.markdownlint) },
  ];
}

module.exports = { benchItems };

if (require.main === module) {
  const m = measure();
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(m));
  else console.log(JSON.stringify(m, null, 2));
}
