import * as assert from 'node:assert/strict';
import { run, workspace } from './cliProcess';
import { CO_ACCEPT, FEATURE } from './processSamples';

const FINDING_KEYS = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message'];

describe('CLI with your process in the config', () => {
  it('a team rule clears a finding: exit 0, and the JSON is the same empty array', () => {
    const cwd = workspace({ '.agile-artifacts.yaml': CO_ACCEPT, 'backlog/cards.feature.md': FEATURE('Business Owners') });
    const result = run(['lint', '.', '--format', 'json'], cwd);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), []);
  });

  it('a finding under a team rule keeps the JSON shape and exit 1, and says whose rule it is', () => {
    const cwd = workspace({ '.agile-artifacts.yaml': CO_ACCEPT, 'cards.feature.md': FEATURE('PO') });
    const result = run(['lint', '.', '--format', 'json'], cwd);
    assert.equal(result.status, 1);
    const [finding] = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(finding), FINDING_KEYS);
    assert.equal(finding.rule, 'wrong-role');
    assert.match(finding.message, /in your process \(\.agile-artifacts\.yaml\): .*; SAFe gives this to Product Management\./);
  });

  it('a bad process entry is a config-error in the config file (exit 1); the rest of the file still applies', () => {
    const cwd = workspace({ '.agile-artifacts.yaml': `${CO_ACCEPT}  story: { acept: [product-owner] }\n`, 'cards.feature.md': FEATURE('Business Owners') });
    const result = run(['lint', '.', '--format', 'json'], cwd);
    assert.equal(result.status, 1);
    assert.deepEqual(JSON.parse(result.stdout).map((f: { file: string; line: number; rule: string }) => `${f.file}:${f.line}:${f.rule}`), ['.agile-artifacts.yaml:3:config-error']);
  });

  it('config files are layered: the nearer one overrides the farther one key by key', () => {
    const cwd = workspace({
      '.agile-artifacts.yaml': `${CO_ACCEPT}rules: { outdated-term: error }\n`,
      'team/.agile-artifacts.yaml': 'allow:\n  feature: { accept: [product-owner] }\n',
      'root.feature.md': FEATURE('Business Owners'),
      'team/po.feature.md': FEATURE('PO').replace('## Benefit', 'Due in Program Increment 3.\n\n## Benefit'),
      'team/bo.feature.md': FEATURE('Business Owners'),
    });
    const result = run(['lint', '.', '--format', 'json'], cwd);
    const found = JSON.parse(result.stdout).map((f: { file: string; line: number; rule: string; severity: string }) => `${f.file}:${f.line}:${f.rule}:${f.severity}`);
    assert.deepEqual(found, ['team/bo.feature.md:3:wrong-role:warning', 'team/po.feature.md:7:outdated-term:error']);
    assert.equal(result.status, 1);
  });

  it('--config with process keys applies alone; one that cannot be used exits 2', () => {
    const cwd = workspace({ 'ci.yaml': CO_ACCEPT, 'broken.yaml': 'allow: [', 'cards.feature.md': FEATURE('Business Owners') });
    assert.equal(run(['lint', 'cards.feature.md', '--config', 'ci.yaml'], cwd).status, 0);
    const broken = run(['lint', 'cards.feature.md', '--config', 'broken.yaml'], cwd);
    assert.equal(broken.status, 2);
    assert.equal(broken.stdout, '');
  });

  it('explain shows the rule in force here: SAFe\'s and your process\'s', () => {
    const cwd = workspace({ '.agile-artifacts.yaml': `profile: safe-5\n${CO_ACCEPT}` });
    const card = run(['explain', 'Business', 'Owners'], cwd);
    assert.equal(card.status, 0);
    assert.match(card.stdout, /Your process \(\.agile-artifacts\.yaml\) lets Business Owners accept features; SAFe gives this to Product Management\./);
    assert.match(run(['explain', 'accepted-by'], cwd).stdout, /Feature: Product Management or Business Owners — your process \(\.agile-artifacts\.yaml\); SAFe: Product Management/);
    assert.match(run(['explain', 'Product Management'], cwd).stdout, /orders the Program Backlog/);
    assert.doesNotMatch(run(['explain', 'Business Owners'], workspace({})).stdout, /Your process/);
  });
});
