const PLACEHOLDER = /( ?)\{([A-Za-z][A-Za-z0-9]*)\}/g;

/**
 * Fills `{name}` placeholders of a message template from `values`. A name
 * without a value is left as written; an empty value also removes the space
 * before it, so optional trailing parts leave no gap. Values are inserted
 * as they are, never read for placeholders themselves.
 */
export function formatMessage(template: string, values: Record<string, string>): string {
  const parts = partsOf(template);
  let message = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const { whole, space, name } = parts[i] as TemplateSlot;
    const filled = !Object.hasOwn(values, name) ? whole : values[name] === '' ? '' : space + values[name];
    message += filled + (parts[i + 1] as string);
  }
  return message;
}

interface TemplateSlot {
  whole: string;
  space: string;
  name: string;
}

/**
 * A template split once into text and placeholders, alternating: a file with
 * thousands of findings formats the same few templates thousands of times.
 */
const splitTemplates = new Map<string, (string | TemplateSlot)[]>();

function partsOf(template: string): (string | TemplateSlot)[] {
  let parts = splitTemplates.get(template);
  if (parts) return parts;
  parts = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(last, match.index), { whole: match[0], space: match[1], name: match[2] });
    last = (match.index as number) + match[0].length;
  }
  parts.push(template.slice(last));
  // Templates come from the rules table and its config overlays: a bounded set, but never let it grow without end.
  if (splitTemplates.size > 1000) splitTemplates.clear();
  splitTemplates.set(template, parts);
  return parts;
}

/** The placeholder names a template uses, in order of first use. */
export function placeholderNames(template: string): string[] {
  const names = [...template.matchAll(PLACEHOLDER)].map((match) => match[2]);
  return [...new Set(names)];
}

/** Joins items as prose: `A`, `A or B`, `A, B or C`. */
export function joinWith(items: readonly string[], conj: 'and' | 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conj} ${items[items.length - 1]}`;
}

/**
 * The plural of a name, each `/`-joined part in turn: "Scrum Master/Team Coach" →
 * "Scrum Masters/Team Coaches", "ART Planning Board" → "ART Planning Boards".
 */
export function pluralOf(name: string): string {
  return name
    .split('/')
    .map((part) => {
      if (/(?:s|x|z|ch|sh)$/i.test(part)) return `${part}es`;
      if (/[^aeiou]y$/i.test(part)) return `${part.slice(0, -1)}ies`;
      return `${part}s`;
    })
    .join('/');
}
