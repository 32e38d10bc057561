import { formatMessage } from '../rules/messages';
import type { RulesTable } from '../rules/types';
import type { LineIndex } from '../text';
import type { Finding, Fix, Range, RuleLevel, Severity } from '../types';

/** A span to replace, in offsets; turned into ranges when reported. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Related information in offsets of this file, or already as a range in the config file. */
export type OffsetRelated = { message: string; start: number; end: number } | { message: string; configRange: Range; configFile?: string };

export interface OffsetFix {
  title: string;
  edits: OffsetEdit[];
  preferred?: boolean;
}

/**
 * Collects findings for one file: looks up message templates and default
 * severities in the table, applies configured levels, and converts offsets.
 */
export class Reporter {
  readonly findings: Finding[] = [];

  constructor(
    private readonly table: RulesTable,
    private readonly index: LineIndex,
    private readonly levels: Record<string, RuleLevel>,
    private readonly isDisabled: (rule: string, line: number) => boolean = () => false,
  ) {}

  /** Adds a finding unless its rule is off here; `template` names a message of the rule. */
  report(
    rule: string,
    template: string,
    values: Record<string, string>,
    start: number,
    end: number,
    fixes: OffsetFix[] = [],
    related: OffsetRelated[] = [],
  ): void {
    const severity = this.severityOf(rule);
    if (!severity) return;
    const range = this.index.rangeOf(start, Math.max(start, end));
    if (this.isDisabled(rule, range.start.line)) return;
    const finding: Finding = { rule, severity, message: this.format(rule, template, values), range };
    if (fixes.length) finding.fixes = fixes.map((fix) => this.toFix(fix));
    if (related.length) {
      finding.related = related.map((place) =>
        'configRange' in place
          ? { message: place.message, range: place.configRange, file: 'config' as const, ...(place.configFile ? { configFile: place.configFile } : {}) }
          : { message: place.message, range: this.index.rangeOf(place.start, place.end), file: 'same' as const },
      );
    }
    this.findings.push(finding);
  }

  /** Fills in one of a rule's message templates. */
  format(rule: string, template: string, values: Record<string, string>): string {
    const entry = this.table.rules.find((candidate) => candidate.id === rule);
    return formatMessage(entry?.messages[template] ?? template, values);
  }

  severityOf(rule: string): Severity | undefined {
    const level = this.levels[rule] ?? this.table.rules.find((candidate) => candidate.id === rule)?.severity;
    return level === 'off' ? undefined : level;
  }

  private toFix(fix: OffsetFix): Fix {
    const result: Fix = {
      title: fix.title,
      edits: fix.edits.map((edit) => ({ range: this.index.rangeOf(edit.start, edit.end), newText: edit.newText })),
    };
    if (fix.preferred) result.preferred = true;
    return result;
  }
}
