/** The engine's public surface, shared by the CLI and the editor. No Node or editor imports below here. */
export type { Finding, Fix, Position, Range, RuleLevel, Severity, TextEdit } from './types';
export { LineIndex } from './text';
export { lintMarkdown, analyzeMarkdown, compareFindings, skipReason, MAX_FILE_CHARS, TOO_LARGE } from './lint/lint';
export type { LintOptions, LintResult } from './lint/lint';
export { lintConfigText, lintUnreadableConfig } from './lint/lintConfig';
export type { ConfigLintResult } from './lint/lintConfig';
export { CONFIG_FILE_NAME, EMPTY_CONFIG } from './config/types';
export type { ArtifactsConfig, RosterPerson } from './config/types';
export { layerConfigs } from './config/layers';
export type { ConfigLayer } from './config/layers';
export { effectiveTable } from './config/effective';
export { RoleResolver } from './roles/resolve';
export { rulesTable } from './rules/table';
export type { RulesTable, RoleEntry, ArtifactEntry, RuleEntry } from './rules/types';
export { artifactTemplate } from './templates';
export { disableNextLineComment } from './document/disableComment';
export { REPOSITORY_URL, ruleDocsUrl } from './links';
