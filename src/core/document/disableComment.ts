import type { FrontMatter } from './frontMatter';
import { readFrontMatter } from './frontMatter';

/**
 * True when `offset` lies in the YAML of closed front matter. Unterminated
 * front matter is read as body, so directives there must be HTML comments.
 */
export function isInFrontMatter(frontMatter: FrontMatter | undefined, offset: number): boolean {
  return frontMatter !== undefined && frontMatter.problem?.kind !== 'unterminated' && offset >= frontMatter.yamlStart && offset <= frontMatter.yamlEnd;
}

/**
 * The comment that turns `rule` off for the line after it, in the syntax
 * its place needs: a YAML comment in front matter (an HTML comment would
 * break the YAML), an HTML comment elsewhere. `offset` is where the line starts.
 */
export function disableNextLineComment(text: string, offset: number, rule: string): string {
  return isInFrontMatter(readFrontMatter(text), offset)
    ? `# agile-artifacts-disable-next-line ${rule}`
    : `<!-- agile-artifacts-disable-next-line ${rule} -->`;
}
