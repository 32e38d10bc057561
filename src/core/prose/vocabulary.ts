import { phraseKey, phrasesPattern } from '../phrases';
import { pluralOf } from '../rules/messages';
import type { ActionEntry, ArtifactEntry, RulesTable } from '../rules/types';

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
  /** Every action phrase, longest first where they overlap. */
  actions: RegExp;
  actionByPhrase: Map<string, ActionPhrase>;
  /** Artifact words in the singular and plural ("enabler feature", "stories"). */
  artifacts: RegExp;
  artifactByWord: Map<string, ArtifactEntry>;
}

const vocabularies = new WeakMap<RulesTable, ProseVocabulary>();

export function proseVocabulary(table: RulesTable): ProseVocabulary {
  let vocabulary = vocabularies.get(table);
  if (!vocabulary) vocabularies.set(table, (vocabulary = compile(table)));
  return vocabulary;
}

function compile(table: RulesTable): ProseVocabulary {
  const actionByPhrase = new Map<string, ActionPhrase>();
  const add = (phrase: string, meaning: ActionPhrase) => {
    if (!actionByPhrase.has(phrase)) actionByPhrase.set(phrase, meaning);
  };
  for (const action of table.actions) {
    const { present, past, passive, nouns } = action.prose;
    for (const pair of present) {
      add(pair[0], { action, form: 'singular', pair });
      add(pair[1], { action, form: 'plural', pair });
    }
    for (const phrase of past) add(phrase, { action, form: 'past' });
    for (const phrase of passive) add(phrase, { action, form: 'passive' });
    for (const phrase of nouns) add(phrase, { action, form: 'noun' });
  }
  const artifactByWord = new Map<string, ArtifactEntry>();
  for (const artifact of table.artifacts) {
    // Type names with "-" or "_" are field values, not prose.
    const names = [artifact.name, ...artifact.typeNames.filter((name) => !/[-_]/.test(name))];
    for (const name of names) {
      for (const word of [name, name === artifact.name ? artifact.plural : pluralOf(name)]) {
        const key = phraseKey(word);
        if (!artifactByWord.has(key)) artifactByWord.set(key, artifact);
      }
    }
  }
  return {
    actions: phrasesPattern([...actionByPhrase.keys()], 'giu'),
    actionByPhrase,
    artifacts: phrasesPattern([...artifactByWord.keys()], 'giu'),
    artifactByWord,
  };
}
