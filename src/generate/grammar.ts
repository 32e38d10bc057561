import type { RulesTable } from '../core/rules/types';
import { namesARoleInProse } from '../core/rules/proseNames';
import { escapeRegExp } from '../core/phrases';

/** Where the grammar goes; package.json's contributes.grammars points here. */
export const GRAMMAR_PATH = 'syntaxes/agile-artifacts.injection.tmLanguage.json';

/** The scope names themes colour: tags for roles, keywords for field keys. */
export const SCOPES = {
  roleName: 'entity.name.tag.role.agile-artifacts',
  roleAbbreviation: 'entity.name.tag.role.abbreviation.agile-artifacts',
  fieldKey: 'keyword.other.field.agile-artifacts',
};

/**
 * What may stand between the line start and a field key. Each is spelled
 * out because the key pattern uses a lookbehind (it must not swallow the
 * `- ` or `> ` that starts a list or quote), and Oniguruma only accepts
 * lookbehinds whose top-level alternatives each have a fixed length.
 */
const KEY_PREFIXES = ['', '> '].flatMap((quote) => ['', '- ', '* ', '+ '].flatMap((item) => ['', '**', '__'].map((bold) => `${quote}${item}${bold}`)));

/**
 * A TextMate injection grammar for Markdown that scopes role names and
 * aliases (any case), role abbreviations (as written) and role field keys
 * at the start of a line, outside code and comments. Patterns are built to
 * mean the same in Oniguruma (VS Code) and JavaScript (the tests): no
 * inline flags, and case-insensitivity spelt as `[Pp]` classes.
 */
export function injectionGrammar(table: RulesTable): Record<string, unknown> {
  const names = table.roles
    .flatMap((role) => [role.name, role.plural, ...(role.person ? [role.person] : []), ...role.aliases])
    .filter(namesARoleInProse);
  const abbreviations = table.roles.flatMap((role) => role.abbreviations);
  const keys = table.actions.flatMap((action) => action.fields);
  const lookbehind = KEY_PREFIXES.map((prefix) => `^${escapeRegExp(prefix)}`).join('|');
  const keyPattern = alternatives(keys, anyCase);
  return {
    $comment: 'Generated from src/core/rules/table.yaml by npm run generate; do not edit.',
    scopeName: 'markdown.agile-artifacts.injection',
    injectionSelector: 'L:text.html.markdown -comment -markup.fenced_code -markup.inline.raw',
    patterns: [{ include: '#field-key' }, { include: '#table-field-key' }, { include: '#role-name' }, { include: '#role-abbreviation' }],
    repository: {
      'field-key': { match: `(?<=${lookbehind})${keyPattern}(?=(?:\\*\\*|__)?[ \\t]*:)`, name: SCOPES.fieldKey },
      // Markdown's table rule tokenizes each cell on its own, so the cell's end may be the end of the text seen.
      'table-field-key': { match: `(?<=^\\| |^\\|)${keyPattern}(?=[ \\t]*(?:\\||$))`, name: SCOPES.fieldKey },
      'role-name': { match: `\\b${alternatives(names, anyCase)}\\b`, name: SCOPES.roleName },
      'role-abbreviation': { match: `\\b${alternatives(abbreviations, escapeRegExp)}\\b`, name: SCOPES.roleAbbreviation },
    },
  };
}

/** A non-capturing group of the terms, longest first so `Product Owners` wins over `Product Owner`. */
function alternatives(terms: string[], toPattern: (term: string) => string): string {
  const unique = [...new Set(terms)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return `(?:${unique.map(toPattern).join('|')})`;
}

/** Letters in either case; spaces, `-` and `_` alike, as the linter compares names; space allowed around `/`. */
function anyCase(term: string): string {
  return term
    .trim()
    .split(/([\s_-]+|\s*\/\s*)/)
    .map((part, i) => {
      if (i % 2) return part.includes('/') ? '[ \\t]*/[ \\t]*' : '[-_ \\t]+';
      return [...part].map((char) => (/[a-z]/i.test(char) ? `[${char.toUpperCase()}${char.toLowerCase()}]` : escapeRegExp(char))).join('');
    })
    .join('');
}

