import type { YAMLError } from 'yaml';

/**
 * Where to show a YAML error: an error found at the very end (an unclosed
 * bracket) is moved to the last line that has text, where the mistake is.
 */
export function yamlErrorSpan(source: string, error: YAMLError): { start: number; end: number } {
  const trimmedLength = source.trimEnd().length;
  const lastLine = source.slice(0, trimmedLength).lastIndexOf('\n') + 1;
  const start = Math.min(error.pos[0], lastLine);
  const end = Math.max(start, Math.min(Math.max(error.pos[1], start + 1), trimmedLength));
  return { start, end };
}

/** The first line of a YAML error message, without its position suffix or final period. */
export function describeYamlError(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
