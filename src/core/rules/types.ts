import type { Severity } from '../types';

/** A source the table cites, by short key (e.g. `S6`). */
export interface SourceEntry {
  key: string;
  title: string;
}

/** A correction of something popular articles get wrong. */
export interface Correction {
  claim: string;
  safe: string;
}

/** A SAFe role, with every name users write for it and its hover card. */
export interface RoleEntry {
  id: string;
  /** Canonical name, as SAFe writes it: `Product Management`. */
  name: string;
  /** The name with a plural verb, used at the start of messages: `Product Owners`. */
  plural: string;
  /** True when the plural form takes a singular verb (`Product Management accepts`). */
  collective: boolean;
  /** The person holding it when it differs from the name: `Product Manager`. */
  person?: string;
  /** True for the role that the roster's team names stand for (`team: Falcons` is an Agile Team). */
  rosterTeams?: boolean;
  /** Full-word names that mean this role (case-insensitive). */
  aliases: string[];
  /** Short forms (`PO`); matched case-sensitively and replaced by short forms. */
  abbreviations: string[];
  focus: string;
  responsibilities: string[];
  doesNot: string[];
  oftenSaid: Correction[];
  sources: string[];
}

/** A job title people use that SAFe does not have. */
export interface NonSafeTitle {
  name: string;
  aliases: string[];
  abbreviations: string[];
  explanation: string;
  /** Role ids that usually do the job in SAFe. */
  suggest: string[];
}

export interface SectionEntry {
  id: string;
  name: string;
  /** Other headings or labels that count as this section. */
  aliases: string[];
  /**
   * Why the section is needed and who writes it, as a clause without a final
   * period; fills `{reason}` in the missing-section messages.
   */
  reason: string;
  /** Markdown inserted by the quick fix, after a heading with `name`. */
  skeleton: string;
  /**
   * Words that, found in this order close together, make the statement itself
   * count for the section (an epic hypothesis written without a heading).
   */
  inlineForm?: string[];
}

export interface ArtifactEntry {
  id: string;
  name: string;
  plural: string;
  /** Values of `type:` that mean this artifact. */
  typeNames: string[];
  /** Table column headers whose rows are items of this type (`User Stories`, `US`), besides the type names. */
  columnNames: string[];
  /** Item id prefixes that name this type (`FEAT` in `FEAT-001`), upper case; matched ignoring case. */
  idPrefixes: string[];
  /** 1 story, 2 feature, 3 capability, 4 epic (enablers as their base); 0 for an enabler of unknown level. */
  rank: number;
  /** The types SAFe puts directly above this one (parent-type); undefined: any parent is accepted. */
  parents?: string[];
  enabler: boolean;
  /** The plain (non-enabler) artifact an enabler belongs with, e.g. `feature`. */
  base?: string;
  summary: string;
  requiredSections: SectionEntry[];
  /** Whether a user-voice statement is expected. */
  userVoice: boolean;
  /** action id -> role ids allowed to do it on this artifact */
  allowed: Record<string, string[]>;
  /** action id -> why, in a few words, used in messages and docs */
  reasons: Record<string, string>;
  sources: string[];
}

export interface ActionEntry {
  id: string;
  /** `accept` */
  verb: string;
  /** `accepts` */
  verbs: string;
  /** Field keys that express the action, normalised (lower case, `-`). */
  fields: string[];
  description: string;
  /** The words that give the action to a role in a sentence (prose-role). */
  prose: ActionProse;
}

/** How a sentence says that a role does an action; phrases in lower case. */
export interface ActionProse {
  /** Present tense as [after a singular doer, after a plural doer or a modal]: `[accepts, accept]`. */
  present: [string, string][];
  /** Simple past, after any doer: `accepted`. */
  past: string[];
  /** Passive forms followed by the doer: `accepted by`. */
  passive: string[];
  /** Nouns that follow the doer: `sign-off` in "PO sign-off". */
  nouns: string[];
}

export interface TypeHint {
  type: string;
  hint: string;
}

export interface Renaming {
  old: string;
  new: string;
  source: string;
  /** The profile whose version of SAFe introduced the new name; older profiles keep the old one. */
  since: string;
}

/** A text of the table as an older version of SAFe words it. */
export interface Wording {
  from: string;
  to: string;
}

/** A version of SAFe a team may follow (`profile:` in the config). */
export interface ProfileEntry {
  id: string;
  /** `SAFe 5` */
  name: string;
  /** Card and message texts in this version's names, applied in order. */
  wording: Wording[];
}

/**
 * A wrong and a right file for a rule, shown on its docs page. A test lints
 * both, so the docs can never show an example the linter disagrees with.
 */
