import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // the batch tests run the compiled CLI and worker: build dist/ once first
    globalSetup: ['tests/batch/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
