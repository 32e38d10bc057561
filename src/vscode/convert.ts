import * as vscode from 'vscode';
import { ruleDocsUrl } from '../core';
import type { Finding, Range, Severity, TextEdit } from '../core';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'agile-artifacts';

/** The rule's page; the Problems panel links the rule id there. */
export function ruleDocsUri(rule: string): vscode.Uri {
  return vscode.Uri.parse(ruleDocsUrl(rule));
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** A finding as a diagnostic of `uri`; related places in the config point into `configUri`. */
export function toDiagnostic(finding: Finding, uri?: vscode.Uri, configUri?: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.rule, target: ruleDocsUri(finding.rule) };
  const related = (finding.related ?? []).flatMap((place) => {
    // A roster person of a farther config file names that file; the rest point into the nearest one.
    // A place in another file of the backlog names that file (the index's keys are URI strings).
    const target =
      place.file === 'config' ? (place.configFile ? vscode.Uri.parse(place.configFile) : configUri) : place.file === 'other' && place.otherFile ? vscode.Uri.parse(place.otherFile) : uri;
    return target ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(target, toRange(place.range)), place.message)] : [];
  });
  if (related.length) diagnostic.relatedInformation = related;
  return diagnostic;
}

/** The rule id of one of our diagnostics, also of the copies VS Code hands to code actions. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code) return String(code.value);
  return code === undefined ? undefined : String(code);
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[], into = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const edit of edits) into.replace(uri, toRange(edit.range), edit.newText);
  return into;
}
