import * as vscode from 'vscode';
import * as assert from './assert';
import { cleanScratch, fileUri, open, positionOf, rulesOf, setSetting, waitForDiagnostics, writeScratch } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

/**
 * Waits until the document's current text has been linted and returns the
 * warnings and errors. A known hint is appended first, so "linted" is visible
 * even when the text itself is clean.
 */
async function warningsAfterLint(editor: vscode.TextEditor): Promise<string[]> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  await editor.edit((builder) => builder.insert(end, '\nThe Program Increment.\n'));
  const found = await waitForDiagnostics(editor.document.uri, (diagnostics) => rulesOf(diagnostics).includes('outdated-term'));
  return found.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).map((d) => d.message);
}

async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
}

/** Applies the quick fix titled like `title` for the first diagnostic of `rule`, then waits for that diagnostic to go. */
async function applyFix(uri: vscode.Uri, rule: string, title: RegExp): Promise<vscode.Diagnostic[]> {
  const diagnostics = await waitForDiagnostics(uri, (found) => rulesOf(found).includes(rule));
  const before = diagnostics.filter((d) => rulesOf([d])[0] === rule).length;
  const target = diagnostics.find((d) => rulesOf([d])[0] === rule)!;
  const actions = await quickFixes(uri, target);
  const action = actions.find((candidate) => title.test(candidate.title));
  assert.ok(action?.edit, `a quick fix matching ${title}; have ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  return waitForDiagnostics(uri, (found) => rulesOf(found).filter((r) => r === rule).length < before);
}

describe('hovers, quick fixes, completion, snippets and commands', () => {
  afterEach(async () => {
    await setSetting('run', undefined);
    await cleanScratch();
  });

  it('hover on PO shows the Product Owner card', async () => {
    const uri = fileUri('po-accepts.feature.md');
    const editor = await open(uri);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 'PO\n', 1));
    const text = hoverText(hovers);
    assert.match(text, /\*\*Product Owner\*\*/);
    assert.match(text, /accepts stories/);
    assert.match(text, /Often said, but/);
  });

  it('hover on a field key and on a rule id in a directive', async () => {
    const uri = await writeScratch('hovers.story.md', '# Story: h\n\n<!-- agile-artifacts-disable-next-line story-format -->\nAccepted by: PO\n');
    const editor = await open(uri);
    const field = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 'Accepted', 2)));
    assert.match(field, /role field/);
    const rule = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 'story-format', 2)));
    assert.match(rule, /Agile Artifacts rule/);
  });

  it('quick fix: replace the wrong role (preferred, keeps the abbreviation style)', async () => {
    const uri = await writeScratch('fix-role.feature.md', '---\naccepted-by: PO\n---\n# Feature: f\n\n## Benefit Hypothesis\n\nx\n\n## Acceptance Criteria\n\n- ok\n');
    const editor = await open(uri);
    const [diagnostic] = await waitForDiagnostics(uri, (found) => found.length === 1);
    const preferred = (await quickFixes(uri, diagnostic)).find((action) => action.isPreferred);
    assert.equal(preferred?.title, 'Replace "PO" with "PM"');
    await applyFix(uri, 'wrong-role', /Replace "PO" with "PM"/);
    assert.match(editor.document.getText(), /accepted-by: PM/);
  });

  it('quick fix: insert a missing section', async () => {
    const uri = await writeScratch('fix-section.story.md', '# Story: s\n\nAs a user, I want x so that y.\n');
    const editor = await open(uri);
    await applyFix(uri, 'missing-section', /Add a "Acceptance Criteria" section|Acceptance Criteria/);
    assert.match(editor.document.getText(), /## Acceptance Criteria/);
  });

  it('quick fix: disable the rule for this line', async () => {
    const uri = await writeScratch('fix-disable.feature.md', '# Feature: d\n\nOwner: PO\n\n## Benefit Hypothesis\n\nx\n\n## Acceptance Criteria\n\n- ok\n');
    const editor = await open(uri);
    await applyFix(uri, 'wrong-role', /Disable wrong-role for this line/);
    assert.match(editor.document.getText(), /<!-- agile-artifacts-disable-next-line wrong-role -->\nOwner: PO/);
  });

  it('quick fix: replace an outdated term, and fix all outdated terms in the file', async () => {
    const uri = await writeScratch('fix-terms.feature.md', '# Feature: t\n\nThe Program Increment and the Program Backlog.\nProgram Board.\n\n## Benefit Hypothesis\n\nx\n\n## Acceptance Criteria\n\n- ok\n');
    const editor = await open(uri);
    await applyFix(uri, 'outdated-term', /Replace "Program Increment" with "Planning Interval"/);
    await applyFix(uri, 'outdated-term', /Fix all outdated terms/);
    await waitForDiagnostics(uri, (found) => found.length === 0);
    assert.match(editor.document.getText(), /The Planning Interval and the ART Backlog\.\nART Planning Board\./);
  });

  it('source.fixAll (as on save) applies renamed terms and typos, never a change of role', async () => {
    const uri = await writeScratch('fix-all.feature.md', '---\naccepted-by: PO\nowner: Prodcut Management\n---\n# Feature: a\n\nProgram Increment.\n\n## Benefit Hypothesis\n\nx\n\n## Acceptance Criteria\n\n- ok\n');
    const editor = await open(uri);
    await waitForDiagnostics(uri, (found) => found.length === 3);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll');
    const ours = actions.filter((action) => action.kind?.value === 'source.fixAll.agileArtifacts');
    assert.equal(ours.length, 1);
    assert.ok(await vscode.workspace.applyEdit(ours[0].edit!));
    const left = await waitForDiagnostics(uri, (found) => found.length === 1);
    assert.deepEqual(rulesOf(left), ['wrong-role']);
    assert.match(editor.document.getText(), /accepted-by: PO\nowner: Product Management\n[\s\S]*Planning Interval\./);
  });

  it('source.fixAll also fixes text typed since the last lint (run = onSave)', async () => {
    await setSetting('run', 'onSave');
    const uri = await writeScratch('fix-unlinted.feature.md', '---\naccepted-by: Product Management\n---\n# Feature: b\n\n## Benefit Hypothesis\n\nx\n\n## Acceptance Criteria\n\n- ok\n');
    const editor = await open(uri);
    await waitForDiagnostics(uri, (found) => found.length === 0);
    await editor.edit((builder) => builder.insert(new vscode.Position(4, 0), 'Planned for the next Program Increment.\n'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll');
    const ours = actions.filter((action) => action.kind?.value === 'source.fixAll.agileArtifacts');
    assert.equal(ours.length, 1);
    assert.ok(await vscode.workspace.applyEdit(ours[0].edit!));
    assert.match(editor.document.getText(), /Planned for the next Planning Interval\./);
  });

  it('completion offers the allowed role first in a role field', async () => {
    const uri = await writeScratch('complete.feature.md', '---\ntype: feature\naccepted-by: \n---\n');
    await open(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(2, 13));
    const ours = list.items.filter((item) => item.sortText !== undefined && item.detail !== undefined);
    const first = [...ours].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0];
    assert.equal(typeof first.label === 'string' ? first.label : first.label.label, 'Product Management');
  });

  it('the feature snippet inserts an artifact that passes the checks', async () => {
    const uri = await writeScratch('snippet.feature.md', '');
    const editor = await open(uri);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'New Feature' });
    assert.match(editor.document.getText(), /type: feature/);
    assert.deepEqual(await warningsAfterLint(editor), []);
  });

  it('New Feature creates <slug>.feature.md from the template and opens it', async () => {
    const folder = vscode.Uri.joinPath(fileUri('scratch'), 'new');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('agileArtifacts.newFeature', 'Saved cards: checkout!', folder);
    assert.ok(uri);
    assert.match(uri.path, /\/saved-cards-checkout\.feature\.md$/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.match(vscode.window.activeTextEditor!.document.getText(), /# Feature: Saved cards: checkout!|Saved cards: checkout!/);
    assert.deepEqual(await warningsAfterLint(vscode.window.activeTextEditor!), []);
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('agileArtifacts.newFeature', 'Saved cards: checkout!', folder);
    assert.equal(again, undefined, 'an existing file is never overwritten');
  });
});
