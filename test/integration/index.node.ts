// The suite entry @vscode/test-electron and the code-server runner load in the Node extension host.
import Mocha from 'mocha';

import { cacheSession, cacheSuite } from './suite/cache.test';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000 });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // A session of the index cache's windows (scripts/test-integration.js), or the whole suite.
  const session = await cacheSession();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (session) cacheSuite(session);
  else require('./suite/all');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
