'use strict';
// Engine time per keystroke: what the editor pays on every (debounced) change.
// Runs in its own process so its heap figures are the engine's alone.
// run.js calls it with --json, once more with --prose (a body full of role sentences, for
// prose-role); run it by hand to profile:
//   node scripts/bench/bundle.js && node --cpu-prof --cpu-prof-dir=out/bench/prof scripts/bench/keystroke.js

const path = require('node:path');
const { createRng, longFeatureText, proseFeatureText } = require('./corpus');
const { percentile } = require('./measure');
const { ENGINE_OUT } = require('./bundle');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const LINES = arg('--lines', 1000);
const ITERATIONS = arg('--iterations', 500);
const WARMUP = arg('--warmup', 50);
const gc = typeof global.gc === 'function' ? global.gc : undefined;

const enginePath = process.env.AGILE_BENCH_ENGINE || ENGINE_OUT;
if (!require('node:fs').existsSync(enginePath)) {
  console.error(`${enginePath} is missing: run \`node scripts/bench/bundle.js\` (run.js does it for you).`);
  process.exit(2);
}
const engine = require(enginePath);
const fileName = path.join('backlog', 'settlement.feature.md');
const resolver = new engine.RoleResolver(engine.rulesTable(), engine.EMPTY_CONFIG);
const options = { fileName, config: engine.EMPTY_CONFIG, resolver };

const PROSE = process.argv.includes('--prose');
let text = PROSE ? proseFeatureText(LINES, 11) : longFeatureText(LINES, 11);
// Keystrokes land in the body: typing into the front matter would soon break
// it, the file would stop being an artifact and later lints would do less.
const bodyStart = text.indexOf('\n---\n') + 5;
const rng = createRng(2024);
const KEYS = 'etaoinshrdlu etaoin,.';

/** Inserts one character at a random body position, like a user editing here and there. */
function type() {
  const at = bodyStart + Math.floor(rng.next() * (text.length - bodyStart));
  text = text.slice(0, at) + KEYS[Math.floor(rng.next() * KEYS.length)] + text.slice(at);
}

const coldStart = process.hrtime.bigint();
let result = engine.lintMarkdown(text, options);
const coldMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
if (!result.artifact) throw new Error('the keystroke document is not detected as an artifact; the loop would time nothing');

for (let i = 0; i < WARMUP; i++) {
  type();
  engine.lintMarkdown(text, options);
}

gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let heapPeak = heapBefore;
const times = [];
for (let i = 0; i < ITERATIONS; i++) {
  type();
  const start = process.hrtime.bigint();
  result = engine.lintMarkdown(text, options);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  // Sampled outside the timed region; heapUsed includes garbage not yet collected.
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
}
gc?.();
const heapAfter = process.memoryUsage().heapUsed;

times.sort((a, b) => a - b);
const summary = {
  lines: text.split('\n').length - 1,
  iterations: ITERATIONS,
  coldMs,
  p50: percentile(times, 50),
  p95: percentile(times, 95),
  p99: percentile(times, 99),
  max: times[times.length - 1],
  findings: result.findings.length,
  heapBefore,
  heapPeak,
  heapAfter,
  gcExposed: Boolean(gc),
};

if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(summary));
else console.log(summary);
