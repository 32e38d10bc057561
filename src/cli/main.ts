import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, workerData } from 'node:worker_threads';
import { CONFIG_FILE_NAME, effectiveTable, rulesTable } from '../core';
import { cardForTerm, suggestTerms } from '../core/hover/cards';
import { cardToText } from './cardText';
import { ConfigFinder, loadConfig } from './configs';
import type { LoadedConfig } from './configs';
import { expandPaths, MissingPathError } from './files';
import { formatGithub } from './githubFormat';
import { formatGitlab } from './gitlabFormat';
import { lintFiles } from './lintFiles';
import { formatJson, formatSarif, formatText, sortFileFindings } from './report';
import type { FileFinding } from './report';
import { VERSION } from './version';
import { collectBacklog, formatBacklogText } from './backlog';
import { DEFAULT_JOBS, serveWorkerTask } from './parallel';
import type { WorkerTask } from './parallel';

const USAGE = `Usage:
  agile-artifacts lint [PATH|GLOB ...] [--format text|json|sarif|github|gitlab]
                       [--config FILE] [--fix] [--max-warnings N] [--jobs N]
  agile-artifacts backlog [PATH|GLOB ...] [--format text|json] [--config FILE] [--jobs N]
  agile-artifacts explain TERM
  agile-artifacts --help | --version

lint     checks SAFe backlog items kept as Markdown (default: the current folder).
         --fix applies the safe fixes (renamed terms, misspelt roles), then reports what is left.
         --max-warnings N tolerates up to N warnings (errors always fail).
         --jobs N lints on N worker threads (default 1; the results are
         the same). --fix runs on one.
         Exit status: 0 no error or warning, 1 errors or warnings, 2 bad usage
         or a fix that could not be written.
backlog  lists the items the linter finds (epics, features, stories…) as a tree.
explain  prints what a role, term, field, artifact type or rule id means in SAFe,
         and in your process where the .agile-artifacts.yaml files here adapt it.`;

/** Bad usage: printed to stderr, exit status 2. */
class UsageError extends Error {}

interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs the CLI; returns the exit status. Never throws. */
export function run(argv: string[], cwd: string, out: Output): number {
  try {
    const [command, ...rest] = argv;
    if (command === '--version' || command === '-v') {
      out.stdout(`${VERSION}\n`);
      return 0;
    }
    if (!command) {
      out.stderr(`${USAGE}\n`);
      return 2;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      out.stdout(`${USAGE}\n`);
      return 0;
    }
    if (command === 'lint') return lint(rest, cwd, out);
    if (command === 'explain') return explain(rest, cwd, out);
    if (command === 'backlog') return backlog(rest, cwd, out);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || error instanceof MissingPathError) {
      out.stderr(`agile-artifacts: ${error.message}\n${error instanceof UsageError ? `\n${USAGE}\n` : ''}`);
      return 2;
    }
    out.stderr(`agile-artifacts: internal error: ${(error as Error)?.message ?? error}\n`);
    return 2;
  }
}

const COMMON_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'text' },
  config: { type: 'string', short: 'c' },
  jobs: { type: 'string', short: 'j' },
} as const;
const LINT_OPTIONS = { ...COMMON_OPTIONS, fix: { type: 'boolean', default: false }, 'max-warnings': { type: 'string' } } as const;

function parse<Options extends typeof COMMON_OPTIONS>(args: string[], options: Options) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function backlog(args: string[], cwd: string, out: Output): number {
  const { values, positionals } = parse(args, COMMON_OPTIONS);
  const format = values.format as string;
  if (!['text', 'json'].includes(format)) throw new UsageError(`unknown format "${format}" (use text or json)`);
  const fixed = fixedConfig(values.config, cwd);
  const { entries, tree } = collectBacklog(positionals, cwd, fixed, out.stderr, parseJobs(values.jobs));
  if (format === 'json') out.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  else out.stdout(formatBacklogText(tree, (id) => rulesTable().artifacts.find((artifact) => artifact.id === id)?.name ?? id));
  return 0;
}

const FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab'];

function lint(args: string[], cwd: string, out: Output): number {
  const { values, positionals } = parse(args, LINT_OPTIONS);
  const format = values.format as string;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${format}" (use ${FORMATS.join(', ')})`);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const fixed = fixedConfig(values.config, cwd);
  const files = expandPaths(positionals, cwd);
  const run = lintFiles(files, cwd, new ConfigFinder(fixed), values.fix === true, out.stderr, parseJobs(values.jobs));
  const findings = sortFileFindings(run.findings);
  out.stdout(formatReport(format, findings, run.checked, values.fix === true ? run.fixed : undefined));
  if (run.writeFailed) return 2;
  const count = (severity: string) => findings.filter(({ finding }) => finding.severity === severity).length;
  return count('error') > 0 || count('warning') > maxWarnings ? 1 : 0;
}

function formatReport(format: string, findings: FileFinding[], checked: number, fixed?: { fixes: number; files: number }): string {
  if (format === 'json') return formatJson(findings);
  if (format === 'sarif') return formatSarif(findings, rulesTable().rules, VERSION);
  if (format === 'github') return formatGithub(findings);
  if (format === 'gitlab') return formatGitlab(findings);
  return formatText(findings, checked, fixed);
}

/** Threads to lint on: one (the main thread) unless `--jobs N` says more. */
function parseJobs(value: string | undefined): number {
  if (value === undefined) return DEFAULT_JOBS;
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--jobs takes a number of threads (1 or more), not "${value}"`);
  return Number(value);
}

/** Without the option any warning fails, as if N were 0. */
function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of warnings (0 or more), not "${value}"`);
  return Number(value);
}

/** The `--config FILE` given, loaded; only a file that cannot be used at all stops the run. */
function fixedConfig(configArg: string | undefined, cwd: string): LoadedConfig | undefined {
  if (!configArg) return undefined;
  const file = path.resolve(cwd, configArg);
  if (!fs.existsSync(file)) throw new UsageError(`cannot read the config file ${configArg}: no such file`);
  const fixed = loadConfig(file);
  // A bad entry is a finding in that file, as SPEC §4 asks.
  if (!fixed.usable) {
    const lines = fixed.findings.map((f) => `  ${configArg}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.message}`);
    throw new UsageError(`the config file ${configArg} cannot be used:\n${lines.join('\n')}`);
  }
  return fixed;
}

function explain(args: string[], cwd: string, out: Output): number {
  const term = args.join(' ').trim();
  if (!term) throw new UsageError('explain needs a term, e.g. agile-artifacts explain "Product Owner"');
  // The card of the rule in force here: SAFe's, and your process's where the config files above cwd adapt it.
  const { config } = new ConfigFinder().forFile(path.join(cwd, CONFIG_FILE_NAME));
  const card = cardForTerm(term, effectiveTable(rulesTable(), config));
  if (!card) {
    const suggestions = suggestTerms(term);
    throw new UsageError(`no SAFe role or term "${term}" is known${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : ''}`);
  }
  out.stdout(cardToText(card) + '\n');
  return 0;
}

if (!isMainThread && workerData?.agileArtifactsTask) {
  // A thread of a run that lints many files (parallel.ts): this bundle serves it.
  serveWorkerTask(workerData.agileArtifactsTask as WorkerTask);
} else if (require.main === module) {
  useShortRunInlining();
  const status = run(process.argv.slice(2), process.cwd(), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  process.exitCode = status;
}

/**
 * A smaller inlining budget for V8's optimizing compiler in this process (and its worker threads): a
 * lint run lasts a second or two, and compiling the hot functions with everything inlined into them
 * cost more than the inlining saved. On the bench's 2,000-file corpus the process spent a third of its
 * CPU in those compiles (on background threads, which on a busy 2-core machine compete with the lint);
 * at 300 bytecode bytes a function instead of V8's 920 it spends 8% fewer instructions in all, the
 * main thread as much as before. Only the CLI process sets it: the extension shares its host's V8.
 */
function useShortRunInlining(): void {
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
}
