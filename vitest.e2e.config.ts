// Browser tests: playwright-core driving Debian's Chromium against `vite preview`. The game is built
// and served once for all files (tests/e2e/setup.ts). Run with `npm run test:e2e` (part of `npm test`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
