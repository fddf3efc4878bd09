// Headless Phaser scene tests: happy-dom + vitest-canvas-mock, Phaser.HEADLESS. Run with
// `npx vitest run -c vitest.game.config.ts` (part of `npm test`).
import { defineConfig } from 'vitest/config';
import { bundledScenarios } from './vite.config.ts';

export default defineConfig({
  plugins: [bundledScenarios()],
  test: {
    name: 'game',
    include: ['tests/game/**/*.test.ts'],
    environment: 'happy-dom',
    setupFiles: ['tests/game/setup.ts'],
    testTimeout: 30_000,
  },
});
