import * as assert from 'node:assert/strict';
import { LineIndex } from '../../src/core';
import type { Finding } from '../../src/core';

/** Every finding's range lies inside the text and starts before it ends. */
export function assertRangesValid(text: string, findings: Finding[]): void {
  const index = new LineIndex(text);
  for (const finding of findings) {
    const start = index.offsetAt(finding.range.start);
    const end = index.offsetAt(finding.range.end);
    assert.ok(start <= end, `${finding.rule}: range ends before it starts`);
    assert.ok(finding.range.start.line < index.lineCount, `${finding.rule}: line out of range`);
    assert.ok(finding.message.length > 10, `${finding.rule}: message too short`);
    assert.ok(!/\{[a-zA-Z]+\}/.test(finding.message), `${finding.rule}: unfilled placeholder in "${finding.message}"`);
  }
}
