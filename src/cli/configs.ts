import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, RoleResolver, effectiveTable, layerConfigs, lintConfigText, lintUnreadableConfig, rulesTable } from '../core';
import type { ArtifactsConfig, ConfigLayer, Finding } from '../core';
import { readText } from './files';

/** A config file with what it configures and what is wrong in it. */
export interface LoadedConfig {
  file?: string;
  config: ArtifactsConfig;
  resolver: RoleResolver;
  findings: Finding[];
  /** False when the whole file is unusable and the defaults apply. */
  usable: boolean;
}

/** The config that applies to a file: every config file from the filesystem root down, layered. */
export interface AppliedConfig {
  config: ArtifactsConfig;
  resolver: RoleResolver;
}

/**
 * Finds the `.agile-artifacts.yaml` files that apply to a file by walking up
 * to the filesystem root, reading each config once, and layers them (a nearer
 * file overrides a farther one key by key; see layerConfigs). Folders without
 * a config file share their parent's result, and folders whose layered
 * configs are equal share one, so a tree of files builds one layered config,
 * effective rules table and resolver per distinct config, not per file or folder.
 */
export class ConfigFinder {
  private readonly byFolder = new Map<string, AppliedConfig>();
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly layersOf = new Map<AppliedConfig, ConfigLayer[]>();
  /** Layered configs by their content (plain data, people stamped with their file). */
  private readonly byContent = new Map<string, AppliedConfig>();
  private readonly defaults: AppliedConfig = { config: EMPTY_CONFIG, resolver: resolverOf(EMPTY_CONFIG) };

  constructor(private readonly fixed?: LoadedConfig) {
    // A config given with --config reports its findings like any other config file.
    if (fixed?.file) this.byFile.set(fixed.file, fixed);
  }

  /** The `--config FILE` that applies to every file, if one was given. */
  get fixedFile(): string | undefined {
    return this.fixed?.file;
  }

  /** Every config file read so far (their findings are reported too). */
  loaded(): LoadedConfig[] {
    return [...this.byFile.values()];
  }

  forFile(file: string): AppliedConfig {
    if (this.fixed) return this.fixed;
    return this.forFolder(path.dirname(file));
  }

  /** Loads a config file (when it is linted itself, or given with --config). */
  load(file: string): LoadedConfig {
    let loaded = this.byFile.get(file);
    if (!loaded) {
      loaded = loadConfig(file);
      this.byFile.set(file, loaded);
    }
    return loaded;
  }

  private forFolder(folder: string): AppliedConfig {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    const parent = path.dirname(folder);
    const above = parent === folder ? this.defaults : this.forFolder(parent);
    const found = isFile(candidate) ? this.layered(above, this.load(candidate)) : above;
    this.byFolder.set(folder, found);
    return found;
  }

  /** The config of `nearer` over the configs above it. */
  private layered(above: AppliedConfig, nearer: LoadedConfig): AppliedConfig {
    const layers = [...(this.layersOf.get(above) ?? []), { file: nearer.file!, config: nearer.config }];
    const layered = layerConfigs(layers);
    // Folders whose configs say the same (an ART folder each, with the same few keys over the root's)
    // share one config object, so one effective table and one resolver with their caches serve them all.
    const key = JSON.stringify(layered);
    let same = this.byContent.get(key);
    if (!same) this.byContent.set(key, (same = { config: layered, resolver: resolverOf(layered) }));
    // Its own object all the same: the layers (files) under this folder are its own.
    const applied = { config: same.config, resolver: same.resolver };
    this.layersOf.set(applied, layers);
    return applied;
  }
}

export function loadConfig(file: string): LoadedConfig {
  const read = readText(file);
  const { config, findings, usable } = 'error' in read ? lintUnreadableConfig(read.error) : lintConfigText(read.text);
  // Made when first asked for: only a --config file lints with its own resolver; found files are layered first.
  let resolver: RoleResolver | undefined;
  return {
    file,
    config,
    get resolver() {
      return (resolver ??= resolverOf(config));
    },
    findings,
    usable,
  };
}

/** A resolver for the rules table as the config adapts it. */
function resolverOf(config: ArtifactsConfig): RoleResolver {
  return new RoleResolver(effectiveTable(rulesTable(), config), config);
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
