import { CONFIG_KEYS } from '../config/keys';
import { yamlPlaceAt } from '../config/yamlPath';
import { profileById, renamingsOf } from '../rules/profiles';
import { sectionsById } from '../rules/lookup';
import { joinWith } from '../rules/messages';
import { rulesTable } from '../rules/table';
import type { ProfileEntry, RulesTable, SectionEntry } from '../rules/types';
import type { Range } from '../types';
import { LineIndex } from '../text';
import type { Card } from './cards';
import { cardForTerm } from './cards';

export function profileCard(profile: ProfileEntry, table: RulesTable): Card {
  const isDefault = profile.id === table.defaultProfile;
  const kept = table.renamings.filter((renaming) => !renamingsOf(table, profile).includes(renaming)).map((renaming) => `“${renaming.old}”`);
  const parts = [`**${profile.id}** · profile: ${profile.name}${isDefault ? ' (the default)' : ''}`];
  parts.push(kept.length ? `${profile.name} names are correct here, so outdated-term stays silent on ${joinWith(kept, 'and')}; the cards use ${profile.name} names.` : `outdated-term hints at names SAFe has since changed (${joinWith(table.renamings.slice(0, 3).map((renaming) => `“${renaming.old}”`), 'and')}, …).`);
  return { kind: 'rule', title: profile.id, markdown: parts.join('\n\n') };
}

export function sectionCard(section: SectionEntry, table: RulesTable): Card {
  const users = table.artifacts.filter((artifact) => artifact.requiredSections.some((required) => required.id === section.id)).map((artifact) => artifact.plural);
  const parts = [`**${section.id}** · section “${section.name}”`, `Also counts: ${section.aliases.length ? section.aliases.map((alias) => `“${alias}”`).join(', ') : 'no other names'}.`];
  if (users.length) parts.push(`Required on ${joinWith(users, 'and')}: ${section.reason}.`);
  return { kind: 'field', title: section.id, markdown: parts.join('\n\n') };
}

/** The card for the word under `offset` in `.agile-artifacts.yaml`: a key, rule, role, artifact type, action, profile or section id. */
export function hoverConfigAt(text: string, offset: number, table: RulesTable = rulesTable()): { card: Card; range: Range } | undefined {
  if (text.length > 512 * 1024) return undefined;
  const start = offset - (/[\w-]*$/.exec(text.slice(Math.max(0, offset - 100), offset))?.[0].length ?? 0);
  const end = offset + (/^[\w-]*/.exec(text.slice(offset, offset + 100))?.[0].length ?? 0);
  const word = text.slice(start, end);
  if (!word) return undefined;
  const { path } = yamlPlaceAt(text, start);
  const card = path.length === 0 ? keyCard(word) : cardOf(word, path[0], table);
  return card ? { card, range: new LineIndex(text).rangeOf(start, end) } : undefined;
}

function keyCard(word: string): Card | undefined {
  const key = CONFIG_KEYS.find((candidate) => candidate.key === word);
  return key ? { kind: 'field', title: key.key, markdown: `**${key.key}** · .agile-artifacts.yaml\n\n${key.summary}\n\n\`\`\`yaml\n${key.example}\n\`\`\`` } : undefined;
}

function cardOf(word: string, top: string, table: RulesTable): Card | undefined {
  if (top === 'profile') return table.profiles.some((profile) => profile.id === word) ? profileCard(profileById(table, word), table) : undefined;
  const section = top === 'sections' ? sectionsById(table).get(word) : undefined;
  return section ? sectionCard(section, table) : cardForTerm(word, table);
}
