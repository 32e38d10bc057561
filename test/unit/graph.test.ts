import * as assert from 'node:assert/strict';
import { BacklogGraph, lintConfigText, lintMarkdown, recordAs, rulesTable } from '../../src/core';
import { findingsIn, findingsOf, graphOf, itemIn, parentOf, record, typed } from './graphFixtures';

// The backlog graph (SPEC §7) on small workspaces of inline Markdown: each file
// is indexed with indexText, as the editor indexes the files it has not opened.

const FEATURE = typed('feature', 'Feature: Fix CI', 'id: FT-1');
const FEAT_1 = typed('feature', 'Feature: Fix CI', 'id: FEAT-1');

describe('backlog graph: parent fields (SPEC §7, 1)', () => {
  const story = (parent: string) => typed('story', 'Story: Save a card', `parent: ${parent}`);
  const cases: [string, Record<string, string>, string][] = [
    ['an id', { 'w/features/ft-1.md': FEATURE, 'w/stories/s.story.md': story('FT-1') }, 'w/features/ft-1.md#0 by field'],
    ['an id in another case and separator', { 'w/features/ft-1.md': FEATURE, 'w/stories/s.story.md': story('ft 1') }, 'w/features/ft-1.md#0 by field'],
    ['an id followed by its title', { 'w/features/f.md': FEAT_1, 'w/stories/s.story.md': story('"FEAT-1: Fix CI"') }, 'w/features/f.md#0 by field'],
    ['a relative Markdown link', { 'w/features/ft-1.md': FEATURE, 'w/stories/s.story.md': story('"[FT-1](../features/ft-1.md)"') }, 'w/features/ft-1.md#0 by field'],
    ['a link with an #anchor and any label', { 'w/features/ft-1.md': FEATURE, 'w/stories/s.story.md': story('"[the CI feature](../features/ft-1.md#acceptance-criteria)"') }, 'w/features/ft-1.md#0 by field'],
    ['a link written ./ in the same folder', { 'w/ft-1.md': FEATURE, 'w/s.story.md': story('"[FT-1](./ft-1.md)"') }, 'w/ft-1.md#0 by field'],
    ['the exact title, case and spacing aside', { 'w/features/ft-1.md': FEATURE, 'w/stories/s.story.md': story('"  fix   CI "') }, 'w/features/ft-1.md#0 by field'],
    ['`Feature: <title>`', { 'w/features/ft-1.md': FEATURE, 'w/stories/s.story.md': story('"Feature: Fix CI"') }, 'w/features/ft-1.md#0 by field'],
    ['a project key that an item has', { 'w/f.md': typed('feature', 'Feature: Cards', 'id: PTG-132'), 'w/s.story.md': story('PTG-132') }, 'w/f.md#0 by field'],
  ];
  for (const [name, files, expected] of cases) {
    it(`${name} names the parent`, () => {
      const graph = graphOf(files);
      const child = Object.keys(files).find((file) => file.endsWith('.story.md'))!;
      assert.equal(parentOf(graph, child), expected);
      assert.deepEqual(findingsOf(graph), []);
    });
  }

  it('a body field (`**Parent:**`, `Feature:`) names the parent as front matter does', () => {
    const graph = graphOf({
      'w/ft-1.md': FEATURE,
      'w/a.story.md': '# Story: A\n\n**Parent:** FT-1\n',
      'w/b.story.md': '# Story: B\n\nFeature: Fix CI\n',
    });
    assert.equal(parentOf(graph, 'w/a.story.md'), 'w/ft-1.md#0 by field');
    assert.equal(parentOf(graph, 'w/b.story.md'), 'w/ft-1.md#0 by field');
  });

  it('a free description matches nothing and is not reported, even where parents are named by title', () => {
    const graph = graphOf({
      'w/ft-1.md': FEATURE,
      'w/by-title.story.md': story('Fix CI'),
      'w/free.story.md': story('OAuth Routes Integration Technical Enabler'),
    });
    assert.equal(parentOf(graph, 'w/free.story.md'), '-');
    assert.equal(graph.parentLink(itemIn(graph, 'w/free.story.md')).missing?.kind, 'title');
    assert.deepEqual(findingsOf(graph), []);
  });

  describe('a parent described by the words of its title', () => {
    const READING = typed('feature', 'Feature: Markdown File Reading', 'id: FEAT-7');
    const OAUTH = '# Technical Enabler Implementation: OAuth Routes Integration\n\n**Type:** enabler\n';
    const cases: [string, Record<string, string>, string, string][] = [
      ['some of its words', { 'w/f.md': READING }, 'File Reading', 'w/f.md#0 by field'],
      ['some of its words after a type name', { 'w/f.md': READING }, '"Feature: File Reading"', 'w/f.md#0 by field'],
      ['its words in another order, with a type word', { 'w/en.md': OAUTH }, 'OAuth Routes Integration Technical Enabler', 'w/en.md#0 by field'],
      ['its title and a key of another tool in parentheses', { 'w/f.md': READING }, '"Markdown File Reading (LIN-46)"', 'w/f.md#0 by field'],
      ['one word only (too little to name one item)', { 'w/f.md': READING }, 'Reading', '-'],
      ['words two items share (which one?)', { 'w/f.md': READING, 'w/g.md': typed('feature', 'Feature: File Reading Cache', 'id: FEAT-8') }, 'File Reading', '-'],
      ['words of an item a story cannot have as parent (an epic)', { 'w/e.md': typed('epic', 'Epic: Markdown File Reading') }, 'File Reading', '-'],
      ['words of a title more than twice as long', { 'w/f.md': typed('feature', 'Feature: Fast Markdown File Reading For Large Vaults') }, 'File Reading', '-'],
      ['a word the title lacks', { 'w/f.md': READING }, 'File Writing', '-'],
    ];
    for (const [name, files, value, expected] of cases) {
      it(`${name}: ${expected === '-' ? 'no parent' : 'the parent'}, and no finding`, () => {
        const graph = graphOf({ ...files, 'w/s.story.md': typed('story', 'Story: Parse front matter', `parent: ${value}`) });
        assert.equal(parentOf(graph, 'w/s.story.md'), expected);
        assert.deepEqual(findingsOf(graph), []);
      });
    }

    it('the nearest of several items with one id (an overview row and the item\'s own file)', () => {
      const graph = graphOf({
        'w/BACKLOG.md': '# Backlog\n\n| Feature ID | Name | Status |\n|---|---|---|\n| FEAT-7 | Markdown File Reading | Planned |\n',
        'w/features/FEAT-7.md': READING,
        'w/features/s.story.md': typed('story', 'Story: Parse front matter', 'parent: File Reading'),
      });
      assert.equal(parentOf(graph, 'w/features/s.story.md'), 'w/features/FEAT-7.md#0 by field');
    });

    it('follows the titles as files come, change and go', () => {
      const graph = graphOf({ 'w/f.md': READING, 'w/s.story.md': typed('story', 'Story: Parse front matter', 'parent: File Reading') });
      assert.equal(parentOf(graph, 'w/s.story.md'), 'w/f.md#0 by field');
      // A second title with the words: no longer one item.
      assert.ok(graph.update(record('w/g.md', typed('feature', 'Feature: File Reading Cache'))).has('w/s.story.md'));
      assert.equal(parentOf(graph, 'w/s.story.md'), '-');
      graph.remove('w/g.md');
      assert.equal(parentOf(graph, 'w/s.story.md'), 'w/f.md#0 by field');
      // The title loses a word.
      graph.update(record('w/f.md', typed('feature', 'Feature: Markdown Reading', 'id: FEAT-7')));
      assert.equal(parentOf(graph, 'w/s.story.md'), '-');
      // An exact title wins over a description.
      graph.update(record('w/h.md', typed('feature', 'Feature: File Reading')));
      graph.update(record('w/f.md', READING));
      assert.equal(parentOf(graph, 'w/s.story.md'), 'w/h.md#0 by field');
    });
  });

  for (const placeholder of ['"[Nome Epic]"', 'TBD', '"<feature id>"']) {
    it(`a placeholder parent (${placeholder}) is no reference: the folder still gives the parent`, () => {
      const graph = graphOf({
        'w/FEAT-001-fix-ci/FEAT-001-fix-ci.md': '# Feature: Fix CI\n',
        'w/FEAT-001-fix-ci/s.story.md': typed('story', 'Story: S', `feature: ${placeholder}`),
      });
      assert.equal(itemIn(graph, 'w/FEAT-001-fix-ci/s.story.md').parentRef, undefined);
      assert.equal(parentOf(graph, 'w/FEAT-001-fix-ci/s.story.md'), 'w/FEAT-001-fix-ci/FEAT-001-fix-ci.md#0 by folder');
      assert.deepEqual(findingsOf(graph), []);
    });
  }

  it('a parent field wins over nesting and folders', () => {
    const graph = graphOf({
      'w/EPIC-1-pay/EPIC-1-pay.md': '# Epic: Pay\n\n## FEAT-2: Wallet\n\nx\n\n### US-3: Top up\n\n**Parent:** FEAT-9\n\n### US-4: Spend\n\nx\n',
      'w/f9.feature.md': typed('feature', 'Feature: Nine', 'id: FEAT-9'),
      'w/EPIC-1-pay/FEAT-5-x.md': typed('feature', 'Feature: X', 'parent: FEAT-9'),
    });
    assert.equal(parentOf(graph, 'w/EPIC-1-pay/EPIC-1-pay.md', 6), 'w/f9.feature.md#0 by field');
    assert.equal(parentOf(graph, 'w/EPIC-1-pay/EPIC-1-pay.md', 10), 'w/EPIC-1-pay/EPIC-1-pay.md#2 by nesting');
    // The feature under a feature is reported; its folder does not stand in.
    assert.equal(parentOf(graph, 'w/EPIC-1-pay/FEAT-5-x.md'), 'w/f9.feature.md#0 by field');
  });

  it('a missing id is the parent the author meant: nesting does not stand in for it', () => {
    const graph = graphOf({ 'w/e.md': '# EPIC-1: Pay\n\n## FEAT-2: Wallet\n\n**Parent:** FEAT-404\n' });
    assert.equal(parentOf(graph, 'w/e.md', 2), '-');
    assert.deepEqual(findingsOf(graph), ['w/e.md:5 unknown-parent/warning']);
  });
});

