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
}

/** The config after validation; invalid parts are dropped (and reported). */
export interface ArtifactsConfig {
  rules: Record<string, RuleLevel>;
  /** role id -> extra aliases */
  aliases: Record<string, string[]>;
  people: RosterPerson[];
}

export const EMPTY_CONFIG: ArtifactsConfig = { rules: {}, aliases: {}, people: [] };

export const CONFIG_FILE_NAME = '.agile-artifacts.yaml';
