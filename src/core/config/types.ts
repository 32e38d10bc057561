import type { Range, RuleLevel } from '../types';

/** A person in the roster of `.agile-artifacts.yaml`. */
export interface RosterPerson {
  name: string;
  /** Role ids. */
  roles: string[];
  art?: string;
  team?: string;
  /** Offsets of the person's key in the config file. */
  start: number;
  end: number;
  /** The same place as a range, for related information shown in artifacts. */
  range?: Range;
  /** The config file the person is listed in, where several files apply (layerConfigs). */
  configFile?: string;
}

/** The config after validation; invalid parts are dropped (and reported). */
export interface ArtifactsConfig {
  rules: Record<string, RuleLevel>;
  /** role id -> extra aliases */
  aliases: Record<string, string[]>;
  people: RosterPerson[];
  /** The ART's own agreements (SPEC §5), applied over the rules table; absent when the config states none. */
  teamProcess?: ProcessConfig;
}

/** A required section a config names: one of the table's, by id, or the team's own. */
export type SectionChoice = { id: string } | { id: string; name: string; aliases: string[] };

/**
 * The keys by which a team adapts the rules table. Ids are the table's
 * (artifact, action, role and section ids), already checked; each key
 * overrides only what it names.
 */
export interface ProcessConfig {
  /** Profile id (`safe-5`). */
  profile?: string;
  /** artifact id -> action id -> role ids, replacing SAFe's list. */
  allow?: Record<string, Record<string, string[]>>;
  /** artifact id -> required sections, replacing SAFe's. */
  sections?: Record<string, SectionChoice[]>;
  /** artifact id -> extra item id prefixes, upper case. */
  idPrefixes?: Record<string, string[]>;
  /** action id -> extra field keys, normalised. */
  fields?: Record<string, string[]>;
  /** artifact id -> extra type names, lower case. */
  types?: Record<string, string[]>;
  /** `types.ignore`: work-item kinds that are no artifact and stay silent, lower case. */
  ignoreTypes?: string[];
}

export const EMPTY_CONFIG: ArtifactsConfig = { rules: {}, aliases: {}, people: [] };

export const CONFIG_FILE_NAME = '.agile-artifacts.yaml';
