import { defineConfig } from 'vitest/config';

// Unit tests only; the Playwright suites under tests/e2e and tests/a11y run after the build.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // A fuzzing session (FUZZ_RUNS=10000) runs each property fifty times longer.
    testTimeout: process.env.FUZZ_RUNS ? 600_000 : 5_000,
  },
});
