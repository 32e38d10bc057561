import * as vscode from 'vscode';
import * as assert from './assert';
import { cleanScratch, open, positionOf, rulesOf, waitForDiagnostics, writeScratch } from './helpers';

const FEATURE = [
  '---',
  'type: feature',
  '---',
  '# Feature: Saved cards',
  '',
  '## Benefit Hypothesis',
  '',
  'We believe that saved cards will raise repeat purchases by 5%.',
  '',
  '## Acceptance Criteria',
  '',
  '- Given a saved card, when I check out, then I am not asked for the card number.',
  '',
  '## Notes',
  '',
  'The Product Owner accepts this feature once the demo is done.',
  'The PO does not accept features; Product Management does.',
  '',
].join('\n');

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

describe('roles in prose (prose-role)', () => {
  afterEach(cleanScratch);

  it('squiggles the role words of a wrong role statement, not the negated one', async () => {
    const uri = await writeScratch('prose-squiggle.feature.md', FEATURE);
    const editor = await open(uri);
    const [diagnostic] = await waitForDiagnostics(uri, (found) => rulesOf(found).includes('prose-role'));
    assert.deepEqual(rulesOf(await waitForDiagnostics(uri, (found) => found.length > 0)), ['prose-role']);
    assert.equal(editor.document.getText(diagnostic.range), 'Product Owner');
    assert.equal(diagnostic.range.start.line, 15);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
    assert.match(diagnostic.message, /Product Owners accept stories, not features: Product Management accepts features\./);
  });

  it('the quick fix gives the job to the allowed role in the writer\'s style', async () => {
    const uri = await writeScratch('prose-fix.feature.md', FEATURE);
    const editor = await open(uri);
    const [diagnostic] = await waitForDiagnostics(uri, (found) => rulesOf(found).includes('prose-role'));
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const preferred = actions.find((action) => action.isPreferred);
    assert.equal(preferred?.title, 'Replace "The Product Owner" with "Product Management"');
    assert.ok(preferred?.edit && (await vscode.workspace.applyEdit(preferred.edit)));
    await waitForDiagnostics(uri, (found) => !rulesOf(found).includes('prose-role'));
    assert.match(editor.document.getText(), /\nProduct Management accepts this feature once the demo is done\.\n/);
  });

  it('the hover on the role word is its role card', async () => {
    const uri = await writeScratch('prose-hover.feature.md', FEATURE);
    const editor = await open(uri);
    await waitForDiagnostics(uri, (found) => rulesOf(found).includes('prose-role'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 'Product Owner accepts', 3));
    const text = hoverText(hovers);
    assert.match(text, /\*\*Product Owner\*\*/);
    assert.match(text, /accepts stories as complete/);
    assert.match(text, /works with the Product Manager and the ART's other Product Owners/);
  });
});
