import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import quick from './vitest.config.ts';

// `npm test`: every project in one run, so the browser tests overlap the quick ones. A browser test
// spends most of its time waiting on Chromium, so one more file runs at a time than there are cores.
export default defineConfig({
  test: {
    maxWorkers: availableParallelism() + 1,
    projects: [...(quick.test?.projects ?? []), './vitest.e2e.config.ts'],
  },
});
