import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { effectiveTable, layerConfigs, lintConfigText, lintMarkdown, rulesTable } from '../../src/core';
import type { ArtifactsConfig } from '../../src/core';
import { completeConfigAt } from '../../src/core/complete/configCompletion';
import { cardForTerm } from '../../src/core/hover/cards';
import { hoverConfigAt } from '../../src/core/hover/configCards';
import { hoverAt } from '../../src/core/hover/hover';
import { FIXTURES } from './fixtureExpectations';
import { CO_ACCEPT, FEATURE } from './processSamples';

const configOf = (text: string): ArtifactsConfig => lintConfigText(text).config;
const tableOf = (text: string) => effectiveTable(rulesTable(), configOf(text));
const artifact = (text: string, id: string) => tableOf(text).artifacts.find((entry) => entry.id === id)!;


describe('your process: the config adapts the rules table', () => {
  describe('the effective table', () => {
    it('is the embedded table itself when the config adapts nothing, and one object per config', () => {
      assert.equal(tableOf('rules: { story-format: off }'), rulesTable());
      const config = configOf(CO_ACCEPT);
      assert.equal(effectiveTable(rulesTable(), config), effectiveTable(rulesTable(), config));
    });

    it('leaves the embedded table as it was', () => {
      const before = JSON.stringify(rulesTable());
      tableOf(fs.readFileSync(path.join(FIXTURES, 'config/process-bad-values.agile-artifacts.yaml'), 'utf8'));
      tableOf('profile: safe-5\nsections:\n  story: [benefit-hypothesis]\ntypes:\n  ignore: [chore]\n');
      assert.equal(JSON.stringify(rulesTable()), before);
    });

    it('allow replaces the roles of the actions it names, and only those', () => {
      const feature = artifact(CO_ACCEPT, 'feature');
      const safe = rulesTable().artifacts.find((entry) => entry.id === 'feature')!;
      assert.deepEqual(feature.allowed.accept, ['product-management', 'business-owners']);
      assert.deepEqual(feature.allowed.own, safe.allowed.own);
      assert.deepEqual([...tableOf(CO_ACCEPT).teamProcess!.allowed], ['feature/accept']);
    });

    it('restating SAFe\'s own roles is not a team rule', () => {
      assert.deepEqual([...tableOf('allow:\n  feature: { accept: [product-management] }\n').teamProcess!.allowed], []);
    });

    it('sections replace the required sections: table ids, and sections of your own', () => {
      const feature = artifact('sections:\n  feature: [acceptance-criteria, { name: NFRs, aliases: [Nonfunctional Requirements] }]\n', 'feature');
      assert.deepEqual(feature.requiredSections.map((section) => [section.id, section.name, section.aliases]).slice(1), [['nfrs', 'NFRs', ['Nonfunctional Requirements']]]);
      assert.equal(feature.requiredSections[0].id, 'acceptance-criteria');
      assert.match(feature.requiredSections[1].reason, /your process \(\.agile-artifacts\.yaml\) asks for it on features/);
    });

    it('idPrefixes add prefixes in upper case, one letter too; fields add normalised keys; types add names and ignored kinds', () => {
      const table = tableOf('idPrefixes:\n  story: [ptg, S]\nfields:\n  accept: [Signed Off By]\ntypes:\n  story: [Backlog Item]\n  ignore: [spike, chore]\n');
      const story = table.artifacts.find((entry) => entry.id === 'story')!;
      assert.deepEqual(story.idPrefixes.slice(-2), ['PTG', 'S']);
      assert.deepEqual(story.typeNames.slice(-1), ['backlog item']);
      assert.deepEqual(table.actions.find((action) => action.id === 'accept')!.fields.slice(-1), ['signed-off-by']);
      assert.deepEqual(table.otherTypes.slice(-2), ['spike', 'chore']);
      assert.ok(!table.workItemTypes.includes('chore'));
      assert.ok(!table.typeHints.some((hint) => hint.type === 'spike'));
    });

    it('the good entries beside bad ones still apply', () => {
      const table = tableOf(fs.readFileSync(path.join(FIXTURES, 'config/process-bad-values.agile-artifacts.yaml'), 'utf8'));
      const byId = (id: string) => table.artifacts.find((entry) => entry.id === id)!;
      assert.deepEqual(byId('feature').allowed.accept, ['product-management', 'business-owners']);
      assert.deepEqual(byId('feature').requiredSections.map((section) => section.id), ['acceptance-criteria']);
      assert.deepEqual(byId('story').idPrefixes.slice(-1), ['PTG']);
      assert.ok(table.actions.find((action) => action.id === 'accept')!.fields.includes('signed-off-by'));
      assert.ok(byId('story').typeNames.includes('backlog item'));
      assert.deepEqual(table.otherTypes.slice(-1), ['spike']);
      assert.equal(table.teamProcess!.profile.id, 'safe-6');
    });
  });

  describe('profiles', () => {
    it('safe-6 is the default: every renaming applies and the cards say ART backlog', () => {
      assert.equal(tableOf('profile: safe-6\n').renamings.length, rulesTable().renamings.length);
      assert.match(cardForTerm('Product Management')!.markdown, /orders the ART backlog/);
    });

    it('safe-5: SAFe 5 names are no outdated terms, and the cards speak of the Program Backlog', () => {
      const table = tableOf('profile: safe-5\n');
      assert.deepEqual(table.renamings, []);
      const text = FEATURE('Product Management').replace('## Benefit', 'Planned for Program Increment 3 with our Scrum Master.\n\n## Benefit');
      assert.deepEqual(lintMarkdown(text, { fileName: 'x.feature.md', config: configOf('profile: safe-5\n') }).findings.map((f) => f.rule), []);
      assert.deepEqual(lintMarkdown(text, { fileName: 'x.feature.md' }).findings.map((f) => f.rule), ['outdated-term', 'outdated-term']);
      const card = cardForTerm('Product Management', table)!.markdown;
      assert.match(card, /orders the Program Backlog, enablers included/);
      assert.doesNotMatch(card, /ART backlog/);
      assert.match(cardForTerm('feature', table)!.markdown, /within one Program Increment/);
    });
  });

  describe('honest messages and cards', () => {
    it('a team rule clears what SAFe would flag', () => {
      const lint = (config?: ArtifactsConfig) => lintMarkdown(FEATURE('Business Owners'), { fileName: 'x.feature.md', config }).findings.map((f) => f.rule);
      assert.deepEqual(lint(), ['wrong-role']);
      assert.deepEqual(lint(configOf(CO_ACCEPT)), []);
    });

    it('where the team rule decides, the message says so and names SAFe\'s rule beside it', () => {
      const [finding] = lintMarkdown(FEATURE('PO'), { fileName: 'x.feature.md', config: configOf(CO_ACCEPT) }).findings;
      assert.equal(
        finding.message,
        'Product Owners do not accept features in your process (.agile-artifacts.yaml): Product Management or Business Owners accept features; SAFe gives this to Product Management.',
      );
    });

    it('where SAFe decides, the message is SAFe\'s', () => {
      const story = '---\ntype: story\naccepted-by: Product Management\n---\n# Story: x\n\nAs a clerk, I want x so that y.\n\n## Acceptance Criteria\n\n- ok\n';
      const [finding] = lintMarkdown(story, { fileName: 'x.story.md', config: configOf(CO_ACCEPT) }).findings;
      assert.doesNotMatch(finding.message, /your process/i);
    });

    it('role, field and artifact cards say "Your process" where it decides', () => {
      const table = tableOf(CO_ACCEPT);
      assert.match(cardForTerm('Business Owners', table)!.markdown, /Your process \(\.agile-artifacts\.yaml\) lets Business Owners accept features; SAFe gives this to Product Management\./);
      assert.match(cardForTerm('accepted-by', table)!.markdown, /- Feature: Product Management or Business Owners — your process \(\.agile-artifacts\.yaml\); SAFe: Product Management/);
      assert.match(cardForTerm('feature', table)!.markdown, /- accept: Product Management or Business Owners — your process/);
      const removed = tableOf('allow:\n  feature: { accept: [business-owners] }\n');
      assert.match(cardForTerm('Product Management', removed)!.markdown, /Your process \(\.agile-artifacts\.yaml\) does not let Product Management accept features: it lets Business Owners; SAFe does\./);
      assert.doesNotMatch(cardForTerm('Business Owners')!.markdown, /Your process/);
    });

    it('the hover in a feature shows the card of the rule in force', () => {
      const text = FEATURE('Business Owners');
      const hover = hoverAt(text, text.indexOf('Business Owners') + 2, { fileName: 'x.feature.md', config: configOf(CO_ACCEPT) });
      assert.match(hover!.card.markdown, /Your process \(\.agile-artifacts\.yaml\) lets Business Owners accept features/);
    });
  });

  describe('layered config files', () => {
    const farther = configOf(`rules: { story-format: off, outdated-term: error }
roles: { product-owner: [Team PO] }
people:
  Alice Chen: { roles: [product-management] }
  Bob Stone: { roles: [product-owner] }
profile: safe-5
allow:
  feature: { accept: [product-management, business-owners] }
  story: { estimate: [agile-team, product-owner] }
sections:
  feature: [acceptance-criteria]
types:
  ignore: [spike]
`);
    const nearer = configOf(`rules: { outdated-term: off }
people:
  Bob Stone: { roles: [product-owner, agile-team] }
allow:
  feature: { accept: [product-owner] }
types:
  story: [backlog item]
`);
    const layered = layerConfigs([{ file: 'root/.agile-artifacts.yaml', config: farther }, { file: 'root/sub/.agile-artifacts.yaml', config: nearer }]);

    it('a nearer file overrides a farther one key by key; what it leaves out still applies', () => {
      assert.deepEqual(layered.rules, { 'story-format': 'off', 'outdated-term': 'off' });
      assert.deepEqual(layered.aliases, { 'product-owner': ['Team PO'] });
      assert.deepEqual(layered.teamProcess, {
        profile: 'safe-5',
        allow: { feature: { accept: ['product-owner'] }, story: { estimate: ['agile-team', 'product-owner'] } },
        sections: { feature: [{ id: 'acceptance-criteria' }] },
        types: { story: ['backlog item'] },
        ignoreTypes: ['spike'],
      });
    });

    it('people are replaced by name, and each remembers its file', () => {
      assert.deepEqual(layered.people.map((person) => [person.name, person.roles, person.configFile]), [
        ['Alice Chen', ['product-management'], 'root/.agile-artifacts.yaml'],
        ['Bob Stone', ['product-owner', 'agile-team'], 'root/sub/.agile-artifacts.yaml'],
      ]);
    });

    it('one file is that file\'s config', () => {
      const single = layerConfigs([{ file: 'a/.agile-artifacts.yaml', config: nearer }]);
      assert.deepEqual(single.teamProcess, nearer.teamProcess);
      assert.deepEqual(single.rules, nearer.rules);
    });
  });

  describe('bad configs are config-errors, never a crash', () => {
    const errors = (text: string) => lintConfigText(text).findings.filter((f) => f.rule === 'config-error').map((f) => `${f.range.start.line + 1}: ${f.message}`);

    it('a wrong type for each key, at its position', () => {
      const found = errors('profile: [safe-5]\nallow: [feature]\nsections: 3\nidPrefixes: yes\nfields: accept\ntypes: story\n');
      assert.equal(found.length, 6, found.join('\n'));
      found.forEach((line, i) => assert.ok(line.startsWith(`${i + 1}: `), line));
      assert.match(found[0], /profile: expected a profile name; known: safe-5, safe-6/);
    });

    it('a role that does not exist, with a did-you-mean', () => {
      assert.deepEqual(errors('allow:\n  feature: { accept: [buisness-owners] }\n'), [
        '2: Invalid .agile-artifacts.yaml: allow.feature.accept: "buisness-owners" is not a SAFe role; did you mean business-owners?; this entry is ignored, the rest of the file applies.',
      ]);
    });

    it('a huge config is refused as a whole, and a large one is read and applied', () => {
      assert.match(errors(`allow:\n${'  feature: { accept: [product-owner] }\n'.repeat(20000)}`)[0], /larger than 512 KB/);
      const many = `idPrefixes:\n  story: [${Array.from({ length: 5000 }, (_, i) => `P${i}`).join(', ')}]\n`;
      assert.deepEqual(errors(many), []);
      assert.equal(artifact(many, 'story').idPrefixes.length, rulesTable().artifacts.find((entry) => entry.id === 'story')!.idPrefixes.length + 5000);
    });

    it('a YAML alias bomb is never expanded', () => {
      const levels = Array.from({ length: 12 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`);
      const bomb = `x: &l0 [product-owner]\n${levels.join('\n')}\nallow:\n  feature: { accept: *l12 }\n`;
      const started = Date.now();
      const found = errors(bomb);
      assert.ok(Date.now() - started < 2000);
      assert.ok(found.some((line) => line.startsWith('15: ') && /allow\.feature\.accept/.test(line)), found.join('\n'));
      assert.equal(configOf(bomb).teamProcess, undefined);
    });
  });

  describe('in the config file', () => {
    const labels = (text: string, offset = text.length) => completeConfigAt(text, offset)?.items.map((item) => item.label);

    it('completes top-level keys, profiles, artifact types, actions, role ids and section ids', () => {
      assert.deepEqual(labels(''), ['rules', 'roles', 'people', 'profile', 'allow', 'sections', 'idPrefixes', 'fields', 'types']);
      assert.deepEqual(labels('profile: '), ['safe-5', 'safe-6']);
      assert.deepEqual(labels('allow:\n  fe'), rulesTable().artifacts.map((entry) => entry.id));
      assert.deepEqual(labels('allow:\n  feature:\n    ac'), rulesTable().actions.map((action) => action.id));
      assert.deepEqual(labels('allow:\n  feature: { '), rulesTable().actions.map((action) => action.id));
      assert.ok(labels('allow:\n  feature: { accept: [product-management, bu')!.includes('business-owners'));
      assert.ok(labels('allow:\n  feature:\n    accept:\n      - ')!.includes('business-owners'));
      assert.ok(labels('allow:\n  feature:\n    accept:\n    - ')!.includes('business-owners'));
      assert.ok(labels('sections:\n  feature: [acceptance-criteria, ')!.includes('benefit-hypothesis'));
      assert.ok(labels('types:\n  ')!.includes('ignore'));
      assert.deepEqual(labels('fields:\n  '), rulesTable().actions.map((action) => action.id));
      assert.ok(labels('people:\n  Alice: { roles: [')!.includes('product-owner'));
      assert.equal(labels('people:\n  Al'), undefined);
      const partial = completeConfigAt('allow:\n  feature: { accept: [bu', 31)!;
      assert.equal(partial.replaceEnd - partial.replaceStart, 2);
    });

    it('hovers on keys, role ids, profiles, artifact types, actions and section ids', () => {
      const text = 'profile: safe-5\nallow:\n  feature: { accept: [business-owners] }\nsections:\n  story: [benefit-hypothesis]\n';
      const on = (word: string) => hoverConfigAt(text, text.indexOf(word) + 1)?.card;
      assert.match(on('allow')!.markdown, /Who may do what/);
      assert.match(on('safe-5')!.markdown, /SAFe 5 names are correct here/);
      assert.equal(on('business-owners')!.title, 'Business Owners');
      assert.equal(on('feature')!.kind, 'artifact');
      assert.equal(on('accept')!.kind, 'field');
      assert.match(on('benefit-hypothesis')!.markdown, /section “Benefit Hypothesis”/);
    });
  });
});
