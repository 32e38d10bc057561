import * as vscode from 'vscode';
import { artifactTemplate, rulesTable } from '../../core';
import { settingsFor } from '../settings';

/** What each "New …" command creates: artifact types to choose from and the file suffix. */
export const NEW_ARTIFACT_COMMANDS: { command: string; label: string; types: string[]; suffix: string }[] = [
  { command: 'agileArtifacts.newFeature', label: 'Feature', types: ['feature'], suffix: 'feature' },
  { command: 'agileArtifacts.newStory', label: 'Story', types: ['story'], suffix: 'story' },
  { command: 'agileArtifacts.newEnabler', label: 'Enabler', types: ['enabler-feature', 'enabler-story', 'enabler-capability', 'enabler-epic'], suffix: 'enabler' },
  { command: 'agileArtifacts.newEpic', label: 'Epic', types: ['epic'], suffix: 'epic' },
];

/** `Saved cards: checkout!` -> `saved-cards-checkout` */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'untitled';
}

/**
 * Asks for a title (and, for enablers, the level), writes `<slug>.<type>.md`
 * from the template next to the current file or in the configured folder,
 * and opens it. Never overwrites an existing file.
 */
export async function newArtifact(kind: (typeof NEW_ARTIFACT_COMMANDS)[number], title?: string, folder?: vscode.Uri): Promise<vscode.Uri | undefined> {
  let type = kind.types[0];
  if (kind.types.length > 1 && title === undefined) {
    const table = rulesTable();
    const picked = await vscode.window.showQuickPick(
      kind.types.map((id) => ({ label: table.artifacts.find((artifact) => artifact.id === id)?.name ?? id, id })),
      { title: `New ${kind.label}`, placeHolder: 'Which level?' },
    );
    if (!picked) return undefined;
    type = picked.id;
  }
  const name = title ?? (await vscode.window.showInputBox({ title: `New ${kind.label}`, prompt: 'Title', validateInput: (value) => (value.trim() ? undefined : 'Give it a title') }));
  if (!name?.trim()) return undefined;
  const target = folder ?? targetFolder();
  if (!target) {
    void vscode.window.showWarningMessage('Open a folder or a file first: the new item is created next to the current file.');
    return undefined;
  }
  const uri = vscode.Uri.joinPath(target, `${slugify(name)}.${kind.suffix}.md`);
  if (await exists(uri)) {
    void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri)} already exists; nothing was written.`);
    return undefined;
  }
  await vscode.workspace.fs.createDirectory(target);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(artifactTemplate(type, name.trim())));
  await vscode.window.showTextDocument(uri);
  return uri;
}

/** The configured folder (relative to the workspace), else the current file's folder, else the workspace root. */
function targetFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const workspace = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  const configured = settingsFor(workspace?.uri).newArtifactFolder.trim();
  if (configured && workspace) return vscode.Uri.joinPath(workspace.uri, configured);
  if (active && active.scheme !== 'untitled') return vscode.Uri.joinPath(active, '..');
  return workspace?.uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
