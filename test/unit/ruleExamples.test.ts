import * as assert from 'node:assert/strict';
import { CONFIG_FILE_NAME, lintBacklog, lintConfigText, rulesTable } from '../../src/core';
import type { Finding } from '../../src/core';
import rawTable from '../../src/core/rules/table.yaml';
import type { RuleExamples } from '../../src/core/rules/types';
import { validateRulesTable } from '../../src/core/rules/validate';

/** Lints an example as the file it pretends to be: the config file, or a Markdown artifact that is a backlog of its own. */
function lintExample(examples: RuleExamples, text: string): Finding[] {
  if (examples.fileName === CONFIG_FILE_NAME) return lintConfigText(text).findings;
  return lintBacklog([{ file: examples.fileName, text }]).findings.get(examples.fileName) ?? [];
}

function describeFindings(findings: Finding[]): string {
  return findings.map((finding) => `  line ${finding.range.start.line + 1} ${finding.rule}: ${finding.message}`).join('\n') || '  (none)';
}

// The docs pages show these examples; linting them keeps the docs honest about what the linter does.
describe('rule examples in the rules table', () => {
  for (const rule of rulesTable().rules) {
    describe(rule.id, () => {
      // The unit tests' table is the whole one: validate.ts requires the examples (only the shipped bundles leave them out).
      const examples = rule.examples!;
      it('the wrong example gets this rule, and only this rule', () => {
        const findings = lintExample(examples, examples.wrong);
        assert.ok(findings.some((finding) => finding.rule === rule.id), `examples.wrong of ${rule.id} got no ${rule.id} finding; it got:\n${describeFindings(findings)}`);
        const others = findings.filter((finding) => finding.rule !== rule.id);
        assert.equal(others.length, 0, `examples.wrong of ${rule.id} also got:\n${describeFindings(others)}`);
      });

      it('the right example gets no finding at all', () => {
        const findings = lintExample(examples, examples.right);
        assert.equal(findings.length, 0, `examples.right of ${rule.id} got:\n${describeFindings(findings)}`);
      });
    });
  }
});

describe('rules table validator: examples', () => {
  /** The problems reported for the shipped table after `change`. */
  function problemsAfter(change: (rules: Record<string, any>) => void): string {
    const raw = structuredClone(rawTable) as { rules: Record<string, any> };
    change(raw.rules);
    try {
      validateRulesTable(raw);
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  }

  it('requires examples on every rule', () => {
    assert.match(problemsAfter((rules) => delete rules['story-format'].examples), /rules\.story-format\.examples: expected a mapping/);
  });

  it('requires fileName, wrong and right, and nothing else', () => {
    assert.match(problemsAfter((rules) => delete rules['wrong-role'].examples.right), /rules\.wrong-role\.examples\.right: missing/);
    assert.match(problemsAfter((rules) => (rules['wrong-role'].examples.fixed = 'x')), /rules\.wrong-role\.examples\.fixed: unknown field/);
  });

  it('wants a Markdown file name or the config file', () => {
    assert.match(problemsAfter((rules) => (rules['wrong-role'].examples.fileName = 'backlog/a.txt')), /examples\.fileName: "backlog\/a\.txt" must be a file name/);
  });

  it('refuses a right example that is the wrong one', () => {
    assert.match(problemsAfter((rules) => (rules['wrong-role'].examples.right = rules['wrong-role'].examples.wrong)), /examples: wrong and right are the same/);
  });
});
