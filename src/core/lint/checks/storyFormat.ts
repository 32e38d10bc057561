import { firstTitle } from '../../document/parse';
import { hasUserVoiceStatement } from '../../document/storyStatement';
import type { RuleContext } from '../context';
import { USER_VOICE_SKELETON } from '../../templates';
import { anchorOfArtifact } from './anchor';

/** `story-format`: a (non-enabler) story has no user-voice statement. */
export function checkStoryFormat(context: RuleContext): void {
  const { artifact, doc, reporter } = context;
  if (!artifact.userVoice || hasUserVoiceStatement(doc.body.lines, context.table)) return;
  const anchor = anchorOfArtifact(context);
  const title = firstTitle(doc);
  const newline = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const at = title ? doc.index.lineEnd(title.line) : doc.frontMatter ? Math.min(doc.frontMatter.bodyStart, doc.text.length) : 0;
  const newText = title ? `${newline}${newline}${USER_VOICE_SKELETON}` : `${USER_VOICE_SKELETON}${newline}${newline}`;
  reporter.report('story-format', 'missing', {}, anchor.start, anchor.end, [
    { title: 'Add a user-voice statement', edits: [{ start: at, end: at, newText }], preferred: true },
  ]);
}
