import * as assert from 'node:assert/strict';
import { cardForTerm } from '../../src/core/hover/cards';
import { hoverAt } from '../../src/core/hover/hover';
import { lintMarkdown } from '../../src/core';

/**
 * Every responsibility ../shared/DOMAIN.md gives the two roles in "Responsibilities stated by
 * the role articles", each by words its card line must contain (the card says it in its own words).
 */
const RESPONSIBILITIES: Record<string, [string, RegExp][]> = {
  'Product Manager': [
    ["sets the ART's vision", /vision/],
    ['maintains its roadmap', /roadmap/],
    ['content authority over features and their acceptance criteria', /content authority over features and their acceptance criteria/],
    ['works with the System Architect and POs on enabler features', /System Architect and Product Owners on enabler features/],
    ['orders the ART backlog, enablers included', /orders the ART backlog[^\n]*enablers included/],
    ['takes part in PI Planning, System Demos and Inspect & Adapt', /PI Planning, System Demos and Inspect & Adapt/],
    ['accepts features as complete', /accepts features as complete/],
    ["manages business owners' and stakeholders' expectations", /expect[^\n]*Business Owners|Business Owners[^\n]*expect/],
    ['works with Solution Management in a solution train', /Solution Management when the ART is part of a Solution Train/],
    ['may say "no" to stakeholders', /stakeholders "no"/],
  ],
  'Product Owner': [
    ["keeps stories in line with the team's PI objectives, features and vision", /stories in line with its PI objectives, the ART's features and the vision/],
    ['content authority over stories and their acceptance criteria', /content authority over stories and their acceptance criteria/],
    ['helps the team break features into stories', /split features into stories/],
    ['works with team and System Architect on enabler stories', /team and the System Architect on enabler stories/],
    ['orders the team backlog', /orders the team backlog/],
    ['takes part in iteration planning, review and retrospective', /iteration planning, review and retrospective/],
    ['accepts stories as complete', /accepts stories as complete/],
    ["is available to answer the team's questions and negotiate options", /answer the team's questions and to negotiate options/],
    ["represents customers' needs to the team", /customers' needs inside the team/],
    ['agrees iteration goals with the team and uses them with stakeholders and management', /iteration goals with the team, and uses them when talking to stakeholders and management/],
    ['works with the Product Manager and the other Product Owners of the ART', /Product Manager and the ART's other Product Owners/],
  ],
};

describe('role cards', () => {
  for (const [term, responsibilities] of Object.entries(RESPONSIBILITIES)) {
    describe(term, () => {
      const responsibilityLines = () => {
        const markdown = cardForTerm(term)!.markdown;
        return /\*\*Responsibilities\*\*\n((?:- [^\n]*\n?)+)/.exec(markdown)?.[1] ?? '';
      };
      for (const [responsibility, words] of responsibilities) {
        it(`lists: ${responsibility}`, () => assert.match(responsibilityLines(), words));
      }
    });
  }

  it('the Sources line names each source once, with its articles', () => {
    const markdown = cardForTerm('Product Owner')!.markdown;
    const sources = /_Sources: ([^\n]*)\._$/.exec(markdown)?.[1];
    assert.equal(
      sources,
      'SAFe 6 articles on scaledagileframework.com: Product Owner, Team Backlog; SAFe 3/4/5 articles and reference guide, not contradicted by SAFe 6; articles comparing the SAFe Product Manager and Product Owner roles',
    );
    for (const term of ['Product Management', 'Product Owner', 'Release Train Engineer', 'Epic Owner', 'Lean Portfolio Management', 'Feature', 'wrong-role']) {
      const line = /_Sources: ([^\n]*)\._$/.exec(cardForTerm(term)!.markdown)![1];
      const names = line.split('; ').map((part) => part.split(':')[0]);
      assert.deepEqual(names, [...new Set(names)], `${term}: ${line}`);
    }
  });

  it('the role word of a prose-role finding has its role card', () => {
    const text = '---\ntype: feature\n---\n# Feature: Saved cards\n\nThe Scrum Master/Team Coach signs off this feature.\n';
    const [finding] = lintMarkdown(text, { fileName: 'saved-cards.md' }).findings.filter((f) => f.rule === 'prose-role');
    assert.ok(finding);
    const offset = text.indexOf('Team Coach signs');
    const hover = hoverAt(text, offset, { fileName: 'saved-cards.md' });
    assert.equal(hover?.card.title, 'Scrum Master/Team Coach');
    assert.deepEqual(hover?.range, finding.range);
  });

  it('an everyday word that is the doer of a prose-role finding ("the team") has its role card too', () => {
    const text = '---\ntype: feature\n---\n# Feature: Saved cards\n\nThe team accepts this feature at the System Demo.\n';
    const [finding] = lintMarkdown(text, { fileName: 'saved-cards.md' }).findings.filter((f) => f.rule === 'prose-role');
    assert.ok(finding);
    const hover = hoverAt(text, text.indexOf('team accepts') + 1, { fileName: 'saved-cards.md' });
    assert.equal(hover?.card.title, 'Agile Team');
    assert.deepEqual(hover?.range, finding.range);
    assert.equal(hoverAt(text, text.indexOf('System Demo') + 1, { fileName: 'saved-cards.md' }), undefined);
  });
});
