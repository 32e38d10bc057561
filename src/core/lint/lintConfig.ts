import { parseConfig } from '../config/parse';
import { EMPTY_CONFIG } from '../config/types';
import type { ArtifactsConfig } from '../config/types';
import { rulesTable } from '../rules/table';
import type { RulesTable } from '../rules/types';
import { LineIndex } from '../text';
import type { LintResult } from './lint';
import { sortFindings } from './lint';
import { Reporter } from './report';

/** The findings of a config file and the config that applies. */
export interface ConfigLintResult extends LintResult {
  config: ArtifactsConfig;
  /** False when the whole file is unusable (unreadable, not YAML, not a mapping) and the defaults apply. */
  usable: boolean;
}

/**
 * Lints `.agile-artifacts.yaml`: `config-error` for whatever is invalid,
 * `role-separation` for a person holding both separated roles (the table's
 * `separatedRoles`) in one ART. Returns the usable config as well.
 */
export function lintConfigText(text: string, table: RulesTable = rulesTable()): ConfigLintResult {
  const { config, problems } = parseConfig(text, table);
  const index = new LineIndex(text);
  const reporter = new Reporter(table, index, config.rules);
  for (const problem of problems) {
    reporter.report('config-error', problem.wholeFile ? 'invalid' : 'entry', { detail: problem.detail }, problem.start, problem.end);
  }
  for (const person of config.people) {
    if (table.separatedRoles.every((role) => person.roles.includes(role))) {
      reporter.report('role-separation', 'roster', { person: person.name, art: person.art ?? 'same' }, person.start, person.end);
    }
  }
  return { findings: sortFindings(reporter.findings), config, usable: !problems.some((problem) => problem.wholeFile) };
}

/** A config file that could not be read at all (`reason` says why): defaults apply. */
export function lintUnreadableConfig(reason: string, table: RulesTable = rulesTable()): ConfigLintResult {
  const reporter = new Reporter(table, new LineIndex(''), {});
  reporter.report('config-error', 'invalid', { detail: `the file cannot be read (${reason})` }, 0, 0);
  return { findings: reporter.findings, config: EMPTY_CONFIG, usable: false };
}
