// Writes the files derived from the rules table (docs/rules, the README rules
// table, the config schema, snippets, the injection grammar): `npm run generate`.
// The generators are TypeScript that imports the YAML table, so they are
// bundled with the same YAML plugin as the build, then run here.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { yamlPlugin } = require('../esbuild.js');

const ROOT = path.resolve(__dirname, '..');

async function loadGenerators() {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/generate/index.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
    plugins: [yamlPlugin],
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}

function writeIfChanged(relative, content) {
  const file = path.join(ROOT, relative);
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return true;
}

async function main() {
  const generate = await loadGenerators();
  const table = generate.rulesTable();
  const files = generate.generatedFiles(table);
  const changed = Object.entries(files).filter(([relative, content]) => writeIfChanged(relative, content)).map(([relative]) => relative);
  for (const [relative, regions] of Object.entries(generate.generatedRegions(table))) {
    let text = fs.readFileSync(path.join(ROOT, relative), 'utf8');
    for (const [name, content] of Object.entries(regions)) text = generate.spliceRegion(text, name, content);
    if (writeIfChanged(relative, text)) changed.push(relative);
  }
  // docs/rules is wholly generated: a page whose rule left the table goes too.
  const docsDir = path.join(ROOT, generate.RULE_DOCS_DIR);
  for (const name of fs.readdirSync(docsDir)) {
    const relative = `${generate.RULE_DOCS_DIR}/${name}`;
    if (name.endsWith('.md') && !(relative in files)) {
      fs.rmSync(path.join(docsDir, name));
      changed.push(`${relative} (removed)`);
    }
  }
  console.log(changed.length ? `Generated:\n  ${changed.join('\n  ')}` : 'Generated files are up to date.');
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
