import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { rulesTable } from '../../src/core/rules/table';

// esbuild.js as node runs it (a computed path, so the test bundle does not take it in).
const BUILD_SCRIPT = path.resolve(__dirname, '../../..', 'esbuild.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compactModule, shippedTable } = require(BUILD_SCRIPT) as {
  compactModule: (data: unknown) => { constants: string; table: string };
  shippedTable: (table: unknown) => unknown;
};

function evaluate(compact: { constants: string; table: string }): unknown {
  return new Function(`${compact.constants}\nreturn ${compact.table};`)();
}

function lists(value: unknown, found: unknown[][] = []): unknown[][] {
  if (Array.isArray(value)) found.push(value);
  if (value && typeof value === 'object') Object.values(value).forEach((item) => lists(item, found));
  return found;
}

describe('the rules table as the bundles embed it (esbuild.js)', () => {
  const shipped = shippedTable(rulesTable());

  it('is the validated table less the docs-only rule fields, value for value', () => {
    const embedded = evaluate(compactModule(shipped));
    assert.deepStrictEqual(embedded, JSON.parse(JSON.stringify(shipped)));
    for (const rule of (embedded as { rules: Record<string, unknown>[] }).rules) {
      for (const key of ['examples', 'inItems', 'sentences']) assert.ok(!(key in rule), `${key} in ${rule.id}`);
    }
  });

  it('gives every place a list of its own, as JSON would', () => {
    const found = lists(evaluate(compactModule(shipped)));
    assert.equal(new Set(found).size, found.length);
  });

  it('is smaller than the JSON', () => {
    const compact = compactModule(shipped);
    assert.ok(compact.constants.length + compact.table.length < JSON.stringify(shipped).length);
  });

  it('writes strings with quotes, newlines and non-ASCII letters as they are', () => {
    const data = { a: ['x "y"\n', 'é—ü', 'x "y"\n', 'é—ü', 'x "y"\n', 'é—ü'], b: [['alpha beta gamma', 'delta epsilon'], ['alpha beta gamma', 'delta epsilon'], ['alpha beta gamma', 'delta epsilon']], c: 'x "y"\n', d: [1, true, null] };
    const compact = compactModule(data);
    assert.match(compact.table, /\[\.\.\.c\d+\]/);
    const embedded = evaluate(compact) as typeof data;
    assert.deepStrictEqual(embedded, data);
    assert.notEqual(embedded.b[0], embedded.b[1]);
  });
});
