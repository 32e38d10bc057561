import * as assert from 'node:assert/strict';
import { formatMessage, joinWith, placeholderNames, pluralOf } from '../../src/core/rules/messages';
import { lintMarkdown } from '../../src/core';
import rawTable from '../../src/core/rules/table.yaml';
import type { RulesTable } from '../../src/core/rules/types';
import { RULE_MESSAGES, validateRulesTable } from '../../src/core/rules/validate';

type Raw = Record<string, any>;

/** A deep copy of the shipped table, to break in one place. */
function copy(): Raw {
  return structuredClone(rawTable) as Raw;
}

/** The problems the validator reports for a table, one per line. */
function problemsOf(raw: unknown): string[] {
  try {
    validateRulesTable(raw);
  } catch (error) {
    return (error as Error).message.split('\n').slice(1).map((line) => line.trim());
  }
  return [];
}

function assertProblem(raw: unknown, expected: RegExp): void {
  const problems = problemsOf(raw);
  assert.ok(problems.some((problem) => expected.test(problem)), `expected a problem matching ${expected}, got:\n${problems.join('\n')}`);
}

describe('rules table', () => {
  let table: RulesTable;
  before(() => {
    table = validateRulesTable(rawTable);
  });

  describe('shipped table', () => {
    it('validates', () => {
      assert.deepEqual(problemsOf(rawTable), []);
    });

    it('has every rule of SPEC §3 with its default severity', () => {
      const severities = Object.fromEntries(table.rules.map((rule) => [rule.id, rule.severity]));
      assert.deepEqual(severities, {
        'wrong-role': 'warning',
        'unknown-role': 'warning',
        'missing-section': 'warning',
        'story-format': 'information',
        'enabler-type': 'warning',
        'role-separation': 'warning',
        'outdated-term': 'hint',
        'frontmatter-syntax': 'error',
        'unknown-type': 'warning',
        'config-error': 'error',
        'prose-role': 'information',
        'unknown-parent': 'warning',
        'parent-type': 'information',
        'duplicate-id': 'warning',
      });
    });

    it('has the field keys of SPEC §2', () => {
      const fields = Object.fromEntries(table.actions.map((action) => [action.id, action.fields]));
      assert.deepEqual(fields, {
        accept: ['accepted-by', 'acceptor', 'accepted'],
        own: ['owner', 'content-owner', 'content-authority'],
        prioritize: ['prioritized-by', 'prioritised-by', 'ordered-by'],
        approve: ['approved-by', 'approver'],
        estimate: ['estimated-by', 'sized-by'],
        define: ['defined-by'],
      });
    });

    it('knows the type names of SPEC §1', () => {
      const byTypeName = (name: string) => table.artifacts.find((artifact) => artifact.typeNames.includes(name.toLowerCase()))?.id;
      assert.equal(byTypeName('user story'), 'story');
      assert.equal(byTypeName('user-story'), 'story');
      assert.equal(byTypeName('Enabler Feature'), 'enabler-feature');
      assert.equal(byTypeName('enabler-capability'), 'enabler-capability');
      assert.equal(byTypeName('enabler'), 'enabler');
      const enabler = table.artifacts.find((artifact) => artifact.id === 'enabler');
      assert.ok(enabler && enabler.enabler && enabler.base === undefined && !enabler.requiredSections.length);
      assert.deepEqual(enabler.allowed, {});
    });

    it('expects a user-voice statement on stories only', () => {
      assert.deepEqual(table.artifacts.filter((artifact) => artifact.userVoice).map((artifact) => artifact.id), ['story']);
    });

    it('gives feature acceptance to Product Management and story acceptance to the Product Owner', () => {
      const allowed = (artifactId: string, actionId: string) => table.artifacts.find((artifact) => artifact.id === artifactId)?.allowed[actionId];
      assert.deepEqual(allowed('feature', 'accept'), ['product-management']);
      assert.deepEqual(allowed('enabler-feature', 'accept'), ['product-management']);
      assert.deepEqual(allowed('story', 'accept'), ['product-owner']);
      assert.deepEqual(allowed('epic', 'approve'), ['lean-portfolio-management']);
    });

    it('lists the SAFe 6 renamings, Scrum Master included', () => {
      const renamed = Object.fromEntries(table.renamings.map((renaming) => [renaming.old, renaming.new]));
      assert.equal(renamed['Program Increment'], 'Planning Interval');
      assert.equal(renamed['Scrum Master'], 'Scrum Master/Team Coach');
    });
  });

  describe('validator', () => {
    it('reports profiles that do not exist and wording that rewrites nothing', () => {
      const raw = copy();
      raw.defaultProfile = 'safe-7';
      raw.renamings[0].since = 'safe-4';
      raw.profiles['safe-5'].wording.push({ from: 'the Program Backlog of old', to: 'x' });
      assertProblem(raw, /^defaultProfile: unknown profile "safe-7" \(known: safe-5, safe-6\)$/);
      assertProblem(raw, /^renamings\[0\]\.since: unknown profile "safe-4"/);
      assertProblem(raw, /^profiles\.safe-5\.wording\[\d+\]\.from: "the Program Backlog of old" appears in no text of the table$/);
    });

    it('reports a name shared by two roles', () => {
      const raw = copy();
      raw.roles['agile-team'].aliases.push('product owner');
      assertProblem(raw, /^roles\.agile-team\.aliases: "product owner" already names roles\.product-owner$/);
    });

    it('reports an abbreviation shared by a role and a non-SAFe title', () => {
      const raw = copy();
      raw.nonSafeTitles[0].abbreviations.push('PO');
      assertProblem(raw, /^nonSafeTitles\[0\]\.abbreviations: "PO" already names roles\.product-owner$/);
    });

    it('reports an unknown role in an allowed list', () => {
      const raw = copy();
      raw.artifacts.feature.allowed.accept = ['product-manager'];
      assertProblem(raw, /^artifacts\.feature\.allowed\.accept: unknown role "product-manager"$/);
    });

    it('reports separated roles the table does not have, and enabler kind fields that are not normalized keys', () => {
      const raw = copy();
      raw.separatedRoles = ['product-management', 'product-manager'];
      raw.enablerKindFields = ['enabler', 'Enabler Type'];
      assertProblem(raw, /^separatedRoles: unknown role "product-manager"$/);
      assertProblem(raw, /^enablerKindFields: "Enabler Type" must be a normalized key/);
    });

    it('reports a bad severity', () => {
      const raw = copy();
      raw.rules['wrong-role'].severity = 'warn';
      assertProblem(raw, /^rules\.wrong-role\.severity: "warn" is not one of/);
    });

    it('reports a missing rule', () => {
      const raw = copy();
      delete raw.rules['story-format'];
      assertProblem(raw, /^rules: missing rule "story-format"$/);
    });

    it('reports a placeholder the check does not fill in', () => {
      const raw = copy();
      raw.rules['outdated-term'].messages.renamed = '{old} is now {newName}.';
      assertProblem(raw, /^rules\.outdated-term\.messages\.renamed: unknown placeholder \{newName\}/);
    });

    it('reports a wrong type, a missing field and an unknown field with their paths', () => {
      const raw = copy();
      raw.roles['product-owner'].aliases = 'PO';
      delete raw.roles['product-owner'].focus;
      raw.roles['product-owner'].alias = ['Team PO'];
      assertProblem(raw, /^roles\.product-owner\.aliases: expected a list of non-empty strings$/);
      assertProblem(raw, /^roles\.product-owner\.focus: missing$/);
      assertProblem(raw, /^roles\.product-owner\.alias: unknown field/);
    });

    it('reports a base that is an enabler, an unknown source and a reason without roles', () => {
      const raw = copy();
      raw.artifacts['enabler-story'].base = 'enabler-feature';
      raw.roles['product-owner'].sources.push('S7 Product Owner');
      raw.artifacts.story.reasons.approve = 'nobody approves stories';
      assertProblem(raw, /^artifacts\.enabler-story\.base: "enabler-feature" is itself an enabler$/);
      assertProblem(raw, /^roles\.product-owner\.sources: unknown source "S7"/);
      assertProblem(raw, /^artifacts\.story\.reasons\.approve: no allowed roles for "approve"$/);
    });

    it('lists all problems in one error', () => {
      const raw = copy();
      raw.rules['wrong-role'].severity = 'loud';
      raw.artifacts.feature.allowed.accept = ['nobody'];
      delete raw.rules['config-error'];
      assert.ok(problemsOf(raw).length >= 3);
    });

    it('rejects something that is not a table', () => {
      assertProblem(null, /^\(table\): expected a mapping$/);
    });
  });

  describe('messages', () => {
    it('fills in placeholders and leaves unknown ones', () => {
      assert.equal(formatMessage('{a} and {b}', { a: 'x' }), 'x and {b}');
      assert.equal(formatMessage('{a}', { a: '{b}', b: 'y' }), '{b}');
    });

    it('drops the space before an empty value', () => {
      assert.equal(formatMessage('Wrong. {suggestion}', { suggestion: '' }), 'Wrong.');
    });

    it('lists placeholder names', () => {
      assert.deepEqual(placeholderNames('{a} {b} {a} <c>'), ['a', 'b']);
    });

    it('joins items as prose', () => {
      assert.equal(joinWith([], 'or'), '');
      assert.equal(joinWith(['A'], 'or'), 'A');
      assert.equal(joinWith(['A', 'B'], 'or'), 'A or B');
      assert.equal(joinWith(['A', 'B', 'C'], 'and'), 'A, B and C');
    });

    it('makes plurals of new names, each part of a slash name', () => {
      assert.equal(pluralOf('Scrum Master/Team Coach'), 'Scrum Masters/Team Coaches');
      assert.equal(pluralOf('ART Planning Board'), 'ART Planning Boards');
      assert.equal(pluralOf('Planning Interval'), 'Planning Intervals');
      assert.equal(pluralOf('Solution Train Backlog'), 'Solution Train Backlogs');
      assert.equal(pluralOf('Capability'), 'Capabilities');
    });

    it('offers a plural old term its plural new name', () => {
      const { findings } = lintMarkdown('# Feature: x\n\nThe Scrum Masters meet on the Program Boards.\n', { fileName: 'x.feature.md' });
      const fixes = findings.filter((f) => f.rule === 'outdated-term').map((f) => f.fixes?.[0]?.title);
      assert.deepEqual(fixes, ['Replace "Scrum Masters" with "Scrum Masters/Team Coaches"', 'Replace "Program Boards" with "ART Planning Boards"']);
    });

    it('uses only the placeholders each check fills in', () => {
      for (const rule of table.rules) {
        for (const template of Object.values(rule.messages)) {
          for (const name of placeholderNames(template)) assert.ok(RULE_MESSAGES[rule.id].placeholders.includes(name), `${rule.id}: {${name}}`);
        }
      }
    });

    it('says who accepts features when a Product Owner is given one', () => {
      const role = (id: string) => table.roles.find((candidate) => candidate.id === id)!;
      const action = table.actions.find((candidate) => candidate.id === 'accept')!;
      const feature = table.artifacts.find((artifact) => artifact.id === 'feature')!;
      const actor = role('product-owner');
      const allowed = feature.allowed.accept.map(role);
      const actorIds = table.artifacts.filter((artifact) => artifact.allowed.accept?.includes(actor.id)).map((artifact) => artifact.id);
      const actorArtifacts = table.artifacts
        .filter((artifact) => actorIds.includes(artifact.id) && !(artifact.base && actorIds.includes(artifact.base)))
        .map((artifact) => artifact.plural);
      const message = formatMessage(table.rules.find((rule) => rule.id === 'wrong-role')!.messages.some, {
        actor: actor.plural,
        actorVerb: actor.collective ? action.verbs : action.verb,
        actorArtifacts: joinWith(actorArtifacts, 'and'),
        artifacts: feature.plural,
        allowed: joinWith(allowed.map((r) => r.plural), 'or'),
        allowedVerb: allowed.length === 1 && allowed[0].collective ? action.verbs : action.verb,
      });
      assert.equal(message, 'Product Owners accept stories, not features: Product Management accepts features.');
    });
  });
});
