'use strict';
// Timing, memory and table helpers shared by the benchmark steps.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

/** A child that did not finish as a linter does (exit 0 or 1) is a broken measurement, not a slow one. */
function checkExit(label, result, okCodes) {
  if (result.error) throw new Error(`${label}: ${result.error.message}`);
  if (result.signal) throw new Error(`${label}: killed by ${result.signal}`);
  if (!okCodes.includes(result.status)) {
    const stderr = String(result.stderr ?? '').trim().split('\n').slice(0, 12).join('\n');
    throw new Error(`${label}: exit status ${result.status}${stderr ? `\n${stderr}` : ''}`);
  }
}

/**
 * Runs a command once and returns its wall time in ms. Output goes to
 * /dev/null for every tool alike, so no tool pays for a pipe the others skip.
 */
function timeOnce(cmd, args, { cwd, okCodes = [0, 1], timeoutMs = 120000 } = {}) {
  return withStderrFile((stderr) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', stderr.fd], timeout: timeoutMs });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    checkExit([cmd, ...args].join(' '), { ...result, stderr: stderr.read() }, okCodes);
    return ms;
  });
}

/**
 * Gives the child a file for stderr: markdownlint-cli2 reports its findings
 * there (megabytes on the corpus), too much for a pipe buffer, yet the text
 * is wanted when a run fails.
 */
function withStderrFile(use) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agile-bench-err-'));
  const file = path.join(dir, 'stderr.txt');
  const fd = fs.openSync(file, 'w');
  try {
    return use({ fd, file, read: () => fs.readFileSync(file, 'utf8').slice(0, 4000) });
  } finally {
    fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Median of `runs` timed runs after `warmup` untimed ones (disk cache, V8 code cache). */
function medianRuns(cmd, args, { runs = 5, warmup = 1, ...options } = {}) {
  for (let i = 0; i < warmup; i++) timeOnce(cmd, args, options);
  const times = [];
  for (let i = 0; i < runs; i++) times.push(timeOnce(cmd, args, options));
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), min: times[0], max: times[times.length - 1], times };
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const GNU_TIME = '/usr/bin/time';
const RSS_PROBE = path.join(__dirname, 'rss-probe.js');

/**
 * Peak resident memory (bytes) of a node command. GNU time sees the whole
 * process; without it, a preloaded probe reads process.resourceUsage() at exit.
 */
function maxRss(nodeArgs, { cwd, okCodes = [0, 1], timeoutMs = 120000 } = {}) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'agile-bench-rss-')), 'rss.txt');
  try {
    return withStderrFile((stderr) => {
      if (hasGnuTime()) {
        // GNU time exits with the child's status, so the linter's 1 passes through.
        const result = spawnSync(GNU_TIME, ['-v', '-o', out, process.execPath, ...nodeArgs], { cwd, stdio: ['ignore', 'ignore', stderr.fd], timeout: timeoutMs });
        checkExit(`time -v node ${nodeArgs.join(' ')}`, { ...result, stderr: stderr.read() }, okCodes);
        const match = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(fs.readFileSync(out, 'utf8'));
        if (!match) throw new Error('GNU time printed no maximum resident set size');
        return { bytes: Number(match[1]) * 1024, via: 'GNU time -v' };
      }
      const result = spawnSync(process.execPath, ['--require', RSS_PROBE, ...nodeArgs], {
        cwd, stdio: ['ignore', 'ignore', stderr.fd], timeout: timeoutMs, env: { ...process.env, AGILE_BENCH_RSS_FILE: out },
      });
      checkExit(`node ${nodeArgs.join(' ')}`, { ...result, stderr: stderr.read() }, okCodes);
      return { bytes: Number(fs.readFileSync(out, 'utf8')) * 1024, via: 'process.resourceUsage()' };
    });
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

let gnuTime;
function hasGnuTime() {
  if (gnuTime === undefined) {
    // BusyBox and BSD `time` lack -v; ask once instead of trusting the path.
    gnuTime = fs.existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-v', '-o', os.devNull, 'true'], { stdio: 'ignore' }).status === 0;
  }
  return gnuTime;
}

const fmt = {
  ms: (v) => (v >= 100 ? `${Math.round(v)} ms` : v >= 1 ? `${v.toFixed(1)} ms` : `${v.toFixed(3)} ms`),
  mb: (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`,
  kb: (bytes) => `${(bytes / 1024).toFixed(0)} KB`,
  ratio: (v) => `${v.toFixed(3)}×`,
  int: (v) => v.toLocaleString('en-US'),
};

/**
 * Prints rows `{ name, value, target?, met? }` as an aligned table; rows with a
 * `section` key print a group heading. `met` is true, false or undefined (no target).
 */
function printTable(rows, write = (s) => process.stdout.write(s)) {
  const body = rows.filter((r) => !r.section);
  const widths = [
    Math.max(7, ...body.map((r) => r.name.length)),
    Math.max(6, ...body.map((r) => String(r.value).length)),
    Math.max(6, ...body.map((r) => String(r.target ?? '').length)),
  ];
  const line = (cells) => `${cells[0].padEnd(widths[0])}  ${cells[1].padStart(widths[1])}  ${cells[2].padEnd(widths[2])}  ${cells[3]}`.trimEnd();
  write(`${line(['Measure', 'Value', 'Target', 'Met'])}\n`);
  write(`${'-'.repeat(widths[0] + widths[1] + widths[2] + 11)}\n`);
  for (const row of rows) {
    if (row.section) {
      write(`[${row.section}]\n`);
      continue;
    }
    const met = row.met === undefined ? '' : row.met ? 'yes' : 'NO';
    write(`${line([row.name, String(row.value), String(row.target ?? ''), met])}\n`);
  }
}

module.exports = { timeOnce, medianRuns, percentile, maxRss, hasGnuTime, fmt, printTable, checkExit };