describe('backlog graph: nesting and folders (SPEC §7, 2 and 3)', () => {
  it('sections nest: story sections under the feature section they are written in, which is under the epic file', () => {
    const graph = graphOf({ 'w/pay.md': '# EPIC-1: Payments\n\n## FEAT-1: Cards\n\n### US-1: Save a card\n\nAs a shopper, I want x so that y.\n\n### US-2: Delete a card\n\nAs a shopper, I want x so that y.\n' });
    assert.equal(parentOf(graph, 'w/pay.md', 2), 'w/pay.md#0 by nesting');
    assert.equal(parentOf(graph, 'w/pay.md', 4), 'w/pay.md#2 by nesting');
    assert.equal(parentOf(graph, 'w/pay.md', 8), 'w/pay.md#2 by nesting');
    assert.deepEqual(graph.childrenOf(itemIn(graph, 'w/pay.md', 2)).map((item) => item.id), ['US-1', 'US-2']);
    assert.equal(graph.someChild(itemIn(graph, 'w/pay.md', 2), (child) => child.id === 'US-2'), true);
    assert.equal(graph.someChild(itemIn(graph, 'w/pay.md', 2), (child) => child.id === 'US-3'), false);
    assert.equal(graph.someChild(itemIn(graph, 'w/pay.md', 4), () => true), false);
    assert.deepEqual(graph.topItems().map((item) => item.key), ['w/pay.md#0']);
    assert.deepEqual(findingsOf(graph), []);
  });

  // An overview page: a heading per epic over a table of its features, each epic also written in a file of its own.
  const OVERVIEW = '# Backlog\n\n### EPIC 1: Core Property-Management\n\n| Feature ID | Name |\n|---|---|\n| FEAT-core-write | Write |\n| FEAT-core-logic | Logic |\n\n### EPIC 2: LLM-Integration\n\n| Feature ID | Name |\n|---|---|\n| FEAT-llm-api | API |\n';
  const CORE_EPIC = '# EPIC: Core Property-Management\n\n**ID**: EPIC-core-property-management\n';

  it("a heading that only groups items: its rows belong to the item of that title written elsewhere, and no section is missing from it", () => {
    const graph = graphOf({ 'w/BACKLOG.md': OVERVIEW, 'w/epics/core.md': CORE_EPIC });
    assert.equal(parentOf(graph, 'w/BACKLOG.md', 6), 'w/epics/core.md#0 by nesting');
    assert.equal(parentOf(graph, 'w/BACKLOG.md', 7), 'w/epics/core.md#0 by nesting');
    // No epic of that title elsewhere: the heading is the parent, as before.
    assert.equal(parentOf(graph, 'w/BACKLOG.md', 13), 'w/BACKLOG.md#9 by nesting');
    assert.deepEqual(findingsIn(graph, 'w/BACKLOG.md'), []);
    assert.equal(record('w/BACKLOG.md', OVERVIEW).items.find((item) => item.line === 2)?.groupsOnly, true);
    // The epic hypothesis belongs in the epic's own file, not under its heading in the overview.
    assert.deepEqual(lintMarkdown(OVERVIEW, { fileName: 'w/BACKLOG.md' }).findings.map((finding) => `${finding.range.start.line} ${finding.rule}`), []);
  });

  it('the grouping heading keeps its rows when two items have its title, and follows the other file as it comes and goes', () => {
    const twice = graphOf({ 'w/BACKLOG.md': OVERVIEW, 'w/epics/core.md': CORE_EPIC, 'w/old/core.md': CORE_EPIC.replace('EPIC-core-property-management', 'EPIC-old') });
    assert.equal(parentOf(twice, 'w/BACKLOG.md', 6), 'w/BACKLOG.md#2 by nesting');
    const graph = graphOf({ 'w/BACKLOG.md': OVERVIEW });
    assert.equal(parentOf(graph, 'w/BACKLOG.md', 6), 'w/BACKLOG.md#2 by nesting');
    // The overview's findings may change with the epic's file, and the epic's with the overview.
    assert.ok(graph.update(record('w/epics/core.md', CORE_EPIC)).has('w/BACKLOG.md'));
    assert.equal(parentOf(graph, 'w/BACKLOG.md', 6), 'w/epics/core.md#0 by nesting');
    assert.ok(graph.update(record('w/BACKLOG.md', OVERVIEW.replace('| Logic |', '| Logic, again |'))).has('w/epics/core.md'));
    // A second epic of that title: no longer one item the heading names.
    graph.update(record('w/old/core.md', CORE_EPIC.replace('EPIC-core-property-management', 'EPIC-old')));
    assert.equal(parentOf(graph, 'w/BACKLOG.md', 6), 'w/BACKLOG.md#2 by nesting');
    graph.remove('w/old/core.md');
    assert.equal(parentOf(graph, 'w/BACKLOG.md', 6), 'w/epics/core.md#0 by nesting');
    // Renamed: the title no longer matches.
    graph.update(record('w/epics/core.md', CORE_EPIC.replace('Core Property-Management', 'Core Properties')));
    assert.equal(parentOf(graph, 'w/BACKLOG.md', 6), 'w/BACKLOG.md#2 by nesting');
    graph.update(record('w/epics/core.md', CORE_EPIC));
    graph.remove('w/epics/core.md');
    assert.equal(parentOf(graph, 'w/BACKLOG.md', 6), 'w/BACKLOG.md#2 by nesting');
  });

  it('the grouping heading names an item by its id before its title', () => {
    // The overview calls it Core; its file, Core Property-Management; another epic is titled Core.
    const byId = OVERVIEW.replace('### EPIC 1: Core Property-Management', '### EPIC-7: Core');
    const graph = graphOf({ 'w/BACKLOG.md': byId, 'w/epics/core.md': '# EPIC-7: Core Property-Management\n', 'w/epics/other.md': '# EPIC: Core\n\n**ID**: EPIC-other\n' });
    assert.equal(parentOf(graph, 'w/BACKLOG.md', 6), 'w/epics/core.md#0 by nesting');
  });

  it('a heading with a table of its own beside its rows (KPIs) writes the item: it is checked, and keeps its rows', () => {
    const kpis = OVERVIEW.replace('### EPIC 1: Core Property-Management\n', '### EPIC 1: Core Property-Management\n\n| KPI | Target |\n|---|---|\n| Reads | 1k/s |\n');
    const graph = graphOf({ 'w/BACKLOG.md': kpis, 'w/epics/core.md': CORE_EPIC });
    assert.equal(parentOf(graph, 'w/BACKLOG.md', 10), 'w/BACKLOG.md#2 by nesting');
    assert.deepEqual(lintMarkdown(kpis, { fileName: 'w/BACKLOG.md' }).findings.map((finding) => `${finding.range.start.line} ${finding.rule}`), ['2 missing-section']);
  });

  it('a heading with text of its own is the item itself, and its rows stay under it', () => {
    const written = OVERVIEW.replace('### EPIC 1: Core Property-Management\n', '### EPIC 1: Core Property-Management\n\nThe core of the app.\n');
    const graph = graphOf({ 'w/BACKLOG.md': written, 'w/epics/core.md': CORE_EPIC });
    assert.equal(parentOf(graph, 'w/BACKLOG.md', 8), 'w/BACKLOG.md#2 by nesting');
    assert.equal(record('w/BACKLOG.md', written).items.find((item) => item.line === 2)?.groupsOnly, undefined);
    assert.deepEqual(lintMarkdown(written, { fileName: 'w/BACKLOG.md' }).findings.map((finding) => `${finding.range.start.line} ${finding.rule}`), ['2 missing-section']);
  });

  const TREE = {
    'w/EPIC-001-oss-release/EPIC-001-oss-release.md': '# Epic: OSS release\n',
    'w/EPIC-001-oss-release/FEAT-001-fix-ci/FEAT-001-fix-ci.md': '# Feature: Fix CI\n',
    'w/EPIC-001-oss-release/FEAT-001-fix-ci/EN-001-fix-plugin/EN-001-fix-plugin.md': '# Enabler: Fix plugin\n',
    'w/EPIC-001-oss-release/FEAT-001-fix-ci/enablers/EN-002-cache.md': '# Enabler: Cache\n',
  };

  it('a folder named after an id is the parent of the files in it; the folder named after the item itself is skipped', () => {
    const graph = graphOf(TREE);
    assert.equal(parentOf(graph, 'w/EPIC-001-oss-release/EPIC-001-oss-release.md'), '-');
    assert.equal(parentOf(graph, 'w/EPIC-001-oss-release/FEAT-001-fix-ci/FEAT-001-fix-ci.md'), 'w/EPIC-001-oss-release/EPIC-001-oss-release.md#0 by folder');
    assert.equal(parentOf(graph, 'w/EPIC-001-oss-release/FEAT-001-fix-ci/EN-001-fix-plugin/EN-001-fix-plugin.md'), 'w/EPIC-001-oss-release/FEAT-001-fix-ci/FEAT-001-fix-ci.md#0 by folder');
    assert.deepEqual(graph.topItems().map((item) => item.id), ['EPIC-001']);
    assert.deepEqual(findingsOf(graph), []);
  });

  it('the folder above counts too: an `enablers/` subfolder of a feature folder', () => {
    const graph = graphOf(TREE);
    assert.equal(parentOf(graph, 'w/EPIC-001-oss-release/FEAT-001-fix-ci/enablers/EN-002-cache.md'), 'w/EPIC-001-oss-release/FEAT-001-fix-ci/FEAT-001-fix-ci.md#0 by folder');
  });

  it('three folders up is too far', () => {
    const graph = graphOf({ ...TREE, 'w/EPIC-001-oss-release/FEAT-001-fix-ci/enablers/later/EN-003-x.md': '# Enabler: X\n' });
    assert.equal(parentOf(graph, 'w/EPIC-001-oss-release/FEAT-001-fix-ci/enablers/later/EN-003-x.md'), '-');
  });

  it('a folder whose id no item has gives no parent and no finding', () => {
    const graph = graphOf({ 'w/FEAT-404-gone/US-001-login.md': '# Login\n\nAs a user, I want x so that y.\n' });
    assert.equal(parentOf(graph, 'w/FEAT-404-gone/US-001-login.md'), '-');
    assert.deepEqual(findingsOf(graph), []);
  });
});

