import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, RoleResolver, lintConfigText, lintUnreadableConfig, rulesTable } from '../core';
import type { ArtifactsConfig, Finding } from '../core';
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

/**
 * Finds the `.agile-artifacts.yaml` that applies to a file by walking up to
 * the filesystem root, reading each config once.
 */
export class ConfigFinder {
  private readonly byFolder = new Map<string, LoadedConfig>();
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly defaults: LoadedConfig = { config: EMPTY_CONFIG, resolver: new RoleResolver(rulesTable(), EMPTY_CONFIG), findings: [], usable: true };

  constructor(private readonly fixed?: LoadedConfig) {
    // A config given with --config reports its findings like any other config file.
    if (fixed?.file) this.byFile.set(fixed.file, fixed);
  }

  /** Every config file read so far (their findings are reported too). */
  loaded(): LoadedConfig[] {
    return [...this.byFile.values()];
  }

  forFile(file: string): LoadedConfig {
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

  private forFolder(folder: string): LoadedConfig {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    const parent = path.dirname(folder);
    const found = isFile(candidate) ? this.load(candidate) : parent === folder ? this.defaults : this.forFolder(parent);
    this.byFolder.set(folder, found);
    return found;
  }
}

export function loadConfig(file: string): LoadedConfig {
  const read = readText(file);
  const { config, findings, usable } = 'error' in read ? lintUnreadableConfig(read.error) : lintConfigText(read.text);
  return { file, config, resolver: new RoleResolver(rulesTable(), config), findings, usable };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
