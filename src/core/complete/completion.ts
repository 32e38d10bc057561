import type { ArtifactsConfig } from '../config/types';
import { effectiveTable } from '../config/effective';
import { EMPTY_CONFIG } from '../config/types';
import { isInFrontMatter } from '../document/disableComment';
import { FIELD_PREFIX, normalizeKey } from '../document/fields';
import { actionFieldMap } from '../lint/checks/roleFieldItems';
import { analyzeMarkdown, skipReason } from '../lint/lint';
import { itemAtLine } from '../lint/detect';
import { roleCard, ruleCard, artifactCard } from '../hover/cards';
import { rulesTable } from '../rules/table';
import type { ArtifactEntry, RulesTable } from '../rules/types';
import { roleById } from '../rules/lookup';

export type CompletionKind = 'role' | 'person' | 'field' | 'type' | 'rule' | 'enabler-kind' | 'action' | 'section' | 'profile';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  insertText: string;
  detail: string;
  /** Markdown shown beside the list (the hover card). */
  documentation?: string;
  /** Items sort by this; allowed roles come first. */
  sortText: string;
  preselect?: boolean;
}

export interface Completions {
  items: CompletionItem[];
  /** Offsets of the partial word the items replace. */
  replaceStart: number;
  replaceEnd: number;
}

export interface CompletionOptions {
  fileName?: string;
  config?: ArtifactsConfig;
  table?: RulesTable;
}

const DIRECTIVE = /<!--\s*agile-artifacts-(?:disable-next-line|disable|enable)\b(?:[\s\w-]*\s)?([\w-]*)$/;
// Field key before the cursor, in any SPEC form and after the same prefixes the linter reads:
// `accepted-by: `, `**Owner:** `, `_Owner:_ `, `> - Acceptor: `, `1. Owner: `, `- [ ] Owner: `, `| Owner | `
const FIELD_BEFORE = new RegExp(
  `${FIELD_PREFIX.source}(?:\\|[ \\t]*)?(?:\\*\\*|__|\\*|_)?([A-Za-z][\\w /-]{0,40}?)` +
    `(?:(?:\\*\\*|__|\\*|_)?[ \\t]*:(?:\\*\\*|__|\\*|_)?|[ \\t]*(?:\\*\\*|__)?[ \\t]*\\|)[ \\t]*(.*)$`,
);
const KEY_ONLY = /^([A-Za-z][\w-]*)?$/;

/** What to offer at `offset`: rule ids, role values, `type:` values, enabler kinds or front-matter keys. */
export function completeAt(text: string, offset: number, options: CompletionOptions = {}): Completions | undefined {
  if (skipReason(text)) return undefined;
  const table = effectiveTable(options.table ?? rulesTable(), options.config ?? EMPTY_CONFIG);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (before.length > 500) return undefined;

  const directive = DIRECTIVE.exec(before);
  if (directive) return { items: ruleItems(table), replaceStart: offset - directive[1].length, replaceEnd: offset };

  const field = FIELD_BEFORE.exec(before);
  const keyOnly = field ? null : KEY_ONLY.exec(before);
  // Most keystrokes (a space in prose) are neither: answer before parsing the document.
  if (!field && !keyOnly) return undefined;
  const { doc, detection } = analyzeMarkdown(text, options.fileName, table);
  const inFrontMatter = isInFrontMatter(doc.frontMatter, offset);
  if (field) {
    const key = normalizeKey(field[1]);
    const partial = /[^,;+&[\]"']*$/.exec(field[2])?.[0].trimStart() ?? '';
    const replace = { replaceStart: offset - partial.length, replaceEnd: offset };
    const action = actionFieldMap(table).get(key);
    if (action) return { items: roleItems(table, itemAtLine(detection.items, doc.index.positionAt(offset).line)?.artifact ?? detection.artifact, action.id, options.config ?? EMPTY_CONFIG), ...replace };
    if (key === 'type' && inFrontMatter) return { items: typeItems(table), ...replace };
    if (table.enablerKindFields.includes(key)) return { items: kindItems(table), ...replace };
    return undefined;
  }
  if (inFrontMatter && keyOnly) {
    const partial = keyOnly[1] ?? '';
    return { items: keyItems(table), replaceStart: offset - partial.length, replaceEnd: offset };
  }
  return undefined;
}

function ruleItems(table: RulesTable): CompletionItem[] {
  return table.rules.map((rule, position) => ({
    label: rule.id,
    kind: 'rule',
    insertText: rule.id,
    detail: `${rule.severity} · ${rule.summary}`,
    documentation: ruleCard(rule, table).markdown,
    sortText: String(position).padStart(3, '0'),
  }));
}

/** Allowed roles first (preselected), then roster people who hold them, then every other role. */
function roleItems(table: RulesTable, artifact: ArtifactEntry | undefined, actionId: string, config: ArtifactsConfig): CompletionItem[] {
  const allowed = artifact?.allowed[actionId] ?? [];
  const items: CompletionItem[] = table.roles.map((role) => {
    const isAllowed = allowed.includes(role.id);
    return {
      label: role.name,
      kind: 'role',
      insertText: role.name,
      detail: isAllowed && artifact ? `allowed to ${actionId} ${artifact.plural}` : role.focus,
      documentation: roleCard(role, table).markdown,
      sortText: `${isAllowed ? 0 : 2}-${role.name}`,
      preselect: isAllowed && role.id === allowed[0],
    };
  });
  for (const person of config.people) {
    const holds = person.roles.filter((id) => allowed.includes(id));
    if (!holds.length) continue;
    items.push({
      label: person.name,
      kind: 'person',
      insertText: person.name,
      detail: `${roleById(table, holds[0])?.name ?? holds[0]}${person.art ? ` · ${person.art}` : ''}`,
      sortText: `1-${person.name}`,
    });
  }
  return items;
}

function typeItems(table: RulesTable): CompletionItem[] {
  return table.artifacts.map((artifact, position) => ({
    label: artifact.id,
    kind: 'type',
    insertText: artifact.id,
    detail: artifact.name,
    documentation: artifactCard(artifact, table).markdown,
    sortText: String(position).padStart(3, '0'),
  }));
}

function kindItems(table: RulesTable): CompletionItem[] {
  return table.enablerKinds.map((kind, position) => ({
    label: kind,
    kind: 'enabler-kind',
    insertText: kind,
    detail: 'SAFe enabler kind',
    sortText: String(position),
  }));
}

function keyItems(table: RulesTable): CompletionItem[] {
  const keys = [
    { key: 'type', detail: 'artifact type' },
    { key: table.enablerKindFields[0], detail: 'enabler kind' },
    ...table.actions.map((action) => ({ key: action.fields[0], detail: `who ${action.description}` })),
  ];
  return keys.map(({ key, detail }, position) => ({
    label: key,
    kind: 'field',
    insertText: `${key}: `,
    detail,
    sortText: String(position).padStart(3, '0'),
  }));
}
