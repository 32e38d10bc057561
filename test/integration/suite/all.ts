// Every integration test module, loaded after mocha has set up its globals.
import './diagnostics.test';
import './backlog.test';
import './features.test';
import './host.test';
import './items.test';
import './process.test';
import './prose.test';
