#!/usr/bin/env node
// Measures the backlog graph on the real files in ../shared/realworld (never copied
// here) against the parents labelled by hand in test/realworld/realworld-items.tsv:
// lays the files out as their repositories hold them (tree.py), runs `agile-artifacts
// backlog --format json` and `lint --format json` on each repository as its own
// workspace, and prints how many items get the labelled parent, every mismatch, and
// every graph finding (unknown-parent, parent-type, duplicate-id) for reading.
// Usage: node scripts/graph.js [--quiet]
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const SHARED = path.resolve(ROOT, '../shared/realworld');
const LABELS = path.join(ROOT, 'test/realworld');
const CLI = path.join(ROOT, 'dist/cli.js');
const GRAPH_RULES = new Set(['unknown-parent', 'parent-type', 'duplicate-id']);

function readTsv(file) {
  const [header, ...rows] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const names = header.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((cell, i) => [names[i], cell])));
}

function cli(args, cwd) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, maxBuffer: 64 << 20, encoding: 'utf8' });
  return JSON.parse(run.stdout);
}

/** The labelled path:line of the item a `parent` value names: a file:line as is, an id by the nearest item with it. */
function parentKey(value, entry, entries, repo) {
  if (value === null) return '';
  const located = /^(.*):(\d+)$/.exec(value);
  if (located && !entries.some((other) => other.id === value)) return `${repo}/${located[1]}:${located[2]}`;
  if (value.startsWith(`${repo}/`)) return value;
  const withId = entries.filter((other) => other.id === value);
  const shared = (other) => {
    const a = path.dirname(other.file).split('/');
    const b = path.dirname(entry.file).split('/');
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  withId.sort((x, y) => shared(y) - shared(x) || (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line));
  return withId[0] ? `${repo}/${withId[0].file}:${withId[0].line}` : `? ${value}`;
}

function main() {
  const quiet = process.argv.includes('--quiet');
  if (!fs.existsSync(SHARED)) throw new Error(`${SHARED} not found: this script needs ../shared beside the project`);
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'agile-artifacts-graph-'));
  execFileSync('python3', [path.join(SHARED, 'tree.py'), tree], { stdio: 'ignore' });
  const labels = new Map(readTsv(path.join(LABELS, 'realworld-items.tsv')).map((row) => [`${row.path}:${row.line}`, row]));
  const repos = fs.readdirSync(tree).flatMap((owner) => fs.readdirSync(path.join(tree, owner)).map((name) => `${owner}/${name}`));
  let right = 0;
  let total = 0;
  /** Mismatches whose labelled parent is no item in the corpus (a file the corpus does not hold): no index could find it. */
  let absent = 0;
  const wrong = [];
  const findings = [];
  for (const repo of repos.sort()) {
    const cwd = path.join(tree, repo);
    const entries = cli(['backlog', '.', '--format', 'json'], cwd);
    for (const entry of entries) {
      const label = labels.get(`${repo}/${entry.file}:${entry.line}`);
      if (!label) continue;
      total++;
      const ours = parentKey(entry.parent, entry, entries, repo);
      // A label names the parent by path:line, or by its id.
      const labelled = !label.parent || label.parent.startsWith(`${repo}/`) ? label.parent : parentKey(label.parent, entry, entries, repo);
      if (ours === labelled) right++;
      else {
        const missing = labelled.startsWith('? ');
        if (missing) absent++;
        wrong.push(`${repo}/${entry.file}:${entry.line}  ours ${ours || '(none)'}  labelled ${label.parent || '(none)'}${missing ? '  (no item in the corpus has that id)' : ''}`);
      }
    }
    for (const finding of cli(['lint', '.', '--format', 'json'], cwd)) {
      if (GRAPH_RULES.has(finding.rule)) findings.push(`${repo}/${finding.file}:${finding.line}  ${finding.rule}: ${finding.message}`);
    }
  }
  if (!quiet) {
    console.log(`\nParent differs from the label (${wrong.length}):`);
    for (const line of wrong) console.log(`  ${line}`);
    console.log(`\nGraph findings (${findings.length}):`);
    for (const line of findings) console.log(`  ${line}`);
  }
  console.log(`\nparent accuracy ${(right / total).toFixed(3)} (${right}/${total} labelled items found); graph findings ${findings.length}`);
  console.log(`of the ${total - right} mismatches, ${absent} are labelled with a parent no item in the corpus has; without them ${(right / (total - absent)).toFixed(3)} (${right}/${total - absent})`);
  fs.rmSync(tree, { recursive: true, force: true });
}

main();
