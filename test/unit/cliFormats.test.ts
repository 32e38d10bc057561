import * as assert from 'node:assert/strict';
import { run, workspace } from './cliProcess';

const SECTIONS = '\n## Benefit Hypothesis\n\nb\n\n## Acceptance Criteria\n\n- ok\n';
/** Two warnings (a misspelt role whose value holds a line break, a wrong role) and a hint. */
const FEATURE = `---\ntype: feature\nowner: "Prodct\\r\\nManagment"\naccepted-by: PO\n---\n# Feature: Cards\n\nIn the Program Increment.\n${SECTIONS}`;
/** A config that is not YAML: an error (and the defaults apply). */
const BROKEN_CONFIG = { '.agile-artifacts.yaml': 'rules: [\n' };

/** Reads `::command key=value,…::data` back the way the runner splits it: properties at `,`, the data after the second `::`. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; data: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const unescape = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries(match[2].split(',').map((pair) => pair.split('=')).map(([key, value]) => [key, unescape(value)]));
  return { command: match[1], properties, data: unescape(match[3]) };
}

describe('CLI --format github, gitlab and --max-warnings (built, as a process)', () => {
  it('github: one workflow command a finding; commas, colons, % and line breaks in paths and messages are escaped', function () {
    if (process.platform === 'win32') this.skip(); // no line break in a Windows file name
    const name = 'odd, dir: 100%/a\nb.feature.md';
    const cwd = workspace({ [name]: FEATURE, ...BROKEN_CONFIG });
    const result = run(['lint', '--format', 'github'], cwd);
    assert.equal(result.status, 1, result.stderr);
    const json = JSON.parse(run(['lint', '--format', 'json'], cwd).stdout) as { file: string; line: number; column: number; endLine: number; endColumn: number; rule: string; message: string; severity: string }[];
    const lines = result.stdout.split('\n');
    assert.equal(lines.pop(), '', 'ends with a line break');
    assert.equal(lines.length, json.length, 'no line break inside a command');
    const commands = lines.map(parseCommand);
    assert.deepEqual(
      commands.map((c) => c.command),
      json.map((f) => ({ error: 'error', warning: 'warning', information: 'notice', hint: 'notice' })[f.severity]),
    );
    commands.forEach((command, i) => {
      const f = json[i];
      assert.deepEqual(command.properties, { file: f.file, line: `${f.line}`, col: `${f.column}`, endLine: `${f.endLine}`, endColumn: `${f.endColumn}`, title: f.rule });
      assert.equal(command.data, f.message);
    });
    assert.ok(json.some((f) => f.file === name), 'the odd name is reported as it is');
    assert.ok(json.some((f) => f.message.includes('\r\n')), 'the fixture has a message with a line break');
    assert.ok(json.some((f) => f.message.includes(':') && f.message.includes(',')), 'and one with a colon and a comma');
    assert.match(result.stdout, /^::warning file=odd%2C dir%3A 100%25\/a%0Ab\.feature\.md,line=3,col=\d+,endLine=3,endColumn=\d+,title=unknown-role::"Prodct%0D%0AManagment" is no SAFe role name/m);
  });

  it('github: nothing printed when nothing is found', () => {
    const cwd = workspace({ 'x.feature.md': `---\naccepted-by: PM\n---\n# Feature: Cards\n${SECTIONS}` });
    const result = run(['lint', '--format', 'github'], cwd);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '');
  });

  it('gitlab: a Code Quality report with stable, distinct fingerprints', () => {
    const cwd = workspace({ 'x.feature.md': FEATURE, ...BROKEN_CONFIG });
    const report = JSON.parse(run(['lint', '--format', 'gitlab'], cwd).stdout) as { check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
    assert.deepEqual(
      report.map((issue) => `${issue.location.path}:${issue.location.lines.begin} ${issue.check_name} ${issue.severity}`),
      ['.agile-artifacts.yaml:1 config-error major', 'x.feature.md:3 unknown-role minor', 'x.feature.md:4 wrong-role minor', 'x.feature.md:8 outdated-term info'],
    );
    assert.equal(new Set(report.map((issue) => issue.fingerprint)).size, report.length);
    // A finding that moves down a line keeps its fingerprint, so GitLab does not call it new.
    const moved = workspace({ 'x.feature.md': FEATURE.replace('# Feature: Cards\n', '# Feature: Cards\n\nMore text.\n'), ...BROKEN_CONFIG });
    const again = JSON.parse(run(['lint', '--format', 'gitlab'], moved).stdout) as { check_name: string; fingerprint: string; location: { lines: { begin: number } } }[];
    const term = again.find((issue) => issue.check_name === 'outdated-term');
    assert.equal(term?.location.lines.begin, 10);
    assert.equal(term?.fingerprint, report.find((issue) => issue.check_name === 'outdated-term')?.fingerprint);
  });

  it('--max-warnings N: exit 1 only above N warnings, and always on an error', () => {
    const warnings = workspace({ 'x.feature.md': FEATURE });
    assert.equal(run(['lint', '--max-warnings', '2'], warnings).status, 0, 'two warnings, two allowed (the hint does not count)');
    assert.equal(run(['lint', '--max-warnings', '1'], warnings).status, 1);
    assert.equal(run(['lint', '--max-warnings', '0'], warnings).status, 1);
    assert.equal(run(['lint'], warnings).status, 1, 'without the option any warning fails');
    const withError = workspace({ 'x.feature.md': FEATURE, ...BROKEN_CONFIG });
    assert.equal(run(['lint', '--max-warnings', '100'], withError).status, 1);
    const hintsOnly = workspace({ 'x.feature.md': `# Feature: Cards\n\nIn the Program Increment.\n${SECTIONS}` });
    assert.equal(run(['lint', '--max-warnings', '0'], hintsOnly).status, 0);
  });

  it('--max-warnings takes a whole number: anything else is bad usage (exit 2, nothing on stdout)', () => {
    const cwd = workspace({ 'x.feature.md': FEATURE });
    for (const value of ['-1', 'ten', '1.5', '']) {
      const result = run(['lint', `--max-warnings=${value}`], cwd);
      assert.equal(result.status, 2, value);
      assert.equal(result.stdout, '', value);
      assert.match(result.stderr, /^agile-artifacts: --max-warnings takes a whole number/, value);
    }
  });
});