describe('backlog graph: parent loops', () => {
  const LOOP = {
    'w/a.feature.md': typed('feature', 'Feature: A', 'id: FEAT-1', 'parent: FEAT-2'),
    'w/b.feature.md': typed('feature', 'Feature: B', 'id: FEAT-2', 'parent: FEAT-1'),
    'w/s.story.md': typed('story', 'Story: S', 'parent: FEAT-2'),
  };

  it('A → B → A is reported once, on its first item, by parent-type loop, pointing at the other', () => {
    const graph = graphOf(LOOP);
    assert.deepEqual(findingsOf(graph), ['w/a.feature.md:4 parent-type/information']);
    const [finding] = findingsIn(graph, 'w/a.feature.md');
    assert.match(finding.message, /^These items are each other's parents \(FEAT-1 → FEAT-2 → FEAT-1\)/);
    assert.deepEqual(finding.related?.map((place) => place.otherFile), ['w/b.feature.md']);
    assert.deepEqual(graph.loopOf(itemIn(graph, 'w/b.feature.md'))?.map((item) => item.id), ['FEAT-1', 'FEAT-2']);
    assert.equal(graph.loopOf(itemIn(graph, 'w/s.story.md')), undefined, 'a child of a loop is not in it');
  });

  it('topItems lists one item of the loop, so every item is reachable from the top', () => {
    const graph = graphOf(LOOP);
    assert.deepEqual(graph.topItems().map((item) => item.key), ['w/a.feature.md#0']);
    const reached = new Set<string>();
    const visit = (key: string) => {
      if (reached.has(key)) return;
      reached.add(key);
      for (const child of graph.childrenOf(graph.item(key)!)) visit(child.key);
    };
    for (const top of graph.topItems()) visit(top.key);
    assert.deepEqual([...reached].sort(), ['w/a.feature.md#0', 'w/b.feature.md#0', 'w/s.story.md#0']);
  });

  it('an item that names itself is a loop of one: parent-type once, no unknown-parent, still at the top', () => {
    const graph = graphOf({ 'w/c.feature.md': typed('feature', 'Feature: C', 'id: FEAT-3', 'parent: FEAT-3') });
    const item = itemIn(graph, 'w/c.feature.md');
    assert.deepEqual(findingsOf(graph), ['w/c.feature.md:4 parent-type/information']);
    assert.match(findingsIn(graph, 'w/c.feature.md')[0].message, /^This item names itself as its parent \(FEAT-3 → FEAT-3\)/);
    assert.deepEqual(graph.loopOf(item), [item]);
    assert.deepEqual(graph.topItems(), [item]);
    assert.equal(graph.isOrphan(item), false);
  });

  it('a longer loop through sections and files ends (loopOf and topItems never hang)', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`w/f${i}.feature.md`] = typed('feature', `Feature: F${i}`, `id: FEAT-${i}`, `parent: FEAT-${(i + 1) % 50}`);
    const graph = graphOf(files);
    assert.equal(graph.loopOf(itemIn(graph, 'w/f7.feature.md'))?.length, 50);
    assert.deepEqual(graph.topItems().map((item) => item.key), ['w/f0.feature.md#0']);
    assert.equal(findingsOf(graph).length, 1);
  });
});

