import * as vscode from 'vscode';
import type { ConfigStore } from './configStore';
import { toRange } from './convert';
import { fileNameOf, isConfigDocument } from './documents';
import { effectiveTable, hoverAt, hoverConfigAt, lintConfigText, rulesTable } from '../core';
import { settingsFor } from './settings';
import { backlogHover } from './backlog/navigation';
import type { WorkspaceIndex } from './backlog/workspaceIndex';

/** Role, field, artifact-type and rule cards from the core, as editor hovers. */
export class ArtifactHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly configs: ConfigStore,
    private readonly backlog?: WorkspaceIndex,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (isConfigDocument(document)) {
      // Cards in the config file show the rules as this file adapts them.
      const text = document.getText();
      const hover = hoverConfigAt(text, document.offsetAt(position), effectiveTable(rulesTable(), lintConfigText(text).config));
      return hover && new vscode.Hover(new vscode.MarkdownString(hover.card.markdown), toRange(hover.range));
    }
    const settings = settingsFor(document.uri);
    if (!settings.enable) return undefined;
    // An id or parent reference of an item elsewhere in the backlog: that item's card.
    const linked = this.backlog && backlogHover(this.backlog, document, position);
    const { config } = await this.configs.forDocument(document.uri);
    const hover = hoverAt(document.getText(), document.offsetAt(position), {
      fileName: fileNameOf(document.uri),
      config,
      allMarkdown: settings.hoverInAllMarkdown,
    });
    if (!hover) return linked;
    if (linked && hover.card.kind === 'artifact') {
      // On an item's own id: the backlog card first, then what the linter took it for.
      return new vscode.Hover([...linked.contents, new vscode.MarkdownString(hover.card.markdown)], linked.range);
    }
    return new vscode.Hover(new vscode.MarkdownString(hover.card.markdown), toRange(hover.range));
  }
}
