import { REPOSITORY_URL, compareFindings, ruleDocsUrl } from '../core';
import type { Finding, RuleEntry, Severity } from '../core';

/** A finding with the file it belongs to, as the CLI prints it. */
export interface FileFinding {
  file: string;
  finding: Finding;
}

/** The JSON shape of SPEC §4: 1-based lines and columns. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
}

export function toJson({ file, finding }: FileFinding): JsonFinding {
  const { start, end } = finding.range;
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: finding.severity,
    rule: finding.rule,
    message: finding.message,
  };
}

/** Sorts by file, line, column, then rule, as SPEC §4 asks. */
export function sortFileFindings(findings: FileFinding[]): FileFinding[] {
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || compareFindings(a.finding, b.finding));
}

export function formatJson(findings: FileFinding[]): string {
  return JSON.stringify(findings.map(toJson), null, 2) + '\n';
}

/** `file:line:col  severity  message  rule`, aligned, then a summary line (after what `--fix` changed, if anything). */
export function formatText(findings: FileFinding[], fileCount: number, fixed?: { fixes: number; files: number }): string {
  const rows = findings.map(toJson).map((f) => [`${f.file}:${f.line}:${f.column}`, f.severity, f.message, f.rule]);
  const widths = [0, 1].map((column) => Math.max(0, ...rows.map((row) => row[column].length)));
  const lines = rows.map((row) => `${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}  ${row[3]}`);
  if (fixed?.files) lines.push(`Fixed ${plural(fixed.fixes, 'problem')} in ${plural(fixed.files, 'file')}.`);
  lines.push(summary(findings, fileCount));
  return lines.join('\n') + '\n';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function summary(findings: FileFinding[], fileCount: number): string {
  const files = plural(fileCount, 'file');
  if (!findings.length) return `No problems found in ${files}.`;
  const count = (severity: Severity) => findings.filter(({ finding }) => finding.severity === severity).length;
  const parts = (
    [
      ['error', count('error')],
      ['warning', count('warning')],
      ['information', count('information')],
      ['hint', count('hint')],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${n} ${name === 'information' ? 'info' : name}${n === 1 || name === 'information' ? '' : 's'}`);
  return `${plural(findings.length, 'problem')} (${parts.join(', ')}) in ${files}.`;
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0 for code-scanning tools. */
export function formatSarif(findings: FileFinding[], rules: RuleEntry[], version: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'agile-artifacts',
            version,
            informationUri: REPOSITORY_URL,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              fullDescription: { text: rule.why },
              helpUri: ruleDocsUrl(rule.id),
              defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
            })),
          },
        },
        results: findings.map((item) => {
          const f = toJson(item);
          return {
            ruleId: f.rule,
            ruleIndex: ruleIndex.get(f.rule) ?? -1,
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: relativeUri(f.file), uriBaseId: '%SRCROOT%' },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
          };
        }),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** A relative path as a URI reference: each segment escaped, so `#`, `?` and `%` in names survive. */
function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
