import * as vscode from 'vscode';
import * as assert from './assert';
import { cleanScratch, fileUri, open, rulesOf, setSetting, waitForDiagnostics, writeScratch } from './helpers';

interface NodeView {
  label: string;
  description?: string;
  command?: vscode.Command;
  state?: 'expanded' | 'collapsed';
  children: NodeView[];
}
interface Api {
  backlogReady(): Promise<void>;
  backlogTree(): NodeView[];
  onDidChangeBacklog: vscode.Event<void>;
}

async function api(): Promise<Api> {
  const extension = vscode.extensions.all.find((candidate) => candidate.id.toLowerCase() === 'agile-artifacts.agile-artifacts')!;
  const exports = (extension.isActive ? extension.exports : await extension.activate()) as Api;
  await exports.backlogReady();
  return exports;
}

/** The view's tree as indented "label (description)" lines. */
function outline(nodes: NodeView[], depth = 0): string[] {
  return nodes.flatMap((node) => [`${'  '.repeat(depth)}${node.label}${node.description ? ` (${node.description})` : ''}`, ...outline(node.children, depth + 1)]);
}

/** Resolves once the view's tree satisfies `accept`, checking now and on every change of the backlog. */
function waitForTree(backlog: Api, accept: (lines: string[]) => boolean, timeoutMs = 20_000): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const lines = outline(backlog.backlogTree());
      if (!accept(lines)) return;
      listener.dispose();
      clearTimeout(timer);
      resolve(lines);
    };
    const listener = backlog.onDidChangeBacklog(check);
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out waiting for the Backlog view; it shows:\n${outline(backlog.backlogTree()).join('\n')}`));
    }, timeoutMs);
    check();
  });
}

const STORY = fileUri('linked/EPIC-1-checkout/FEAT-1-saved-cards/US-11-save-card.md');
const FEATURE = fileUri('linked/EPIC-1-checkout/FEAT-1-saved-cards/FEAT-1-saved-cards.md');

describe('the backlog: view, navigation and cross-item rules', () => {
  afterEach(async () => {
    await setSetting('codeLens', undefined);
    await cleanScratch();
  });

  it('the Backlog view shows epic → feature → stories across files, and the orphan with a broken parent', async () => {
    const backlog = await api();
    const lines = await waitForTree(backlog, (shown) => shown.some((line) => line.includes('Save a card')));
    const at = (label: string) => lines.findIndex((line) => line.trim().startsWith(label));
    assert.ok(at('One-click checkout') >= 0, lines.join('\n'));
    assert.match(lines[at('Saved cards')], /^ {2}Saved cards \(FEAT-1 · In progress\)$/);
    assert.match(lines[at('Save a card')], /^ {4}Save a card \(US-11\)$/);
    assert.match(lines[at('Delete a saved card')], /^ {4}Delete a saved card \(US-12\)$/);
    const orphans = at('Without a parent');
    assert.ok(orphans >= 0 && at('Show card expiry') > orphans, lines.join('\n'));
    assert.match(lines[at('Show card expiry')], /US-13 · 1 problem/);
  });

  it('the Backlog view opens the top items with their children and leaves deeper ones closed until asked', async () => {
    const backlog = await api();
    await waitForTree(backlog, (shown) => shown.some((line) => line.includes('Save a card')));
    const find = (nodes: NodeView[], label: string): NodeView | undefined => nodes.map((node) => (node.label === label ? node : find(node.children, label))).find(Boolean);
    const tree = backlog.backlogTree();
    assert.equal(find(tree, 'One-click checkout')?.state, 'expanded');
    assert.equal(find(tree, 'Saved cards')?.state, 'collapsed');
    assert.equal(find(tree, 'Save a card')?.state, undefined);
  });

  it('unknown-parent is reported on the broken parent reference, in a file that is not open', async () => {
    const uri = fileUri('linked/US-13-broken-parent.md');
    const diagnostics = await waitForDiagnostics(uri, (found) => rulesOf(found).includes('unknown-parent'), 20_000);
    const finding = diagnostics.find((d) => rulesOf([d])[0] === 'unknown-parent')!;
    assert.deepEqual([finding.range.start.line, finding.range.start.character], [2, 12]);
    assert.match(finding.message, /FEAT-404/);
  });

  it('Go to Definition on a parent reference opens the parent item', async () => {
    await api();
    await open(STORY);
    const links = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', STORY, new vscode.Position(2, 15));
    const target = links.map((link) => ('targetUri' in link ? link.targetUri : link.uri).toString());
    assert.deepEqual(target, [FEATURE.toString()]);
  });

  it('Find All References on an id lists every mention and the children', async () => {
    await api();
    await open(FEATURE);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', FEATURE, new vscode.Position(0, 4));
    const files = [...new Set(locations.map((location) => location.uri.path.replace(/^.*\/linked\//, '')))].sort();
    assert.deepEqual(files, ['EPIC-1-checkout/FEAT-1-saved-cards/FEAT-1-saved-cards.md', 'EPIC-1-checkout/FEAT-1-saved-cards/US-11-save-card.md', 'US-12-delete-card.md']);
  });

  it('the hover on an id shows the item: type, title, status, parent and children', async () => {
    await api();
    await open(STORY);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', STORY, new vscode.Position(2, 15));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /\*\*Feature FEAT-1\*\* · Saved cards/);
    assert.match(text, /Status: In progress/);
    assert.match(text, /Parent: \[EPIC-1 — One-click checkout\]/);
    assert.match(text, /Children: 2 stories/);
    assert.match(text, /Accepted by: Product Management/);
  });

  it('a CodeLens above the feature counts its stories; the setting turns it off', async () => {
    await api();
    await open(FEATURE);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', FEATURE);
    assert.deepEqual(lenses.map((lens) => lens.command?.title), ['2 stories']);
    await setSetting('codeLens', false);
    const none = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', FEATURE);
    assert.deepEqual(none, []);
  });

  it('workspace symbols find items by id and by title', async () => {
    await api();
    const byId = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'US-12');
    assert.ok(byId.some((symbol) => symbol.name === 'US-12 Delete a saved card'), JSON.stringify(byId.map((symbol) => symbol.name)));
    const byTitle = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'saved cards');
    assert.ok(byTitle.some((symbol) => symbol.name === 'FEAT-1 Saved cards'), JSON.stringify(byTitle.map((symbol) => symbol.name)));
  });

  it('Rename of an id changes it and every reference in one workspace edit', async () => {
    await api();
    await open(FEATURE);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', FEATURE, new vscode.Position(0, 4), 'FEAT-7');
    const changed = edit.entries().map(([uri, edits]) => `${uri.path.replace(/^.*\/linked\//, '')}:${edits.map((e) => `${e.range.start.line}:${e.newText}`).join(',')}`).sort();
    assert.deepEqual(changed, ['EPIC-1-checkout/FEAT-1-saved-cards/FEAT-1-saved-cards.md:0:FEAT-7', 'EPIC-1-checkout/FEAT-1-saved-cards/US-11-save-card.md:2:FEAT-7', 'US-12-delete-card.md:2:FEAT-7']);
  });

  it('clicking an item in the view opens it at its line', async () => {
    const backlog = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const find = (nodes: NodeView[]): NodeView | undefined => nodes.map((node) => (node.label === 'Save a card' ? node : find(node.children))).find(Boolean);
    const node = find(backlog.backlogTree());
    assert.ok(node?.command, 'the story has a click command');
    const opened = new Promise<vscode.TextEditor>((resolve) => {
      const listener = vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.uri.toString() !== STORY.toString()) return;
        listener.dispose();
        resolve(editor);
      });
    });
    await vscode.commands.executeCommand(node.command.command, ...(node.command.arguments ?? []));
    const editor = await opened;
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character], [0, 2]);
  });

  it('a new file and a deleted file update the view', async () => {
    const backlog = await api();
    const uri = await writeScratch('US-14-card-nickname.md', '# US-14: Name a saved card\n\n**Parent:** FEAT-1\n\nAs a shopper, I want to name a card so that I can tell my cards apart.\n\n## Acceptance Criteria\n\n- ok\n');
    await waitForTree(backlog, (lines) => lines.some((line) => /^ {4}Name a saved card \(US-14\)$/.test(line)));
    await vscode.workspace.fs.delete(uri);
    await waitForTree(backlog, (lines) => !lines.some((line) => line.includes('Name a saved card')));
  });

  it('duplicate-id is reported on both items, each pointing at the other file', async () => {
    await api();
    const copy = await writeScratch('FEAT-1-copy.md', '# FEAT-1: Saved cards again\n\n## Benefit Hypothesis\n\nx\n\n## Acceptance Criteria\n\n- ok\n');
    const [duplicate] = (await waitForDiagnostics(copy, (found) => rulesOf(found).includes('duplicate-id'), 20_000)).filter((d) => rulesOf([d])[0] === 'duplicate-id');
    assert.deepEqual(duplicate.relatedInformation?.map((place) => place.location.uri.toString()), [FEATURE.toString()]);
    const [original] = (await waitForDiagnostics(FEATURE, (found) => rulesOf(found).includes('duplicate-id'), 20_000)).filter((d) => rulesOf([d])[0] === 'duplicate-id');
    assert.deepEqual(original.relatedInformation?.map((place) => place.location.uri.toString()), [copy.toString()]);
  });

  it('typing a parent reference moves the story in the view', async () => {
    const backlog = await api();
    const uri = await writeScratch('US-15-moving.md', '# US-15: Moving story\n\n**Parent:** FEAT-404\n\nAs a shopper, I want x so that y.\n\n## Acceptance Criteria\n\n- ok\n');
    const editor = await open(uri);
    await waitForTree(backlog, (lines) => lines.some((line) => /^ {2}Moving story \(US-15/.test(line)));
    await editor.edit((builder) => builder.replace(new vscode.Range(2, 12, 2, 20), 'FEAT-1'));
    await waitForTree(backlog, (lines) => lines.some((line) => /^ {4}Moving story \(US-15/.test(line)));
  });
});
