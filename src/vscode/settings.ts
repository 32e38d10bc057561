import * as vscode from 'vscode';

/** The extension's settings for one resource; read when needed, never kept in globals. */
export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  lintDelay: number;
  hoverInAllMarkdown: boolean;
  exclude: string[];
  newArtifactFolder: string;
}

export const SECTION = 'agileArtifacts';

export function settingsFor(scope: vscode.ConfigurationScope | undefined): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    enable: config.get<boolean>('enable', true),
    run: config.get<string>('run', 'onType') === 'onSave' ? 'onSave' : 'onType',
    lintDelay: Math.max(0, Math.min(5000, config.get<number>('lintDelay', 250))),
    hoverInAllMarkdown: config.get<boolean>('hoverInAllMarkdown', false),
    exclude: config.get<string[]>('exclude', ['**/node_modules/**']).filter((glob) => typeof glob === 'string'),
    newArtifactFolder: config.get<string>('newArtifactFolder', ''),
  };
}
