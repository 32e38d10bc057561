#!/usr/bin/env node
// Measures item detection on the real files in ../shared/realworld (never copied
// here) against the items labelled by hand in test/realworld/*.tsv: lays the files
// out as their repositories hold them (tree.py), runs `agile-artifacts backlog
// --format json` on them, and prints precision, recall, type accuracy and every
// miss and false alarm. Lines labelled borderline (index rows, references) count
// neither way. Usage: node scripts/detection.js [--quiet]
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const SHARED = path.resolve(ROOT, '../shared/realworld');
const LABELS = path.join(ROOT, 'test/realworld');

function readTsv(file) {
  const [header, ...rows] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const names = header.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((cell, i) => [names[i], cell])));
}

function main() {
  const quiet = process.argv.includes('--quiet');
  if (!fs.existsSync(SHARED)) throw new Error(`${SHARED} not found: this script needs ../shared beside the project`);
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'agile-artifacts-realworld-'));
  execFileSync('python3', [path.join(SHARED, 'tree.py'), tree], { stdio: 'ignore' });
  const json = execFileSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'backlog', '.', '--format', 'json'], { cwd: tree, maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  const found = JSON.parse(json.toString());
  const key = (file, line) => `${file}:${line}`;
  const labelled = new Map(readTsv(path.join(LABELS, 'realworld-items.tsv')).map((row) => [key(row.path, row.line), row]));
  const borderline = new Set(readTsv(path.join(LABELS, 'realworld-borderline.tsv')).map((row) => key(row.path, row.line)));
  let truePositives = 0;
  let typeRight = 0;
  const falseAlarms = [];
  const wrongTypes = [];
  const seen = new Set();
  for (const item of found) {
    const at = key(item.file, item.line);
    if (borderline.has(at) && !labelled.has(at)) continue;
    const label = labelled.get(at);
    if (!label) {
      falseAlarms.push(`${at}  ${item.type} (${item.detectedBy}) ${item.id ?? ''} ${item.title}`);
      continue;
    }
    seen.add(at);
    truePositives++;
    if (label.type === item.type) typeRight++;
    else wrongTypes.push(`${at}  found ${item.type}, labelled ${label.type}`);
  }
  const misses = [...labelled.keys()].filter((at) => !seen.has(at)).map((at) => `${at}  ${labelled.get(at).type} ${labelled.get(at).shape} ${labelled.get(at).id}`);
  if (!quiet) {
    for (const [title, list] of [['False alarms', falseAlarms], ['Misses', misses], ['Wrong types', wrongTypes]]) {
      console.log(`\n${title} (${list.length}):`);
      for (const line of list) console.log(`  ${line}`);
    }
  }
  const precision = truePositives / (truePositives + falseAlarms.length);
  const recall = truePositives / labelled.size;
  console.log(`\nItems labelled ${labelled.size}, found ${truePositives + falseAlarms.length} (borderline lines not counted).`);
  console.log(`Precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  type accuracy ${(typeRight / Math.max(1, truePositives)).toFixed(3)}`);
  fs.rmSync(tree, { recursive: true, force: true });
}

main();
