import * as vscode from 'vscode';
import * as assert from './assert';
import { fileUri, open, rulesOf, waitForDiagnostics } from './helpers';

/** `rule@line` (1-based) for each of our diagnostics, sorted. */
function placed(diagnostics: vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${rulesOf([d])[0]}@${d.range.start.line + 1}`).sort();
}

describe('items inside a file: sections and table rows', () => {
  it('an epic with one section per story: each story is checked on its own lines', async () => {
    const uri = fileUri('epic_10_secure_gateway.md');
    await open(uri);
    const diagnostics = await waitForDiagnostics(uri, (found) => found.length >= 2);
    assert.deepEqual(placed(diagnostics.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning)), ['missing-section@15', 'wrong-role@7']);
  });

  it('the missing-section quick fix of a story section inserts the section inside that story', async () => {
    const uri = fileUri('epic_10_secure_gateway.md');
    const editor = await open(uri);
    const diagnostics = await waitForDiagnostics(uri, (found) => rulesOf(found).includes('missing-section'));
    const missing = diagnostics.find((d) => rulesOf([d])[0] === 'missing-section')!;
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const add = actions.find((action) => /Add a "Acceptance Criteria" section/.test(action.title));
    assert.ok(add?.edit, `an add-section fix; have ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    await waitForDiagnostics(uri, (found) => !rulesOf(found).includes('missing-section'));
    const text = editor.document.getText();
    const inserted = text.indexOf('### Acceptance Criteria', text.indexOf('## US 10.2'));
    assert.ok(inserted > 0 && inserted < text.indexOf('## US 10.3'), 'the section lands between US 10.2 and US 10.3');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('a sprint backlog table: each row is a story, its role column a field, its empty criteria cell a missing section', async () => {
    const uri = fileUri('Sprint 04 Backlog.md');
    await open(uri);
    const diagnostics = await waitForDiagnostics(uri, (found) => found.length >= 2);
    assert.deepEqual(placed(diagnostics), ['missing-section@7', 'wrong-role@6']);
    const wrong = diagnostics.find((d) => rulesOf([d])[0] === 'wrong-role')!;
    assert.match(wrong.message, /Product Management accepts features, not stories/);
  });
});
