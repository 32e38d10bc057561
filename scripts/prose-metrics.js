#!/usr/bin/env node
// Precision and recall of prose-role on the prose corpora: test/fixtures/prose/shared (the
// hand-written sample of ../shared/prose, with its expected.tsv) and test/fixtures/markdown/prose
// (our own annotated items, most of them traps). Another folder shaped like ../shared/prose
// (Markdown files and an expected.tsv) can be given as arguments.
'use strict';

const path = require('node:path');
const esbuild = require('esbuild');
const { yamlPlugin } = require('../esbuild.js');

const ROOT = path.resolve(__dirname, '..');
const FOLDERS = process.argv.length > 2
  ? process.argv.slice(2).map((folder) => path.resolve(folder))
  : ['test/fixtures/prose/shared', 'test/fixtures/markdown/prose'].map((folder) => path.join(ROOT, folder));

async function main() {
  const outfile = path.join(ROOT, 'out/prose-metrics/corpus.js');
  await esbuild.build({ entryPoints: [path.join(ROOT, 'test/unit/proseCorpus.ts')], bundle: true, platform: 'node', outfile, plugins: [yamlPlugin], logLevel: 'error' });
  const { scoreProseCorpus } = require(outfile);
  for (const folder of FOLDERS) {
    const score = scoreProseCorpus(folder);
    const reported = score.found.length + score.unexpected.length;
    console.log(`${path.relative(process.cwd(), folder) || '.'}: ${score.files} files, ${score.expected} expected, ${reported} reported`);
    console.log(`  precision ${score.precision.toFixed(3)} (${score.found.length}/${reported})   recall ${score.recall.toFixed(3)} (${score.found.length}/${score.expected})`);
    for (const key of score.unexpected) console.log(`  false alarm: ${key}`);
    for (const key of score.missed) console.log(`  missed:      ${key}`);
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 2;
});
