import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, start, workspace } from './cliProcess';

/** A feature with two outdated terms and a misspelt role (safe to fix) and a Product Owner accepting it (never fixed). */
function feature(eol: string): string {
  return [
    '---',
    'type: feature',
    'owner: Prodct Managment',
    'accepted-by: PO',
    '---',
    '# Feature: Saved cards',
    '',
    'Planned for the next Program Increment, from the Program Backlog.',
    '',
    '## Benefit Hypothesis',
    '',
    'We believe it helps.',
    '',
    '## Acceptance Criteria',
    '',
    '- ok',
    '',
  ].join(eol);
}

function fixedFeature(eol: string): string {
  return feature(eol).replace('Prodct Managment', 'Product Management').replace('Program Increment', 'Planning Interval').replace('Program Backlog', 'ART Backlog');
}

const BOM = '\uFEFF';

/** The files a folder holds, so a test sees that no temporary file was left behind. */
function listing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

function rulesOf(stdout: string): string[] {
  return (JSON.parse(stdout) as { file: string; line: number; rule: string }[]).map((f) => `${f.file}:${f.line} ${f.rule}`);
}

describe('CLI lint --fix (built, as a process)', () => {
  it('fixes terms and misspelt roles, never who accepts, keeping CRLF, a BOM and mixed line endings; reports what is left', () => {
    const mixed = feature('\n').split('\n').map((line, i) => line + (i % 3 === 0 ? '\r\n' : '\n')).join('').slice(0, -1);
    const cwd = workspace({ 'crlf.feature.md': feature('\r\n'), 'bom.feature.md': BOM + feature('\n'), 'mixed.feature.md': mixed });
    const result = run(['lint', '--fix', '--format', 'json'], cwd);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, '');
    assert.equal(fs.readFileSync(path.join(cwd, 'crlf.feature.md'), 'utf8'), fixedFeature('\r\n'));
    assert.equal(fs.readFileSync(path.join(cwd, 'bom.feature.md'), 'utf8'), BOM + fixedFeature('\n'));
    assert.equal(fs.readFileSync(path.join(cwd, 'mixed.feature.md'), 'utf8'), fixedFeature('\n').split('\n').map((line, i) => line + (i % 3 === 0 ? '\r\n' : '\n')).join('').slice(0, -1));
    // Only who accepts is left: changing it is the author's decision.
    assert.deepEqual(rulesOf(result.stdout), ['bom.feature.md:4 wrong-role', 'crlf.feature.md:4 wrong-role', 'mixed.feature.md:4 wrong-role']);
  });

  it('the text report says what was fixed before what is left', () => {
    const cwd = workspace({ 'x.feature.md': feature('\n') });
    const result = run(['lint', '--fix'], cwd);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /wrong-role\nFixed 3 problems in 1 file\.\n1 problem \(1 warning\) in 1 file\.\n$/);
  });

  it('exit 0 when only safe problems were found: they are fixed', () => {
    const cwd = workspace({ 'x.feature.md': feature('\n').replace('accepted-by: PO', 'accepted-by: PM') });
    assert.equal(run(['lint', '--fix'], cwd).status, 0);
    assert.equal(run(['lint'], cwd).status, 0);
  });

  it('keeps the file mode, and a link stays a link to the fixed file', function () {
    if (process.platform === 'win32') this.skip();
    const cwd = workspace({ 'real/x.feature.md': feature('\n') });
    const file = path.join(cwd, 'real/x.feature.md');
    fs.chmodSync(file, 0o640);
    fs.symlinkSync('real/x.feature.md', path.join(cwd, 'link.feature.md'));
    run(['lint', '--fix', 'link.feature.md'], cwd);
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.ok(fs.lstatSync(path.join(cwd, 'link.feature.md')).isSymbolicLink());
    assert.equal(fs.readFileSync(file, 'utf8'), fixedFeature('\n'));
  });

  it('a second run changes nothing and writes no file', () => {
    const cwd = workspace({ 'x.feature.md': feature('\r\n'), 'y.feature.md': BOM + feature('\n') });
    run(['lint', '--fix'], cwd);
    const before = listing(cwd).map((name) => [name, fs.statSync(path.join(cwd, name)).ino, fs.readFileSync(path.join(cwd, name), 'latin1')]);
    const second = run(['lint', '--fix'], cwd);
    assert.equal(second.status, 1);
    assert.doesNotMatch(second.stdout, /Fixed/);
    // A written file is a new file renamed into place: the same inode means it was not touched.
    assert.deepEqual(listing(cwd).map((name) => [name, fs.statSync(path.join(cwd, name)).ino, fs.readFileSync(path.join(cwd, name), 'latin1')]), before);
  });

  it('never writes a file without a safe fix, a skipped file or a config file', () => {
    const large = '# Feature: Big\n\n' + 'The Program Increment plan.\n'.repeat(200_000);
    const cwd = workspace({
      'only-wrong-role.feature.md': '---\naccepted-by: PO\n---\n# Feature: X\n\n## Benefit Hypothesis\n\nb\n\n## Acceptance Criteria\n\n- ok\n',
      'binary.feature.md': Buffer.concat([Buffer.from('# Feature: Program Increment\n'), Buffer.from([0, 1, 2])]),
      'large.feature.md': large,
      '.agile-artifacts.yaml': 'rules:\n  outdated-term: loud\nroles:\n  product-owner: [Prodct Ownr]\n',
    });
    const inodes = () => listing(cwd).map((name) => `${name} ${fs.statSync(path.join(cwd, name)).ino} ${fs.statSync(path.join(cwd, name)).size}`);
    const before = inodes();
    const result = run(['lint', '--fix', '--format', 'json'], cwd);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /skipped binary\.feature\.md: not a text file/);
    assert.match(result.stderr, /skipped large\.feature\.md/);
    assert.deepEqual(inodes(), before);
    assert.deepEqual(rulesOf(result.stdout), ['.agile-artifacts.yaml:2 config-error', 'only-wrong-role.feature.md:2 wrong-role']);
  });

  it('a file that is not valid UTF-8 is linted but not fixed: writing it would change other bytes', () => {
    const bytes = Buffer.concat([Buffer.from(feature('\n')), Buffer.from([0xff, 0xfe, 0x0a])]);
    const cwd = workspace({ 'x.feature.md': bytes });
    const result = run(['lint', '--fix', '--format', 'json'], cwd);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /not fixed x\.feature\.md: it is not valid UTF-8/);
    assert.deepEqual(fs.readFileSync(path.join(cwd, 'x.feature.md')), bytes);
    assert.ok(rulesOf(result.stdout).includes('x.feature.md:8 outdated-term'));
  });

  it('a read-only file: a clear error, exit 2, the file as it was and no temporary file; the other files are fixed', function () {
    if (process.platform === 'win32') this.skip();
    const cwd = workspace({ 'locked.feature.md': feature('\n'), 'open.feature.md': feature('\n') });
    fs.chmodSync(path.join(cwd, 'locked.feature.md'), 0o444);
    const result = run(['lint', '--fix', '--format', 'json'], cwd);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^agile-artifacts: cannot fix locked\.feature\.md: the file is read-only; it was left as it was\n$/);
    assert.equal(fs.readFileSync(path.join(cwd, 'locked.feature.md'), 'utf8'), feature('\n'));
    assert.equal(fs.readFileSync(path.join(cwd, 'open.feature.md'), 'utf8'), fixedFeature('\n'));
    assert.deepEqual(listing(cwd), ['locked.feature.md', 'open.feature.md']);
    // The report is whole, and for the locked file it is what is still in it.
    const locked = rulesOf(result.stdout).filter((row) => row.startsWith('locked'));
    assert.deepEqual(locked, ['locked.feature.md:3 unknown-role', 'locked.feature.md:4 wrong-role', 'locked.feature.md:8 outdated-term', 'locked.feature.md:8 outdated-term']);
  });

  it('a file changed on disk while the run lints is not overwritten (exit 2)', async function () {
    if (process.platform === 'win32' || spawnSync('mkfifo', ['--version']).error) this.skip();
    this.timeout(20_000);
    const cwd = workspace({ 'x.feature.md': feature('\n') });
    // The CLI reads its files in order and writes only after linting them all. Reading the pipe waits for this test,
    // so x.feature.md is read, then changed here, before the CLI could write it.
    assert.equal(spawnSync('mkfifo', [path.join(cwd, 'pipe.md')]).status, 0);
    const cli = start(['lint', '--fix', 'x.feature.md', 'pipe.md'], cwd);
    const pipe = await fs.promises.open(path.join(cwd, 'pipe.md'), 'w');
    const edited = feature('\n').replace('Saved cards', 'Saved cards, edited meanwhile');
    fs.writeFileSync(path.join(cwd, 'x.feature.md'), edited);
    await pipe.writeFile('# Notes\n');
    await pipe.close();
    const result = await cli;
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /cannot fix x\.feature\.md: the file changed on disk while it was linted; it was left as it was/);
    assert.equal(fs.readFileSync(path.join(cwd, 'x.feature.md'), 'utf8'), edited);
    assert.deepEqual(listing(cwd), ['pipe.md', 'x.feature.md']);
  });
});
