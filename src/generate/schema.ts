import { CONFIG_FILE_NAME } from '../core/config/types';
import type { RulesTable } from '../core/rules/types';
import { prose } from './markdown';
import { RULE_LEVELS } from '../core/types';
import { CONFIG_KEYS } from '../core/config/keys';
import { IGNORE_KEY } from '../core/config/parseProcess';
import { sectionsById } from '../core/rules/lookup';

/** Where the config schema goes; package.json's yamlValidation points here. */
export const SCHEMA_PATH = 'schemas/agile-artifacts.schema.json';


/** The JSON schema (draft-07) of `.agile-artifacts.yaml` (SPEC §5), for completion and validation in YAML editors. */
export function configSchema(table: RulesTable): Record<string, unknown> {
  const roleIds = table.roles.map((role) => role.id);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Agile Artifacts config (${CONFIG_FILE_NAME})`,
    description: "Rule levels, extra role names, the roster of people, and your ART's own process (profile, allow, sections, idPrefixes, fields, types) that Agile Artifacts checks SAFe backlog items against.",
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        description: 'The level of each rule: off, hint, information, warning or error.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          table.rules.map((rule) => [
            rule.id,
            {
              description: `${rule.summary} Default: ${rule.severity}.`,
              markdownDescription: `${prose(rule.summary)}\n\nDefault: \`${rule.severity}\`.`,
              enum: [...RULE_LEVELS],
              default: rule.severity,
            },
          ]),
        ),
      },
      roles: {
        description: 'Extra names for SAFe roles, as your organisation writes them.',
        markdownDescription: 'Extra names for SAFe roles, as your organisation writes them: `product-owner: [Team PO]`.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          table.roles.map((role) => [
            role.id,
            {
              description: `Extra names for ${role.name}. ${role.focus}`,
              type: 'array',
              items: { type: 'string', minLength: 1 },
            },
          ]),
        ),
      },
      people: {
        description: 'The roster: who holds which SAFe role, in which ART and team. With a roster, role fields may name people, and a name that is neither a role nor a person is reported.',
        markdownDescription:
          'The roster: who holds which SAFe role, in which ART and team.\n\n```yaml\nAlice Chen: { roles: [product-management], art: Payments }\n```\n\nWith a roster, role fields may name people, and a name that is neither a role nor a person is reported (`unknown-role`).',
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          properties: {
            roles: {
              description: 'The SAFe roles this person holds.',
              type: 'array',
              items: { enum: roleIds, enumDescriptions: table.roles.map((role) => `${role.name}: ${role.focus}`) },
              uniqueItems: true,
            },
            art: { description: 'The Agile Release Train the person works in.', type: 'string' },
            team: { description: 'The agile team the person works in.', type: 'string' },
          },
        },
      },
      ...processSchema(table),
    },
  };
}

/** The keys by which a team adapts the rules (SPEC §5), with the table's ids as the only allowed names. */
function processSchema(table: RulesTable): Record<string, unknown> {
  const roles = { enum: table.roles.map((role) => role.id), enumDescriptions: table.roles.map((role) => `${role.name}: ${role.focus}`) };
  const names = (description: string) => ({ description, type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 });
  const perArtifact = (value: (name: string) => Record<string, unknown>) =>
    Object.fromEntries(table.artifacts.map((artifact) => [artifact.id, value(artifact.name)]));
  const sections = [...sectionsById(table).values()];
  const describe = (key: string) => {
    const entry = CONFIG_KEYS.find((candidate) => candidate.key === key)!;
    return { description: entry.summary, markdownDescription: `${prose(entry.summary)}\n\n\`\`\`yaml\n${entry.example}\n\`\`\`` };
  };
  return {
    profile: { ...describe('profile'), enum: table.profiles.map((profile) => profile.id), enumDescriptions: table.profiles.map((profile) => profile.name), default: table.defaultProfile },
    allow: {
      ...describe('allow'),
      type: 'object',
      additionalProperties: false,
      properties: perArtifact((name) => ({
        description: `Who may do what on a ${name}.`,
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(table.actions.map((action) => [action.id, { description: `The roles that may ${action.verb} it: who ${action.description}.`, type: 'array', items: roles, minItems: 1, uniqueItems: true }])),
      })),
    },
    sections: {
      ...describe('sections'),
      type: 'object',
      additionalProperties: false,
      properties: perArtifact((name) => ({
        description: `The sections a ${name} requires.`,
        type: 'array',
        minItems: 1,
        items: {
          anyOf: [
            { enum: sections.map((section) => section.id), enumDescriptions: sections.map((section) => section.name) },
            {
              type: 'object',
              additionalProperties: false,
              required: ['name'],
              properties: { name: { description: 'The heading of a section of your own.', type: 'string', minLength: 1 }, aliases: names('Other headings that count as it.') },
            },
          ],
        },
      })),
    },
    idPrefixes: {
      ...describe('idPrefixes'),
      type: 'object',
      additionalProperties: false,
      properties: perArtifact((name) => ({ description: `More id prefixes of a ${name}.`, type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]{0,15}$' } })),
    },
    fields: {
      ...describe('fields'),
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(table.actions.map((action) => [action.id, names(`More field keys that name who ${action.description}.`)])),
    },
    types: {
      ...describe('types'),
      type: 'object',
      additionalProperties: false,
      properties: { ...perArtifact((name) => names(`More \`type:\` values that mean a ${name}.`)), [IGNORE_KEY]: names('Work-item kinds that are no artifact: files of these types stay silent.') },
    },
  };
}
