import { defineConfig } from 'vitest/config';

// `npm test` runs every project: core rules and CLI (Node), Phaser scenes headless (happy-dom),
// and the end-to-end games in Debian's Chromium.
export default defineConfig({
  test: {
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
      './vitest.e2e.config.ts',
    ],
  },
});
