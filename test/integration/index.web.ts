// The suite entry for the web-worker extension host: mocha's browser build, no Node.
import 'mocha/mocha';

declare const mocha: BrowserMocha;
interface BrowserMocha {
  setup(options: { ui: string; reporter?: string; timeout?: number; color?: boolean }): void;
  run(done: (failures: number) => void): void;
}

export function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 30_000, color: false });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./suite/all');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
