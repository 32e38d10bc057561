import * as vscode from 'vscode';
import * as assert from './assert';
import { fileUri, waitForDiagnostics } from './helpers';
import type { AgileArtifactsApi } from '../../../src/vscode/extension';
import type { BacklogNodeView } from '../../../src/vscode/backlog/backlogView';

// The backlog index cache across windows: scripts/test-integration.js runs
// this suite in sessions on one workspace and one workspace storage, with
// code-server stopped in between (the window closed), and changes files on
// disk between sessions 1 and 2 (the harness's `before`). The session number
// is in `.cache-session` at the workspace root (index.*.ts reads it).

/** The extension's API as it declares it (types only: nothing of src/ is bundled into the suite). */
declare const AGILE_ARTIFACTS_TEST_HOST: 'node' | 'web';

type Api = Pick<AgileArtifactsApi, 'backlogReady' | 'backlogRefreshed' | 'backlogCacheSaved' | 'backlogStatus' | 'backlogTree'>;
type NodeView = BacklogNodeView;

async function activate(): Promise<Api> {
  const extension = vscode.extensions.all.find((candidate) => candidate.id.toLowerCase() === 'agile-artifacts.agile-artifacts')!;
  return (extension.isActive ? extension.exports : await extension.activate()) as Api;
}

function outline(nodes: NodeView[], depth = 0): string[] {
  return nodes.flatMap((node) => [`${'  '.repeat(depth)}${node.label}${node.description ? ` (${node.description})` : ''}`, ...outline(node.children, depth + 1)]);
}

/** What the harness changes on disk between session 1 and 2 (scripts/test-integration.js, cacheSessions). */
const ADDED = 'Archive an old card';
const BROKEN = fileUri('linked/US-13-broken-parent.md');

export function cacheSuite(session: number): void {
  describe(`the backlog index cache, window ${session}`, () => {
    if (session === 1) {
      it('a first activation (no cache yet) builds the index from the files and writes the cache', async () => {
        const backlog = await activate();
        await backlog.backlogReady();
        await backlog.backlogRefreshed();
        const status = backlog.backlogStatus();
        assert.equal(status.source, 'build', JSON.stringify(status));
        assert.match(status.cacheMissed ?? '', /none saved yet/);
        // The Node host reads a folder on disk in worker threads (dist/indexWorker.js); the web host has none.
        assert.equal(status.buildPhases?.workerFolders, AGILE_ARTIFACTS_TEST_HOST === 'node' ? 1 : 0, JSON.stringify(status));
        await backlog.backlogCacheSaved();
        assert.ok(backlog.backlogStatus().saves >= 1, JSON.stringify(backlog.backlogStatus()));
        const lines = outline(backlog.backlogTree());
        assert.ok(lines.some((line) => line.includes('Delete a saved card (US-12)')), lines.join('\n'));
      });
    }
    if (session === 2) {
      it('the next activation publishes the cached index, then re-reads what changed on disk while the window was closed', async () => {
        const backlog = await activate();
        await backlog.backlogReady();
        const status = backlog.backlogStatus();
        assert.equal(status.source, 'cache', JSON.stringify(status));
        assert.ok(status.items >= 5, JSON.stringify(status));
        await backlog.backlogRefreshed();
        const after = backlog.backlogStatus();
        // The changed and the new file read again, the deleted one dropped; nothing else read.
        assert.equal(after.reread, 2, JSON.stringify(after));
        assert.equal(after.dropped, 1, JSON.stringify(after));
        const lines = outline(backlog.backlogTree());
        assert.ok(lines.some((line) => line.includes('Delete a stored card (US-12 · Done)')), lines.join('\n'));
        assert.ok(!lines.some((line) => line.includes('Delete a saved card')), lines.join('\n'));
        assert.ok(lines.some((line) => line.includes(`${ADDED} (US-14)`)), lines.join('\n'));
        assert.ok(!lines.some((line) => line.includes('Save a card')), `the deleted story is still shown:\n${lines.join('\n')}`);
        // Graph diagnostics of a file that did not change come from the cached index too.
        await waitForDiagnostics(BROKEN, (diagnostics) => diagnostics.some((d) => typeof d.code === 'object' && d.code.value === 'unknown-parent'));
        // The refreshed index goes to the cache for the next window.
        await backlog.backlogCacheSaved();
        assert.ok(backlog.backlogStatus().saves >= 1, JSON.stringify(backlog.backlogStatus()));
      });
    }
    if (session === 3) {
      it('a cache cut short (truncated on disk) is not used: the index is built from the files, with no error shown', async () => {
        const backlog = await activate();
        await backlog.backlogReady();
        const status = backlog.backlogStatus();
        assert.equal(status.source, 'build', JSON.stringify(status));
        assert.match(status.cacheMissed ?? '', /truncated|no header|malformed/, JSON.stringify(status));
        const lines = outline(backlog.backlogTree());
        assert.ok(lines.some((line) => line.includes('Delete a stored card')), lines.join('\n'));
      });
    }
  });
}

/** The cache session the harness set up, or undefined for the ordinary suite. */
export async function cacheSession(): Promise<number | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.cache-session')));
    return Number(text.trim()) || undefined;
  } catch {
    return undefined;
  }
}
