import { hasUserVoiceOutline, hasUserVoiceStatement, hasUserVoiceWithoutBenefit } from '../../document/storyStatement';
import type { RuleContext } from '../context';
import { USER_VOICE_SKELETON } from '../../templates';
import { anchorOfArtifact } from './anchor';

/** `story-format`: a (non-enabler) story has no user-voice statement (a row's story cell is its statement). */
export function checkStoryFormat(context: RuleContext): void {
  const { artifact, item, reporter, table } = context;
  if (!artifact.userVoice || !item.statementLines || hasUserVoiceStatement(item.statementLines, table)) return;
  // A template's statement is an outline to fill in.
  if (item.template && hasUserVoiceOutline(item.statementLines, table)) return;
  const anchor = anchorOfArtifact(context);
  // "As a user, I want a dark mode" names who and what: only the value is missing.
  if (hasUserVoiceWithoutBenefit(item.statementLines, table)) {
    reporter.report('story-format', 'noBenefit', {}, anchor.start, anchor.end);
    return;
  }
  reporter.report('story-format', 'missing', {}, anchor.start, anchor.end, statementFix(context));
}

/** Inserts the skeleton under the item's heading (or at the top of a file without one). */
function statementFix(context: RuleContext) {
  const { doc, item } = context;
  const newline = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const title = item.sections.find((section) => section.kind === 'heading' && section.line === headingLine(context));
  if (item.shape !== 'file' && item.shape !== 'section') return [];
  const at = title ? doc.index.lineEnd(title.line) : doc.frontMatter ? Math.min(doc.frontMatter.bodyStart, doc.text.length) : 0;
  const newText = title ? `${newline}${newline}${USER_VOICE_SKELETON}` : `${USER_VOICE_SKELETON}${newline}${newline}`;
  return [{ title: 'Add a user-voice statement', edits: [{ start: at, end: at, newText }], preferred: true }];
}

/** The line of the item's own heading: a section's first line, a file's level-1 title. */
function headingLine(context: RuleContext): number {
  const { item } = context;
  if (item.shape === 'section') return item.startLine;
  return item.sections.find((section) => section.kind === 'heading' && section.level === 1)?.line ?? -1;
}
