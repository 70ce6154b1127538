import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite instances are heavy (~370 MB each); two forks keep the 2-core machine responsive.
    pool: 'forks',
    maxWorkers: 2,
  },
});
