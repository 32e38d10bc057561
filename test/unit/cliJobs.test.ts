import * as assert from 'node:assert/strict';
import { run, workspace } from './cliProcess';

// `--jobs N` (parallel.ts): with enough files the CLI lints on worker threads;
// what it prints must not depend on how many. The workspace is large enough
// that three threads are really used (50 files per thread at least), and holds
// what tests the merge: parents across files, a duplicate id in two threads'
// share, a broken config file met on the way, and a file that is skipped.

const FILES = 180;

function backlogFiles(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {
    'backlog/EPIC-1.md': '# Epic EPIC-1: Checkout\n\n## Epic Hypothesis Statement\n\nFor shoppers, checkout in one click so that they pay faster.\n',
    // A config with a mistake, in the folder of the last files: its finding is reported once.
    'backlog/team-9/.agile-artifacts.yaml': 'rules:\n  story-format: sometimes\n',
    'backlog/team-4/binary.md': Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]),
  };
  for (let i = 1; i <= FILES; i++) {
    const team = `team-${i % 10}`;
    if (i % 6 === 0) {
      files[`backlog/${team}/FEAT-${i}.md`] =
        `---\ntype: feature\nparent: EPIC-1\naccepted-by: ${i % 12 === 0 ? 'Product Owner' : 'Product Management'}\n---\n# Feature FEAT-${i}: Part ${i}\n\n## Benefit Hypothesis\n\nWe believe part ${i} will help.\n\n## Acceptance Criteria\n\n- It works.\n`;
    } else {
      const parent = `FEAT-${Math.max(6, i - (i % 6))}`;
      // ST-7 twice: a duplicate id across two files far apart in the list.
      const id = i === 170 ? 'ST-7' : `ST-${i}`;
      files[`backlog/${team}/${id}-${i}.md`] =
        `# Story ${id}: Step ${i}\n\n**Parent:** ${i % 25 === 0 ? 'FEAT-999' : parent}\n\nAs a shopper, I want step ${i} so that I pay in the Program Increment.\n\n## Acceptance Criteria\n\n- Given a cart, when I pay, then it works.\n`;
    }
  }
  return files;
}

describe('CLI --jobs (built, as a process): the same output on one thread and on several', function () {
  this.timeout(120000);
  const root = workspace(backlogFiles());

  for (const args of [['lint', 'backlog', '--format', 'json'], ['lint', 'backlog'], ['backlog', 'backlog', '--format', 'json'], ['backlog', 'backlog']]) {
    it(`${args.join(' ')}: --jobs 3 prints what --jobs 1 prints`, () => {
      const one = run([...args, '--jobs', '1'], root);
      const three = run([...args, '--jobs', '3'], root);
      assert.ok(one.stdout.length > 1000, `the run prints findings or items: ${one.stderr}`);
      assert.equal(three.stdout, one.stdout);
      assert.equal(three.stderr, one.stderr);
      assert.equal(three.status, one.status);
    });
  }

  it('the merged run still sees what only the whole set shows: graph rules, config findings, skipped files', () => {
    const result = run(['lint', 'backlog', '--format', 'json', '--jobs', '3'], root);
    const findings = JSON.parse(result.stdout) as { file: string; rule: string }[];
    const rules = (rule: string) => findings.filter((finding) => finding.rule === rule).length;
    assert.equal(rules('duplicate-id'), 2, 'ST-7 is reported in both files');
    const numbers = Array.from({ length: FILES }, (_, i) => i + 1);
    const stories = numbers.filter((i) => i % 6 !== 0);
    assert.equal(rules('unknown-parent'), stories.filter((i) => i % 25 === 0).length, 'every story whose Parent is FEAT-999');
    assert.equal(rules('wrong-role'), numbers.filter((i) => i % 12 === 0).length, 'every feature accepted by the Product Owner');
    assert.equal(findings.filter((finding) => finding.file === 'backlog/team-9/.agile-artifacts.yaml').length, 1);
    assert.match(result.stderr, /skipped backlog\/team-4\/binary\.md: not a text file/);
  });

  it('--jobs takes a number of threads', () => {
    const result = run(['lint', 'backlog', '--jobs', 'many'], root);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--jobs takes a number of threads \(1 or more\), not "many"/);
  });
});
