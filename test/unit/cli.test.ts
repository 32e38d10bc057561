import * as assert from 'node:assert/strict';
import { run, workspace } from './cliProcess';

const WRONG_FEATURE = `---
accepted-by: PO
---
# Feature: Saved cards

## Benefit Hypothesis

We believe it helps.

## Acceptance Criteria

- ok
`;
const GOOD_STORY = `# Story: Export

As a clerk, I want an export so that I can file taxes.

## Acceptance Criteria

- ok
`;

describe('CLI (built, as a process)', () => {
  it('text output: file:line:col, severity, message, rule, and a summary; exit 1 on a warning', () => {
    const cwd = workspace({ 'backlog/cards.feature.md': WRONG_FEATURE, 'backlog/export.story.md': GOOD_STORY });
    const result = run(['lint', 'backlog'], cwd);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^backlog\/cards\.feature\.md:2:14 {2}warning {2}Product Owners accept stories, not features: Product Management accepts features\..* {2}wrong-role$/m);
    assert.match(result.stdout, /1 problem \(1 warning\) in 2 files\.\n$/);
  });

  it('exit 0 and a clean summary when nothing is wrong', () => {
    const cwd = workspace({ 'export.story.md': GOOD_STORY });
    const result = run(['lint'], cwd);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, 'No problems found in 1 file.\n');
  });

  it('json: one sorted array with 1-based positions and relative paths', () => {
    const cwd = workspace({ 'b/two.feature.md': WRONG_FEATURE, 'a/one.feature.md': WRONG_FEATURE + '\nOwner: PO\n' });
    const result = run(['lint', '.', '--format', 'json'], cwd);
    assert.equal(result.status, 1);
    const findings = JSON.parse(result.stdout);
    assert.deepEqual(
      findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`),
      ['a/one.feature.md:2', 'a/one.feature.md:14', 'b/two.feature.md:2'],
    );
    assert.deepEqual(Object.keys(findings[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message']);
    assert.deepEqual(
      { line: findings[0].line, column: findings[0].column, endLine: findings[0].endLine, endColumn: findings[0].endColumn },
      { line: 2, column: 14, endLine: 2, endColumn: 16 },
    );
  });

  it('sarif: 2.1.0 with one result per finding and the rule list', () => {
    const cwd = workspace({ 'x.feature.md': WRONG_FEATURE });
    const result = run(['lint', '--format', 'sarif'], cwd);
    assert.equal(result.status, 1);
    const sarif = JSON.parse(result.stdout);
    assert.equal(sarif.version, '2.1.0');
    const [runResult] = sarif.runs;
    assert.equal(runResult.results.length, 1);
    assert.equal(runResult.results[0].ruleId, 'wrong-role');
    assert.equal(runResult.results[0].level, 'warning');
    assert.equal(runResult.results[0].locations[0].physicalLocation.artifactLocation.uri, 'x.feature.md');
    assert.equal(runResult.results[0].locations[0].physicalLocation.region.startLine, 2);
    assert.ok(runResult.tool.driver.rules.some((rule: { id: string }) => rule.id === 'config-error'));
  });

  it('exit 2 with a message and nothing on stdout for a missing path, a bad format or an unreadable config', () => {
    const cwd = workspace({ 'x.feature.md': WRONG_FEATURE, 'bad.yaml': 'rules: [\n' });
    for (const args of [['lint', 'missing'], ['lint', '--format', 'xml'], ['lint', '--config', 'nope.yaml'], ['lint', '--config', 'bad.yaml'], ['frobnicate'], ['lint', 'nothing/**/*.md']]) {
      const result = run(args, cwd);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stdout, '', args.join(' '));
      assert.match(result.stderr, /^agile-artifacts: /, args.join(' '));
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('no command prints the usage on stderr and exits 2; --help prints it on stdout', () => {
    const cwd = workspace({});
    const bare = run([], cwd);
    assert.equal(bare.status, 2);
    assert.equal(bare.stdout, '');
    assert.match(bare.stderr, /^Usage:/);
    const help = run(['--help'], cwd);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage:/);
  });

  it('--config with a bad entry: the entry is a finding in that file, the rest of the config applies', () => {
    const cwd = workspace({
      'conf/team.yaml': 'rules:\n  wrong-role: off\n  story-format: loud\n',
      'x.feature.md': WRONG_FEATURE,
    });
    const result = run(['lint', 'x.feature.md', '--config', 'conf/team.yaml', '--format', 'json'], cwd);
    assert.equal(result.status, 1, result.stderr);
    const findings = JSON.parse(result.stdout) as { file: string; rule: string; line: number; message: string }[];
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line} ${f.rule}`), ['conf/team.yaml:3 config-error']);
    assert.match(findings[0].message, /loud/);
  });

  it('sarif: file names are valid URI references (spaces, #, ? and % escaped per segment)', () => {
    const cwd = workspace({ 'odd dir/a#b?c%d.feature.md': WRONG_FEATURE });
    const sarif = JSON.parse(run(['lint', '--format', 'sarif'], cwd).stdout);
    const uri = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    assert.equal(uri, 'odd%20dir/a%23b%3Fc%25d.feature.md');
    assert.equal(decodeURIComponent(uri), 'odd dir/a#b?c%d.feature.md');
  });

  it('a broken config met while linting is a config-error finding; its artifacts use defaults', () => {
    const cwd = workspace({ '.agile-artifacts.yaml': 'rules: {wrong-role: off\n', 'x.feature.md': WRONG_FEATURE });
    const result = run(['lint', '--format', 'json'], cwd);
    assert.equal(result.status, 1);
    const rules = JSON.parse(result.stdout).map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`);
    assert.deepEqual(rules, ['.agile-artifacts.yaml config-error', 'x.feature.md wrong-role']);
  });

  it('a valid config applies to the artifacts below it', () => {
    const cwd = workspace({ 'team/.agile-artifacts.yaml': 'rules:\n  wrong-role: off\n', 'team/x.feature.md': WRONG_FEATURE });
    const result = run(['lint', 'team'], cwd);
    assert.equal(result.status, 0, result.stdout);
  });

  it('skips node_modules and dot-folders, and binary files with a note', () => {
    const cwd = workspace({
      'node_modules/pkg/x.feature.md': WRONG_FEATURE,
      '.git/x.feature.md': WRONG_FEATURE,
      'junk.feature.md': Buffer.from([0, 1, 2, 3, 255, 0]),
    });
    const result = run(['lint', '--format', 'json'], cwd);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '[]\n');
    assert.match(result.stderr, /skipped junk\.feature\.md: not a text file/);
  });

  it('walks the dot-folders that hold items: issue templates and Kiro specs', () => {
    const cwd = workspace({
      '.github/ISSUE_TEMPLATE/x.feature.md': WRONG_FEATURE,
      '.kiro/specs/cards/x.feature.md': WRONG_FEATURE,
      '.vscode/x.feature.md': WRONG_FEATURE,
    });
    const result = run(['lint', '--format', 'json'], cwd);
    const files = [...new Set(JSON.parse(result.stdout).map((f: { file: string }) => f.file))].sort();
    assert.deepEqual(files, ['.github/ISSUE_TEMPLATE/x.feature.md', '.kiro/specs/cards/x.feature.md']);
  });

  it('globs match below their fixed prefix', () => {
    const cwd = workspace({ 'backlog/a/x.feature.md': WRONG_FEATURE, 'other/y.feature.md': WRONG_FEATURE });
    const result = run(['lint', 'backlog/**/*.md', '--format', 'json'], cwd);
    assert.deepEqual(JSON.parse(result.stdout).map((f: { file: string }) => f.file), ['backlog/a/x.feature.md']);
  });

  it('explain prints a role card; an unknown term exits 2 with a suggestion', () => {
    const cwd = workspace({});
    const po = run(['explain', 'PO'], cwd);
    assert.equal(po.status, 0);
    assert.match(po.stdout, /^Product Owner/);
    assert.match(po.stdout, /accepts stories/);
    assert.match(run(['explain', 'Project', 'Manager'], cwd).stdout, /not a SAFe role/);
    const unknown = run(['explain', 'Prodct Owner'], cwd);
    assert.equal(unknown.status, 2);
  });
});
