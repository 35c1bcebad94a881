'use strict';
// Preloaded (`node -r`) into each measured process: on exit it writes the
// process's own CPU time (all threads) to $IM_BENCH_CPU, so the benchmark can
// compare CLI and bare read independently of other load on a shared machine,
// and its peak memory (RSS high-water mark, KB).
const fs = require('fs');

const ziel = process.env.IM_BENCH_CPU;
if (ziel) {
  process.on('exit', () => {
    const u = process.cpuUsage();
    fs.writeFileSync(ziel, JSON.stringify({ userUs: u.user, systemUs: u.system, maxRssKB: process.resourceUsage().maxRSS }));
  });
}
