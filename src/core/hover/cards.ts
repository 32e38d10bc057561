import { normalizeKey } from '../document/fields';
import { artifactByTypeName } from '../lint/detect';
import { EMPTY_CONFIG } from '../config/types';
import { RoleResolver } from '../roles/resolve';
import { closest } from '../roles/suggest';
import { joinWith } from '../rules/messages';
import { rulesTable } from '../rules/table';
import type { ActionEntry, ArtifactEntry, NonSafeTitle, RoleEntry, RuleEntry, RulesTable } from '../rules/types';
import { groupedSourceNames, roleNames } from '../rules/lookup';
import { roleProcessLines, teamMark } from './processNotes';
import { sectionsSentence } from '../config/provenance';

/** A hover card: a title line and Markdown, the same in the editor and in `explain`. */
export interface Card {
  kind: 'role' | 'non-safe' | 'artifact' | 'field' | 'rule';
  title: string;
  markdown: string;
}

/** "Sources: SAFe 6 articles on …: Product Owner, Team Backlog; …", each source named once. */
function sourcesLine(table: RulesTable, references: string[]): string {
  const titles = groupedSourceNames(table, references);
  return titles.length ? `\n\n_Sources: ${titles.join('; ')}._` : '';
}

/** What a role may do on which artifacts, derived from the allowed lists. */
function allowedLines(table: RulesTable, role: RoleEntry): string[] {
  const lines: string[] = [];
  for (const action of table.actions) {
    const artifacts = table.artifacts.filter((artifact) => artifact.allowed[action.id]?.includes(role.id)).map((artifact) => artifact.plural);
    if (artifacts.length) lines.push(`${action.verbs} ${joinWith(artifacts, 'and')}`);
  }
  return lines;
}

export function roleCard(role: RoleEntry, table: RulesTable = rulesTable()): Card {
  const names = [...role.abbreviations, ...(role.person ? [role.person] : [])];
  const parts = [`**${role.name}**${names.length ? ` (${names.join(', ')})` : ''} · SAFe role`, role.focus];
  if (role.responsibilities.length) parts.push(`**Responsibilities**\n${role.responsibilities.map((line) => `- ${line}`).join('\n')}`);
  const allowed = allowedLines(table, role);
  if (allowed.length) parts.push(`**In artifact fields, ${role.name}** ${joinWith(allowed, 'and')}.`);
  parts.push(...roleProcessLines(table, role));
  if (role.doesNot.length) parts.push(`**Does not**\n${role.doesNot.map((line) => `- ${line}`).join('\n')}`);
  if (role.oftenSaid.length) {
    parts.push(`**Often said, but…**\n${role.oftenSaid.map((c) => `- “${c.claim}” In SAFe: ${c.safe}`).join('\n')}`);
  }
  return { kind: 'role', title: role.name, markdown: parts.join('\n\n') + sourcesLine(table, role.sources) };
}

export function nonSafeCard(title: NonSafeTitle, table: RulesTable = rulesTable()): Card {
  const suggested = roleNames(table, title.suggest);
  const parts = [`**${title.name}** · not a SAFe role`, title.explanation];
  if (suggested.length) parts.push(`In SAFe, look at: ${joinWith(suggested, 'and')}.`);
  return { kind: 'non-safe', title: title.name, markdown: parts.join('\n\n') };
}

export function artifactCard(artifact: ArtifactEntry, table: RulesTable = rulesTable()): Card {
  const parts = [`**${artifact.name}** · SAFe artifact${artifact.enabler ? ' (enabler)' : ''}`, artifact.summary];
  if (artifact.requiredSections.length) {
    parts.push(`**Required sections:** ${joinWith(artifact.requiredSections.map((section) => section.name), 'and')}.`);
  }
  if (artifact.userVoice) parts.push('Written in user voice: “As a <role>, I want <activity> so that <value>.”');
  if (artifact.enabler) parts.push(`**Enabler kinds:** ${joinWith(table.enablerKinds, 'or')}.`);
  const who = table.actions
    .filter((action) => artifact.allowed[action.id])
    .map((action) => `- ${action.id}: ${joinWith(roleNames(table, artifact.allowed[action.id]), 'or')}${teamMark(table, artifact.id, action.id)}`);
  if (who.length) parts.push(`**Who does what**\n${who.join('\n')}`);
  const sections = sectionsSentence(table, artifact);
  if (sections) parts.push(sections);
  return { kind: 'artifact', title: artifact.name, markdown: parts.join('\n\n') + sourcesLine(table, artifact.sources) };
}

export function fieldCard(action: ActionEntry, written: string, table: RulesTable = rulesTable()): Card {
  const rows = table.artifacts
    .filter((artifact) => artifact.allowed[action.id])
    .map((artifact) => `- ${artifact.name}: ${joinWith(roleNames(table, artifact.allowed[action.id]), 'or')}${teamMark(table, artifact.id, action.id)}`);
  const parts = [`**${written}** · role field`, `Names who ${action.description}. Field keys: ${action.fields.map((key) => `\`${key}\``).join(', ')}.`];
  if (rows.length) parts.push(`**Who ${action.verbs} what${table.teamProcess?.allowed.size ? '' : ' in SAFe'}**\n${rows.join('\n')}`);
  return { kind: 'field', title: written, markdown: parts.join('\n\n') };
}

export function ruleCard(rule: RuleEntry, table: RulesTable = rulesTable()): Card {
  const parts = [
    `**${rule.id}** · Agile Artifacts rule (default: ${rule.severity})`,
    rule.summary,
    rule.why,
    `Turn it off for a line with \`<!-- agile-artifacts-disable-next-line ${rule.id} -->\`, or everywhere with \`rules: { ${rule.id}: off }\` in \`.agile-artifacts.yaml\`.`,
  ];
  return { kind: 'rule', title: rule.id, markdown: parts.join('\n\n') + sourcesLine(table, rule.sources) };
}


/** The card for a term by name: a rule id, role, non-SAFe title, artifact type or field key. */
export function cardForTerm(term: string, table: RulesTable = rulesTable()): Card | undefined {
  const trimmed = term.trim();
  const rule = table.rules.find((candidate) => candidate.id === trimmed.toLowerCase());
  if (rule) return ruleCard(rule, table);
  const match = new RoleResolver(table, EMPTY_CONFIG).classify(trimmed);
  if (match.kind === 'role') return roleCard(match.role, table);
  if (match.kind === 'non-safe') return nonSafeCard(match.title, table);
  const artifact = artifactByTypeName(trimmed, table) ?? table.artifacts.find((candidate) => candidate.plural.toLowerCase() === trimmed.toLowerCase());
  if (artifact) return artifactCard(artifact, table);
  const key = normalizeKey(trimmed.replace(/:$/, ''));
  const action = table.actions.find((candidate) => candidate.fields.includes(key) || candidate.id === key);
  if (action) return fieldCard(action, trimmed.replace(/:$/, ''), table);
  return undefined;
}

/** Known terms close to an unknown one. */
export function suggestTerms(term: string, table: RulesTable = rulesTable()): string[] {
  const names = [
    ...table.rules.map((rule) => rule.id),
    ...table.roles.flatMap((role) => [role.name, ...role.aliases]),
    ...table.nonSafeTitles.map((title) => title.name),
    ...table.artifacts.map((artifact) => artifact.name),
    ...table.actions.flatMap((action) => action.fields),
  ];
  const best = closest(term, names);
  return best ? [best] : [];
}