describe('backlog graph: backlogs side by side', () => {
  // A folder of checked-out repositories, or the services of a monorepo: each numbers its own items.
  const files = {
    'w/acme/shop/docs/stories/US-001-login.md': '# US-001: Login\n\n**Epic:** Epic 2\n\nAs a user, I want x so that y.\n',
    'w/acme/shop/docs/stories/US-002-logout.md': '# US-002: Logout\n\n**Feature:** FEAT-1\n\nAs a user, I want x so that y.\n',
    'w/other/game/docs/epics/epic-2.md': '# Epic 2: Game management\n\n## Epic Hypothesis Statement\n\nFor x who y.\n',
    'w/other/game/docs/stories/backlog/archive/US-001-score.md': '# US-001: Score\n\nAs a player, I want x so that y.\n',
  };

  it('an id links and clashes only within one backlog: no duplicate, no parent, no finding across', () => {
    const graph = graphOf(files);
    assert.equal(parentOf(graph, 'w/acme/shop/docs/stories/US-001-login.md'), '-');
    assert.deepEqual(findingsOf(graph), ['w/acme/shop/docs/stories/US-002-logout.md:3 unknown-parent/warning']);
  });

  it('within one backlog the same ids still clash and link', () => {
    const graph = graphOf({ ...files, 'w/acme/shop/docs/epics/epic-2.md': '# Epic 2: Accounts\n\n## Epic Hypothesis Statement\n\nFor x who y.\n', 'w/acme/shop/docs/old/US-001-login.md': '# US-001: Old login\n\nAs a user, I want x so that y.\n' });
    assert.equal(parentOf(graph, 'w/acme/shop/docs/stories/US-001-login.md'), 'w/acme/shop/docs/epics/epic-2.md#0 by field');
    assert.ok(findingsOf(graph).includes('w/acme/shop/docs/old/US-001-login.md:1 duplicate-id/warning'));
  });
});

