// The suite entry for the web-worker extension host: mocha's browser build, no Node.
import 'mocha/mocha';
import { cacheSession, cacheSuite } from './suite/cache.test';

declare const mocha: BrowserMocha;
interface BrowserMocha {
  setup(options: { ui: string; reporter?: string; timeout?: number; color?: boolean }): void;
  run(done: (failures: number) => void): void;
}

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 30_000, color: false });
  // A session of the index cache's windows (scripts/test-integration.js), or the whole suite.
  const session = await cacheSession();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (session) cacheSuite(session);
  else require('./suite/all');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
