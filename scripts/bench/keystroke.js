'use strict';
// Engine time per keystroke: what the editor pays on every (debounced) change.
// Runs in its own process so its heap figures are the engine's alone.
// run.js calls it with --json, once more with --prose (a body full of role sentences, for
// prose-role); run it by hand to profile:
//   node scripts/bench/bundle.js && node --cpu-prof --cpu-prof-dir=out/bench/prof scripts/bench/keystroke.js

const path = require('node:path');
const { longFeatureText, proseFeatureText } = require('./corpus');
const { loadEngine, typist, timeKeystrokes, spread, numberArg: arg } = require('./typing');

const LINES = arg('--lines', 1000);
const ITERATIONS = arg('--iterations', 500);
const WARMUP = arg('--warmup', 50);

const engine = loadEngine();
const fileName = path.join('backlog', 'settlement.feature.md');
const resolver = new engine.RoleResolver(engine.rulesTable(), engine.EMPTY_CONFIG);
const options = { fileName, config: engine.EMPTY_CONFIG, resolver };

// --prose: a feature full of role sentences, for the prose-role reading.
const PROSE = process.argv.includes('--prose');
const text = PROSE ? proseFeatureText(LINES, 11) : longFeatureText(LINES, 11);
const doc = typist(text, text.indexOf('\n---\n') + 5);

const coldStart = process.hrtime.bigint();
const result = engine.lintMarkdown(text, options);
const coldMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
if (!result.artifact) throw new Error('the keystroke document is not detected as an artifact; the loop would time nothing');

const run = timeKeystrokes(doc, { ours: (t) => engine.lintMarkdown(t, options) }, { iterations: ITERATIONS, warmup: WARMUP });
const times = run.times.ours;

const summary = {
  lines: doc.text.split('\n').length - 1,
  iterations: ITERATIONS,
  coldMs,
  ...spread(times),
  findings: run.results.ours.findings.length,
  heapBefore: run.heapBefore,
  heapPeak: run.heapPeak,
  heapAfter: run.heapAfter,
  gcExposed: run.gcExposed,
};

if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(summary));
else console.log(summary);
