// Bundles the CLI, the extension (Node and browser) and the tests; with --production
// only the shipped bundles, minified (npm run package, npm pack).
// YAML imported from the sources (the rules table) is parsed here, at build
// time, so a syntax error in it fails the build and the bundles carry plain data.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const production = process.argv.includes('--production');
const { version } = require('./package.json');
const watch = process.argv.includes('--watch');

/** Turns `import table from './table.yaml'` into the parsed object. */
const yamlPlugin = {
  name: 'yaml-data',
  setup(build) {
    build.onLoad({ filter: /\.yaml$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const doc = YAML.parseDocument(text, { prettyErrors: true });
      if (doc.errors.length) {
        return { errors: doc.errors.map((error) => ({ text: error.message, location: { file: args.path } })) };
      }
      return { contents: `module.exports = ${JSON.stringify(doc.toJS())};`, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  target: 'es2022',
  logLevel: 'warning',
  plugins: [yamlPlugin],
  define: { AGILE_ARTIFACTS_VERSION: JSON.stringify(version) },
};

function testEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map((file) => path.join(dir, String(file)))
    .filter((file) => /\.test\.ts$/.test(file));
}

const builds = [
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: testEntries('test/unit'),
    outdir: 'out/test/unit',
    outbase: 'test/unit',
    platform: 'node',
    sourcemap: true,
    minify: false,
  },
  // The integration suite, once per extension host (see test/integration/index.*.ts).
  {
    ...common,
    entryPoints: ['test/integration/index.node.ts'],
    outfile: 'out/test/integration/node/index.js',
    platform: 'node',
    external: ['vscode', 'mocha'],
    define: { ...common.define, AGILE_ARTIFACTS_TEST_HOST: '"node"' },
  },
  {
    ...common,
    entryPoints: ['test/integration/index.web.ts'],
    outfile: 'out/test/integration/web/index.js',
    platform: 'browser',
    external: ['vscode'],
    define: { ...common.define, AGILE_ARTIFACTS_TEST_HOST: '"web"', 'process.env.NODE_ENV': '"test"' },
  },
];

/** What the .vsix and the npm package ship: the bundles in dist/, not the tests. */
const shipped = builds.filter((options) => options.outfile?.startsWith('dist/'));

async function main() {
  if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
    return;
  }
  if (production) {
    // A production build has no source maps; one left from a development build would point at other code.
    for (const options of shipped) fs.rmSync(`${options.outfile}.map`, { force: true });
  } else {
    fs.rmSync('out/test/unit', { recursive: true, force: true });
  }
  await Promise.all((production ? shipped : builds).map((options) => esbuild.build(options)));
  fs.chmodSync('dist/cli.js', 0o755);
}

module.exports = { yamlPlugin };

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
