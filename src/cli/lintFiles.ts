import * as fs from 'node:fs';
import * as path from 'node:path';
import { BacklogGraph, CONFIG_FILE_NAME, graphFindings, lintAndRecord, lintDocument, mergeFindings, rulesTable } from '../core';
import type { Finding } from '../core';
import type { ConfigFinder } from './configs';
import { planFix, writeFix } from './fixFile';
import type { PlannedFix } from './fixFile';
import { displayPath } from './files';
import { readLintable } from './fileTask';
import { runFileTasks } from './parallel';
import type { FileFinding } from './report';

export interface LintRun {
  findings: FileFinding[];
  /** How many files were checked (Markdown and config files). */
  checked: number;
  /** What `--fix` changed: fixes applied and files written. */
  fixed: { fixes: number; files: number };
  /** A fix that could not be written (the file is as it was): exit status 2. */
  writeFailed: boolean;
}

/**
 * Lints the files (config files as configs) and, with `fix`, applies the safe
 * fixes: every file is read and linted first, then the fixed ones are written,
 * each once, so an interrupted run writes nothing half-way through a file.
 * Without `fix`, files are linted on up to `jobs` threads (the results do not depend on it).
 */
export function lintFiles(files: string[], cwd: string, configs: ConfigFinder, fix: boolean, stderr: (text: string) => void, jobs = 1): LintRun {
  const run: LintRun = { findings: [], checked: 0, fixed: { fixes: 0, files: 0 }, writeFailed: false };
  const planned: { file: string; shown: string; plan: PlannedFix }[] = [];
  // The graph rules need every file first: findings are reported once all are indexed.
  const graph = new BacklogGraph(rulesTable(), { exists: (file) => fs.existsSync(file) });
  const own: { file: string; shown: string; findings: Finding[] }[] = [];
  const report = (file: string, shown: string, findings: Finding[]) => own.push({ file, shown, findings });
  const markdown: string[] = [];
  for (const file of files) {
    if (path.basename(file) === CONFIG_FILE_NAME) configs.load(file);
    else markdown.push(file);
  }
  if (fix) {
    for (const file of markdown) {
      const shown = displayPath(file, cwd);
      const read = readLintable(file);
      if ('skipped' in read) {
        stderr(`agile-artifacts: skipped ${shown}: ${read.skipped}\n`);
        continue;
      }
      const { config, resolver } = configs.forFile(file);
      const { linted: result, record } = lintAndRecord(file, read.text, { config, resolver, once: true });
      run.checked++;
      graph.update(record);
      const plan = planFix(file, read, result.findings, (text) => lintDocument(text, { fileName: file, config, resolver }).findings);
      if (plan && 'notFixed' in plan) stderr(`agile-artifacts: not fixed ${shown}: ${plan.notFixed}\n`);
      if (plan && 'bytes' in plan) planned.push({ file, shown, plan });
      else report(file, shown, result.findings);
    }
  } else {
    const outcomes = runFileTasks('lint', markdown, configs, configs.fixedFile, jobs);
    markdown.forEach((file, i) => {
      const outcome = outcomes[i];
      const shown = displayPath(file, cwd);
      // Looked up here too, so the config files met on the way are reported whichever thread linted the file.
      configs.forFile(file);
      if ('skipped' in outcome) return stderr(`agile-artifacts: skipped ${shown}: ${outcome.skipped}\n`);
      run.checked++;
      graph.update(outcome.record);
      report(file, shown, outcome.findings);
    });
  }
  for (const { file, shown, plan } of planned) {
    const error = writeFix(plan);
    if (error) {
      stderr(`agile-artifacts: cannot fix ${shown}: ${error}; it was left as it was\n`);
      run.writeFailed = true;
      report(file, shown, plan.before);
    } else {
      run.fixed.fixes += plan.fixCount;
      run.fixed.files++;
      report(file, shown, plan.after);
    }
  }
  for (const { file, shown, findings } of own) {
    for (const finding of mergeFindings(findings, graphFindings(graph, file))) run.findings.push({ file: shown, finding });
  }
  for (const loaded of configs.loaded()) {
    if (!loaded.file) continue;
    run.checked++;
    for (const finding of loaded.findings) run.findings.push({ file: displayPath(loaded.file, cwd), finding });
  }
  return run;
}
