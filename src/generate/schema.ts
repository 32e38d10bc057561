import { CONFIG_FILE_NAME } from '../core/config/types';
import type { RulesTable } from '../core/rules/types';
import { prose } from './markdown';
import { RULE_LEVELS } from '../core/types';

/** Where the config schema goes; package.json's yamlValidation points here. */
export const SCHEMA_PATH = 'schemas/agile-artifacts.schema.json';


/** The JSON schema (draft-07) of `.agile-artifacts.yaml` (SPEC §5), for completion and validation in YAML editors. */
export function configSchema(table: RulesTable): Record<string, unknown> {
  const roleIds = table.roles.map((role) => role.id);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Agile Artifacts config (${CONFIG_FILE_NAME})`,
    description: 'Rule levels, extra role names and the roster of people Agile Artifacts checks SAFe backlog items against.',
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
    },
  };
}
