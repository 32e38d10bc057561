'use strict';
// The keystroke method, shared by keystroke.js and items.js: one character
// typed at a random body position, then each linter timed on the same text;
// untimed warm-up edits first, so the figures are those of a warm editor.

const fs = require('node:fs');
const { createRng } = require('./corpus');
const { percentile } = require('./measure');
const { ENGINE_OUT } = require('./bundle');

const KEYS = 'etaoinshrdlu etaoin,.';
const gc = typeof global.gc === 'function' ? global.gc : undefined;

/** The engine bundle (out/bench/engine.js, or AGILE_BENCH_ENGINE); exits 2 when it is not built. */
function loadEngine() {
  const enginePath = process.env.AGILE_BENCH_ENGINE || ENGINE_OUT;
  if (!fs.existsSync(enginePath)) {
    console.error(`${enginePath} is missing: run \`node scripts/bench/bundle.js\` (run.js does it for you).`);
    process.exit(2);
  }
  return require(enginePath);
}

/**
 * A document being edited. Keystrokes land at or after `bodyStart`: typing
 * into the front matter would soon break it, the file would stop being an
 * artifact and later lints would do less.
 */
function typist(text, bodyStart, seed = 2024) {
  const rng = createRng(seed);
  return {
    text,
    type() {
      const at = bodyStart + Math.floor(rng.next() * (this.text.length - bodyStart));
      this.text = this.text.slice(0, at) + KEYS[Math.floor(rng.next() * KEYS.length)] + this.text.slice(at);
    },
  };
}

/**
 * After each keystroke, times every function of `lints` ({ name: text => result })
 * on the same text. Returns per name the sorted times (ms) and the last result,
 * and the heap around the loop (heapUsed includes garbage not yet collected).
 */
function timeKeystrokes(doc, lints, { iterations, warmup }) {
  const names = Object.keys(lints);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  const results = {};
  for (let i = 0; i < warmup; i++) {
    doc.type();
    for (const name of names) lints[name](doc.text);
  }
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  for (let i = 0; i < iterations; i++) {
    doc.type();
    for (const name of names) {
      // Young garbage the previous linter (or the typist) left is swept here,
      // untimed, so no linter pays for collecting another's.
      gc?.({ type: 'minor' });
      const start = process.hrtime.bigint();
      results[name] = lints[name](doc.text);
      times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    // Sampled outside the timed region.
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  for (const name of names) times[name].sort((a, b) => a - b);
  return { times, results, heapBefore, heapPeak, heapAfter, gcExposed: Boolean(gc) };
}

/** p50, p95, p99 and max of ascending times. */
function spread(sorted) {
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
}

/** `--name value` from the command line as a number, or the fallback. */
function numberArg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

module.exports = { loadEngine, typist, timeKeystrokes, spread, numberArg };
