// Browser tests: playwright-core driving Debian's Chromium against `vite preview`. Run with
// `npx vitest run -c vitest.e2e.config.ts` (part of `npm test`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
