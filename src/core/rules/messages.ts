const PLACEHOLDER = /( ?)\{([A-Za-z][A-Za-z0-9]*)\}/g;

/**
 * Fills `{name}` placeholders of a message template from `values`. A name
 * without a value is left as written; an empty value also removes the space
 * before it, so optional trailing parts leave no gap. Values are inserted
 * as they are, never read for placeholders themselves.
 */
export function formatMessage(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, space: string, name: string) => {
    if (!Object.hasOwn(values, name)) return whole;
    const value = values[name];
    return value === '' ? '' : space + value;
  });
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
