import * as vscode from 'vscode';
import { disableNextLineComment, isSafeToApplyAll, preferredFixes } from '../core';
import type { Finding, Fix } from '../core';
import { ruleDocsUri, ruleOf, toRange, toWorkspaceEdit } from './convert';
import type { DiagnosticsController } from './diagnostics';
import { isConfigDocument } from './documents';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('agileArtifacts');

/**
 * Quick fixes from the core's fixes, plus: disable the rule for this line,
 * fix all outdated terms, open the rule's documentation; and `source.fixAll`.
 */
export class ArtifactCodeActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly diagnostics: DiagnosticsController) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] | Promise<vscode.CodeAction[]> {
    // `only` is what was asked for: `source.fixAll` (on save) or `source` include our fix-all kind.
    // On save the last edits may not be linted yet, so fix-all lints the text as it is now.
    if (context.only && context.only.contains(FIX_ALL_KIND)) {
      return this.diagnostics.currentFindings(document).then(
        (findings) => this.fixAll(document, findings),
        () => [],
      );
    }
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const findings = this.diagnostics.findingsFor(document);
    const actions: vscode.CodeAction[] = [];
    const rulesSeen = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      const rule = ruleOf(diagnostic);
      if (!rule) continue;
      const finding = findings.find((candidate) => candidate.rule === rule && toRange(candidate.range).isEqual(diagnostic.range));
      for (const fix of finding?.fixes ?? []) actions.push(fixAction(document, fix, diagnostic));
      if (!isConfigDocument(document)) actions.push(disableLineAction(document, rule, diagnostic));
      if (!rulesSeen.has(rule)) {
        rulesSeen.add(rule);
        if (rule === 'outdated-term') {
          const all = this.fixAllOf(document, findings, (candidate) => candidate.rule === 'outdated-term', 'Fix all outdated terms in this file');
          if (all) actions.push(all);
        }
        actions.push(docsAction(rule));
      }
    }
    return actions;
  }

  private fixAll(document: vscode.TextDocument, findings: Finding[]): vscode.CodeAction[] {
    const action = this.fixAllOf(document, findings, isSafeToApplyAll, 'Fix all Agile Artifacts problems', FIX_ALL_KIND);
    return action ? [action] : [];
  }

  /** One action applying every preferred fix among `findings` that matches (the core leaves out overlapping ones). */
  private fixAllOf(
    document: vscode.TextDocument,
    findings: Finding[],
    include: (finding: Finding) => boolean,
    title: string,
    kind = vscode.CodeActionKind.QuickFix,
  ): vscode.CodeAction | undefined {
    const fixes = preferredFixes(findings, include);
    if (!fixes.length) return undefined;
    const action = new vscode.CodeAction(title, kind);
    action.edit = new vscode.WorkspaceEdit();
    for (const fix of fixes) toWorkspaceEdit(document.uri, fix.edits, action.edit);
    return action;
  }
}

function fixAction(document: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = toWorkspaceEdit(document.uri, fix.edits);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.preferred === true;
  return action;
}

/** Inserts a directive above the line: a YAML comment inside front matter, an HTML comment elsewhere. */
function disableLineAction(document: vscode.TextDocument, rule: string, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const line = document.lineAt(diagnostic.range.start.line);
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  const directive = disableNextLineComment(document.getText(), document.offsetAt(line.range.start), rule);
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const action = new vscode.CodeAction(`Disable ${rule} for this line`, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.insert(document.uri, new vscode.Position(line.lineNumber, 0), `${indent}${directive}${eol}`);
  action.diagnostics = [diagnostic];
  return action;
}

function docsAction(rule: string): vscode.CodeAction {
  const action = new vscode.CodeAction(`Open documentation for ${rule}`, vscode.CodeActionKind.QuickFix);
  action.command = { title: action.title, command: 'vscode.open', arguments: [ruleDocsUri(rule)] };
  return action;
}
