'use strict';
// The backlog graph (SPEC §7) at workspace size: a seeded backlog of 20,000
// linked items (backlogCorpus.js), timed
//   as processes: `backlog` and `lint` of the whole backlog beside markdownlint-cli2
//                 on the same files in the same run, and their peak RSS;
//   in process:   indexing every file (indexText), building a BacklogGraph from
//                 scratch of those records, and one keystroke's index update, in a
//                 story file and in an epic file that holds its features and stories
//                 as sections. As in the editor, a keystroke's lint (lintAndRecord,
//                 the diagnostics' own parse) brings the file's record; the index
//                 update is graph.update with it. Both are timed, apart.
// run.js calls benchBacklog(); by hand (after node scripts/bench/bundle.js):
//   node scripts/bench/backlog.js --dir DIR   (an existing backlog; DIR is written when empty)

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { writeBacklog } = require('./backlogCorpus');
const { loadEngine, typist, spread, numberArg } = require('./typing');
const { medianRuns, maxRss, fmt, checkExit, percentile } = require('./measure');

const ITEMS = 20000;
const SEED = 7;
const ITERATIONS = numberArg('--iterations', 300);
const WARMUP = numberArg('--warmup', 30);
const BUILDS = numberArg('--builds', 5);

function listMarkdown(dir) {
  return fs.readdirSync(dir, { recursive: true }).map(String).filter((file) => file.endsWith('.md')).sort().map((file) => path.join(dir, file));
}

/** The in-process figures; runs in a child of its own (its own heap and JIT). */
function measure(dir) {
  const engine = loadEngine();
  const files = listMarkdown(dir).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
  const table = engine.rulesTable();
  const resolver = new engine.RoleResolver(table, engine.EMPTY_CONFIG);
  const options = { config: engine.EMPTY_CONFIG, resolver };

  const indexStart = process.hrtime.bigint();
  const records = files.map(({ file, text }) => engine.indexText(file, text, { ...options, once: true }));
  const indexMs = Number(process.hrtime.bigint() - indexStart) / 1e6;
  const items = records.reduce((sum, record) => sum + (record?.items.length ?? 0), 0);

  const builds = [];
  let graph;
  for (let i = 0; i < BUILDS; i++) {
    const start = process.hrtime.bigint();
    graph = new engine.BacklogGraph(table);
    for (const record of records) if (record) graph.update(record);
    builds.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const linked = [...graph.items()].filter((item) => graph.parentOf(item)).length;
  const findingsStart = process.hrtime.bigint();
  let graphFindings = 0;
  for (const file of graph.files()) graphFindings += engine.graphFindings(graph, file).length;
  const findingsMs = Number(process.hrtime.bigint() - findingsStart) / 1e6;

  /**
   * Keystrokes into one file, as the editor handles them: the diagnostics' lint
   * of the new text makes the file's record from its own parse (lintAndRecord),
   * and the index update is graph.update with that record. Timed apart.
   */
  function keystrokes(pick) {
    const { file, text } = files.find(pick);
    const doc = typist(text, text.indexOf('\n# ') + 1);
    const times = [];
    const lintTimes = [];
    const affectedCounts = [];
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      doc.type();
      const lintStart = process.hrtime.bigint();
      const { record } = engine.lintAndRecord(file, doc.text, options);
      const lintMs = Number(process.hrtime.bigint() - lintStart) / 1e6;
      const start = process.hrtime.bigint();
      const affected = graph.update(record);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (i >= WARMUP) {
        times.push(ms);
        lintTimes.push(lintMs);
        affectedCounts.push(affected.size);
      }
    }
    graph.update(engine.indexText(file, text, options));
    const lint = spread(lintTimes.sort((a, b) => a - b));
    return { file: path.relative(dir, file), lines: text.split('\n').length - 1, items: graph.record(file).items.length, affected: Math.max(...affectedCounts), ...spread(times.sort((a, b) => a - b)), lintP50: lint.p50, lintP95: lint.p95 };
  }
  const story = keystrokes(({ file }) => file.endsWith('.story.md'));
  const epic = keystrokes(({ file }) => file.endsWith('.epic.md'));
  builds.sort((a, b) => a - b);
  return { files: files.length, items, linked, indexMs, buildMs: percentile(builds, 50), builds: BUILDS, graphFindings, findingsMs, iterations: ITERATIONS, story, epic };
}

/**
 * Writes the backlog into `tmp`, times our CLI and markdownlint-cli2 on it and
 * the in-process figures; returns run.js table rows.
 */
