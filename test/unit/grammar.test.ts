import * as assert from 'node:assert/strict';
import { rulesTable } from '../../src/core';
import { injectionGrammar } from '../../src/generate/grammar';

interface Rule {
  match: string;
  name: string;
}

const repository = (injectionGrammar(rulesTable()) as { repository: Record<string, Rule> }).repository;

/** What the rule scopes in a line, as TextMate would scan it: left to right, the line visible to lookbehinds. */
function scoped(ruleName: string, line: string): string[] {
  return [...line.matchAll(new RegExp(repository[ruleName].match, 'g'))].map((found) => found[0]);
}

describe('injection grammar', () => {
  it('compiles every pattern as a JavaScript regular expression', () => {
    for (const [name, rule] of Object.entries(repository)) assert.doesNotThrow(() => new RegExp(rule.match), name);
  });

  // VS Code runs these through Oniguruma: inline flags and lookbehinds with quantifiers would mean something else there, or fail.
  it('uses only syntax Oniguruma and JavaScript agree on', () => {
    for (const [name, rule] of Object.entries(repository)) {
      assert.doesNotMatch(rule.match, /\(\?[imx]/, `${name} uses an inline flag`);
      for (const lookbehind of rule.match.matchAll(/\(\?<[=!]((?:\\.|[^()\\])*)\)/g)) {
        assert.doesNotMatch(lookbehind[1].replace(/\\./g, ''), /[*+?{]/, `${name} has a lookbehind of varying length`);
      }
    }
  });

  it('scopes role names in any case, longest first, with spaces, "-" or "_" between words', () => {
    assert.deepEqual(scoped('role-name', 'The Product Owners and product management agree.'), ['Product Owners', 'product management']);
    assert.deepEqual(scoped('role-name', 'RELEASE-TRAIN-ENGINEER, release_train_engineer'), ['RELEASE-TRAIN-ENGINEER', 'release_train_engineer']);
    assert.deepEqual(scoped('role-name', 'System Architect/Engineering'), ['System Architect/Engineering']);
  });

  it('leaves words that merely contain a role name, and everyday words like "team", alone', () => {
    assert.deepEqual(scoped('role-name', 'Product Ownership of the team'), []);
  });

  it('scopes abbreviations only as written', () => {
    assert.deepEqual(scoped('role-abbreviation', 'accepted-by: PO, RTE and SM/TC'), ['PO', 'RTE', 'SM']);
    assert.deepEqual(scoped('role-abbreviation', 'po POST PoC'), []);
  });

  it('scopes role field keys at the start of a line, in every field form', () => {
    const keyIn = (line: string) => [...scoped('field-key', line), ...scoped('table-field-key', line)];
    assert.deepEqual(keyIn('accepted-by: PO'), ['accepted-by']);
    assert.deepEqual(keyIn('**Accepted by:** Product Management'), ['Accepted by']);
    assert.deepEqual(keyIn('**Owner**: Alice'), ['Owner']);
    assert.deepEqual(keyIn('- prioritised_by: PO'), ['prioritised_by']);
    assert.deepEqual(keyIn('> **Approved by:** LPM'), ['Approved by']);
    assert.deepEqual(keyIn('| Accepted by | PM |'), ['Accepted by']);
    // Markdown's table rule hands each cell over on its own: the text seen ends after the cell.
    assert.deepEqual(keyIn('| Accepted by'), ['Accepted by']);
  });

  it('does not scope a field key in the middle of a sentence or without a colon', () => {
    assert.deepEqual(scoped('field-key', 'Note to the owner: call back'), []);
    assert.deepEqual(scoped('field-key', 'owner of the backlog'), []);
    assert.deepEqual(scoped('field-key', 'ownership: shared'), []);
    assert.deepEqual(scoped('table-field-key', '| Owner of the backlog | PM |'), []);
  });
});
