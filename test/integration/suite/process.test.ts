import * as vscode from 'vscode';
import * as assert from './assert';
import { cleanScratch, open, positionOf, rulesOf, waitForDiagnostics, writeScratch } from './helpers';

const FEATURE = `---
type: feature
accepted-by: Business Owners
---
# Feature: Co-accepted

## Benefit Hypothesis

We believe that saved cards raise repeat purchases by 5%.

## Acceptance Criteria

- Given a signed-in shopper, when they pay, then they can save the card.
`;

function labels(list: vscode.CompletionList | undefined): string[] {
  return (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

describe("your ART's process in .agile-artifacts.yaml", () => {
  afterEach(cleanScratch);

  it('a config edit that lets Business Owners accept features clears that squiggle in an open feature', async () => {
    // Its own folder: an earlier test's config document may still be cached by the workbench (a save would conflict).
    const config = await writeScratch('co-accept/.agile-artifacts.yaml', 'rules:\n  story-format: off\n');
    const feature = await writeScratch('co-accept/co-accepted.feature.md', FEATURE);
    await open(feature);
    await waitForDiagnostics(feature, (found) => rulesOf(found).includes('wrong-role'));
    // Typed in the config's editor and saved, as a user would.
    const editor = await open(config);
    await editor.edit((builder) => builder.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, 'allow:\n  feature: { accept: [product-management, business-owners] }\n'));
    await editor.document.save();
    await waitForDiagnostics(feature, (found) => !rulesOf(found).includes('wrong-role'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', feature, positionOf((await vscode.workspace.openTextDocument(feature)), 'Business Owners', 2));
    const text = hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : '')).join('\n');
    assert.match(text, /Your process \(\.agile-artifacts\.yaml\) lets Business Owners accept features; SAFe gives this to Product Management\./);
  });

  it('completion in the config file offers artifact types, actions and role ids from the table', async () => {
    const config = await writeScratch('completion/.agile-artifacts.yaml', 'allow:\n  feature: { accept: [product-management, ] }\n  \n');
    const editor = await open(config);
    const complete = (position: vscode.Position) => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', config, position);
    assert.ok(labels(await complete(positionOf(editor.document, ', ]', 2))).includes('business-owners'));
    assert.ok(labels(await complete(new vscode.Position(2, 2))).includes('enabler-story'));
    assert.ok(labels(await complete(positionOf(editor.document, 'accept', 0))).includes('estimate'));
  });
});
