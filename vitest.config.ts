import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The quick loop, without a browser: core rules and CLI (Node) and Phaser scenes headless
// (happy-dom). `npx vitest` watches these; `npm run test:quick` runs them once with types and lint.
// `npm test` adds the Chromium end-to-end project (vitest.all.config.ts).
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on two cores, one file at a time.
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'core',
          include: ['tests/core/**/*.test.ts', 'tests/cli/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      './vitest.game.config.ts',
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
