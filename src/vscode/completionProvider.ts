import * as vscode from 'vscode';
import { completeAt, completeConfigAt } from '../core';
import type { CompletionKind } from '../core';
import type { ConfigStore } from './configStore';
import { fileNameOf, isConfigDocument } from './documents';
import { settingsFor } from './settings';

const KIND: Record<CompletionKind, vscode.CompletionItemKind> = {
  role: vscode.CompletionItemKind.Value,
  person: vscode.CompletionItemKind.User,
  field: vscode.CompletionItemKind.Property,
  type: vscode.CompletionItemKind.EnumMember,
  rule: vscode.CompletionItemKind.Keyword,
  'enabler-kind': vscode.CompletionItemKind.EnumMember,
  action: vscode.CompletionItemKind.Function,
  section: vscode.CompletionItemKind.Module,
  profile: vscode.CompletionItemKind.Constant,
};

/**
 * Role values (allowed roles first), field keys, artifact types, enabler kinds and rule ids;
 * in the config file, its keys and the table's ids where each is expected.
 */
export class ArtifactCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = [':', ' ', ',', '['];

  constructor(private readonly configs: ConfigStore) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const text = document.getText();
    const offset = document.offsetAt(position);
    let result;
    if (isConfigDocument(document)) result = completeConfigAt(text, offset);
    else {
      if (!settingsFor(document.uri).enable) return undefined;
      const { config } = await this.configs.forDocument(document.uri);
      result = completeAt(text, offset, { fileName: fileNameOf(document.uri), config });
    }
    if (!result) return undefined;
    const range = new vscode.Range(document.positionAt(result.replaceStart), document.positionAt(result.replaceEnd));
    return result.items.map((item) => {
      const completion = new vscode.CompletionItem(item.label, KIND[item.kind]);
      completion.insertText = item.insertText;
      completion.detail = item.detail;
      completion.sortText = item.sortText;
      completion.preselect = item.preselect;
      completion.range = range;
      if (item.documentation) completion.documentation = new vscode.MarkdownString(item.documentation);
      return completion;
    });
  }
}