describe('backlog graph: duplicate ids', () => {
  it('two files with one id: reported on each, naming and pointing at the other', () => {
    const graph = graphOf({ 'w/a/us-1-login.md': '# Login\n\nAs a user, I want x so that y.\n', 'w/b/us-1-logout.md': '# Logout\n\nAs a user, I want x so that y.\n' });
    assert.deepEqual(findingsOf(graph), ['w/a/us-1-login.md:1 duplicate-id/warning', 'w/b/us-1-logout.md:1 duplicate-id/warning']);
    const [finding] = findingsIn(graph, 'w/a/us-1-login.md');
    assert.match(finding.message, /\(\.\.\/b\/us-1-logout\.md:1\)/);
    assert.deepEqual(finding.related?.map((place) => `${place.otherFile}:${place.range.start.line}`), ['w/b/us-1-logout.md:0']);
    assert.deepEqual(findingsIn(graph, 'w/b/us-1-logout.md')[0].related?.map((place) => place.otherFile), ['w/a/us-1-login.md']);
  });

  it('a section and a file with one id clash when their titles differ', () => {
    const graph = graphOf({ 'w/epic.md': '# EPIC-1: Payments\n\n## FEAT-7: Cards\n\nx\n', 'w/FEAT-7-vouchers.md': '# Vouchers\n\n## Benefit Hypothesis\n\nx\n' });
    assert.deepEqual(findingsOf(graph), ['w/FEAT-7-vouchers.md:1 duplicate-id/warning', 'w/epic.md:3 duplicate-id/warning']);
    assert.deepEqual(findingsIn(graph, 'w/epic.md')[0].related?.map((place) => place.otherFile), ['w/FEAT-7-vouchers.md']);
  });

  it('an epic\'s story section and the story\'s own file, titled the same, are one story', () => {
    const graph = graphOf({
      'w/docs/epics/epic-2.md': '# Epic 2: Games\n\n## Story 2.1: Create New Game Flow\n\nAs a host, I want x so that y.\n',
      'w/docs/stories/epic-2/2.1.create-new-game-flow.md': '# Story 2.1: Create New Game Flow\n\nAs a host, I want x so that y.\n',
    });
    assert.deepEqual(findingsOf(graph).filter((finding) => finding.includes('duplicate-id')), []);
  });

  it('a section and a file with one id and one title do not clash', () => {
    const graph = graphOf({ 'w/epic.md': '# EPIC-1: Payments\n\n## FEAT-7: Cards\n\nx\n', 'w/FEAT-7-cards.md': '# Cards\n\n## Benefit Hypothesis\n\nx\n' });
    assert.deepEqual(findingsOf(graph), []);
  });

  it('a sprint page row repeating an id written in full elsewhere is a mention, not a clash', () => {
    const graph = graphOf({
      'w/us-1-login.md': '# Login\n\nAs a user, I want x so that y.\n',
      'w/sprint-3.md': '# Sprint 3\n\n| ID | User Story | Accepted By |\n|---|---|---|\n| US-1 | As a user, I want x so that y. | PO |\n',
    });
    assert.ok(itemIn(graph, 'w/sprint-3.md', 4).summary);
    assert.deepEqual(findingsOf(graph), []);
  });

  it('two rows of one table with the same id clash (nothing else defines it)', () => {
    const graph = graphOf({ 'w/backlog.md': '# Backlog\n\n| ID | User Story | Accepted By |\n|---|---|---|\n| US-1 | As a user, I want x so that y. | PO |\n| US-1 | As a user, I want z so that y. | PO |\n' });
    assert.deepEqual(findingsOf(graph), ['w/backlog.md:5 duplicate-id/warning', 'w/backlog.md:6 duplicate-id/warning']);
    assert.match(findingsIn(graph, 'w/backlog.md')[0].message, /\(line 6\)/);
  });

  it('every project folder counts its own ids: PROJ-001/EPIC-001 and PROJ-004/EPIC-001 do not clash', () => {
    const graph = graphOf({
      'w/PROJ-001-shop/EPIC-001-pay/EPIC-001-pay.md': '# Epic: Pay\n',
      'w/PROJ-004-bank/EPIC-001-loans/EPIC-001-loans.md': '# Epic: Loans\n',
    });
    assert.deepEqual(findingsOf(graph), []);
  });

  it('the same id twice in one project folder clashes', () => {
    const graph = graphOf({
      'w/PROJ-001-shop/EPIC-001-pay/EPIC-001-pay.md': '# Epic: Pay\n',
      'w/PROJ-001-shop/EPIC-001-again.md': '# Epic: Again\n',
    });
    assert.equal(findingsOf(graph).length, 2);
  });

  it('a parent id among duplicates resolves to the one sharing the most folders', () => {
    const graph = graphOf({
      'w/PROJ-001-shop/FEAT-001-cards.md': '# Feature: Cards\n',
      'w/PROJ-004-bank/FEAT-001-loans.md': '# Feature: Loans\n',
      'w/PROJ-004-bank/stories/s.story.md': typed('story', 'Story: S', 'parent: FEAT-001'),
      'w/PROJ-001-shop/stories/s.story.md': typed('story', 'Story: S', 'parent: FEAT-001'),
    });
    assert.equal(parentOf(graph, 'w/PROJ-004-bank/stories/s.story.md'), 'w/PROJ-004-bank/FEAT-001-loans.md#0 by field');
    assert.equal(parentOf(graph, 'w/PROJ-001-shop/stories/s.story.md'), 'w/PROJ-001-shop/FEAT-001-cards.md#0 by field');
  });
});

