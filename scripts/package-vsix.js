'use strict';
// Makes the .vsix from a staging folder that holds only the extension's files.
// npm and vsce both read the `files` allowlist of package.json (and vsce refuses a
// .vscodeignore beside it), so packing in the working tree would put the npm
// package's CLI bundle (dist/cli.js) into the .vsix too. Here the allowlist less
// the CLI-only entries is copied to a fresh folder, with a manifest whose `files`
// and `bin` say the same, and `vsce package` runs there.
//
//   node scripts/package-vsix.js [--root DIR] [--out FILE.vsix]   (npm run package builds first)
//   node scripts/package-vsix.js --ls                              the files the .vsix holds, one a line

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
/** Allowlist entries the npm package needs and the extension does not. */
const CLI_ONLY = new Set(['dist/cli.js']);

/** The `files` entries of the extension: the npm allowlist without the CLI's. */
function extensionFiles(pkg) {
  return pkg.files.filter((entry) => !CLI_ONLY.has(entry));
}

/** The paths (relative, `/`-separated) one allowlist entry names: a path, or `dir/*.ext`. */
function expandEntry(root, entry) {
  if (!entry.includes('*')) return fs.existsSync(path.join(root, entry)) ? [entry] : [];
  const dir = path.posix.dirname(entry);
  const base = path.posix.basename(entry);
  if (dir.includes('*') || !/^[^*]*\*[^*]*$/.test(base)) throw new Error(`package-vsix: cannot expand "${entry}" (only dir/*.ext patterns)`);
  const [before, after] = base.split('*');
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.startsWith(before) && d.name.endsWith(after))
    .map((d) => `${dir}/${d.name}`);
}

/** Copies the extension's files and a manifest for them from `root` to `dir` (made fresh); returns `dir`. */
function stageVsix(root, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const files = extensionFiles(pkg);
  for (const entry of files) {
    for (const file of expandEntry(root, entry)) {
      fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      fs.copyFileSync(path.join(root, file), path.join(dir, file));
    }
  }
  const manifest = { ...pkg, files };
  // The CLI is not in the .vsix: its bin entry would name a file that is not there.
  delete manifest.bin;
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

function vsce(root, args, cwd) {
  const bin = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  if (!fs.existsSync(bin)) throw new Error('@vscode/vsce is not installed: run `npm install`');
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120000 });
  if (result.status !== 0) throw new Error(`vsce ${args[0]} failed:\n${(result.stderr || result.stdout || String(result.error)).trim()}`);
  return result.stdout;
}

/** Stages `root`'s built extension and packs it to `out`; throws with vsce's message when it cannot. */
function packageVsix({ root = ROOT, out = path.join(root, 'agile-artifacts.vsix') } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agile-artifacts-vsix-'));
  try {
    stageVsix(root, dir);
    vsce(root, ['package', '--no-dependencies', '--out', path.resolve(out)], dir);
    return path.resolve(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What the .vsix made from `root` holds (`vsce ls` of the staging folder), sorted. */
function listVsix(root = ROOT) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agile-artifacts-vsix-'));
  try {
    stageVsix(root, dir);
    return vsce(root, ['ls', '--no-dependencies'], dir).split('\n').map((line) => line.trim()).filter(Boolean).sort();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { packageVsix, listVsix, stageVsix, extensionFiles };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const root = path.resolve(option('--root') ?? ROOT);
  try {
    if (argv.includes('--ls')) process.stdout.write(`${listVsix(root).join('\n')}\n`);
    else process.stdout.write(`${packageVsix({ root, out: option('--out') ?? path.join(root, 'agile-artifacts.vsix') })}\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
