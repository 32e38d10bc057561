'use strict';
// Preloaded with `node --require` when GNU time is missing: records the
// process's peak RSS (kilobytes) at exit, whatever way the process exits.
const fs = require('node:fs');

process.on('exit', () => {
  const file = process.env.AGILE_BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
