import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ConfigFinder } from '../../src/cli/configs';
import { workspace } from './cliProcess';

const ART = 'profile: safe-6\nfields:\n  own: [product-lead]\n';

describe('CLI config lookup (ConfigFinder)', () => {
  it('folders whose layered configs are equal share one config and resolver; others do not', () => {
    const cwd = workspace({
      '.agile-artifacts.yaml': 'profile: safe-5\npeople:\n  Alice Chen: { roles: [product-management] }\n',
      'art-0/.agile-artifacts.yaml': ART,
      'art-1/.agile-artifacts.yaml': ART,
      'art-2/.agile-artifacts.yaml': 'profile: safe-6\n',
      'art-3/.agile-artifacts.yaml': 'people:\n  Bob Stone: { roles: [product-owner] }\n',
      'art-4/.agile-artifacts.yaml': 'people:\n  Bob Stone: { roles: [product-owner] }\n',
    });
    const finder = new ConfigFinder();
    const at = (folder: string) => finder.forFile(path.join(cwd, folder, 'team-0', 'a.feature.md'));
    assert.equal(at('art-0').config, at('art-1').config);
    assert.equal(at('art-0').resolver, at('art-1').resolver);
    assert.notEqual(at('art-0').config, at('art-2').config);
    assert.notEqual(at('art-0').config, at('.').config);
    // The same person from two files is not the same config: related information names the file.
    assert.notEqual(at('art-3').config, at('art-4').config);
    assert.equal(at('art-3').config.people.find((p) => p.name === 'Bob Stone')?.configFile, path.join(cwd, 'art-3', '.agile-artifacts.yaml'));
    assert.deepEqual(at('art-0').config.teamProcess, { profile: 'safe-6', fields: { own: ['product-lead'] } });
  });

  it('a config below a shared one still layers over its own folder\'s files', () => {
    const cwd = workspace({
      'art-0/.agile-artifacts.yaml': ART,
      'art-1/.agile-artifacts.yaml': ART,
      'art-1/team/.agile-artifacts.yaml': 'people:\n  Bob Stone: { roles: [product-owner] }\n',
    });
    const finder = new ConfigFinder();
    const team = finder.forFile(path.join(cwd, 'art-1', 'team', 'a.feature.md')).config;
    assert.deepEqual(team.teamProcess, { profile: 'safe-6', fields: { own: ['product-lead'] } });
    assert.deepEqual(team.people.map((p) => [p.name, p.configFile]), [['Bob Stone', path.join(cwd, 'art-1', 'team', '.agile-artifacts.yaml')]]);
  });
});
