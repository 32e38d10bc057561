import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintMarkdown } from '../../src/core';

// Real backlog files from public repositories, read in place (never copied here).
const FILES = path.resolve(__dirname, '../../../../shared/realworld/files');
const ROLE_RULES = new Set(['wrong-role', 'unknown-role', 'role-separation', 'prose-role']);

describe('real backlog files (../shared/realworld): no role false alarms', () => {
  before(function () {
    if (!fs.existsSync(FILES)) this.skip();
  });

  it('none as they are, and none when each is read as every artifact type', function () {
    // 104 files, each linted six times: a hang is still caught, a busy machine is not mistaken for one.
    this.timeout(60_000);
    const alarms: string[] = [];
    for (const name of fs.readdirSync(FILES)) {
      const text = fs.readFileSync(path.join(FILES, name), 'utf8');
      for (const fileName of [name, 'x.epic.md', 'x.capability.md', 'x.feature.md', 'x.story.md', 'x.enabler.md']) {
        for (const finding of lintMarkdown(text, { fileName }).findings) {
          if (ROLE_RULES.has(finding.rule)) alarms.push(`${name} as ${fileName}:${finding.range.start.line + 1}: ${finding.message}`);
        }
      }
    }
    assert.deepEqual(alarms, []);
  });
});
