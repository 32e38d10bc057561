import type { RulesTable } from '../core/rules/types';
import { markdownTable, prose, roleNames, sourceName } from './markdown';

/** Extra "what it checks" detail for a rule, drawn from the table; empty for most rules. */
export function ruleDetails(ruleId: string, table: RulesTable): string {
  const details = DETAILS[ruleId];
  return details ? details(table) : '';
}

const DETAILS: Record<string, (table: RulesTable) => string> = {
  'wrong-role': whoDoesWhat,
  'unknown-role': nonSafeTitles,
  'missing-section': requiredSections,
  'story-format': userVoiceArtifacts,
  'enabler-type': enablerKinds,
  'outdated-term': renamings,
  'unknown-type': typeNames,
  'prose-role': roleStatements,
};

/** What prose-role reads as a role statement, its words per action, and sentences it reports or leaves alone. */
function roleStatements(table: RulesTable): string {
  const quoted = (phrases: string[]) => phrases.map((phrase) => `“${phrase}”`).join(', ') || '—';
  const phrases = markdownTable(
    ['action', 'after the doer', 'before the doer', 'nouns after the doer'],
    table.actions.map((action) => [
      action.verb,
      quoted([...action.prose.present.flat(), ...action.prose.past]),
      quoted(action.prose.passive),
      quoted(action.prose.nouns),
    ]),
  );
  const sentences = table.rules.find((rule) => rule.id === 'prose-role')?.sentences;
  const reported = (sentences?.reported ?? []).map((sentence) => `- ${sentence}`);
  const silent = markdownTable(['sentence', 'why it is not reported'], (sentences?.silent ?? []).map((entry) => [entry.sentence, entry.why]));
  return [
    '### What is read as a role statement',
    prose(
      'A sentence of an item (a clause: sentences split at `.`, `!`, `?`, `;` and table cells) in which a role is the doer of one of the action words below and the sentence names the artifact type the action is on: right after the verb ("accepts this feature", "orders the stories in the team backlog", "writes the acceptance criteria of this feature"), before a passive ("this story is estimated by the SM"), or anywhere in the sentence for a noun ("PO sign-off closes this feature"). The type in the sentence decides who may do it, as in the table of `wrong-role`, not the type of the file: "The PO accepts the stories of this feature" is right in a feature. Roles are the names, aliases and abbreviations of the rules table (abbreviations in capitals only, so Polish "po" is none); "the team" counts after an article. The doer may have an article ("the PO"), a modal or an adverb before its verb ("will", "must", "has to", "also"), a name in parentheses ("Anna (PO)"), or a verb joined by "and" ("reviews and accepts").',
    ),
    phrases,
    '### What is not',
    prose(
      'Story voice ("As a Product Owner, I want …"); questions (a `?`, or a sentence that opens with "Does", "Can", "Should", "Who" …); anything quoted, in inline code, struck through, in a code block (fenced or indented) or an HTML comment; headings; a sentence with a negation or a contrast before its verb ("does not", "never", "not the PO", "rather than", "instead"), a condition ("if", "unless", "whether"), a past practice ("old", "previously", "used to") or a reported claim ("says", "claims", "according to"); a role after a preposition ("by", "with", "than", "as"), after a time ("5 PM") or in parentheses after a noun ("purchase order (PO)"); other words for roles ("PMO", "PO box"); an artifact word that only qualifies another noun ("story points", "feature toggle"); and any sentence the table\'s allowed roles make right. A sentence is read by a heuristic: where it cannot tell, it stays silent.',
    ),
    '### Reported',
    reported.join('\n'),
    '### Not reported',
    silent,
    prose('Every sentence above is linted by a test, in a feature file, so this page cannot claim what the linter does not do.'),
  ].join('\n\n');
}

