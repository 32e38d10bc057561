import type { Severity } from '../core';
import { toJson } from './report';
import type { FileFinding } from './report';

/** GitHub shows three kinds of annotation; information and hints are notices. */
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/**
 * GitHub Actions workflow commands, one line per finding, which the runner
 * turns into annotations on the pull request's lines:
 * `::warning file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::message`.
 */
export function formatGithub(findings: FileFinding[]): string {
  return findings
    .map(toJson)
    .map((f) => {
      const properties = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`, `title=${escapeProperty(f.rule)}`];
      return `::${COMMAND[f.severity]} ${properties.join(',')}::${escapeData(f.message)}\n`;
    })
    .join('');
}

/** As @actions/core escapes a command's message: a line break would end the command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also may not hold the `,` between properties or the `:` that ends them. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
