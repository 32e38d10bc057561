'use strict';
// Bundles the core engine alone (no CLI) so the keystroke loop times exactly
// what the editor calls. Same YAML plugin as the real build: the rules table
// is parsed at build time there, and must be here too to time the same code.

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const ENGINE_OUT = path.join(ROOT, 'out', 'bench', 'engine.js');

/** Builds out/bench/engine.js from src/core/index.ts; throws with esbuild's message if the sources do not build. */
async function buildEngine() {
  const esbuild = require(path.join(ROOT, 'node_modules', 'esbuild'));
  const { yamlPlugin } = require(path.join(ROOT, 'esbuild.js'));
  fs.mkdirSync(path.dirname(ENGINE_OUT), { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src', 'core', 'index.ts')],
    outfile: ENGINE_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    // Unminified with a map, so a --cpu-prof of this bundle names real functions and files.
    sourcemap: true,
    logLevel: 'silent',
    plugins: [yamlPlugin],
  });
  return ENGINE_OUT;
}

module.exports = { buildEngine, ENGINE_OUT, ROOT };

if (require.main === module) {
  buildEngine().then((file) => console.log(file), (error) => {
    console.error(error.message);
    process.exit(1);
  });
}
