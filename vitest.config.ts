import { defineConfig } from 'vitest/config';

// Tests sit beside the code (src/**/x.test.ts). Network tests use 127.0.0.1 only.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
