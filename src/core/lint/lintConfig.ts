import { parseConfig } from '../config/parse';
import type { ArtifactsConfig } from '../config/types';
import { rulesTable } from '../rules/table';
import type { RulesTable } from '../rules/types';
import { LineIndex } from '../text';
import type { LintResult } from './lint';
import { sortFindings } from './lint';
import { Reporter } from './report';

const SEPARATED = ['product-management', 'product-owner'];

/**
 * Lints `.agile-artifacts.yaml`: `config-error` for whatever is invalid,
 * `role-separation` for a person holding both Product Management and
 * Product Owner in one ART. Returns the usable config as well.
 */
export function lintConfigText(text: string, table: RulesTable = rulesTable()): LintResult & { config: ArtifactsConfig } {
  const { config, problems } = parseConfig(text, table);
  const index = new LineIndex(text);
  const reporter = new Reporter(table, index, config.rules);
  for (const problem of problems) {
    reporter.report('config-error', problem.wholeFile ? 'invalid' : 'entry', { detail: problem.detail }, problem.start, problem.end);
  }
  for (const person of config.people) {
    if (SEPARATED.every((role) => person.roles.includes(role))) {
      reporter.report('role-separation', 'roster', { person: person.name, art: person.art ?? 'same' }, person.start, person.end);
    }
  }
  return { findings: sortFindings(reporter.findings), config };
}
