'use strict';
// The browser bundle reads YAML (front matter, .agile-artifacts.yaml) with the
// `yaml` library's parseDocument and looks at the nodes it returns; it never
// turns a node back into text or into plain JS. The library's modules that only
// do that (Document#toString, Node#toJS, createNode, visit) are swapped here for
// stubs that throw, so they are not shipped. test/unit/yamlParseOnly.test.ts
// parses front matter and config files with and without the stubs and holds
// them to the same results, and fails if a stub is ever reached.
const fs = require('node:fs');
const path = require('node:path');

/** Modules (under yaml's dist/ or browser/dist/) that parseDocument and the node accessors we use never call into. */
const UNREACHED = [
  'stringify/foldFlowLines.js',
  'stringify/stringify.js',
  'stringify/stringifyCollection.js',
  'stringify/stringifyComment.js',
  'stringify/stringifyDocument.js',
  'stringify/stringifyNumber.js',
  'stringify/stringifyPair.js',
  'stringify/stringifyString.js',
  'visit.js',
  'parse/cst-visit.js',
  'doc/createNode.js',
  'doc/anchors.js',
  'doc/applyReviver.js',
  'nodes/toJS.js',
  'nodes/addPairToJSMap.js',
];

const MESSAGE = 'is left out of this bundle: it only reads YAML (scripts/build/yamlParseOnly.js)';

/** The names a module of yaml's dist exports (each file ends with one `export { a, b };`). */
function exportedNames(file) {
  const source = fs.readFileSync(file, 'utf8');
  const names = [...source.matchAll(/^export \{([^}]*)\};?$/gm)].flatMap((match) => match[1].split(',').map((name) => name.trim()).filter(Boolean));
  if (!names.length || /^export (?!\{)/m.test(source)) throw new Error(`yamlParseOnly: cannot read the exports of ${file}; has the yaml package changed?`);
  return names;
}

/** A module with the same exports, each a function that throws naming itself. */
function stubSource(relative, names) {
  const lines = names.map((name) => `export function ${name}() { throw new Error(${JSON.stringify(`yaml ${relative} (${name}) ${MESSAGE}`)}); }`);
  return lines.join('\n');
}

const yamlParseOnlyPlugin = {
  name: 'yaml-parse-only',
  setup(build) {
    const seen = new Set();
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/](browser[\\/])?dist[\\/].*\.js$/ }, (args) => {
      const relative = args.path.split(path.sep).join('/').replace(/^.*\/node_modules\/yaml\/(browser\/)?dist\//, '');
      if (!UNREACHED.includes(relative)) return undefined;
      seen.add(relative);
      return { contents: stubSource(relative, exportedNames(args.path)), loader: 'js' };
    });
    // A yaml release that moves these modules would quietly ship them again (or stub the wrong ones): say so.
    build.onEnd((result) => {
      if (result.errors.length) return;
      const missing = UNREACHED.filter((relative) => !seen.has(relative));
      if (missing.length) result.errors.push({ text: `yamlParseOnly: yaml modules not found in the bundle: ${missing.join(', ')}; update UNREACHED` });
    });
  },
};

module.exports = { yamlParseOnlyPlugin, UNREACHED, MESSAGE };
