import * as assert from 'node:assert/strict';
import { lintMarkdown, rulesTable } from '../../src/core';
import { artifactTemplate } from '../../src/core/templates';

describe('artifact templates (the "New …" command)', () => {
  for (const artifact of rulesTable().artifacts) {
    it(`a new ${artifact.name} lints without any finding`, () => {
      const text = artifactTemplate(artifact.id, 'Saved cards');
      const result = lintMarkdown(text, { fileName: 'saved-cards.md' });
      assert.equal(result.artifact, artifact.id, `the template was detected as ${result.artifact ?? 'no artifact'}:\n${text}`);
      const findings = result.findings.map((finding) => `line ${finding.range.start.line + 1} ${finding.rule}: ${finding.message}`);
      assert.deepEqual(findings, [], `template:\n${text}`);
    });
  }

  it('fills role fields with the allowed roles, the title and the required sections', () => {
    const text = artifactTemplate('enabler-feature', 'Search index');
    assert.match(text, /^---\ntype: enabler-feature\nenabler: exploration {2}# or architectural, infrastructure, compliance\n/);
    assert.match(text, /\naccepted-by: Product Management\n/);
    assert.match(text, /\ndefined-by: System Architect {2}# or Product Management\n/);
    assert.match(text, /\n# Enabler Feature: Search index\n/);
    assert.match(text, /\n## Benefit Hypothesis\n\nWe believe that <this work>/);
    assert.match(text, /\n## Acceptance Criteria\n\n- Given <a context>/);
  });

  it('starts a story with a user-voice statement', () => {
    assert.match(artifactTemplate('story', 'Export orders'), /\n# Story: Export orders\n\nAs a <user role>, I want <activity> so that <value>\.\n/);
  });

  it('refuses an unknown artifact type', () => {
    assert.throws(() => artifactTemplate('saga', 'x'), /Unknown artifact type "saga"/);
  });
});
