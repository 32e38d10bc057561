import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseWithLibrary, readFrontMatter } from '../../src/core/document/frontMatter';
import { readSimpleYaml } from '../../src/core/document/simpleYaml';
import { FIXTURES } from './fixtureExpectations';
import { mulberry32 } from './random';

// The fast front-matter reader (simpleYaml.ts) against the `yaml` library: wherever the
// fast path gives an answer it must be the library's, entry for entry and offset for
// offset; wherever it is unsure it must say so (undefined) and leave the text to the library.
const REALWORLD = path.resolve(__dirname, '../../../../shared/realworld/files');
const EXAMPLES = path.resolve(__dirname, '../../../examples');

interface Tally {
  documents: number;
  fast: number;
}

/** Checks one file's front matter; returns whether the fast path answered. */
function agree(name: string, text: string): boolean | undefined {
  const frontMatter = readFrontMatter(text);
  if (!frontMatter || frontMatter.problem?.kind === 'unterminated' || frontMatter.yamlEnd === frontMatter.bodyStart) return undefined;
  const { yamlStart, yamlEnd, bodyStart } = frontMatter;
  const fast = readSimpleYaml(text, yamlStart, yamlEnd);
  if (!fast) return false;
  const library = parseWithLibrary(text, yamlStart, yamlEnd, bodyStart);
  assert.equal(library.problem, undefined, `${name}: the fast path read front matter the library rejects (${library.problem?.detail})\n${text.slice(yamlStart, yamlEnd)}`);
  assert.deepEqual(fast, library.entries, `${name}:\n${text.slice(yamlStart, yamlEnd)}`);
  return true;
}

function check(tally: Tally, name: string, text: string): void {
  const answered = agree(name, text);
  if (answered === undefined) return;
  tally.documents++;
  if (answered) tally.fast++;
}

function markdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(dir, name));
}

// Pieces of front matter, the plain ones items use and the ones that trip a reader up.
const KEYS = ['title', 'type', 'id', 'status', 'Story Points', 'accepted-by', 'parent_id', 'true', 'Null', 'yes', '123', '"quoted"', 'key ', 'a.b', '? x', 'x'.repeat(1100)];
const SEPARATORS = [': ', ':', ':  ', ':\t', ' : ', ':x'];
const VALUES = [
  'Checkout by card', 'Product Owner', 'a:b', 'a: b', 'a #c', 'a#b', 'a  # c', 'done:', '"quoted: yes"', "'single'", '""', "''",
  '"a\\"b"', '"tab\\there"', "'it''s'", '"open', "'open", '"x" y', '"x" # c', '"x"#c', '5', '05', '-5', '+5', '-0', '1.50', '1e3', '.5', '5.',
  '0x1F', '0o17', '.inf', '-.Inf', '.nan', '~', 'null', 'NULL', 'True', 'FALSE', 'tRue', 'yes', 'no', '[a, b]', '[]', '[ ]', '[a, , b]', '[a,]',
  '["x", y]', '[a: b]', '[a:b]', '[a #b]', '[5, 05, true, null, ~]', '[a, [b]]', '[a, b', '{a: b}', '&anchor x', '*alias', '!tag x', '|', '>',
  '|-\n  block\n  text', '>\n  folded\n  text', '@x', '`x`', '%x', '-x', '- x', '? x', 'Zürich', 'naïve café', '😀 emoji', 'tab\there',
  'multi\n  line', 'trailing   ', '', '\u0085nel', 'x\u00a0y', 'a,b', 'a]b', 'a}b', 'US-12', '2024-01-15', '12:30', 'http://x.y/z', 'C#', 'x'.repeat(1200),
];
const LIST_LINES = ['  - a', '- b', '    - c', '  -', '  - - x', '  - k: v', '  - "q"', "  - 'q'", '  - 5', '  - true', '  - ~', '  - [a]', '  -x', '\t- t'];
const OTHER_LINES = ['# comment', '  # indented comment', '', '   ', '  continued text', '  sub: x', '%YAML 1.2', 'plain line', '- top item', '---x'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A front matter of 1–8 lines drawn from the pieces above; most lines are `key: value`. */
function fuzzFrontMatter(random: () => number): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(random() * 8);
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.55) lines.push(`${pick(random, KEYS.slice(0, 7))}: ${pick(random, VALUES.slice(0, 12))}`);
    else if (roll < 0.75) lines.push(`${pick(random, KEYS)}${pick(random, SEPARATORS)}${pick(random, VALUES)}`);
    else if (roll < 0.9) {
      lines.push(`${pick(random, KEYS.slice(0, 7))}:`);
      const items = 1 + Math.floor(random() * 3);
      const indent = pick(random, ['', '  ', '    ']);
      for (let j = 0; j < items; j++) lines.push(random() < 0.8 ? `${indent}- ${pick(random, VALUES.slice(0, 40))}` : pick(random, LIST_LINES));
    } else lines.push(pick(random, OTHER_LINES));
  }
  const eol = random() < 0.1 ? '\r\n' : '\n';
  return `---${eol}${lines.join(eol)}${eol}---${eol}# Body${eol}`;
}

