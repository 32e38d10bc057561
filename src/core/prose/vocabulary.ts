import { pluralOf } from '../rules/messages';
import type { ActionEntry, ArtifactEntry, RulesTable } from '../rules/types';
import { PhraseIndex } from './words';

/** How an action phrase sits in its sentence, which decides where its doer is. */
export type PhraseForm =
  /** After a singular doer: "the PO accepts". */
  | 'singular'
  /** After a plural doer or a modal: "POs accept", "the PO will accept". */
  | 'plural'
  /** Simple past, after any doer: "the PO accepted". */
  | 'past'
  /** The doer follows: "accepted by the PO". */
  | 'passive'
  /** A noun after the doer: "PO sign-off". */
  | 'noun';

/** What one action phrase of the table means. */
export interface ActionPhrase {
  action: ActionEntry;
  form: PhraseForm;
  /** For present forms: the [singular, plural] pair it belongs to, for fixes that change the doer's number. */
  pair?: [string, string];
}

/** The table's prose words, compiled once per table. */
export interface ProseVocabulary {
  /** Every action phrase of the table. */
  actions: PhraseIndex<ActionPhrase>;
  /** Artifact words in the singular and plural ("enabler feature", "stories"). */
  artifacts: PhraseIndex<ArtifactEntry>;
  /** Cheap tests every line with an action phrase, and every line with an artifact word, passes. */
  actionSieve: RegExp;
  artifactSieve: RegExp;
}

const vocabularies = new WeakMap<RulesTable, ProseVocabulary>();

export function proseVocabulary(table: RulesTable): ProseVocabulary {
  let vocabulary = vocabularies.get(table);
  if (!vocabulary) vocabularies.set(table, (vocabulary = compile(table)));
  return vocabulary;
}

function compile(table: RulesTable): ProseVocabulary {
  const actions = new PhraseIndex<ActionPhrase>();
  for (const action of table.actions) {
    const { present, past, passive, nouns } = action.prose;
    for (const pair of present) {
      actions.add(pair[0], { action, form: 'singular', pair });
      actions.add(pair[1], { action, form: 'plural', pair });
    }
    for (const phrase of past) actions.add(phrase, { action, form: 'past' });
    for (const phrase of passive) actions.add(phrase, { action, form: 'passive' });
    for (const phrase of nouns) actions.add(phrase, { action, form: 'noun' });
  }
  const artifacts = new PhraseIndex<ArtifactEntry>();
  for (const artifact of table.artifacts) {
    // Type names with "-" or "_" are field values, not prose.
    for (const name of [artifact.name, ...artifact.typeNames.filter((typeName) => !/[-_]/.test(typeName))]) {
      artifacts.add(name, artifact);
      artifacts.add(name === artifact.name ? artifact.plural : pluralOf(name), artifact);
    }
  }
  return { actions, artifacts, actionSieve: actions.sieve(), artifactSieve: artifacts.sieve() };
}
