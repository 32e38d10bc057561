import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from './fixtureExpectations';
import { mulberry32 } from './random';

// The browser bundle leaves out the yaml library's modules that only write YAML
// or turn nodes into plain JS (scripts/build/yamlParseOnly.js). Here the core's
// two YAML readers, bundled for the browser with and without those stubs, read
// the same texts: every result must be the same, so no stub is reached (a stub
// throws, and the readers would report that as a problem the other has not).
const ROOT = path.resolve(__dirname, '../../..');
// Computed paths, so the test bundle does not take them in.
/* eslint-disable @typescript-eslint/no-require-imports */
const esbuild = require(path.join(ROOT, 'node_modules', 'esbuild')) as typeof import('esbuild');
const { yamlPlugin } = require(path.join(ROOT, 'esbuild.js')) as { yamlPlugin: import('esbuild').Plugin };
const { yamlParseOnlyPlugin, UNREACHED, MESSAGE } = require(path.join(ROOT, 'scripts', 'build', 'yamlParseOnly.js')) as {
  yamlParseOnlyPlugin: import('esbuild').Plugin;
  UNREACHED: string[];
  MESSAGE: string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

interface Readers {
  frontMatter(text: string): unknown;
  config(text: string): unknown;
}

const ENTRY = `
import { parseWithLibrary } from './src/core/document/frontMatter';
import { parseConfig } from './src/core/config/parse';
import { rulesTable } from './src/core/rules/table';
export const frontMatter = (text) => parseWithLibrary(text, 0, text.length, text.length);
export const config = (text) => parseConfig(text, rulesTable());
`;

async function bundle(stubbed: boolean): Promise<{ readers: Readers; text: string }> {
  const result = await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: stubbed ? [yamlParseOnlyPlugin, yamlPlugin] : [yamlPlugin],
  });
  const text = result.outputFiles[0].text;
  const module = { exports: {} as Readers };
  new Function('module', 'exports', 'require', text)(module, module.exports, require);
  return { readers: module.exports, text };
}

function markdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).map((name) => path.join(dir, name));
}

/** The YAML between a file's first two `---` lines, if it has front matter. */
function frontMatterOf(text: string): string | undefined {
  return /^---\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*$/m.exec(text)?.[1];
}

// YAML that the fast front-matter reader leaves to the library, and every part of
// the language that could lead the library into writing or converting nodes.
const EDGE_CASES = [
  'title: &t Checkout\nalias: *t\n',
  'base: &b { accepted-by: PO }\nstory:\n  <<: *b\n  title: x\n',
  '%YAML 1.1\n---\nenabler: yes\nrank: 0b101\nwhen: 2024-01-15 10:00:00\nset: !!set { a, b }\n',
  '%YAML 1.1\n---\nbase: &b { a: 1 }\nm:\n  <<: *b\n',
  '%TAG !e! tag:example.com,2000:\n---\ntitle: !e!title Checkout\n',
  'data: !!binary aGVsbG8=\nset: !!set { a, b }\nomap: !!omap [ { a: 1 }, { b: 2 } ]\npairs: !!pairs [ { a: 1 } ]\nts: !!timestamp 2024-01-15\n',
  'odd: !!omap [ a, { a: 1 }, { a: 2 } ]\nbad: !!set { a: 1 }\nbin: !!binary "!!!"\nn: !!int x\n',
  'title: !!str 5\nn: !!float 1\nnull: !!null ""\nb: !!bool true\nlocal: !mine x\n',
  '? [complex, key]\n: value\n? { a: b }\n: v\n[a]: b\n',
  'accepted-by: |\n  Product\n  Owner\nfolded: >-\n  a\n  b\n',
  'a: "esc\\tape \\u00e9"\nb: \'it\'\'s\'\nc: "multi\n  line"\n',
  'title: x\ntitle: y\n',
  'list:\n  - a\n  - &x b\n  - *x\n  - { k: v }\n  - [n]\n',
  'a: *undefined\n',
  'a: &\nb: !\n',
  'a: [unclosed\n',
  'a: b: c\n',
  '- top\n- list\n',
  'plain scalar\n',
  'a: 1\n---\nb: 2\n',
  '"key with \\"quotes\\"": v\n5: five\ntrue: yes\nnull: ~\n',
  'a:\n\t- tab\n',
  '&a a: *a\n',
  'x: &a [*a]\n',
  '',
  '# only a comment\n',
];

