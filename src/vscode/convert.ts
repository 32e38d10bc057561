import * as vscode from 'vscode';
import type { Finding, Fix, Range, Severity } from '../core';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'agile-artifacts';

/** Where each rule's page lives; the Problems panel links the rule id there. */
export const DOCS_BASE = 'https://github.com/agile-artifacts/agile-artifacts/blob/main/docs/rules';

export function ruleDocsUri(rule: string): vscode.Uri {
  return vscode.Uri.parse(`${DOCS_BASE}/${rule}.md`);
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** A diagnostic that remembers the core's fixes, for the code action provider. */
export class ArtifactDiagnostic extends vscode.Diagnostic {
  constructor(
    finding: Finding,
    readonly fixes: readonly Fix[],
  ) {
    super(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
    this.source = DIAGNOSTIC_SOURCE;
    this.code = { value: finding.rule, target: ruleDocsUri(finding.rule) };
  }

  get rule(): string {
    return typeof this.code === 'object' ? String(this.code.value) : String(this.code);
  }
}

export function toDiagnostic(finding: Finding): ArtifactDiagnostic {
  return new ArtifactDiagnostic(finding, finding.fixes ?? []);
}

/** The rule id of any of our diagnostics (also ones VS Code copied, which lose their class). */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  return typeof code === 'object' && code ? String(code.value) : code !== undefined ? String(code) : undefined;
}
