import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintConfigText, lintMarkdown, RoleResolver, rulesTable } from '../../src/core';
import type { Finding } from '../../src/core';
import { expectedFindings, FIXTURES, fixtureFiles, folderConfig } from './fixtureExpectations';

const actual = (findings: Finding[]) => findings.map((f) => `${f.range.start.line + 1}:${f.rule}`).sort();

describe('annotated fixtures', () => {
  for (const file of fixtureFiles('markdown', /\.md$/)) {
    it(file, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const config = folderConfig(file);
      const resolver = config ? new RoleResolver(rulesTable(), config) : undefined;
      const result = lintMarkdown(text, { fileName: file, config, resolver });
      assert.deepEqual(actual(result.findings), expectedFindings(text), result.findings.map((f) => `${f.range.start.line + 1}: ${f.message}`).join('\n'));
    });
  }
  for (const file of fixtureFiles('', /\.agile-artifacts\.yaml$/)) {
    it(file, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const result = lintConfigText(text);
      assert.deepEqual(actual(result.findings), expectedFindings(text), result.findings.map((f) => `${f.range.start.line + 1}: ${f.message}`).join('\n'));
    });
  }
});
