import { writeFileSync } from 'node:fs';

/** Preloaded with --import: writes the process's peak resident memory (bytes) to BENCH_RSS_FILE at exit. */
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE)
    writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
