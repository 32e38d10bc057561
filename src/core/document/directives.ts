import type { LineIndex } from '../text';
import type { HtmlComment } from './scan';

/** What an inline comment turns off, from which line on. */
interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Rule ids; empty means every rule. */
  rules: string[];
  line: number;
  /** The line after the last one a `disable` or `enable` reaches: the end of the item it is written in. */
  scopeEnd: number;
}

/** A rule id named in a directive, for hovers and completion. */
export interface DirectiveRuleRef {
  rule: string;
  start: number;
  end: number;
}

// The keyword ends at a space or the comment's end: `agile-artifacts-disable-line` is no directive.
const DIRECTIVE = /^\s*agile-artifacts-(disable-next-line|disable|enable)(?=\s|$)([^]*)$/;

/** Answers whether a rule is switched off at a line by inline comments. */
export class Directives {
  private readonly directives: Directive[] = [];
  readonly ruleRefs: DirectiveRuleRef[] = [];

  constructor(comments: readonly HtmlComment[], index: LineIndex) {
    for (const comment of comments) {
      const match = DIRECTIVE.exec(comment.body);
      if (!match) continue;
      const listStart = comment.start + 4 + comment.body.length - match[2].length;
      const rules: string[] = [];
      for (const word of match[2].matchAll(/[A-Za-z][\w-]*/g)) {
        rules.push(word[0].toLowerCase());
        const start = listStart + (word.index ?? 0);
        this.ruleRefs.push({ rule: word[0].toLowerCase(), start, end: start + word[0].length });
      }
      this.directives.push({
        kind: match[1] as Directive['kind'],
        rules,
        line: index.positionAt(Math.max(comment.start, comment.end - 1)).line,
        scopeEnd: Number.MAX_SAFE_INTEGER,
      });
    }
  }

  /**
   * Limits each `disable`/`enable` to the item it is written in: `scopeEnd(line)`
   * is the line after that item (a comment outside any part item reaches the end).
   */
  scopeTo(scopeEnd: (line: number) => number): void {
    for (const directive of this.directives) directive.scopeEnd = scopeEnd(directive.line);
  }

  /** True when `rule` is disabled at zero-based `line`. */
  isDisabled(rule: string, line: number): boolean {
    let disabled = false;
    for (const directive of this.directives) {
      if (directive.kind === 'disable-next-line') {
        if (directive.line + 1 === line && applies(directive, rule)) return true;
        continue;
      }
      if (directive.line > line) break;
      if (line < directive.scopeEnd && applies(directive, rule)) disabled = directive.kind === 'disable';
    }
    return disabled;
  }
}

function applies(directive: Directive, rule: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(rule);
}