export interface RuleExamples {
  /** The name the examples are linted under: `saved-cards.feature.md`, or `.agile-artifacts.yaml` for config rules. */
  fileName: string;
  /** A file that gets this rule's finding, and no other. */
  wrong: string;
  /** The same file put right: no findings at all. */
  right: string;
}

/**
 * Single sentences for a rule that reads prose: which are reported and which
 * are not, and why. The docs page lists them; a test lints each one.
 */
export interface RuleSentences {
  reported: string[];
  silent: { sentence: string; why: string }[];
}

export interface RuleEntry {
  id: string;
  severity: Severity;
  summary: string;
  /** Message templates by name; `{placeholder}` fills in. */
  messages: Record<string, string>;
  why: string;
  sources: string[];
  /**
   * The docs page's examples (`npm run generate`; a unit test lints them). The table
   * always has them, but the shipped bundles leave this and the other docs-only
   * fields below out (esbuild.js): nothing the extension or CLI does reads them.
   */
  examples?: RuleExamples;
  /** How the rule reads section, row, list and paragraph items (SPEC §1), for its docs page. */
  inItems?: string;
  /** For its docs page (prose-role). */
  sentences?: RuleSentences;
}

export interface RulesTable {
  sources: SourceEntry[];
  roles: RoleEntry[];
  nonSafeTitles: NonSafeTitle[];
  actions: ActionEntry[];
  artifacts: ArtifactEntry[];
  enablerKinds: string[];
  /** Field keys (normalized) that name an enabler's kind; the first is canonical. */
  enablerKindFields: string[];
  /** Role ids that one person should not hold together in one ART. */
  separatedRoles: string[];
  /** `type:` values of pages and planning records: such files are not artifacts, and not typos. */
  otherTypes: string[];
  /** `type:` values of other trackers' work items (task, bug): always reported as unknown types. */
  workItemTypes: string[];
  /** Advice for `type:` values with a SAFe counterpart under another name (spike, initiative). */
  typeHints: TypeHint[];
  placeholders: string[];
  renamings: Renaming[];
  /** Oldest first. */
  profiles: ProfileEntry[];
  defaultProfile: string;
  rules: RuleEntry[];
  detection: DetectionEntry;
  storyVoice: StoryVoiceEntry[];
  /** Set only on a table adapted by a team's config: what the team changed, and SAFe's own table. */
  teamProcess?: ProcessOrigin;
}

/** Where items are (SPEC §1): the evidence besides type names and id prefixes. Keys normalized. */
export interface DetectionEntry {
  typeKeys: string[];
  bodyTypeKeys: string[];
  idKeys: string[];
  parentKeys: string[];
  statusKeys: string[];
  planPageWords: string[];
  genericFileNames: string[];
  notItemFileWords: string[];
  /** Words of a document's name or title, or of a heading, that say it reports on items rather than holds them. */
  aboutItemsWords: string[];
  /** Words that make a title a report on the item it names, right after its head (`# Story 2.4 Status Report`). */
  reportTitleWords: string[];
  /** Words of a heading that introduces references to items written elsewhere, or past ones: no items under it. */
  referenceHeadingWords: string[];
  /** Words of a heading that sums up items the file writes out elsewhere: no items under it, when there are such. */
  summaryHeadingWords: string[];
  /** A table row whose type cell says one of these sums up the rows above it (`Σ`, `Total`): no item. */
  totalRowLabels: string[];
  /** Folders whose files instruct an AI tool (`.claude`): never items. */
  toolFolders: string[];
  /** Folders (`skills`, `agents`) whose files with front matter of every `toolPromptKeys` key and no type instruct an AI tool. */
  toolPromptFolders: string[];
  toolPromptKeys: string[];
  backlogPageWords: string[];
  storyListHeadings: string[];
  issueTemplateKeys: string[];
  issueTemplateTypeKeys: string[];
  idColumns: string[];
}

/** One language's user-voice form: "<role> … <want> … <benefit>", lower case phrases. */
export interface StoryVoiceEntry {
  language: string;
  /** Words that open the role: "as a". */
  role: string[];
  /** Or: endings of the role word itself, just before the want (Finnish "Asiakkaana haluan"). */
  roleEndings: string[];
  want: string[];
  benefit: string[];
  benefitFirst: string[];
}

/**
 * Provenance of an adapted ("effective") table: which entries the team's
 * config decided, so messages and cards can say "Your process …" and name
 * what SAFe says beside it.
 */
export interface ProcessOrigin {
  /** The config file's name, as messages name it. */
  file: string;
  /** The profile in force. */
  profile: ProfileEntry;
  /** The embedded table the config was applied to. */
  safe: RulesTable;
  /** `artifact/action` keys whose allowed roles come from the config. */
  allowed: ReadonlySet<string>;
  /** Artifact ids whose required sections come from the config. */
  sections: ReadonlySet<string>;
}
