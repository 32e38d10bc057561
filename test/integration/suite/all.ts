// Every integration test module, loaded after mocha has set up its globals.
import './diagnostics.test';
import './features.test';
import './host.test';
import './prose.test';
