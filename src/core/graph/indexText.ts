import { EMPTY_CONFIG } from '../config/types';
import type { ArtifactsConfig } from '../config/types';
import { effectiveTable } from '../config/effective';
import { lintDocument, resolverFor, skipReason } from '../lint/lint';
import { analyzeMarkdown } from '../lint/lint';
import type { RoleResolver } from '../roles/resolve';
import { rulesTable } from '../rules/table';
import type { Finding } from '../types';
import { graphFindings } from './findings';
import { BacklogGraph } from './graph';
import type { GraphOptions } from './graph';
import { recordOf } from './record';
import type { FileRecord } from './record';
import { withoutMemos } from '../memo';

export interface IndexOptions {
  config?: ArtifactsConfig;
  resolver?: RoleResolver;
  /** One of many files indexed once each (see LintOptions.once). */
  once?: boolean;
  /**
   * The name the detection reads (`.feature.md`, `story-12.md`), when `file`
   * is not a path: the editor's keys are URIs, whose names are percent-encoded.
   */
  fileName?: string;
}

/**
 * The index record of one file from its text, without running the per-file
 * checks: what the editor indexes for files that are not open. Undefined for
 * a file that is not checked at all (too large, not text).
 */
export function indexText(file: string, text: string, options: IndexOptions = {}): FileRecord | undefined {
  if (options.once) return withoutMemos(() => indexText(file, text, { ...options, once: false }));
  if (skipReason(text)) return undefined;
  const { config, table, resolver } = rulesFor(options);
  const { doc, detection } = analyzeMarkdown(text, options.fileName ?? file, table);
  return recordOf(file, doc, detection.items, table, resolver, config);
}

/**
 * Lints one file and makes its index record from the same parse: what the
 * CLI (lint, backlog) and lintBacklog do for every file. Returns the table
 * and resolver it used, for callers that describe the items further.
 */
export function lintAndRecord(file: string, text: string, options: IndexOptions = {}): ReturnType<typeof lintAndRecordNow> {
  return options.once ? withoutMemos(() => lintAndRecordNow(file, text, options)) : lintAndRecordNow(file, text, options);
}

function lintAndRecordNow(file: string, text: string, options: IndexOptions) {
  const { config, table, resolver } = rulesFor(options);
  const linted = lintDocument(text, { fileName: options.fileName ?? file, config, resolver });
  return { linted, table, resolver, record: recordOf(file, linted.doc, linted.items, table, resolver, config, linted.findings) };
}

/** The table a file's config adapts, and the resolver for it (the caller's, when it was made for that table). */
function rulesFor(options: IndexOptions) {
  const config = options.config ?? EMPTY_CONFIG;
  const table = effectiveTable(rulesTable(), config);
  const resolver = options.resolver?.table === table ? options.resolver : resolverFor(table, config);
  return { config, table, resolver };
}

/** One file of a backlog to lint as a whole. */
export interface BacklogText extends IndexOptions {
  file: string;
  text: string;
}

/**
 * Lints several files as one backlog: each file's own checks, then the graph
 * rules across them. Findings per file, sorted; skipped files get none.
 */
export function lintBacklog(files: readonly BacklogText[], options: GraphOptions = {}): { graph: BacklogGraph; findings: Map<string, Finding[]> } {
  const graph = new BacklogGraph(rulesTable(), options);
  const findings = new Map<string, Finding[]>();
  for (const { file, text, config, resolver } of files) {
    if (skipReason(text)) continue;
    const { linted, record } = lintAndRecord(file, text, { config, resolver });
    graph.update(record);
    findings.set(file, linted.findings);
  }
  for (const [file, own] of findings) findings.set(file, mergeFindings(own, graphFindings(graph, file)));
  return { graph, findings };
}

/** Both lists in the order the CLI and the Problems panel show findings. */
export function mergeFindings(own: readonly Finding[], graph: readonly Finding[]): Finding[] {
  if (!graph.length) return [...own];
  return [...own, ...graph].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
}
