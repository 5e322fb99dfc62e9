import { defineConfig } from 'vitest/config';

// Unit tests only; the Playwright suites under tests/e2e and tests/a11y run after the build.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
  },
});