describe('backlog graph: unknown-parent', () => {
  const story = (parent: string) => typed('story', 'Story: S', `parent: ${parent}`);

  it('an id with a known prefix that no item has', () => {
    const graph = graphOf({ 'w/s.story.md': story('FEAT-404') });
    const [finding] = findingsIn(graph, 'w/s.story.md');
    assert.equal(finding.rule, 'unknown-parent');
    assert.equal(finding.message, 'Story "S" names FEAT-404 as its parent, but no item in the workspace has that id: correct the id, or write the item it names.');
    assert.deepEqual(finding.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 16 } });
  });

  it('a project key is reported only once the workspace has items with that prefix', () => {
    const foreign = graphOf({ 'w/s.story.md': story('JIRA-5') });
    assert.deepEqual(findingsOf(foreign), []);
    const ours = graphOf({ 'w/f.md': typed('feature', 'Feature: F', 'id: PTG-1'), 'w/s.story.md': story('PTG-999') });
    assert.deepEqual(findingsOf(ours), ['w/s.story.md:3 unknown-parent/warning']);
  });

  it('a link to a file that does not exist; none when `exists` says it does (outside the paths indexed)', () => {
    const files = { 'w/s/b.story.md': story('"[FT-9](../features/ft-9.md)"') };
    assert.match(findingsIn(graphOf(files), 'w/s/b.story.md')[0].message, /links to \.\.\/features\/ft-9\.md as its parent, but that file does not exist/);
    const outside = graphOf(files, { exists: (file) => file === 'w/features/ft-9.md' });
    assert.deepEqual(findingsOf(outside), []);
    assert.equal(parentOf(outside, 'w/s/b.story.md'), '-');
  });

  it('a link whose file is missing still finds its parent by the id of its label', () => {
    const graph = graphOf({ 'w/ft-1.md': FEATURE, 'w/s/s.story.md': story('"[FT-1](../moved/ft-1.md)"') });
    assert.equal(parentOf(graph, 'w/s/s.story.md'), 'w/ft-1.md#0 by field');
    assert.deepEqual(findingsOf(graph), []);
  });

  it('a title typo in a workspace that links by title: "did you mean", pointing at the item', () => {
    const graph = graphOf({ 'w/features/ft-1.md': FEATURE, 'w/a.story.md': story('Fix CI'), 'w/d.story.md': story('Fix CJ') });
    const [finding] = findingsIn(graph, 'w/d.story.md');
    assert.match(finding.message, /names "Fix CJ" as its parent, but no item has that title: did you mean "Fix CI"\?/);
    assert.deepEqual(finding.related?.map((place) => place.otherFile), ['w/features/ft-1.md']);
  });

  it('the same typo where no parent is named by title is a free description: nothing, until one is', () => {
    const graph = graphOf({ 'w/features/ft-1.md': FEATURE, 'w/d.story.md': story('Fix CJ') });
    assert.deepEqual(findingsOf(graph), []);
    const affected = graph.update(record('w/a.story.md', story('Fix CI')));
    assert.deepEqual(findingsOf(graph), ['w/d.story.md:3 unknown-parent/warning']);
    assert.ok(affected.has('w/d.story.md'), 'the file whose finding appeared is affected');
    assert.ok(graph.remove('w/a.story.md').has('w/d.story.md'));
    assert.deepEqual(findingsOf(graph), []);
  });
});

