import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const CORE = path.resolve(__dirname, '../../../src/core');
const FORBIDDEN = new Set(['vscode', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true }).map(String).filter((file) => file.endsWith('.ts')).map((file) => path.join(dir, file));
}

describe('src/core stays editor- and Node-free (it must run in a browser worker)', () => {
  it('imports neither vscode nor a Node built-in', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(CORE)) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2] ?? match[3];
        if (FORBIDDEN.has(specifier)) offenders.push(`${path.relative(CORE, file)}: ${specifier}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('uses no Node globals', () => {
    const offenders = sourceFiles(CORE).filter((file) => /\b(?:process\.|Buffer\.|__dirname|__filename)/.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(offenders.map((file) => path.relative(CORE, file)), []);
  });
});
