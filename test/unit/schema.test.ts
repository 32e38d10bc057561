import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { rulesTable } from '../../src/core';
import { configSchema } from '../../src/generate/schema';

type Schema = Record<string, any>;

/**
 * The few draft-07 keywords the config schema uses, checked the standard
 * way; enough to tell that the schema accepts the documented config and
 * refuses the broken one, without a validator dependency.
 */
function problems(schema: Schema, value: unknown, path = '$'): string[] {
  if (schema.anyOf) {
    const each = (schema.anyOf as Schema[]).map((branch) => problems(branch, value, path));
    return each.some((found) => !found.length) ? [] : [`${path}: matches none of ${each.length} forms`];
  }
  if (schema.enum && !schema.enum.includes(value)) return [`${path}: not one of ${schema.enum.join(', ')}`];
  if (schema.type === 'string') {
    const ok = typeof value === 'string' && value.length >= (schema.minLength ?? 0) && (!schema.pattern || new RegExp(schema.pattern).test(value));
    return ok ? [] : [`${path}: expected a string${schema.pattern ? ` matching ${schema.pattern}` : ''}`];
  }
  if (schema.type === 'array') {
    if (!Array.isArray(value)) return [`${path}: expected an array`];
    if (schema.uniqueItems && new Set(value).size !== value.length) return [`${path}: repeated items`];
    if (value.length < (schema.minItems ?? 0)) return [`${path}: too few items`];
    return value.flatMap((item, i) => problems(schema.items ?? {}, item, `${path}[${i}]`));
  }
  if (schema.type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected an object`];
    const missing = (schema.required ?? []).filter((key: string) => !(key in value)).map((key: string) => `${path}.${key}: required`);
    return [...missing, ...Object.entries(value).flatMap(([key, item]) => {
      const property = schema.properties?.[key] ?? schema.additionalProperties;
      if (property === false || property === undefined) return property === false ? [`${path}.${key}: not allowed`] : [];
      return problems(property, item, `${path}.${key}`);
    })];
  }
  return [];
}

describe('config schema', () => {
  const table = rulesTable();
  const schema = configSchema(table) as Schema;

  it('is draft-07 and names every rule and role of the table', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(Object.keys(schema.properties.rules.properties), table.rules.map((rule) => rule.id));
    assert.deepEqual(Object.keys(schema.properties.roles.properties), table.roles.map((role) => role.id));
    assert.deepEqual(schema.properties.people.additionalProperties.properties.roles.items.enum, table.roles.map((role) => role.id));
  });

  it('accepts the config of SPEC §5', () => {
    const config = parse(`rules:
  story-format: off
roles:
  product-owner: [Team PO]
people:
  Alice Chen: { roles: [product-management], art: Payments }
  Bob Stone:  { roles: [product-owner], art: Payments, team: Falcons }
`);
    assert.deepEqual(problems(schema, config), []);
  });

  it("accepts your ART's process of SPEC §5", () => {
    const config = parse(`profile: safe-6
allow:
  feature: { accept: [product-management, business-owners] }
  story:   { estimate: [agile-team, product-owner] }
sections:
  feature: [benefit-hypothesis, acceptance-criteria, { name: NFRs, aliases: [Nonfunctional Requirements] }]
idPrefixes:
  story: [PTG]
fields:
  accept: [signed-off-by]
types:
  story: [backlog item]
  ignore: [spike, chore]
`);
    assert.deepEqual(problems(schema, config), []);
  });

  it('refuses unknown profiles, types, actions, roles and sections, empty lists and bad prefixes', () => {
    const config = parse(`profile: safe-7
allow:
  featur: { accept: [product-owner] }
  feature: { acept: [product-owner], own: [], approve: [product-owners] }
sections:
  story: [acceptance-critera, { title: Risks }]
idPrefixes:
  story: [P-T]
types:
  ignor: [spike]
`);
    const roleIds = table.roles.map((role) => role.id).join(', ');
    assert.deepEqual(problems(schema, config), [
      `$.profile: not one of ${table.profiles.map((profile) => profile.id).join(', ')}`,
      '$.allow.featur: not allowed',
      '$.allow.feature.acept: not allowed',
      '$.allow.feature.own: too few items',
      `$.allow.feature.approve[0]: not one of ${roleIds}`,
      '$.sections.story[0]: matches none of 2 forms',
      '$.sections.story[1]: matches none of 2 forms',
      '$.idPrefixes.story[0]: expected a string matching ^[A-Za-z][A-Za-z0-9]{0,15}$',
      '$.types.ignor: not allowed',
    ]);
  });

  it('refuses an unknown level, rule, top-level key, role or person key', () => {
    const config = parse(`rules: { story-format: disabled, story-formats: off }
people:
  Alice Chen: { roles: [product-owners], arts: Payments }
extends: base
`);
    assert.deepEqual(problems(schema, config), [
      '$.rules.story-format: not one of off, hint, information, warning, error',
      '$.rules.story-formats: not allowed',
      '$.people.Alice Chen.roles[0]: not one of ' + table.roles.map((role) => role.id).join(', '),
      '$.people.Alice Chen.arts: not allowed',
      '$.extends: not allowed',
    ]);
  });
});