describe('backlog graph: parent-type', () => {
  it('via a parent field: a story whose parent is an epic, and a feature under a story', () => {
    const graph = graphOf({
      'w/epic.md': typed('epic', 'Epic: Payments', 'id: EPIC-1'),
      'w/s.story.md': typed('story', 'Story: S', 'parent: EPIC-1'),
      'w/us-2-x.md': '# Story: X\n\nAs a user, I want x so that y.\n',
      'w/f.feature.md': typed('feature', 'Feature: F', 'parent: US-2'),
    });
    assert.deepEqual(findingsOf(graph), ['w/f.feature.md:3 parent-type/information', 'w/s.story.md:3 parent-type/information']);
    const [finding] = findingsIn(graph, 'w/s.story.md');
    assert.match(finding.message, /^This is a story whose parent is an epic: SAFe puts stories under features/);
    assert.deepEqual(finding.related?.map((place) => place.otherFile), ['w/epic.md']);
  });

  it('via a folder: a story in the folder of an epic, reported on the story', () => {
    const graph = graphOf({ 'w/EPIC-001-x/EPIC-001-x.md': '# Epic: X\n', 'w/EPIC-001-x/US-009-misplaced.md': '# Story: Misplaced\n' });
    assert.deepEqual(findingsOf(graph), ['w/EPIC-001-x/US-009-misplaced.md:1 parent-type/information']);
    assert.match(findingsIn(graph, 'w/EPIC-001-x/US-009-misplaced.md')[0].message, /^This is a story in the folder of an epic/);
  });

  it('nested: story sections written directly in an epic are one finding on the epic, not one per story', () => {
    const graph = graphOf({ 'w/e.md': '---\ntype: epic\nid: EPIC-1\n---\n# Epic: Payments\n\n## US-1: Save\n\nx\n\n## US-2: Drop\n\nx\n\n## FEAT-3: Cards\n\nx\n\n### US-4: Pay\n\nx\n' });
    assert.deepEqual(findingsOf(graph), ['w/e.md:5 parent-type/information']);
    const [finding] = findingsIn(graph, 'w/e.md');
    assert.match(finding.message, /^2 stories are written directly inside this epic/);
    assert.deepEqual(finding.related?.map((place) => place.range.start.line), [6, 10]);
  });

  it('an enabler of unknown level takes any parent', () => {
    const graph = graphOf({ 'w/EPIC-001-x/EPIC-001-x.md': '# Epic: X\n', 'w/EPIC-001-x/EN-001-y.md': '# Enabler: Y\n' });
    assert.equal(parentOf(graph, 'w/EPIC-001-x/EN-001-y.md'), 'w/EPIC-001-x/EPIC-001-x.md#0 by folder');
    assert.deepEqual(findingsOf(graph), []);
  });
});

describe('backlog graph: disable comments and config levels', () => {
  it('a disable-next-line comment above the parent field silences unknown-parent there only', () => {
    const graph = graphOf({
      'w/a.story.md': '# Story: A\n\n<!-- agile-artifacts-disable-next-line unknown-parent -->\n**Parent:** FEAT-404\n',
      'w/b.story.md': '# Story: B\n\n<!-- agile-artifacts-disable-next-line duplicate-id -->\n**Parent:** FEAT-404\n',
    });
    assert.deepEqual(findingsOf(graph), ['w/b.story.md:4 unknown-parent/warning']);
  });

  it('a disable comment above the heading silences duplicate-id on that item', () => {
    const graph = graphOf({
      'w/a/us-1-a.md': '<!-- agile-artifacts-disable-next-line duplicate-id -->\n# Story: A\n',
      'w/b/us-1-b.md': '# Story: B\n',
    });
    assert.deepEqual(findingsOf(graph), ['w/b/us-1-b.md:1 duplicate-id/warning']);
  });

  it("a file's config sets the level of its own findings", () => {
    const { config } = lintConfigText('rules:\n  unknown-parent: error\n  duplicate-id: off\n');
    const graph = new BacklogGraph(rulesTable());
    graph.update(record('w/c/us-1-c.md', '# Story: C\n\n**Parent:** FEAT-404\n', config));
    graph.update(record('w/d/us-1-d.md', '# Story: D\n\n**Parent:** FEAT-404\n'));
    assert.deepEqual(findingsOf(graph), ['w/c/us-1-c.md:3 unknown-parent/error', 'w/d/us-1-d.md:1 duplicate-id/warning', 'w/d/us-1-d.md:3 unknown-parent/warning']);
  });
});

