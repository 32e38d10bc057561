import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { CLI, workspace } from './cliProcess';

const ROOT = path.resolve(__dirname, '../../..');
const WRONG_FEATURE = '---\naccepted-by: PO\n---\n# Feature: Cards\n\nIn the Program Increment.\n\n## Benefit Hypothesis\n\nb\n\n## Acceptance Criteria\n\n- ok\n';

interface ActionStep {
  id: string;
  shell: string;
  env?: Record<string, string>;
  run: string;
}

interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = YAML.parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

/**
 * Runs the action's lint step as the runner would (bash -eo pipefail, inputs
 * through the environment, GITHUB_OUTPUT a file); the build step is `npm run
 * build`, done before the tests, so it is not run here.
 */
function runAction(cwd: string, inputs: Record<string, string> = {}) {
  assert.equal(action.runs.using, 'composite');
  const step = action.runs.steps.find((candidate) => candidate.id === 'lint');
  assert.ok(step, 'a step with id lint');
  const output = path.join(cwd, '.github-output');
  fs.writeFileSync(output, '');
  const value = (expression: string) =>
    expression.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
      if (name === 'github.action_path') return ROOT;
      const input = name.replace(/^inputs\./, '');
      assert.ok(input in action.inputs, `unknown input ${name}`);
      return inputs[input] ?? action.inputs[input].default;
    });
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_OUTPUT: output, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };
  for (const [key, expression] of Object.entries(step.env ?? {})) env[key] = value(expression);
  assert.equal(step.shell, 'bash');
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(fs.readFileSync(output, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs };
}

describe('GitHub Action (action.yml, its lint step run as the runner runs it)', function () {
  if (process.platform === 'win32') return;
  this.timeout(30_000);

  it('prints annotations, writes SARIF for upload-sarif, sets its outputs and fails on findings', () => {
    const cwd = workspace({ 'backlog/cards.feature.md': WRONG_FEATURE });
    const result = runAction(cwd);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^::warning file=backlog\/cards\.feature\.md,line=2,col=14,endLine=2,endColumn=16,title=wrong-role::Product Owners accept stories/m);
    assert.match(result.stdout, /^::notice file=backlog\/cards\.feature\.md,line=6,.*title=outdated-term::/m);
    const sarif = JSON.parse(fs.readFileSync(path.join(cwd, 'agile-artifacts.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId), ['wrong-role', 'outdated-term']);
    assert.deepEqual(result.outputs, { 'sarif-file': 'agile-artifacts.sarif', 'exit-code': '1' });
  });

  it('passes with fail-on-findings false or enough max-warnings, and a clean backlog', () => {
    const cwd = workspace({ 'backlog/cards.feature.md': WRONG_FEATURE });
    const tolerant = runAction(cwd, { 'fail-on-findings': 'false' });
    assert.equal(tolerant.status, 0, tolerant.stderr);
    assert.equal(tolerant.outputs['exit-code'], '1');
    assert.equal(runAction(cwd, { 'max-warnings': '1' }).status, 0);
    assert.equal(runAction(workspace({ 'x.feature.md': WRONG_FEATURE.replace('PO', 'PM') })).status, 0);
  });

  it('bad usage always fails (exit 2), whatever fail-on-findings says', () => {
    const cwd = workspace({ 'x.feature.md': WRONG_FEATURE });
    const result = runAction(cwd, { paths: 'missing', 'fail-on-findings': 'false' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /no such file or folder: missing/);
  });

  it('several paths and no SARIF; a path is data, never shell', () => {
    const cwd = workspace({ 'a/x.feature.md': WRONG_FEATURE, 'b/y.feature.md': WRONG_FEATURE, 'c/z.feature.md': WRONG_FEATURE });
    const result = runAction(cwd, { paths: 'a\nb/*.md', 'sarif-file': '', annotations: 'true' });
    assert.equal(result.status, 1);
    assert.deepEqual(result.stdout.match(/file=[^,]+/g), ['file=a/x.feature.md', 'file=a/x.feature.md', 'file=b/y.feature.md', 'file=b/y.feature.md']);
    assert.equal(result.outputs['sarif-file'], undefined);
    const injected = runAction(cwd, { paths: 'a $(touch pwned) `touch pwned2`' });
    assert.equal(injected.status, 2);
    assert.ok(!fs.existsSync(path.join(cwd, 'pwned')) && !fs.existsSync(path.join(cwd, 'pwned2')));
  });
});

describe('pre-commit hooks (.pre-commit-hooks.yaml)', () => {
  const hooks = YAML.parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; types: string[] }[];
  const { bin } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

  /** Runs a hook's entry as pre-commit does: the entry, then the staged files that match its types. */
  function runHook(id: string, cwd: string, files: string[]) {
    const hook = hooks.find((candidate) => candidate.id === id);
    assert.ok(hook, `a hook with id ${id}`);
    assert.equal(hook.language, 'node');
    assert.deepEqual(hook.types, ['markdown']);
    const [command, ...args] = hook.entry.split(' ');
    assert.ok(command in bin, `the entry runs the package's bin (${Object.keys(bin).join(', ')})`);
    return spawnSync(process.execPath, [CLI, ...args, ...files], { cwd, encoding: 'utf8' });
  }

  it('agile-artifacts lints the staged Markdown files it is given, and fails the commit on a warning', () => {
    const cwd = workspace({ 'staged.feature.md': WRONG_FEATURE, 'not-staged.feature.md': WRONG_FEATURE });
    const result = runHook('agile-artifacts', cwd, ['staged.feature.md']);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^staged\.feature\.md:2:14 .*wrong-role$/m);
    assert.doesNotMatch(result.stdout, /not-staged/);
  });

  it('agile-artifacts-fix applies the safe fixes to the staged files (pre-commit then shows the change)', () => {
    const cwd = workspace({ 'staged.feature.md': WRONG_FEATURE });
    runHook('agile-artifacts-fix', cwd, ['staged.feature.md']);
    assert.match(fs.readFileSync(path.join(cwd, 'staged.feature.md'), 'utf8'), /In the Planning Interval\./);
  });
});
