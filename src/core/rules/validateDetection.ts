import type { DetectionEntry, StoryVoiceEntry } from './types';
import { at } from './validate';
import type { Reader } from './validate';

const DETECTION_KEYS: (keyof DetectionEntry)[] = [
  'typeKeys', 'bodyTypeKeys', 'idKeys', 'parentKeys', 'statusKeys', 'planPageWords', 'genericFileNames', 'notItemFileWords', 'aboutItemsWords', 'referenceHeadingWords', 'summaryHeadingWords', 'reportTitleWords',
  'backlogPageWords', 'storyListHeadings', 'issueTemplateKeys', 'issueTemplateTypeKeys', 'idColumns', 'totalRowLabels', 'toolFolders', 'toolPromptFolders', 'toolPromptKeys',
];
/** Keys compared after normalizing (lower case, words joined by "-"), so the table must hold them normalized. */
const NORMALIZED_KEYS: (keyof DetectionEntry)[] = ['typeKeys', 'bodyTypeKeys', 'idKeys', 'parentKeys', 'statusKeys', 'issueTemplateKeys', 'issueTemplateTypeKeys', 'toolPromptKeys'];
const NORMALIZED = /^[a-z]+(?:-[a-z]+)*$/;
const VOICE_KEYS = ['language', 'role', 'roleEndings', 'want', 'benefit', 'benefitFirst'];

/** The `detection:` block: every list present; keys normalized, names lower case. */
export function readDetection(r: Reader, value: unknown): DetectionEntry {
  const o = r.object(value, 'detection', DETECTION_KEYS);
  const entry = {} as DetectionEntry;
  for (const key of DETECTION_KEYS) {
    const list = r.stringList(o, key, 'detection');
    entry[key] = list;
    for (const item of list) {
      if (NORMALIZED_KEYS.includes(key) ? !NORMALIZED.test(item) : item !== item.toLowerCase()) {
        r.fail(at('detection', key), `"${item}" must be ${NORMALIZED_KEYS.includes(key) ? 'a normalized key (lower case, words joined by "-")' : 'lower case'}`);
      }
    }
  }
  if (!entry.typeKeys?.length) r.fail('detection.typeKeys', 'expected at least one key');
  return entry;
}

/** The `storyVoice:` list: each language with its phrases in lower case; role and want never empty. */
export function readStoryVoice(r: Reader, value: unknown): StoryVoiceEntry[] {
  return r.list(value, 'storyVoice').map((item, i) => {
    const path = at('storyVoice', i);
    const o = r.object(item, path, VOICE_KEYS);
    const phrases = (key: string, required: boolean) => {
      const list = o[key] === undefined && !required ? [] : r.stringList(o, key, path);
      if (required && !list.length) r.fail(at(path, key), 'expected at least one phrase');
      for (const phrase of list) if (phrase !== phrase.toLowerCase()) r.fail(at(path, key), `"${phrase}" must be lower case`);
      return list;
    };
    const role = phrases('role', false);
    const roleEndings = phrases('roleEndings', false);
    if (!role.length && !roleEndings.length) r.fail(path, 'expected role openers or role endings');
    return {
      language: r.string(o, 'language', path),
      role,
      roleEndings,
      want: phrases('want', true),
      benefit: phrases('benefit', true),
      benefitFirst: phrases('benefitFirst', false),
    };
  });
}
