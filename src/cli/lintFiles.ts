import * as fs from 'node:fs';
import * as path from 'node:path';
import { BacklogGraph, CONFIG_FILE_NAME, MAX_FILE_CHARS, TOO_LARGE, graphFindings, lintAndRecord, lintDocument, mergeFindings, rulesTable, skipReason } from '../core';
import type { Finding } from '../core';
import type { ConfigFinder } from './configs';
import { planFix, writeFix } from './fixFile';
import type { PlannedFix } from './fixFile';
import { displayPath, readText } from './files';
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
 */
export function lintFiles(files: string[], cwd: string, configs: ConfigFinder, fix: boolean, stderr: (text: string) => void): LintRun {
  const run: LintRun = { findings: [], checked: 0, fixed: { fixes: 0, files: 0 }, writeFailed: false };
  const planned: { file: string; shown: string; plan: PlannedFix }[] = [];
  // The graph rules need every file first: findings are reported once all are indexed.
  const graph = new BacklogGraph(rulesTable(), { exists: (file) => fs.existsSync(file) });
  const own: { file: string; shown: string; findings: Finding[] }[] = [];
  const report = (file: string, shown: string, findings: Finding[]) => own.push({ file, shown, findings });
  for (const file of files) {
    const shown = displayPath(file, cwd);
    if (path.basename(file) === CONFIG_FILE_NAME) {
      configs.load(file);
      continue;
    }
    const skipped = skipBySize(file);
    const read = skipped ? { error: skipped } : readText(file);
    if ('error' in read) {
      stderr(`agile-artifacts: skipped ${shown}: ${read.error}\n`);
      continue;
    }
    const skippedText = skipReason(read.text);
    if (skippedText) {
      stderr(`agile-artifacts: skipped ${shown}: ${skippedText}\n`);
      continue;
    }
    const { config, resolver } = configs.forFile(file);
    const { linted: result, record } = lintAndRecord(file, read.text, { config, resolver, once: true });
    run.checked++;
    graph.update(record);
    const plan = fix ? planFix(file, read, result.findings, (text) => lintDocument(text, { fileName: file, config, resolver }).findings) : undefined;
    if (plan && 'notFixed' in plan) stderr(`agile-artifacts: not fixed ${shown}: ${plan.notFixed}\n`);
    if (plan && 'bytes' in plan) planned.push({ file, shown, plan });
    else report(file, shown, result.findings);
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

/** Reading a huge file only to skip it wastes time; its size says enough. */
function skipBySize(file: string): string | undefined {
  try {
    const size = fs.statSync(file).size;
    return size > MAX_FILE_CHARS * 4 ? TOO_LARGE : undefined;
  } catch {
    return undefined;
  }
}
