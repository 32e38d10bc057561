'use strict';
// The floor: the least any Node linter of these files must do — start Node,
// walk the folder, read every file and parse its front matter with `yaml`.
// Our CLI's time minus this is what the engine itself costs.
// Usage: node scripts/bench/floor.js PATH (a folder or one file)

const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function walk(dir, found) {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full, found);
    } else if (/\.(md|markdown)$/i.test(entry.name)) {
      found.push(full);
    }
  }
  return found;
}

const target = process.argv[2];
if (!target) {
  console.error('usage: node floor.js PATH');
  process.exit(2);
}
const files = fs.statSync(target).isDirectory() ? walk(target, []) : [target];
let parsed = 0;
for (const file of files) {
  const match = FRONT_MATTER.exec(fs.readFileSync(file, 'utf8'));
  if (!match) continue;
  try {
    YAML.parse(match[1]);
    parsed++;
  } catch {
    // A broken header is data here, not a failure of the floor.
  }
}
process.stdout.write(`${files.length} files, ${parsed} front matters\n`);
