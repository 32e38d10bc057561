// The suite entry @vscode/test-electron and the code-server runner load in the Node extension host.
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000 });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./suite/all');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
