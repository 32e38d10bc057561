/** Severity names as users write them in config and see them in output. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A severity or `off`, as a rule can be configured. */
export type RuleLevel = Severity | 'off';

/** Every level a rule can be set to, quietest first (config, schema and docs list them in this order). */
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'hint', 'information', 'warning', 'error'];

/** A zero-based position: line and UTF-16 column, as editors count. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range in a text, kept both as offsets and as positions. */
export interface Range {
  start: Position;
  end: Position;
}

/** One replacement of a span of the linted text. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A suggested change the editor offers as a quick fix. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a user most likely wants; the editor marks it preferred. */
  preferred?: boolean;
}

/** One problem found in a file. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
  /** Other places that explain the finding (the editor shows them as related information). */
  related?: RelatedPlace[];
}

/** A place in the same file, in the config file that applies to it, or in another file of the backlog. */
export interface RelatedPlace {
  message: string;
  range: Range;
  file: 'same' | 'config' | 'other';
  /** The other file, as the index names it (a path or URI string), for `file: 'other'`. */
  otherFile?: string;
  /** Which config file, where several apply (a path or URI, as the front end named it). */
  configFile?: string;
}
