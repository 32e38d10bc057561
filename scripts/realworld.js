#!/usr/bin/env node
// Lints the real backlog files in ../shared/realworld/files (never copied into
// this repository) and prints every finding, so a developer can read them as
// the files' authors would. Each file is linted as it is and, to exercise the
// checks on real prose, once more as the artifact type its name suggests.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');
const { yamlPlugin } = require('../esbuild.js');

const ROOT = path.resolve(__dirname, '..');
// Another folder of real files can be given as the first argument.
const FILES = path.resolve(process.argv[2] || path.join(ROOT, '../shared/realworld/files'));

/** The artifact type a file name or its `**Type:**` line hints at. */
function guessType(name, text) {
  const hint = `${name} ${(/\*\*type:\*\*\s*([\w-]+)/i.exec(text) || [])[1] || ''}`.toLowerCase();
  if (/enabler|\ben-\d/.test(hint)) return 'enabler';
  if (/stor|\bus-/.test(hint)) return 'story';
  if (/epic/.test(hint)) return 'epic';
  return 'feature';
}

async function main() {
  if (!fs.existsSync(FILES)) throw new Error(`${FILES} not found: this script needs ../shared beside the project`);
  const outfile = path.join(ROOT, 'out/realworld/engine.js');
  await esbuild.build({ entryPoints: [path.join(ROOT, 'src/core/index.ts')], bundle: true, platform: 'node', outfile, plugins: [yamlPlugin], logLevel: 'error' });
  const { lintMarkdown } = require(outfile);
  let total = 0;
  for (const name of fs.readdirSync(FILES).sort()) {
    const text = fs.readFileSync(path.join(FILES, name), 'utf8');
    const forced = `${guessType(name, text)}.${guessType(name, text)}.md`.replace(/^(\w+)\.\1/, 'forced.$1');
    for (const [label, fileName] of [['as is', name], [`as ${forced}`, forced]]) {
      for (const finding of lintMarkdown(text, { fileName }).findings) {
        total++;
        console.log(`${name.slice(0, 70)}:${finding.range.start.line + 1}  [${label}]  ${finding.severity}  ${finding.rule}  ${finding.message}`);
      }
    }
  }
  console.log(`${total} findings in ${fs.readdirSync(FILES).length} files.`);
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 2;
});
