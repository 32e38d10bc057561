import { createHash } from 'node:crypto';
import type { Severity } from '../core';
import { toJson } from './report';
import type { FileFinding } from './report';

const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };

/**
 * A GitLab Code Quality report (`artifacts: reports: codequality`), which
 * GitLab shows in the merge request. The fingerprint leaves out the line, so
 * a finding that only moves is not shown as fixed and new; a finding repeated
 * in one file is told apart by how often it came before.
 */
export function formatGitlab(findings: FileFinding[]): string {
  const seen = new Map<string, number>();
  const issues = findings.map(toJson).map((f) => {
    const key = JSON.stringify([f.file, f.rule, f.message]);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      description: f.message,
      check_name: f.rule,
      fingerprint: createHash('sha256').update(`${key}#${occurrence}`).digest('hex'),
      severity: GITLAB_SEVERITY[f.severity],
      location: { path: f.file, lines: { begin: f.line, end: f.endLine } },
    };
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
