import * as assert from 'node:assert/strict';
import { LineIndex, fixSafely, preferredFixes, safeFixes } from '../../src/core';
import type { Finding, Fix, Range } from '../../src/core';

function onLine0(start: number, end: number): Range {
  return { start: { line: 0, character: start }, end: { line: 0, character: end } };
}

/** A finding whose fix replaces its range with `newText`; `preferred` as fix-all sees it. */
function finding(rule: string, range: Range, newText: string, preferred = true): Finding {
  const fix: Fix = { title: `Replace with ${newText}`, edits: [{ range, newText }] };
  if (preferred) fix.preferred = true;
  return { rule, severity: 'hint', message: rule, range, fixes: [fix] };
}

/** A stand-in for the linter: every match of `old` is an outdated-term finding whose fix writes `new`. */
function linter(rules: { old: RegExp; new: string }[]): (text: string) => Finding[] {
  return (text) => {
    const index = new LineIndex(text);
    return rules.flatMap((rule) => [...text.matchAll(rule.old)].map((match) => finding('outdated-term', index.rangeOf(match.index ?? 0, (match.index ?? 0) + match[0].length), rule.new)));
  };
}

describe('fix-all (src/core/fixAll.ts): the safe fixes the editor and lint --fix apply', () => {
  it('takes the preferred fix of renamed terms, typos and enabler kinds, never of who accepts or owns', () => {
    const chosen = safeFixes([
      finding('outdated-term', onLine0(0, 2), 'PI'),
      finding('unknown-role', onLine0(3, 5), 'PO'),
      finding('wrong-role', onLine0(6, 8), 'PM'),
      finding('enabler-type', onLine0(9, 11), 'architectural'),
      finding('unknown-role', onLine0(12, 14), 'Alice', false),
    ]);
    assert.deepEqual(chosen.map((fix) => fix.edits[0].newText), ['PI', 'PO', 'architectural']);
  });

  it('leaves out a fix that overlaps or touches one already taken', () => {
    const findings = [finding('outdated-term', onLine0(0, 5), 'a'), finding('outdated-term', onLine0(3, 8), 'b'), finding('outdated-term', onLine0(5, 6), 'c'), finding('outdated-term', onLine0(7, 9), 'd')];
    assert.deepEqual(preferredFixes(findings, () => true).map((fix) => fix.edits[0].newText), ['a', 'd']);
  });

  it('fixSafely applies on the next pass what overlapped on the first, until nothing is left', () => {
    const lint = linter([
      { old: /x/g, new: 'X' },
      { old: /xy/gi, new: 'Z' },
    ]);
    const fixed = fixSafely('xy and xy\n', lint('xy and xy\n'), lint);
    assert.deepEqual(fixed, { text: 'Z and Z\n', findings: [], fixCount: 4 });
  });

  it('fixSafely writes a line break in a fix as the text writes its own', () => {
    const lint = linter([{ old: /X/g, new: 'one\ntwo' }]);
    assert.equal(fixSafely('a X b\r\nc\r\n', lint('a X b\r\nc\r\n'), lint).text, 'a one\r\ntwo b\r\nc\r\n');
  });
});