// Every key of .agile-artifacts.yaml, well and badly written.
const CONFIGS = [
  `rules:\n  wrong-role: error\n  missing-section: off\n  nope: warning\nroles:\n  PM: product-management\n  Boss: nobody\npeople:\n  Ann: { roles: [product-owner], art: Checkout, team: Falcons }\n  Bob: { roles: [x], extra: 1 }\n` +
    `profile: safe-5\nallow:\n  feature: { accept: [product-management, business-owners] }\n  story:\n    estimate: [agile-team, product-owner]\n` +
    `fields:\n  accept: [signed-off-by, Signed Off]\nsections:\n  feature: [acceptance-criteria, { name: NFRs, aliases: [Nonfunctional Requirements] }]\n` +
    `idPrefixes:\n  story: [US, ST]\ntypes:\n  story: [backlog item]\n  ignore: [spike, chore]\nunknown: 1\n`,
  'defaults: &d { roles: [product-owner] }\npeople:\n  Ann: *d\n  Bob:\n    <<: *d\n    team: Otters\n',
  '%YAML 1.1\n---\nrules:\n  wrong-role: off\nroles:\n  yes: product-owner\n',
  'rules: !!omap [ { wrong-role: error } ]\nroles: !!set { PO }\npeople: !!pairs [ { Ann: x } ]\n',
  'rules:\n  wrong-role: error\nrules:\n  wrong-role: off\n',
  '\ufeffrules: { wrong-role: warning }\n',
  'rules: [unclosed\n',
  '- not\n- a mapping\n',
  'null\n',
  '',
];

/** Front matters put together from pieces, most of them beyond the fast reader. */
function fuzzed(count: number): string[] {
  const random = mulberry32(20240115);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const keys = ['title', 'type', 'accepted-by', '"q"', '? k', '5', '&k key', '*k', '!!str t', '[a]'];
  const values = ['x', '&a x', '*a', '!!binary aGk=', '!!set { a }', '!!omap [ { a: 1 } ]', '[a, *a]', '{ a: *a }', '|\n  b', '>\n  f', '"e\\n"', "'s'", '!x y', '2024-01-15', '<<', '', '[', '{', '"'];
  const heads = ['', '', '%YAML 1.1\n---\n', '%YAML 1.2\n---\n', '%TAG !t! tag:x,1:\n---\n'];
  return Array.from({ length: count }, () => {
    let text = pick(heads);
    const lines = 1 + Math.floor(random() * 5);
    for (let i = 0; i < lines; i++) text += random() < 0.2 ? `  - ${pick(values)}\n` : `${pick(keys)}: ${pick(values)}\n`;
    return text;
  });
}

describe('the browser bundle reads YAML without the yaml library\'s writing modules (scripts/build/yamlParseOnly.js)', function () {
  this.timeout(60000);
  let full: Readers;
  let stubbed: Readers;
  let stubbedText: string;

  before(async () => {
    full = (await bundle(false)).readers;
    ({ readers: stubbed, text: stubbedText } = await bundle(true));
  });

  it('leaves those modules out', () => {
    assert.ok(stubbedText.includes(MESSAGE));
    for (const text of ['Cannot stringify circular structure', 'Unsupported default string type', 'break visit']) assert.ok(!stubbedText.includes(text), `${text}: still in the bundle`);
    assert.ok(UNREACHED.length > 10);
  });

  const same = (read: (readers: Readers) => unknown, name: string) => {
    let expected: unknown;
    let actual: unknown;
    try {
      expected = read(full);
    } catch (error) {
      expected = `threw ${String(error)}`;
    }
    try {
      actual = read(stubbed);
    } catch (error) {
      actual = `threw ${String(error)}`;
    }
    assert.ok(!JSON.stringify(actual ?? null).includes(MESSAGE), `${name}: a stub was reached: ${JSON.stringify(actual)}`);
    assert.deepEqual(actual, expected, name);
  };

  it('reads the edge cases of front matter the same', () => {
    for (const text of EDGE_CASES) same((readers) => readers.frontMatter(text), JSON.stringify(text));
  });

  it('reads the front matter of the fixtures, the examples and the real backlog files the same', () => {
    const files = [FIXTURES, path.join(ROOT, 'examples'), path.resolve(ROOT, '..', 'shared', 'realworld', 'files')].flatMap(markdownFiles);
    assert.ok(files.length > 50);
    for (const file of files) {
      const yaml = frontMatterOf(fs.readFileSync(file, 'utf8'));
      if (yaml !== undefined) same((readers) => readers.frontMatter(yaml), file);
    }
  });

  it('reads 1,000 fuzzed front matters the same', () => {
    for (const text of fuzzed(1000)) same((readers) => readers.frontMatter(text), JSON.stringify(text));
  });

  it('reads config files with every key, and the fixtures\' configs, the same', () => {
    const files = ['test', 'examples'].flatMap((dir) => fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.agile-artifacts.yaml')).map((name) => path.join(ROOT, dir, name)));
    assert.ok(files.length > 5);
    for (const text of [...CONFIGS, ...files.map((file) => fs.readFileSync(file, 'utf8'))]) same((readers) => readers.config(text), text);
  });
});
