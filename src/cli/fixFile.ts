import { fixSafely, safeFixes } from '../core';
import type { Finding } from '../core';
import { replaceFile } from './replaceFile';
import type { ReplaceError } from './replaceFile';

/** A fix worked out for one file, to be written once every file is linted. */
export interface PlannedFix {
  file: string;
  /** The bytes read: the file must still hold them when it is replaced. */
  expected: Uint8Array;
  bytes: Uint8Array;
  fixCount: number;
  before: Finding[];
  after: Finding[];
}

const UTF8_BOM = '\uFEFF';

/**
 * Works out the safe fixes of one read file: nothing when it has none, the
 * reason when they cannot be written without changing other bytes, else the
 * new bytes (with the BOM again, when it had one) and what is left to report.
 */
export function planFix(
  file: string,
  read: { text: string; bytes: Uint8Array },
  findings: Finding[],
  lint: (text: string) => Finding[],
): PlannedFix | { notFixed: string } | undefined {
  if (!safeFixes(findings).length) return undefined;
  const bom = hasBom(read.bytes) ? UTF8_BOM : '';
  // Bytes that are not UTF-8 were read as U+FFFD; writing the text back would lose them.
  if (!Buffer.from(bom + read.text, 'utf8').equals(Buffer.from(read.bytes))) return { notFixed: 'it is not valid UTF-8, and writing it would change more than the fixes' };
  const fixed = fixSafely(read.text, findings, lint);
  if (fixed.text === read.text) return undefined;
  return { file, expected: read.bytes, bytes: Buffer.from(bom + fixed.text, 'utf8'), fixCount: fixed.fixCount, before: findings, after: fixed.findings };
}

/** Writes a planned fix; returns why it could not, if it could not. */
export function writeFix(plan: PlannedFix): string | undefined {
  try {
    replaceFile(plan.file, plan.expected, plan.bytes);
    return undefined;
  } catch (error) {
    // Said, not thrown, so the other files are still written.
    return (error as ReplaceError).message;
  }
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
