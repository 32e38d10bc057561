import type { ArtifactsConfig, ProcessConfig } from './types';

/** One config file that applies to a document, with the name the front end knows it by (a path or URI). */
export interface ConfigLayer {
  file: string;
  config: ArtifactsConfig;
}

/**
 * The config that applies where several `.agile-artifacts.yaml` files are
 * found walking up (layers farthest first): a nearer file overrides a
 * farther one key by key, as ESLint's flat configs and markdownlint's nested
 * configs do. Within `rules`, `roles`, `people`, `allow`, `sections`,
 * `idPrefixes`, `fields` and `types` that is entry by entry (one rule's
 * level, one role's extra names, one person, one artifact type's actions,
 * sections, prefixes or names, one action's field keys, the ignored kinds);
 * `profile` is one value. What a nearer file leaves out, a farther one still
 * says. Roster people remember their file, for related information.
 */
export function layerConfigs(layers: readonly ConfigLayer[]): ArtifactsConfig {
  const stamped = layers.map(({ file, config }) => ({ ...config, people: config.people.map((person) => ({ ...person, configFile: file })) }));
  if (stamped.length === 1) return stamped[0];
  return stamped.reduce((farther, nearer) => ({
    rules: { ...farther.rules, ...nearer.rules },
    aliases: { ...farther.aliases, ...nearer.aliases },
    people: [...farther.people.filter((person) => !nearer.people.some((other) => other.name === person.name)), ...nearer.people],
    ...teamProcessOf(layerProcess(farther.teamProcess, nearer.teamProcess)),
  }));
}

function layerProcess(farther: ProcessConfig | undefined, nearer: ProcessConfig | undefined): ProcessConfig | undefined {
  if (!farther || !nearer) return nearer ?? farther;
  const layered: ProcessConfig = {};
  const profile = nearer.profile ?? farther.profile;
  if (profile !== undefined) layered.profile = profile;
  for (const key of ['allow', 'sections', 'idPrefixes', 'fields', 'types'] as const) {
    const entries = { ...farther[key], ...nearer[key] };
    if (Object.keys(entries).length) (layered as Record<string, unknown>)[key] = entries;
  }
  const ignoreTypes = nearer.ignoreTypes ?? farther.ignoreTypes;
  if (ignoreTypes) layered.ignoreTypes = ignoreTypes;
  return layered;
}

function teamProcessOf(teamProcess: ProcessConfig | undefined): Pick<ArtifactsConfig, 'teamProcess'> {
  return teamProcess ? { teamProcess } : {};
}
