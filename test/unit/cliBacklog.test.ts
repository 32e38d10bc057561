import * as assert from 'node:assert/strict';
import { run, workspace } from './cliProcess';

// `backlog` and `lint` across files (SPEC §4, §7), as a process: the parents
// that link a story file to a feature file to an epic file, and the graph
// rules, which only the whole set of paths given can decide.

const FINDING_KEYS = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message'];
const ENTRY_KEYS = ['file', 'line', 'endLine', 'type', 'id', 'title', 'parent', 'detectedBy', 'roles', 'findings'];

/** A clean story file: front matter, then the heading, a body field line (`**Parent:** …`) and the rest. */
const story = (title: string, field = '', front = '') => `${front}# Story: ${title}

${field}As a returning shopper, I want to ${title.toLowerCase()} so that I pay faster next time.

## Acceptance Criteria

- Given a signed-in shopper, when they pay, then it works.
`;

/** An epic folder holding its feature (parent by folder), and stories elsewhere naming the feature by id and by link. */
const LINKED = {
  'backlog/EPIC-1-checkout/EPIC-1-checkout.md': '# Epic: One-click checkout\n\n## Epic Hypothesis Statement\n\nFor returning shoppers, one-click checkout saves a card so that they pay faster.\n',
  'backlog/EPIC-1-checkout/FEAT-1-saved-cards.md': '# Feature: Saved cards\n\n## Benefit Hypothesis\n\nWe believe saved cards will raise repeat purchases by 5%.\n\n## Acceptance Criteria\n\n- A shopper can save a card.\n',
  'backlog/stories/us-1-save-card.md': story('Save a card', '**Parent:** FEAT-1\n\n'),
  'backlog/stories/us-2-delete-card.md': story('Delete a card', '', '---\nparent: "[FEAT-1](../EPIC-1-checkout/FEAT-1-saved-cards.md)"\n---\n'),
};

interface Entry {
  file: string;
  line: number;
  id?: string;
  type: string;
  parent: string | null;
  findings: number;
}