describe('backlog graph: edits, renames, moves and deletes', () => {
  const CHILDREN = {
    'w/stories/a.story.md': typed('story', 'Story: A', 'parent: FEAT-002'),
    'w/stories/b.story.md': typed('story', 'Story: B', 'parent: FEAT-002'),
    'w/stories/c.story.md': typed('story', 'Story: C', 'parent: FEAT-001'),
  };

  it('a file renamed so that its id (from the file name) changes: its children re-link, both ways', () => {
    const graph = graphOf({ 'w/FEAT-001-cards.md': '# Feature: Cards\n', ...CHILDREN });
    assert.equal(parentOf(graph, 'w/stories/c.story.md'), 'w/FEAT-001-cards.md#0 by field');
    assert.deepEqual(findingsOf(graph), ['w/stories/a.story.md:3 unknown-parent/warning', 'w/stories/b.story.md:3 unknown-parent/warning']);

    const affected = graph.rename('w/FEAT-001-cards.md', record('w/FEAT-002-cards.md', '# Feature: Cards\n'));
    assert.equal(graph.has('w/FEAT-001-cards.md'), false);
    assert.equal(parentOf(graph, 'w/stories/a.story.md'), 'w/FEAT-002-cards.md#0 by field');
    assert.equal(parentOf(graph, 'w/stories/b.story.md'), 'w/FEAT-002-cards.md#0 by field');
    assert.equal(parentOf(graph, 'w/stories/c.story.md'), '-');
    assert.deepEqual(findingsOf(graph), ['w/stories/c.story.md:3 unknown-parent/warning']);
    assert.deepEqual([...affected].sort(), ['w/FEAT-002-cards.md', 'w/stories/a.story.md', 'w/stories/b.story.md', 'w/stories/c.story.md']);
  });

  it('a file moved to another folder: a link to it breaks, a folder child finds its new parent', () => {
    const graph = graphOf({
      'w/FEAT-001-a/FEAT-001-a.md': '# Feature: A\n',
      'w/FEAT-002-b/FEAT-002-b.md': '# Feature: B\n',
      'w/FEAT-001-a/US-001-x.md': '# Story: X\n',
      'w/linked.story.md': typed('story', 'Story: L', 'parent: "[A](./FEAT-001-a/FEAT-001-a.md)"'),
    });
    assert.equal(parentOf(graph, 'w/linked.story.md'), 'w/FEAT-001-a/FEAT-001-a.md#0 by field');
    const moved = graph.rename('w/FEAT-001-a/US-001-x.md', record('w/FEAT-002-b/US-001-x.md', '# Story: X\n'));
    assert.equal(parentOf(graph, 'w/FEAT-002-b/US-001-x.md'), 'w/FEAT-002-b/FEAT-002-b.md#0 by folder');
    assert.deepEqual(graph.childrenOf(itemIn(graph, 'w/FEAT-001-a/FEAT-001-a.md')).map((item) => item.key), ['w/linked.story.md#0']);
    assert.ok(moved.has('w/FEAT-002-b/US-001-x.md'));

    graph.rename('w/FEAT-001-a/FEAT-001-a.md', record('w/archive/FEAT-001-a.md', '# Feature: A\n'));
    // The label is no id, so the broken link is reported.
    assert.deepEqual(findingsOf(graph), ['w/linked.story.md:3 unknown-parent/warning']);
  });

  it('a deleted parent: its children become orphans at the top, and the files whose findings change are affected', () => {
    const graph = graphOf({
      'w/FEAT-002-cards.md': '# Feature: Cards\n',
      'w/old/FEAT-002-copy.md': '# Feature: Copy\n',
      ...CHILDREN,
    });
    assert.equal(findingsOf(graph).filter((line) => line.includes('duplicate-id')).length, 2);
    const affected = graph.remove('w/old/FEAT-002-copy.md');
    assert.ok(affected.has('w/FEAT-002-cards.md'), 'the duplicate-id finding of the other file went away');
    assert.equal(affected.has('w/old/FEAT-002-copy.md'), false, 'the deleted file itself is no longer indexed');

    const gone = graph.remove('w/FEAT-002-cards.md');
    assert.deepEqual([...gone].sort(), ['w/stories/a.story.md', 'w/stories/b.story.md']);
    const a = itemIn(graph, 'w/stories/a.story.md');
    assert.equal(graph.parentOf(a), undefined);
    assert.ok(graph.isOrphan(a));
    assert.deepEqual(graph.topItems().map((item) => item.key), ['w/stories/a.story.md#0', 'w/stories/b.story.md#0', 'w/stories/c.story.md#0']);
    assert.deepEqual(findingsOf(graph), ['w/stories/a.story.md:3 unknown-parent/warning', 'w/stories/b.story.md:3 unknown-parent/warning', 'w/stories/c.story.md:3 unknown-parent/warning']);
    assert.equal(graph.remove('w/never-indexed.md').size, 0);
  });

  it('an edit that changes a type re-reports the parent-type findings of the children in other files', () => {
    const graph = graphOf({ 'w/x.md': typed('feature', 'Feature: X', 'id: FEAT-1'), 'w/s.story.md': typed('story', 'Story: S', 'parent: FEAT-1') });
    assert.deepEqual(findingsOf(graph), []);
    const affected = graph.update(record('w/x.md', typed('epic', 'Epic: X', 'id: FEAT-1')));
    assert.ok(affected.has('w/s.story.md'));
    assert.deepEqual(findingsOf(graph), ['w/s.story.md:3 parent-type/information']);
  });

  it('an edit that changes nothing the graph reads (a description, a status) affects only its file; the items take the new values', () => {
    const story = (status: string, want: string) => `${typed('story', 'Story: S', 'parent: FT-1', `status: ${status}`)}\nAs a shopper, I want ${want} so that I pay.\n`;
    const graph = graphOf({ 'w/ft-1.md': FEATURE, 'w/s.story.md': story('draft', 'cards') });
    const before = itemIn(graph, 'w/s.story.md');
    assert.equal(before.status, 'draft');
    const affected = graph.update(record('w/s.story.md', story('done', 'saved cards')));
    assert.deepEqual([...affected], ['w/s.story.md']);
    assert.equal(itemIn(graph, 'w/s.story.md'), before, 'the index keeps the item it links');
    assert.equal(before.status, 'done');
    assert.equal(parentOf(graph, 'w/s.story.md'), 'w/ft-1.md#0 by field');
    assert.deepEqual(graph.childrenOf(itemIn(graph, 'w/ft-1.md')), [before]);
  });

  it('an edit that shifts the lines of a file re-links the children of its sections', () => {
    const before = '# EPIC-1: Pay\n\n## FEAT-1: Cards\n\nx\n';
    const graph = graphOf({ 'w/e.md': before, 'w/s.story.md': typed('story', 'Story: S', 'parent: FEAT-1') });
    assert.equal(parentOf(graph, 'w/s.story.md'), 'w/e.md#2 by field');
    graph.update(record('w/e.md', `Intro.\n\n${before}`));
    assert.equal(parentOf(graph, 'w/s.story.md'), 'w/e.md#4 by field');
    assert.equal(graph.item('w/e.md#2'), undefined);
  });
});

describe('recordAs: a record made under one name, for another (the index worker names files by path, the editor by URI)', () => {
  it('gives every item the new file and key, and the graph links it as if it had been made under that name', () => {
    const epic = '# Epic EPIC-1: Checkout\n\n## Feature FEAT-1: Cards\n\n**Parent:** EPIC-1\n';
    const story = '# Story ST-1: Pay\n\n**Parent:** FEAT-1\n\nAs a shopper, I want to pay so that I leave.\n';
    const moved = recordAs(record('backlog/ST-1.md', story), 'file:///w/backlog/ST-1.md');
    assert.deepEqual(moved, record('file:///w/backlog/ST-1.md', story));
    assert.ok(!JSON.stringify(moved).includes('"backlog/ST-1.md'), JSON.stringify(moved));
    const graph = new BacklogGraph(rulesTable());
    graph.update(record('file:///w/backlog/EPIC-1.md', epic));
    graph.update(moved);
    assert.equal(parentOf(graph, 'file:///w/backlog/ST-1.md'), 'file:///w/backlog/EPIC-1.md#2 by field');
  });
});
