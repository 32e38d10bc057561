// Bundles the CLI, the extension (Node and browser) and the tests; with --production
// only the shipped bundles, minified (npm run package, npm pack).
// YAML imported from the sources (the rules table) is parsed here, at build
// time, so a syntax error in it fails the build and the bundles carry plain data.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { yamlParseOnlyPlugin } = require('./scripts/build/yamlParseOnly');

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

/**
 * The rules table as `rulesTable()` returns it, validated here at build time
 * (validate.ts throws, listing every problem, and the build fails): the bundles
 * in dist/ carry the checked table as data and neither the validator nor its
 * work at startup. Returns the table and the files it was made from.
 */
async function validatedRulesTable() {
  const rules = path.join(__dirname, 'src', 'core', 'rules');
  const result = await esbuild.build({
    stdin: { contents: "export { validateRulesTable } from './validate';\nexport { default as raw } from './table.yaml';\n", resolveDir: rules, loader: 'ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [yamlPlugin],
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);
  const table = module.exports.validateRulesTable(module.exports.raw);
  return { table, inputs: Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('<')).map((file) => path.resolve(__dirname, file)) };
}

/** Rule fields only the docs pages show (RuleEntry in src/core/rules/types.ts): left out of the shipped table. */
const DOCS_ONLY_RULE_KEYS = ['examples', 'inItems', 'sentences'];

function omit(object, keys) {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

/** The validated table as the bundles carry it. The docs pages' data (examples, sentences, the in-items note) is read by `npm run generate` and the unit tests only. */
function shippedTable(table) {
  return { ...table, rules: table.rules.map((rule) => omit(rule, DOCS_ONLY_RULE_KEYS)) };
}

/**
 * The table as a module's source text, each string and each list of strings
 * that recurs written once: a string as a constant (strings are values, so
 * nothing can tell), a list as a constant copied where it is used (`[...c]`),
 * so every place still holds a list of its own, as JSON would give it. The
 * same data as JSON.stringify(data) gives (test/unit/shippedTable.test.ts), in
 * fewer bytes: the section aliases and source names repeat across artifacts.
 */
function compactModule(data) {
  const counts = new Map();
  const count = (key) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const isList = (value) => Array.isArray(value) && value.length > 1 && value.every((item) => typeof item === 'string');
  (function visit(value) {
    if (typeof value === 'string') count(JSON.stringify(value));
    else if (isList(value)) count(JSON.stringify(value));
    if (value && typeof value === 'object') Object.values(value).forEach(visit);
  })(data);
  // Worth a constant when its copies cost more than one copy and a short name per use (esbuild names it in two letters).
  const names = new Map();
  for (const [json, n] of counts) if ((n - 1) * json.length > n * 5 + 8) names.set(json, `c${names.size}`);
  const write = (value) => {
    const json = JSON.stringify(value);
    if (typeof value === 'string' || isList(value)) {
      const name = names.get(json);
      if (name) return typeof value === 'string' ? name : `[...${name}]`;
    }
    if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
    if (value && typeof value === 'object') return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${write(item)}`).join(',')}}`;
    return json;
  };
  // A list's constant is written with the string constants, so it is declared after them.
  const constants = [...names].sort(([a], [b]) => Number(a.startsWith('[')) - Number(b.startsWith('['))).map(([json, name]) => {
    const value = JSON.parse(json);
    return `const ${name} = ${typeof value === 'string' ? json : `[${value.map(write).join(',')}]`};`;
  });
  return { constants: constants.join('\n'), table: write(data) };
}

/**
 * Replaces src/core/rules/table.ts in the shipped bundles by the same module
 * with its table validated at build time, less the docs-only rule fields (the
 * unit tests keep the module as written, so they still validate the whole
 * table when first used, and lint the examples).
 */
const validatedTablePlugin = {
  name: 'validated-rules-table',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]rules[\\/]table\.ts$/ }, async (args) => {
      let validated;
      try {
        validated = await validatedRulesTable();
      } catch (error) {
        return { errors: [{ text: String(error.message ?? error), location: { file: args.path } }] };
      }
      const compact = compactModule(shippedTable(validated.table));
      const contents = `import type { RulesTable } from './types';

${compact.constants}

/** The embedded rules table, validated when the bundle was built (esbuild.js). */
const table = ${compact.table} as unknown as RulesTable;

export function rulesTable(): RulesTable {
  return table;
}
`;
      return { contents, loader: 'ts', resolveDir: path.dirname(args.path), watchFiles: validated.inputs };
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

// The bundles in dist/ (what ships, and what the integration tests run) carry the table validated at build time.
const shippedPlugins = [validatedTablePlugin, yamlPlugin];

/**
 * In the Node host the engine is a module of its own, dist/engine.js, which
 * the extension and the backlog index's worker thread (dist/indexWorker.js)
 * both load: one copy of the engine in the .vsix, not one per bundle. The
 * adapters (and the CLI code the worker reuses) import the core through its index only (src/core/index.ts is the
 * engine's whole surface); a deeper import would bundle a second copy.
 */
const engineModulePlugin = {
  name: 'engine-module',
  setup(build) {
    build.onResolve({ filter: /(^|\/)core(\/.*)?$/ }, (args) => {
      const from = path.relative(path.join(__dirname, 'src'), args.importer).split(path.sep);
      if (from[0] === '..' || from[0] === 'core') return undefined; // the core itself, node_modules
      if (!/^(\.\.\/)+core$/.test(args.path)) return { errors: [{ text: `import the core through its index ('…/core'), not ${args.path}: the Node host loads it as dist/engine.js` }] };
      return { path: './engine.js', external: true };
    });
  },
};

const builds = [
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    plugins: shippedPlugins,
  },
  {
    ...common,
    entryPoints: ['src/core/index.ts'],
    outfile: 'dist/engine.js',
    platform: 'node',
    plugins: shippedPlugins,
  },
  {
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    external: ['vscode'],
    plugins: [engineModulePlugin, ...shippedPlugins],
  },
  {
    ...common,
    entryPoints: ['src/vscode/backlog/worker/indexWorker.ts'],
    outfile: 'dist/indexWorker.js',
    platform: 'node',
    plugins: [engineModulePlugin, ...shippedPlugins],
  },
  {
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    external: ['vscode'],
    // Without the yaml library's stringify and toJS modules, which nothing here calls (scripts/build/yamlParseOnly.js).
    plugins: [yamlParseOnlyPlugin, ...shippedPlugins],
    // No Node fs in the browser: src/vscode/backlog/readTexts.ts leaves its Node branch out.
    define: { ...common.define, AGILE_ARTIFACTS_HOST: '"web"' },
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

module.exports = { yamlPlugin, validatedTablePlugin, compactModule, shippedTable, builds };

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