/** The artifact × action grid of allowed roles, and the field keys of each action. */
function whoDoesWhat(table: RulesTable): string {
  const actions = table.actions.filter((action) => table.artifacts.some((artifact) => artifact.allowed[action.id]));
  const artifacts = table.artifacts.filter((artifact) => Object.keys(artifact.allowed).length);
  const grid = markdownTable(
    ['artifact', ...actions.map((action) => action.verb)],
    artifacts.map((artifact) => [artifact.name, ...actions.map((action) => roleNames(table, artifact.allowed[action.id] ?? []).join(', ') || '—')]),
  );
  const fields = markdownTable(
    ['action', 'field keys'],
    table.actions.map((action) => [action.verb, action.fields.map((field) => `\`${field}\``).join(', ')]),
  );
  return [
    '### Who may do what',
    'A field that gives an action to a role outside its cell is reported. A cell with — is not checked.',
    grid,
    '### Which fields name which action',
    'Keys match ignoring case, with `-`, `_` and spaces alike (`Accepted by:` is `accepted-by`).',
    fields,
  ].join('\n\n');
}

function nonSafeTitles(table: RulesTable): string {
  const rows = table.nonSafeTitles.map((title) => [
    title.name,
    [...title.aliases, ...title.abbreviations].join(', ') || '—',
    title.explanation,
    roleNames(table, title.suggest).join(', '),
  ]);
  return ['### Job titles SAFe does not have', markdownTable(['title', 'also written', 'why it is reported', 'look at'], rows)].join('\n\n');
}

function requiredSections(table: RulesTable): string {
  const bySection = new Map<string, { name: string; aliases: string[]; artifacts: string[] }>();
  for (const artifact of table.artifacts) {
    for (const section of artifact.requiredSections) {
      const entry = bySection.get(section.id) ?? { name: section.name, aliases: section.aliases, artifacts: [] };
      entry.artifacts.push(artifact.name);
      bySection.set(section.id, entry);
    }
  }
  const rows = [...bySection.values()].map((entry) => [entry.name, entry.artifacts.join(', '), entry.aliases.join(', ')]);
  return [
    '### Required sections',
    'A section is a heading of any level, a bold label (`**Acceptance Criteria:**`), a label line (`Acceptance criteria:`) or a front-matter key of that name.',
    markdownTable(['section', 'required in', 'also accepted as'], rows),
  ].join('\n\n');
}

function userVoiceArtifacts(table: RulesTable): string {
  const names = table.artifacts.filter((artifact) => artifact.userVoice).map((artifact) => artifact.plural);
  return prose(`Applies to ${names.join(', ')}. Common variants count: "As an <role>", "I need", "so" without "that", bold keywords, a statement spread over several lines.`);
}

function enablerKinds(table: RulesTable): string {
  return ['### Enabler kinds', table.enablerKinds.map((kind) => `- \`${kind}\``).join('\n')].join('\n\n');
}

function renamings(table: RulesTable): string {
  const rows = table.renamings.map((renaming) => [renaming.old, renaming.new, sourceName(table, renaming.source)]);
  return ['### SAFe 6 renamings', markdownTable(['old term', 'SAFe 6 term', 'source'], rows)].join('\n\n');
}

function typeNames(table: RulesTable): string {
  const rows = table.artifacts.map((artifact) => [artifact.name, artifact.typeNames.map((name) => `\`${name}\``).join(', ')]);
  const hints = markdownTable(
    ['`type:`', 'advice in the message'],
    table.typeHints.map((hint) => [`\`${hint.type}\``, hint.hint]),
  );
  return [
    '### Known `type:` values',
    'Compared ignoring case, with `-`, `_` and spaces alike.',
    markdownTable(['artifact', '`type:` values'], rows),
    '### When an unknown type is reported',
    [
      'Many Markdown files have a `type:` that has nothing to do with SAFe (a blog post, a docs page), so an unknown',
      'value is reported only where an artifact was meant: in a file that is an artifact by its name or first heading',
      '(`x.feature.md`, `# Feature: …`), for a near miss of a known value (`featrue`), for a value with an artifact',
      'word in it (`tech-story`), for the work items of other trackers',
      `(${table.workItemTypes.map((type) => `\`${type}\``).join(', ')}), and for these values with a SAFe counterpart under another name:`,
    ].join('\n'),
    hints,
    [
      'Pages and planning records are not typos and are never reported:',
      `${table.otherTypes.map((type) => `\`${type}\``).join(', ')}.`,
    ].join('\n'),
  ].join('\n\n');
}