describe('CLI backlog and lint across files (built, as a process)', () => {
  it('backlog text: a story file under a feature file under an epic file, by Parent fields and folders', () => {
    const result = run(['backlog', 'backlog'], workspace(LINKED));
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        'EPIC-1 — One-click checkout  backlog/EPIC-1-checkout/EPIC-1-checkout.md:1',
        '  Feature FEAT-1 — Saved cards  backlog/EPIC-1-checkout/FEAT-1-saved-cards.md:1',
        '    Story us-1 — Save a card  backlog/stories/us-1-save-card.md:1',
        '    Story us-2 — Delete a card  backlog/stories/us-2-delete-card.md:1',
        '',
        '4 items in 4 files.',
        '',
      ].join('\n'),
    );
  });

  it('backlog json: the same links as `parent` ids, one object per item with the keys of SPEC §4, by file and line', () => {
    const result = run(['backlog', 'backlog', '--format', 'json'], workspace(LINKED));
    assert.equal(result.status, 0, result.stderr);
    const entries: Entry[] = JSON.parse(result.stdout);
    for (const entry of entries) assert.deepEqual(Object.keys(entry), ENTRY_KEYS);
    assert.deepEqual(entries.map((entry) => `${entry.file}:${entry.line} ${entry.type} ${entry.id} → ${entry.parent}`), [
      'backlog/EPIC-1-checkout/EPIC-1-checkout.md:1 epic EPIC-1 → null',
      'backlog/EPIC-1-checkout/FEAT-1-saved-cards.md:1 feature FEAT-1 → EPIC-1',
      'backlog/stories/us-1-save-card.md:1 story us-1 → FEAT-1',
      'backlog/stories/us-2-delete-card.md:1 story us-2 → FEAT-1',
    ]);
  });

  it('backlog json: a parent without an id is named by file:line; sections nest under their file', () => {
    const cwd = workspace({
      'plan/epic.md': '# Epic: Wallet\n\n## Epic Hypothesis Statement\n\nx\n\n## Feature: Top up\n\nx\n',
      'plan/us-7-top-up.md': story('Top up', '**Feature:** Top up\n\n'),
    });
    const entries: Entry[] = JSON.parse(run(['backlog', 'plan', '--format', 'json'], cwd).stdout);
    assert.deepEqual(entries.map((entry) => `${entry.file}:${entry.line} → ${entry.parent}`), ['plan/epic.md:1 → null', 'plan/epic.md:7 → plan/epic.md:1', 'plan/us-7-top-up.md:1 → plan/epic.md:7']);
  });

  it('backlog counts graph findings on the items they are about; broken parents leave items at the top', () => {
    const cwd = workspace({ ...LINKED, 'backlog/stories/us-3-lost.md': story('Find a lost card', '**Parent:** FEAT-404\n\n') });
    const result = run(['backlog', 'backlog'], cwd);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^Story us-3 — Find a lost card {2}backlog\/stories\/us-3-lost\.md:1 \(1 finding\)$/m);
    const entries: Entry[] = JSON.parse(run(['backlog', 'backlog', '--format', 'json'], cwd).stdout);
    const lost = entries.find((entry) => entry.id === 'us-3');
    assert.equal(lost?.parent, null);
    assert.equal(lost?.findings, 1);
  });

  it('lint reports unknown-parent, parent-type and duplicate-id across the paths given, in the JSON shape of SPEC §4; exit 1', () => {
    const cwd = workspace({
      ...LINKED,
      'backlog/stories/us-3-lost.md': story('Find a lost card', '**Parent:** FEAT-404\n\n'),
      'backlog/stories/us-4-epic-child.md': story('Pay in one tap', '**Parent:** EPIC-1\n\n'),
      'backlog/old/us-1-save-card.md': story('Save a card again'),
    });
    const result = run(['lint', 'backlog', '--format', 'json'], cwd);
    assert.equal(result.status, 1, result.stderr);
    const findings = JSON.parse(result.stdout);
    for (const finding of findings) assert.deepEqual(Object.keys(finding), FINDING_KEYS);
    assert.deepEqual(findings.map((f: { file: string; line: number; column: number; rule: string; severity: string }) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.severity}`), [
      'backlog/old/us-1-save-card.md:1:3 duplicate-id warning',
      'backlog/stories/us-1-save-card.md:1:3 duplicate-id warning',
      'backlog/stories/us-3-lost.md:3:13 unknown-parent warning',
      'backlog/stories/us-4-epic-child.md:3:13 parent-type information',
    ]);
    assert.match(findings[0].message, /^us-1 is also the id of Story us-1 \(\.\.\/stories\/us-1-save-card\.md:1\)/);
  });

  it('lint text: graph findings print like the others; information alone exits 0', () => {
    const cwd = workspace({ ...LINKED, 'backlog/stories/us-4-epic-child.md': story('Pay in one tap', '**Parent:** EPIC-1\n\n') });
    const result = run(['lint', 'backlog'], cwd);
    assert.equal(result.status, 0, result.stdout);
    assert.match(result.stdout, /^backlog\/stories\/us-4-epic-child\.md:3:13 {2}information {2}This is a story whose parent is an epic: .* {2}parent-type$/m);
  });

  it('lint of a clean linked backlog: no findings, exit 0', () => {
    const result = run(['lint', 'backlog', '--format', 'json'], workspace(LINKED));
    assert.equal(result.status, 0, result.stdout);
    assert.deepEqual(JSON.parse(result.stdout), []);
  });

  it('lint of part of the backlog: an id outside the paths given is unknown, a link to a file that exists is not', () => {
    const result = run(['lint', 'backlog/stories', '--format', 'json'], workspace(LINKED));
    assert.deepEqual(JSON.parse(result.stdout).map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`), ['backlog/stories/us-1-save-card.md unknown-parent']);
    assert.equal(result.status, 1);
  });

  it('a rules level in the config applies to the graph rules, and a disable comment silences one', () => {
    const cwd = workspace({
      ...LINKED,
      '.agile-artifacts.yaml': 'rules:\n  parent-type: warning\n',
      'backlog/stories/us-3-lost.md': story('Find a lost card', '<!-- agile-artifacts-disable-next-line unknown-parent -->\n**Parent:** FEAT-404\n\n'),
      'backlog/stories/us-4-epic-child.md': story('Pay in one tap', '**Parent:** EPIC-1\n\n'),
    });
    const result = run(['lint', 'backlog', '--format', 'json'], cwd);
    assert.deepEqual(JSON.parse(result.stdout).map((f: { file: string; rule: string; severity: string }) => `${f.file} ${f.rule} ${f.severity}`), ['backlog/stories/us-4-epic-child.md parent-type warning']);
    assert.equal(result.status, 1);
  });
});
