import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium against the real `imagross serve`, started once by the global
// setup. Files run one after another because they share the server and its database.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
