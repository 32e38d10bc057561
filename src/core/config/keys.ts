/**
 * The top-level keys of `.agile-artifacts.yaml` and what each does, in one
 * place for the JSON schema, completion and hover in the config file.
 */
export const CONFIG_KEYS: readonly { key: string; summary: string; example: string }[] = [
  { key: 'rules', summary: 'The level of each rule: off, hint, information, warning or error.', example: 'rules:\n  story-format: off' },
  { key: 'roles', summary: 'Extra names for SAFe roles, as your organisation writes them.', example: 'roles:\n  product-owner: [Team PO]' },
  { key: 'people', summary: 'The roster: who holds which SAFe role, in which ART and team.', example: 'people:\n  Alice Chen: { roles: [product-management], art: Payments }' },
  { key: 'profile', summary: 'The version of SAFe your ART follows; names of that version are not outdated.', example: 'profile: safe-5' },
  { key: 'allow', summary: "Who may do what, per artifact type and action; replaces SAFe's list of roles for that action.", example: 'allow:\n  feature: { accept: [product-management, business-owners] }' },
  { key: 'sections', summary: "The sections an artifact type requires, replacing SAFe's: section ids, or { name, aliases } of your own.", example: 'sections:\n  feature: [benefit-hypothesis, acceptance-criteria, { name: NFRs, aliases: [Nonfunctional Requirements] }]' },
  { key: 'idPrefixes', summary: 'More item id prefixes per artifact type (PTG in PTG-132).', example: 'idPrefixes:\n  story: [PTG]' },
  { key: 'fields', summary: 'More field keys per action (signed-off-by for accept).', example: 'fields:\n  accept: [signed-off-by]' },
  { key: 'types', summary: 'More type names for known artifact types, and under ignore, work-item kinds that are no artifact and stay silent.', example: 'types:\n  story: [backlog item]\n  ignore: [spike, chore]' },
];