describe('front matter: the fast reader agrees with the yaml library', () => {
  it('on every fixture and example', () => {
    const tally: Tally = { documents: 0, fast: 0 };
    for (const file of [...markdownFiles(FIXTURES), ...markdownFiles(EXAMPLES)]) check(tally, path.relative(FIXTURES, file), fs.readFileSync(file, 'utf8'));
    assert.ok(tally.documents >= 50, `front matters found: ${tally.documents}`);
    // Most fixtures' front matter is plain: if the fast path reads too few, it has stopped paying for itself.
    assert.ok(tally.fast / tally.documents >= 0.6, `fast path read ${tally.fast} of ${tally.documents}`);
  });

  it('on the real backlog files in ../shared/realworld', function () {
    if (!fs.existsSync(REALWORLD)) this.skip();
    const tally: Tally = { documents: 0, fast: 0 };
    for (const file of markdownFiles(REALWORLD)) check(tally, path.basename(file), fs.readFileSync(file, 'utf8'));
    assert.ok(tally.documents >= 10, `front matters found: ${tally.documents}`);
  });

  it('on 5,000 fuzzed front matters, and reads a fair share of them itself', () => {
    const random = mulberry32(2_024);
    const tally: Tally = { documents: 0, fast: 0 };
    for (let i = 0; i < 5_000; i++) check(tally, `fuzz #${i}`, fuzzFrontMatter(random));
    assert.ok(tally.fast >= 500 && tally.fast <= tally.documents - 1_000, `fast path read ${tally.fast} of ${tally.documents}`);
  });

  for (const [name, yaml] of [
    ['a nested map', 'parent:\n  id: EPIC-1\n'],
    ['a multi-line value', 'title: Checkout\n  by card\n'],
    ['an anchor', 'owner: &o Product Owner\n'],
    ['a tab', 'owner:\tPO\n'],
    ['a numeric key', '2024: done\n'],
    ['a folded block', 'title: >\n  Checkout\n'],
  ]) {
    it(`leaves ${name} to the library`, () => {
      const text = `---\n${yaml}---\n`;
      assert.equal(readSimpleYaml(text, 4, 4 + yaml.length), undefined);
    });
  }

  it('reads plain items exactly, offsets included', () => {
    const yaml = 'type: story\ntitle: "Pay: by card"\npoints: 05\nenabler: true\ntags: [auth, api]\nlinks:\n  - EPIC-1\n';
    const text = `---\n${yaml}---\n`;
    const entries = readSimpleYaml(text, 4, 4 + yaml.length);
    assert.ok(entries);
    assert.deepEqual(entries.map((e) => [e.key, e.values.map((v) => text.slice(v.start, v.end) + (v.verbatim === false ? `→${v.text}` : '')), e.isTrue]), [
      ['type', ['story'], false],
      ['title', ['Pay: by card'], false],
      ['points', ['05→5'], false],
      ['enabler', [], true],
      ['tags', ['auth', 'api'], false],
      ['links', ['EPIC-1'], false],
    ]);
  });
});
