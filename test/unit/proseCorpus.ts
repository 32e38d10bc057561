import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintMarkdown } from '../../src/core';
import { expectedFindings } from './fixtureExpectations';

/** How the prose-role findings of a corpus compare with the lines where they are expected. */
export interface ProseScore {
  files: number;
  expected: number;
  /** Expected lines that were reported. */
  found: string[];
  /** Reported lines that were not expected (false alarms). */
  unexpected: string[];
  /** Expected lines that were not reported (misses). */
  missed: string[];
  precision: number;
  recall: number;
}

const RULE = 'prose-role';

/**
 * Scores a folder written like ../shared/prose: Markdown files and an
 * `expected.tsv` of `file<TAB>line<TAB>rule` rows; or, without one, files
 * annotated inline (`<!-- expect: prose-role -->`).
 */
export function scoreProseCorpus(folder: string): ProseScore {
  const names = fs.readdirSync(folder).filter((name) => name.endsWith('.md')).sort();
  const table = path.join(folder, 'expected.tsv');
  const expected = new Set<string>();
  if (fs.existsSync(table)) {
    for (const row of fs.readFileSync(table, 'utf8').split('\n')) {
      const [file, line, rule] = row.split('\t');
      if (rule?.trim() === RULE) expected.add(`${file}:${line}`);
    }
  }
  const reported = new Set<string>();
  for (const name of names) {
    const text = fs.readFileSync(path.join(folder, name), 'utf8');
    if (!fs.existsSync(table)) {
      for (const entry of expectedFindings(text)) if (entry.endsWith(`:${RULE}`)) expected.add(`${name}:${entry.split(':')[0]}`);
    }
    for (const finding of lintMarkdown(text, { fileName: name }).findings) {
      if (finding.rule === RULE) reported.add(`${name}:${finding.range.start.line + 1}`);
    }
  }
  const found = [...reported].filter((key) => expected.has(key));
  const unexpected = [...reported].filter((key) => !expected.has(key));
  const missed = [...expected].filter((key) => !reported.has(key));
  return {
    files: names.length,
    expected: expected.size,
    found,
    unexpected,
    missed,
    precision: reported.size ? found.length / reported.size : 1,
    recall: expected.size ? found.length / expected.size : 1,
  };
}
