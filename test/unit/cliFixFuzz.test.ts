import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, fixtureFiles } from './fixtureExpectations';
import { run, workspace } from './cliProcess';
import { mulberry32, mutate } from './mutate';

interface JsonFinding {
  file: string;
  line: number;
  rule: string;
}

function snapshot(dir: string): Map<string, string> {
  return new Map(fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name), 'latin1')]));
}

/** `line rule` of each finding, by file, so before and after can be compared as multisets. */
function byFile(stdout: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  for (const f of JSON.parse(stdout) as JsonFinding[]) files.set(f.file, [...(files.get(f.file) ?? []), `${f.line} ${f.rule}`]);
  return files;
}

describe('fuzz: lint --fix on mutated fixtures (seeded, built CLI as a process)', function () {
  this.timeout(60_000);
  const seed = 20261201;
  const count = 300;

  it(`${count} mutations from seed ${seed}: no crash, fixed files re-lint with no new finding, a second --fix changes nothing`, () => {
    const random = mulberry32(seed);
    const sources = fixtureFiles('markdown', /\.md$/).map((file) => ({ name: path.basename(file), text: fs.readFileSync(path.join(FIXTURES, file), 'utf8') }));
    const corpus: Record<string, string> = {};
    for (let i = 0; i < count; i++) {
      const source = sources[i % sources.length];
      corpus[`corpus/${String(i).padStart(3, '0')}-${source.name}`] = mutate(source.text, random);
    }
    const cwd = workspace(corpus);
    const dir = path.join(cwd, 'corpus');
    const original = snapshot(dir);
    const before = run(['lint', 'corpus', '--format', 'json'], cwd);

    const fixed = run(['lint', 'corpus', '--fix', '--format', 'json'], cwd);
    assert.ok(fixed.status === 0 || fixed.status === 1, `exit ${fixed.status}: ${fixed.stderr}`);
    assert.doesNotMatch(fixed.stderr, /internal error|cannot fix/);
    const afterFix = snapshot(dir);
    const changed = [...afterFix].filter(([name, bytes]) => original.get(name) !== bytes).map(([name]) => name);
    assert.ok(changed.length >= 10, `the corpus exercises --fix (${changed.length} files changed)`);

    // What --fix reports as left is what a fresh lint of the fixed files finds.
    const relint = run(['lint', 'corpus', '--format', 'json'], cwd);
    assert.equal(relint.stdout, fixed.stdout);
    const was = byFile(before.stdout);
    for (const [file, findings] of byFile(relint.stdout)) {
      const left = [...(was.get(file) ?? [])];
      // A misspelt type, spelt right, makes the file an artifact of that type: its checks run from now on.
      const typeFixed = left.some((finding) => finding.endsWith(' unknown-type'));
      for (const finding of findings) {
        const at = left.indexOf(finding);
        // A misspelt or outdated role name, fixed, is a role the linter can judge: it may be the wrong one for the job.
        const line = finding.split(' ')[0];
        const renamed = finding.endsWith(' wrong-role') ? left.findIndex((old) => old === `${line} unknown-role` || old === `${line} outdated-term`) : -1;
        const newByType = typeFixed && !finding.endsWith(' frontmatter-syntax');
        assert.ok(at >= 0 || renamed >= 0 || newByType, `${file}: new finding after --fix: line ${finding}\n--- before ---\n${JSON.stringify(original.get(path.basename(file)))}`);
        if (at >= 0 || renamed >= 0) left.splice(at >= 0 ? at : renamed, 1);
      }
    }

    const second = run(['lint', 'corpus', '--fix'], cwd);
    assert.doesNotMatch(second.stdout, /^Fixed/m);
    assert.deepEqual(snapshot(dir), afterFix);
  });
});
