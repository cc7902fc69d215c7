import { defineConfig } from 'vitest/config';

// Real-browser tests: Playwright drives Debian's Chromium with the built
// extension (.output/chrome-mv3) loaded. Run `npm run build` first.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
