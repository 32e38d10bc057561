import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, MAX_FILE_CHARS, TOO_LARGE, lintMarkdown } from '../core';
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
  const planned: { shown: string; plan: PlannedFix }[] = [];
  const report = (shown: string, findings: Finding[]) => {
    for (const finding of findings) run.findings.push({ file: shown, finding });
  };
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
    const { config, resolver } = configs.forFile(file);
    const lint = (text: string) => lintMarkdown(text, { fileName: file, config, resolver });
    const result = lint(read.text);
    if (result.skipped) {
      stderr(`agile-artifacts: skipped ${shown}: ${result.skipped}\n`);
      continue;
    }
    run.checked++;
    const plan = fix ? planFix(file, read, result.findings, (text) => lint(text).findings) : undefined;
    if (plan && 'notFixed' in plan) stderr(`agile-artifacts: not fixed ${shown}: ${plan.notFixed}\n`);
    if (plan && 'bytes' in plan) planned.push({ shown, plan });
    else report(shown, result.findings);
  }
  for (const { shown, plan } of planned) {
    const error = writeFix(plan);
    if (error) {
      stderr(`agile-artifacts: cannot fix ${shown}: ${error}; it was left as it was\n`);
      run.writeFailed = true;
      report(shown, plan.before);
    } else {
      run.fixed.fixes += plan.fixCount;
      run.fixed.files++;
      report(shown, plan.after);
    }
  }
  for (const loaded of configs.loaded()) {
    if (!loaded.file) continue;
    run.checked++;
    report(displayPath(loaded.file, cwd), loaded.findings);
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
