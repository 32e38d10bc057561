import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintConfigText } from '../../src/core';
import type { ArtifactsConfig } from '../../src/core';

/** Where the annotated fixtures live, from the bundled test in out/test/unit. */
export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

const EXPECT = /(?:<!--|#)\s*expect(?:-line\s+(\d+))?:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/g;

/**
 * Reads the findings a fixture expects, written on the line they belong to:
 * `<!-- expect: wrong-role -->` in Markdown, `# expect: config-error` in YAML;
 * `expect-line 1: rule` names another line (for a line that cannot hold a comment).
 * Returns "line:rule" strings (1-based lines), sorted.
 */
export function expectedFindings(text: string): string[] {
  const expected: string[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(EXPECT)) {
      const line = match[1] ? Number(match[1]) : index + 1;
      for (const rule of match[2].split(',')) expected.push(`${line}:${rule.trim()}`);
    }
  });
  return expected.sort();
}

/** All fixture files below a folder, relative to FIXTURES. */
export function fixtureFiles(folder: string, pattern: RegExp): string[] {
  const root = path.join(FIXTURES, folder);
  return fs
    .readdirSync(root, { recursive: true })
    .map(String)
    .filter((file) => pattern.test(file))
    .map((file) => path.join(folder, file))
    .sort();
}

/** The config of a fixture's folder (`.agile-artifacts.yaml` beside it), if it has one. */
export function folderConfig(file: string): ArtifactsConfig | undefined {
  const configFile = path.join(path.dirname(path.join(FIXTURES, file)), '.agile-artifacts.yaml');
  return fs.existsSync(configFile) ? lintConfigText(fs.readFileSync(configFile, 'utf8')).config : undefined;
}
