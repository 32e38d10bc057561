'use strict';
// What a shipped bundle is made of: builds it as `node esbuild.js --production`
// does (same options, in memory) and lists its biggest inputs and packages.
//   node scripts/bench/bundleInputs.js [dist/web/extension.js] [--top N]
const path = require('node:path');
const esbuild = require('esbuild');
const { builds } = require('../../esbuild.js');

const ROOT = path.resolve(__dirname, '..', '..');

async function main() {
  const args = process.argv.slice(2);
  const top = Number(args[args.indexOf('--top') + 1]) || 25;
  const outfile = args.find((arg) => arg.startsWith('dist/')) ?? 'dist/web/extension.js';
  const options = builds.find((build) => build.outfile === outfile);
  if (!options) throw new Error(`no build writes ${outfile}`);
  process.chdir(ROOT);
  const result = await esbuild.build({ ...options, minify: true, sourcemap: false, write: false, metafile: true, logLevel: 'silent' });
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output.inputs).map(([file, { bytesInOutput }]) => [file.replace(/^.*node_modules\//, 'node_modules/'), bytesInOutput]);
  const groups = new Map();
  for (const [file, bytes] of inputs) {
    const group = file.startsWith('node_modules/') ? file.split('/').slice(0, 2).join('/') : path.dirname(file);
    groups.set(group, (groups.get(group) ?? 0) + bytes);
  }
  const rows = (list) => list.sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, bytes]) => `${String(bytes).padStart(8)}  ${name}`).join('\n');
  console.log(`${outfile}: ${output.bytes} bytes (${(output.bytes / 1024).toFixed(1)} KB)\n\nby folder or package:\n${rows([...groups])}\n\nby file:\n${rows(inputs)}`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