function benchBacklog({ tmp, runs, cli, mdl, mdlConfig, log }) {
  const dir = path.join(tmp, 'backlog');
  log(`writing a linked backlog of ${fmt.int(ITEMS)} items…`);
  const stats = writeBacklog(dir, { items: ITEMS, seed: SEED });
  const node = process.execPath;
  const rows = [{ section: `backlog graph: ${fmt.int(stats.items)} linked items (${fmt.int(stats.epics)} epics, ${fmt.int(stats.features)} features, ${fmt.int(stats.stories)} stories; seed ${SEED}) in ${fmt.int(stats.files)} files, ${fmt.int(stats.lines)} lines, ${fmt.kb(stats.bytes)}` }];

  log('backlog: our backlog and lint beside markdownlint-cli2…');
  const sanity = spawnSync(node, [cli, 'backlog', dir, '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  checkExit('agile-artifacts backlog (linked backlog)', sanity, [0]);
  const entries = JSON.parse(sanity.stdout);
  const withParent = entries.filter((entry) => entry.parent !== null).length;
  if (entries.length !== stats.items) throw new Error(`backlog lists ${entries.length} items of the ${stats.items} written`);
  rows.push({ name: 'items with a parent (backlog --format json)', value: `${fmt.int(withParent)} of ${fmt.int(entries.length)}` });

  const backlog = medianRuns(node, [cli, 'backlog', '.', '--format', 'json'], { cwd: dir, runs, okCodes: [0] });
  const lint = medianRuns(node, [cli, 'lint', '.', '--format', 'json'], { cwd: dir, runs });
  const lintTwoThreads = medianRuns(node, [cli, 'lint', '.', '--format', 'json', '--jobs', '2'], { cwd: dir, runs });
  const theirs = medianRuns(node, [mdl, '--config', mdlConfig, '**/*.md'], { cwd: dir, runs });
  const range = (t) => `${fmt.ms(t.median)} (${fmt.ms(t.min)}–${fmt.ms(t.max)})`;
  rows.push({ name: `ours: backlog --format json, median of ${runs}`, value: range(backlog) });
  rows.push({ name: `ours: lint --format json, median of ${runs}`, value: range(lint) });
  rows.push({ name: `ours: lint on two threads (--jobs 2), median of ${runs}`, value: range(lintTwoThreads) });
  rows.push({ name: `markdownlint-cli2 (one thread), median of ${runs}`, value: range(theirs) });
  rows.push({ name: 'backlog / markdownlint-cli2', value: fmt.ratio(backlog.median / theirs.median), target: '≤ 0.25×', met: backlog.median / theirs.median <= 0.25 });
  rows.push({ name: 'lint / markdownlint-cli2', value: fmt.ratio(lint.median / theirs.median), target: '≤ 0.25×', met: lint.median / theirs.median <= 0.25 });
  rows.push({ name: 'lint on two threads / markdownlint-cli2', value: fmt.ratio(lintTwoThreads.median / theirs.median) });

  log('backlog: peak memory…');
  const rssBacklog = maxRss([cli, 'backlog', '.', '--format', 'json'], { cwd: dir, okCodes: [0] });
  const rssLint = maxRss([cli, 'lint', '.', '--format', 'json'], { cwd: dir });
  const rssMdl = maxRss([mdl, '--config', mdlConfig, '**/*.md'], { cwd: dir });
  rows.push({ name: `ours: backlog max RSS (${rssBacklog.via})`, value: fmt.mb(rssBacklog.bytes), target: '≤ 250 MB', met: rssBacklog.bytes <= 250 * 1024 * 1024 });
  rows.push({ name: 'ours: lint max RSS', value: fmt.mb(rssLint.bytes), target: '≤ 250 MB', met: rssLint.bytes <= 250 * 1024 * 1024 });
  rows.push({ name: 'markdownlint-cli2 max RSS', value: fmt.mb(rssMdl.bytes) });

  log('backlog: the index in process (indexText, a graph from scratch, keystrokes)…');
  const child = spawnSync(node, ['--expose-gc', __filename, '--json', '--dir', dir], { encoding: 'utf8', timeout: 900000, maxBuffer: 64 * 1024 * 1024 });
  checkExit('backlog graph in process (backlog.js)', child, [0]);
  const m = JSON.parse(child.stdout);
  rows.push({ section: `backlog graph in process: ${fmt.int(m.items)} items of ${fmt.int(m.files)} files, ${fmt.int(m.linked)} with a parent, ${fmt.int(m.graphFindings)} graph findings` });
  rows.push({ name: 'indexText of every file (cold)', value: fmt.ms(m.indexMs) });
  rows.push({ name: `BacklogGraph from scratch of the records, median of ${m.builds}`, value: fmt.ms(m.buildMs) });
  rows.push({ name: 'graphFindings of every file', value: fmt.ms(m.findingsMs) });
  for (const [label, k] of [['story file', m.story], ['epic file with sections', m.epic]]) {
    rows.push({ section: `one keystroke's index update (graph.update with the record of the keystroke's lint): ${label}, ${fmt.int(k.lines)} lines, ${k.items} item${k.items === 1 ? '' : 's'}, ${m.iterations} edits after warm-up` });
    rows.push({ name: 'p50', value: fmt.ms(k.p50) });
    rows.push({ name: 'p95', value: fmt.ms(k.p95), target: '≤ 2 ms', met: k.p95 <= 2 });
    rows.push({ name: 'max', value: fmt.ms(k.max) });
    rows.push({ name: 'most files affected by one edit', value: fmt.int(k.affected) });
    // The parse is the diagnostics' lint, which runs on the keystroke anyway (the keystroke rows above time it alone).
    rows.push({ name: 'the lint that brings the record (lintAndRecord), p50 / p95', value: `${fmt.ms(k.lintP50)} / ${fmt.ms(k.lintP95)}` });
  }
  return rows;
}

module.exports = { benchBacklog };

if (require.main === module) {
  const at = process.argv.indexOf('--dir');
  const dir = at > 0 ? process.argv[at + 1] : fs.mkdtempSync(path.join(os.tmpdir(), 'agile-bench-backlog-'));
  if (!listMarkdown(dir).length) writeBacklog(dir, { items: ITEMS, seed: SEED });
  const m = measure(dir);
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(m));
  else console.log(JSON.stringify(m, null, 2));
}
